//! Shared string measures: word counts, sentence ends, title case, fingerprints, date stamps.

use std::borrow::Cow;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;
use unicode_normalization::UnicodeNormalization;

use crate::lexicon;
use crate::pychar::{self, casefold, char_len, is_space};
use crate::pyre::{Hay, Mode, PyRegex};

/// Function words that stay lower case inside an English title ("Pledge Deeper Cooperation in First").
pub const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "but", "by", "de", "for", "from", "in", "into", "nor", "of", "on", "or", "over",
    "per", "the", "to", "up", "via", "vs", "with",
];

/// Characters that take no room on screen and say nothing a rule should read, which scraped
/// text carries: a soft hyphen (U+00AD), a zero-width space (U+200B), left-to-right and
/// right-to-left marks (U+200E, U+200F), a word joiner (U+2060) and a byte-order mark in
/// the middle of a text (U+FEFF, from files joined with `cat`). Before a chrome line they
/// would hide it from every rule ("\u{200b}Follow us" is not the phrase "Follow us").
/// Joiners that shape a script (ZWJ, ZWNJ) are left alone.
pub fn is_invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{2060}' | '\u{feff}')
}

/// `text` without its invisible characters (`is_invisible`), as the rules read it; the
/// output keeps the input's lines as they are. Borrowed when there are none.
pub fn visible(text: &str) -> Cow<'_, str> {
    if !has_invisible(text) {
        return Cow::Borrowed(text);
    }
    // Sized once: collecting would grow the buffer by doubling, to up to twice the text.
    let mut out = String::with_capacity(text.len());
    out.extend(text.chars().filter(|&c| !is_invisible(c)));
    Cow::Owned(out)
}

/// The visible form (`visible`) of the lines of a text that hold invisible characters, in
/// one buffer; every other line is its own visible form. A page reads its lines through it
/// (`Page::of_text`), so a long text with one soft hyphen is not copied whole.
#[derive(Debug, Default)]
pub struct VisibleLines {
    buffer: String,
    /// The changed lines' numbers (0-based), in order, and where each one's visible text ends
    /// in `buffer` (it starts where the one before ends).
    lines: Vec<usize>,
    ends: Vec<usize>,
}

impl VisibleLines {
    /// The changed lines of `text`, split on "\n".
    pub fn of(text: &str) -> VisibleLines {
        let mut found = VisibleLines::default();
        if !has_invisible(text) {
            return found;
        }
        for (i, line) in text.split('\n').enumerate() {
            if has_invisible(line) {
                found.buffer.extend(line.chars().filter(|&c| !is_invisible(c)));
                found.lines.push(i);
                found.ends.push(found.buffer.len());
            }
        }
        found
    }

    /// The visible text of line `i` (0-based), whose text is `line`.
    pub fn line<'s>(&'s self, i: usize, line: &'s str) -> &'s str {
        match self.lines.binary_search(&i) {
            Ok(k) => &self.buffer[if k == 0 { 0 } else { self.ends[k - 1] }..self.ends[k]],
            Err(_) => line,
        }
    }
}

/// True if `text` holds an invisible character: their UTF-8 forms start with the bytes
/// C2, E2 or EF, which a byte search finds quickly (every page is read through this).
fn has_invisible(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3_iter(0xc2, 0xe2, 0xef, bytes).any(|i| {
        let len = match bytes[i] {
            0xc2 => 2,
            _ => 3,
        };
        text.get(i..i + len).and_then(|s| s.chars().next()).is_some_and(is_invisible)
    })
}

/// Characters per word in CJK text (a Chinese word is about 1.5, a Japanese one about 2).
pub const CJK_CHARS_PER_WORD: usize = 2;

/// Chinese, Japanese and Korean ideographs and kana: written without spaces.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}' | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Whitespace words, with runs of CJK characters counted as words of two characters.
pub fn word_count(text: &str) -> usize {
    pychar::count_words(text) + cjk_words(text)
}

/// The words CJK characters add to a text's whitespace words: one per two characters.
pub fn cjk_words(text: &str) -> usize {
    if text.is_ascii() {
        return 0;
    }
    text.chars().filter(|&c| is_cjk(c)).count() / CJK_CHARS_PER_WORD
}

/// Sentence ends ("said.", "ok?", "“Yes.”", "(2019)."), then closing quotes and brackets.
fn is_sentence_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}
fn is_sentence_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']' | '」' | '』')
}
/// A line that ends on a closing quote also ends like a sentence.
fn is_quote_end(c: char) -> bool {
    matches!(c, '"' | '”' | '»')
}

/// True if the text ends like a sentence (Python: `[.!?…。！？]["'”’»)\]」』]*$|["”»]$`).
pub fn ends_like_sentence(text: &str) -> bool {
    let text = pychar::rstrip(text);
    let core = text.trim_end_matches(is_sentence_closer);
    core.ends_with(is_sentence_terminal) || text.ends_with(is_quote_end)
}

/// True if `word`, lower-cased and stripped of quotes, is one of TITLE_SMALL_WORDS. Those are
/// ASCII and at most four letters, and no non-ASCII character lower-cases to one of their
/// letters, so longer or non-ASCII words are never lower-cased.
fn is_small_word(word: &str) -> bool {
    let is_quote = |c: char| matches!(c, '\'' | '’' | '"' | '“' | '”');
    let bare = if word.starts_with(is_quote) || word.ends_with(is_quote) { word.trim_matches(is_quote) } else { word };
    bare.len() <= 4 && bare.is_ascii() && TITLE_SMALL_WORDS.iter().any(|small| small.eq_ignore_ascii_case(bare))
}

/// Share of the non-small alphabetic words that start with a capital letter.
pub fn title_case_ratio(text: &str) -> f64 {
    let (mut counted, mut capitals) = (0usize, 0usize);
    for word in pychar::split(text) {
        let first = word.chars().next().expect("split yields non-empty words");
        if pychar::is_alnum(first) && !pychar::is_decimal(first) && !is_small_word(word) {
            counted += 1;
            capitals += usize::from(pychar::is_upper(first));
        }
    }
    if counted == 0 {
        0.0
    } else {
        capitals as f64 / counted as f64
    }
}

/// Case-, accent- and punctuation-insensitive form for comparing lines: NFKD of the
/// case-folded text, every run of non-word characters (and "_") one space, edges stripped.
///
/// Each character is folded and decomposed on its own: NFKD also reorders runs of combining
/// marks, but no word character has a combining class (checked over all of Unicode in
/// Python), so the marks are all gaps and their order changes nothing. Characters Python's
/// Unicode version does not know are not decomposed (the crate knows a newer version).
pub fn fingerprint(text: &str) -> String {
    fingerprint_prefix(text, usize::MAX)
}

/// The first `limit` bytes of `fingerprint(text)` or a little more (up to a character
/// boundary), computed from as much of the text as they need: the fingerprint of a text's
/// start is the start of its fingerprint.
pub fn fingerprint_prefix(text: &str, limit: usize) -> String {
    let mut out = String::with_capacity(text.len().min(limit.saturating_add(8)));
    let mut gap = false;
    let mut push = |c: char, out: &mut String| -> bool {
        if pychar::is_word(c) && c != '_' {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
        out.len() <= limit
    };
    'chars: for c in text.chars() {
        if c.is_ascii() {
            // ASCII: case folding is lower-casing and NFKD changes nothing.
            if !push(c.to_ascii_lowercase(), &mut out) {
                break;
            }
            continue;
        }
        let mut one = [0u8; 4];
        let folded_char = casefold(c.encode_utf8(&mut one));
        // A character Python's Unicode version does not know has no decomposition there.
        let decomposed: Box<dyn Iterator<Item = char>> =
            if pychar::is_assigned(c) { Box::new(folded_char.nfkd()) } else { Box::new(folded_char.chars()) };
        for folded in decomposed {
            if !push(folded, &mut out) {
                break 'chars;
            }
        }
    }
    out
}

const MONTHS: &str = "january|february|march|april|may|june|july|august|september|october|november|december\
|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec";
const WEEKDAYS: &str =
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun";

/// A token that by itself says "this is a date or a time": "Aug", "Monday", "10:31", "2019-11-19", "ago".
pub static DATE_SIGNAL: LazyLock<PyRegex> = LazyLock::new(|| {
    PyRegex::new(
        &format!(
            r"(?:{MONTHS}|{WEEKDAYS})\.?,?|\d{{1,2}}:\d{{2}}(?::\d{{2}})?(?:am|pm)?|\d{{1,4}}[./-]\d{{1,2}}[./-]\d{{1,4}},?|\d{{1,2}}h(?:\d{{2}})?|ago|yesterday|today"
        ),
        true,
        Mode::FullMatch,
    )
});

/// Other tokens allowed in a stamp: numbers, ordinals, am/pm, zones, labels, separators.
static DATE_FILLER: LazyLock<PyRegex> = LazyLock::new(|| {
    PyRegex::new(
        concat!(
            r"\d{1,4}(?:st|nd|rd|th)?[.,]?|[ap]\.?m\.?,?|(?-i:[A-Z]{1,4}T)|utc[+-]?\d*|gmt[+-]?\d*|",
            r"(?:last\s)?(?:updated|published|posted|modified|created|edited|date|first|last|on|at|the|of):?|",
            r"seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?|an?|",
            r"[|/·•,:–—-]",
        ),
        true,
        Mode::FullMatch,
    )
});

/// "Chris Davies", "Jean-Luc de la Cruz", "IANS": up to five name words. Particles are lower
/// case so that, used case-sensitively, every word has one reading.
pub const NAME: &str = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?-i:de|da|van|von|der|del|la|le|al|bin|dos))){0,4}";

/// A stamp has at most this many tokens ("Updated:", "10:31", "|"), so a longer line is no
/// stamp and is not tokenised at all.
pub const MAX_STAMP_TOKENS: usize = 16;
pub const MAX_STAMP_CHARS: usize = 160;

fn is_stamp_separator(c: char) -> bool {
    matches!(c, '|' | '/' | '·' | '•' | '–' | '—')
}

/// The tokens of a stamp (Python: `[|/·•–—]|[^\s|/·•–—]+`), one at a time.
struct StampTokens<'t> {
    text: &'t str,
    at: usize,
}

impl<'t> Iterator for StampTokens<'t> {
    type Item = &'t str;

    fn next(&mut self) -> Option<&'t str> {
        let rest = &self.text[self.at..];
        let start = self.at + rest.find(|c: char| !is_space(c))?;
        let first = self.text[start..].chars().next().expect("a character");
        let end = if is_stamp_separator(first) {
            start + first.len_utf8()
        } else {
            let run = &self.text[start..];
            start + run.find(|c: char| is_space(c) || is_stamp_separator(c)).unwrap_or(run.len())
        };
        self.at = end;
        Some(&self.text[start..end])
    }
}

/// The date-stamp table's words of every language: "März", "Dienstag"; "aktualisiert", "um".
static DATE_SIGNAL_WORDS: LazyLock<&FxHashSet<String>> = LazyLock::new(|| lexicon::words("date-stamp", "signals"));
static DATE_LABEL_WORDS: LazyLock<&FxHashSet<String>> = LazyLock::new(|| lexicon::words("date-stamp", "labels"));

/// True for a line made only of a date or time and its labels.
///
/// Tokens are read one at a time: the first that is neither a date word nor a label
/// answers no, as does a seventeenth token.
pub fn is_date_stamp<'t>(text: impl Into<Hay<'t>>) -> bool {
    let hay = text.into();
    if char_len(hay.text) > MAX_STAMP_CHARS {
        return false;
    }
    let (signals, labels) = (&*DATE_SIGNAL_WORDS, &*DATE_LABEL_WORDS);
    let (mut count, mut has_signal) = (0, false);
    for token in (StampTokens { text: hay.text, at: 0 }) {
        count += 1;
        if count > MAX_STAMP_TOKENS {
            return false;
        }
        let token_hay = Hay { text: token, plain: hay.plain, candidates: None };
        let folded = casefold(token);
        let word = folded.trim_matches(|c| matches!(c, '.' | ',' | ':'));
        // The word tables first: a lookup costs less than a pattern.
        if signals.contains(word) || DATE_SIGNAL.is_match(token_hay) {
            has_signal = true;
        } else if !(labels.contains(word) || DATE_FILLER.is_match(token_hay)) {
            return false;
        }
    }
    has_signal
}

/// True if `a` becomes `b` by at most one edit: a character changed, added or dropped, or two
/// neighbours swapped ("realted" for "related"). The first difference is where the one edit
/// must be, so the rest is compared once; nothing is allocated for ASCII words.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return within_one_edit_of(a.as_bytes(), b.as_bytes());
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    within_one_edit_of(&a, &b)
}

fn within_one_edit_of<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let p = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    match a.len().cmp(&b.len()) {
        std::cmp::Ordering::Less => a[p..] == b[p + 1..],
        std::cmp::Ordering::Greater => a[p + 1..] == b[p..],
        std::cmp::Ordering::Equal if p == a.len() => true,
        std::cmp::Ordering::Equal => {
            a[p + 1..] == b[p + 1..]
                || (p + 1 < a.len() && a[p] == b[p + 1] && a[p + 1] == b[p] && a[p + 2..] == b[p + 2..])
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visible_drops_invisible_characters_only() {
        assert!(matches!(visible("Follow us"), Cow::Borrowed(_)));
        assert!(matches!(visible("Straße, 東京"), Cow::Borrowed(_)));
        assert_eq!(visible("\u{feff}Fol\u{ad}low\u{200b} us\u{2060}\u{200e}\u{200f}"), "Follow us");
        assert_eq!(visible("\u{200d}\u{200c}"), "\u{200d}\u{200c}", "joiners shape scripts");
        assert_eq!(visible("a\u{200b}\nb\n"), "a\nb\n", "lines stay lines");
        let text = "a\u{200b}\nb\n\u{ad}c\u{ad}";
        let lines = VisibleLines::of(text);
        let read: Vec<&str> = text.split('\n').enumerate().map(|(i, l)| lines.line(i, l)).collect();
        assert_eq!(read, visible(text).split('\n').collect::<Vec<_>>(), "line by line, as the whole text");
        assert_eq!(lines.buffer, "ac", "only the changed lines are copied");
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(has_invisible(&format!("x{c}y")), is_invisible(c), "{c:?}");
        }
    }

    #[test]
    fn word_count_counts_cjk_pairs() {
        assert_eq!(word_count("Two words"), 2);
        assert_eq!(word_count("中文新闻"), 1 + 2);
    }

    #[test]
    fn sentence_ends() {
        assert!(ends_like_sentence("He said “Yes.”  "));
        assert!(ends_like_sentence("(2019)."));
        assert!(ends_like_sentence("a quote»"));
        assert!(!ends_like_sentence("Related Stories"));
    }

    #[test]
    fn fingerprint_drops_accents_and_punctuation() {
        assert_eq!(fingerprint("  Café – Straße_x! "), "cafe strasse x");
    }

    #[test]
    fn a_fingerprint_prefix_is_the_fingerprint_s_start() {
        for text in ["Tokyo, Aug 24 South Korean President ...", "Ça va? Œuvre ﬁnale – ½ Straße", "a"] {
            let whole = fingerprint(text);
            for limit in 0..whole.len() + 2 {
                let prefix = fingerprint_prefix(text, limit);
                assert!(whole.starts_with(&prefix) && prefix.len() >= limit.min(whole.len()), "{text} {limit}");
            }
        }
    }

    #[test]
    fn date_stamps() {
        assert!(is_date_stamp("Wednesday, Aug 27, 2025"));
        assert!(is_date_stamp("Updated: 3 hours ago"));
        assert!(!is_date_stamp("May was the warmest month on record in 2025."));
    }

    /// The optimal-string-alignment distance, the whole table: what `within_one_edit` answers.
    /// Edit distance counting a swap of two neighbours as one edit ("realted").
    fn damerau_distance(a: &str, b: &str) -> usize {
        let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
        let mut rows: Vec<Vec<usize>> = vec![(0..=b.len()).collect()];
        for i in 1..=a.len() {
            let mut row = vec![0; b.len() + 1];
            row[0] = i;
            for j in 1..=b.len() {
                let prev = &rows[i - 1];
                row[j] = (prev[j] + 1).min(row[j - 1] + 1).min(prev[j - 1] + usize::from(a[i - 1] != b[j - 1]));
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    row[j] = row[j].min(rows[i - 2][j - 2] + 1);
                }
            }
            rows.push(row);
        }
        rows[a.len()][b.len()]
    }

    #[test]
    fn one_edit_is_the_edit_distance_of_one_or_less() {
        assert!(within_one_edit("realted", "related") && within_one_edit("relate", "related"));
        assert!(!within_one_edit("unrelated", "related") && within_one_edit("relatéd", "related"));
        // Every word of up to four letters from a small alphabet against every other: the
        // swaps, repeats and edges where a shortcut could go wrong.
        let words: Vec<String> = (0..=4)
            .flat_map(|n| {
                (0..3usize.pow(n)).map(move |i| (0..n).map(|k| ['a', 'b', 'é'][i / 3usize.pow(k) % 3]).collect())
            })
            .collect();
        for a in &words {
            for b in &words {
                assert_eq!(within_one_edit(a, b), damerau_distance(a, b) <= 1, "{a:?} {b:?}");
            }
        }
    }
}
