//! Python `re` patterns run by the `regex` crate, with Python's answers.
//!
//! The rules' patterns are written in the syntax both engines share (no lookaround, no
//! backreference), so they compile unchanged. What differs is which characters `\w`, `\s`
//! and `\d` (and so `\b`) take: `regex` follows its Unicode tables (combining marks are word
//! characters, U+001C..U+001F are not whitespace), Python its `str` methods. Before a match,
//! every character on which the two disagree is replaced, in a copy of the haystack, by a
//! stand-in of the same UTF-8 length that `regex` classifies as Python classifies the
//! original. Offsets therefore hold for the original text, and a match is Python's match.
//!
//! A character that a pattern names literally and that needs a stand-in ("ⓒ", a word
//! character for `regex` only) has a stand-in of its own, and the pattern names that instead.

use std::borrow::Cow;
use std::sync::{LazyLock, OnceLock};

use aho_corasick::{AhoCorasick, Anchored, Input, StartKind};
use regex_automata::meta::{Config, Regex};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

use crate::prefilter::{Candidates, LiteralIndex, Prefilter};
use crate::pychar::{self, in_ranges};

/// How Python calls a pattern: `re.search`, `re.match` or `re.fullmatch`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Search,
    Match,
    FullMatch,
}

/// A compiled Python pattern; `(?i)` for `re.IGNORECASE`.
pub struct PyRegex {
    /// Compiled on first use past the prefilter: many pages never need a given pattern, and
    /// compiling them all costs more than cleaning a small page.
    regex: OnceLock<Regex>,
    /// The pattern with its stand-ins named, parsed when it is first compiled.
    named: String,
    ignore_case: bool,
    mode: Mode,
    /// The literals every match holds, when the pattern has a useful set of them.
    prefilter: Option<Prefilter>,
    /// For a pattern anchored at the start: the strings one of which every match starts with.
    starts: Option<AhoCorasick>,
    /// Its bit in the page index (`index`), if it is one of the rules' line patterns.
    bit: OnceLock<u32>,
    source: String,
}

/// Characters patterns name literally whose class Python and `regex` disagree on, each with a
/// stand-in of its own (same length, no case, no class) and its case partner.
const LITERAL_STAND_INS: &[(char, char, char)] = &[('ⓒ', '\u{2042}', 'Ⓒ'), ('Ⓒ', '\u{2051}', 'ⓒ')];

/// `pattern` with each literal that has a stand-in replaced by it (and, ignoring case, by its
/// case partner's too, as Python's `re.IGNORECASE` would match either).
fn name_stand_ins(pattern: &str, ignore_case: bool) -> String {
    let mut out = String::with_capacity(pattern.len());
    for c in pattern.chars() {
        match LITERAL_STAND_INS.iter().find(|(literal, _, _)| *literal == c) {
            Some(&(_, own, partner)) if ignore_case => {
                let other = LITERAL_STAND_INS.iter().find(|(l, _, _)| *l == partner).map_or(own, |t| t.1);
                out.push_str(&format!("(?:{own}|{other})"));
            }
            Some(&(_, own, _)) => out.push(own),
            None => out.push(c),
        }
    }
    out
}

impl PyRegex {
    /// Compiles `pattern` for `mode`; panics on a pattern `regex` rejects (a bug caught by tests).
    pub fn new(pattern: &str, ignore_case: bool, mode: Mode) -> PyRegex {
        let named = name_stand_ins(pattern, ignore_case);
        // The literals of the rules' patterns are read once, at build time, into
        // `pattern_facts.rs` (a test keeps it current): parsing every pattern at start-up
        // costs more than cleaning a small page.
        let facts =
            cached_facts(&named, ignore_case, mode).unwrap_or_else(|| PatternFacts::of(&named, ignore_case, mode));
        let prefilter = facts.literals.map(Prefilter::from_literals);
        let starts =
            facts.starts.and_then(|starts| AhoCorasick::builder().start_kind(StartKind::Anchored).build(starts).ok());
        PyRegex {
            regex: OnceLock::new(),
            named,
            ignore_case,
            mode,
            prefilter,
            starts,
            bit: OnceLock::new(),
            source: pattern.to_string(),
        }
    }

    fn regex(&self) -> &Regex {
        self.regex.get_or_init(|| {
            let hir = parse(&self.named, self.ignore_case, self.mode)
                .unwrap_or_else(|e| panic!("pattern does not compile: {e}\n{}", self.source));
            let config = Config::new().nfa_size_limit(Some(64 << 20));
            Regex::builder()
                .configure(config)
                .build_from_hir(&hir)
                .unwrap_or_else(|e| panic!("pattern does not compile: {e}\n{}", self.source))
        })
    }

    /// True if the pattern matches `text` as Python's `re` would in this mode.
    #[inline]
    pub fn is_match<'t>(&self, text: impl Into<Hay<'t>>) -> bool {
        self.prepare(text.into()).is_some_and(|hay| self.regex().is_match(hay.as_ref()))
    }

    /// Its bit in the rules' line-pattern index, once the index is built.
    pub fn index_bit(&self) -> Option<u32> {
        self.bit.get().copied()
    }

    /// False if no match can lie within `text` or any slice of it: the text lacks every
    /// literal a match needs. True when the pattern has no such literals.
    pub fn may_match_within(&self, text: Hay<'_>) -> bool {
        self.prefilter.as_ref().is_none_or(|filter| filter.may_match(&haystack(text)))
    }

    /// The haystack to run on, or None if the prefilter rules the text out.
    #[inline]
    fn prepare<'t>(&self, text: Hay<'t>) -> Option<Cow<'t, str>> {
        let hay = match (text.candidates, self.bit.get()) {
            (Some(candidates), Some(&bit)) if candidates & (1 << bit) == 0 => return None,
            (Some(_), Some(_)) => haystack(text),
            _ => {
                let hay = haystack(text);
                match &self.prefilter {
                    Some(filter) if !filter.may_match(&hay) => return None,
                    _ => hay,
                }
            }
        };
        match &self.starts {
            Some(starts) if !starts.is_match(Input::new(hay.as_bytes()).anchored(Anchored::Yes)) => None,
            _ => Some(hay),
        }
    }

    /// The text of group `name` in the match, if the pattern matches and the group took part.
    pub fn group<'t>(&self, text: impl Into<Hay<'t>>, name: &str) -> Option<Option<&'t str>> {
        // Finding groups is slower than answering yes or no: most texts are turned away first.
        let text = text.into();
        let hay = self.prepare(text)?;
        let regex = self.regex();
        if !regex.is_match(hay.as_ref()) {
            return None;
        }
        let mut caps = regex.create_captures();
        regex.captures(hay.as_ref(), &mut caps);
        caps.is_match().then(|| caps.get_group_by_name(name).map(|span| &text.text[span.range()]))
    }

    /// The byte range of the first match (`re.search(...).span()`), offsets into `text`.
    pub fn find<'t>(&self, text: impl Into<Hay<'t>>) -> Option<(usize, usize)> {
        let hay = self.prepare(text.into())?;
        self.regex().find(hay.as_ref()).map(|m| (m.start(), m.end()))
    }
}

/// A text to match, and whether it is known to need no stand-in (see `is_plain`): a page
/// checks each line once, and every pattern run on the line, or on a slice of it, reuses that.
#[derive(Clone, Copy, Debug)]
pub struct Hay<'t> {
    pub text: &'t str,
    pub plain: bool,
    /// The indexed patterns that may match the line this text is (a slice of), if known.
    pub candidates: Option<Candidates>,
}

impl<'t> From<&'t str> for Hay<'t> {
    fn from(text: &'t str) -> Hay<'t> {
        Hay { text, plain: false, candidates: None }
    }
}

impl<'t> From<&'t String> for Hay<'t> {
    fn from(text: &'t String) -> Hay<'t> {
        Hay { text, plain: false, candidates: None }
    }
}

/// True if no character of `text` needs a stand-in: `regex` reads it as Python does.
pub fn is_plain(text: &str) -> bool {
    if text.is_ascii() {
        return !text.bytes().any(|b| (0x1c..=0x1f).contains(&b));
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if (0x1c..=0x1f).contains(&b) {
                return false;
            }
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a character starts here");
        if stand_in_for(c).is_some() {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// A pattern with its stand-ins named, parsed and anchored as `mode` says.
fn parse(named: &str, ignore_case: bool, mode: Mode) -> Result<Hir, String> {
    let hir = regex_syntax::ParserBuilder::new()
        .case_insensitive(ignore_case)
        .build()
        .parse(named)
        .map_err(|e| e.to_string())?;
    let hir = with_dotted_and_dotless_i(hir);
    Ok(match mode {
        Mode::Search => hir,
        Mode::Match => Hir::concat(vec![Hir::look(Look::Start), hir]),
        Mode::FullMatch => Hir::concat(vec![Hir::look(Look::Start), hir, Hir::look(Look::End)]),
    })
}

/// Python's `re.IGNORECASE` also matches "İ" and "ı" where it matches "i"; `regex`'s case
/// folding does not. A class holding both "i" and "I" is one that ignored case (or one so
/// wide, like `\w` or a negated class, that it holds "İ" and "ı" already): it gets them.
fn with_dotted_and_dotless_i(hir: Hir) -> Hir {
    use regex_syntax::hir::{Capture, ClassUnicode, ClassUnicodeRange, Repetition};
    match hir.into_kind() {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(literal) => Hir::literal(literal.0),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Class(Class::Bytes(class)) => Hir::class(Class::Bytes(class)),
        HirKind::Class(Class::Unicode(mut class)) => {
            let holds = |c: char| class.ranges().iter().any(|r| r.start() <= c && c <= r.end());
            if holds('i') && holds('I') {
                class.union(&ClassUnicode::new([ClassUnicodeRange::new('\u{130}', '\u{131}')]));
            }
            Hir::class(Class::Unicode(class))
        }
        HirKind::Repetition(rep) => {
            Hir::repetition(Repetition { sub: Box::new(with_dotted_and_dotless_i(*rep.sub)), ..rep })
        }
        HirKind::Capture(cap) => Hir::capture(Capture { sub: Box::new(with_dotted_and_dotless_i(*cap.sub)), ..cap }),
        HirKind::Concat(subs) => Hir::concat(subs.into_iter().map(with_dotted_and_dotless_i).collect()),
        HirKind::Alternation(subs) => Hir::alternation(subs.into_iter().map(with_dotted_and_dotless_i).collect()),
    }
}

/// What a pattern's syntax tree tells before it is compiled: the literals one of which
/// every match holds (`prefilter::required`) and, for a pattern anchored at the start, the
/// strings one of which every match starts with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternFacts {
    pub literals: Option<Vec<String>>,
    pub starts: Option<Vec<Vec<u8>>>,
}

impl PatternFacts {
    /// The facts of a pattern, read from its syntax tree (panics on a pattern `regex` rejects).
    pub fn of(named: &str, ignore_case: bool, mode: Mode) -> PatternFacts {
        let hir = parse(named, ignore_case, Mode::Search)
            .unwrap_or_else(|e| panic!("pattern does not compile: {e}\n{named}"));
        let starts = if mode == Mode::Search { None } else { required_starts(&hir) };
        PatternFacts { literals: crate::prefilter::required(&hir), starts }
    }
}

/// The key of a pattern in `pattern_facts::FACTS`: FNV-1a of its mode, case flag and text.
fn facts_key(named: &str, ignore_case: bool, mode: Mode) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let tag = [mode as u8, u8::from(ignore_case)];
    for &byte in tag.iter().chain(named.as_bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// The facts `pattern_facts.rs` holds for a pattern, if it holds them.
fn cached_facts(named: &str, ignore_case: bool, mode: Mode) -> Option<PatternFacts> {
    let key = facts_key(named, ignore_case, mode);
    let table = crate::pattern_facts::FACTS;
    let i = table.binary_search_by_key(&key, |row| row.0).ok()?;
    let (_, literals, starts) = table[i];
    Some(PatternFacts {
        literals: literals.map(|l| l.iter().map(|s| s.to_string()).collect()),
        starts: starts.map(|s| s.iter().map(|b| b.to_vec()).collect()),
    })
}

/// The strings every match of an anchored pattern starts with (its prefix literals, as
/// `regex-syntax` reads them), when there is a finite set of non-empty ones.
fn required_starts(hir: &Hir) -> Option<Vec<Vec<u8>>> {
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_class(4)
        .limit_repeat(2)
        .limit_literal_len(8)
        .limit_total(64)
        .extract(hir);
    let literals = seq.literals()?;
    if literals.is_empty() || literals.iter().any(|l| l.as_bytes().is_empty()) {
        return None;
    }
    Some(literals.iter().map(|l| l.as_bytes().to_vec()).collect())
}

/// The contents `pattern_facts.rs` should have for the given patterns.
pub fn pattern_facts_source(patterns: &[&PyRegex]) -> String {
    let mut rows: Vec<(u64, PatternFacts)> = patterns
        .iter()
        .map(|p| (facts_key(&p.named, p.ignore_case, p.mode), PatternFacts::of(&p.named, p.ignore_case, p.mode)))
        .collect();
    rows.sort_by_key(|row| row.0);
    rows.dedup_by_key(|row| row.0);
    let mut out = String::from(concat!(
        "// Generated by `UPDATE_PATTERN_FACTS=1 cargo test -p cleaner_core pattern_facts`; do not edit.\n",
        "// The literals of the rules' line patterns (`pyre::PatternFacts`), read at build time.\n\n",
        "/// A pattern's key (`pyre::facts_key`), literals and required starts.\n",
        "pub type Row = (u64, Option<&'static [&'static str]>, Option<&'static [&'static [u8]]>);\n\n",
        "#[rustfmt::skip]\n",
        "pub static FACTS: &[Row] = &[\n",
    ));
    for (key, facts) in rows {
        let literals = facts.literals.map_or("None".to_string(), |l| {
            format!("Some(&[{}])", l.iter().map(|s| format!("{s:?}")).collect::<Vec<_>>().join(", "))
        });
        let starts = facts.starts.map_or("None".to_string(), |s| {
            let bytes = s.iter().map(|b| format!("&{b:?}")).collect::<Vec<_>>().join(", ");
            format!("Some(&[{bytes}])")
        });
        out.push_str(&format!("    ({key:#018x}, {literals}, {starts}),\n"));
    }
    out.push_str("];\n");
    out
}

/// The index of the given patterns' literals, each pattern told its bit; built once.
pub fn index(patterns: &[&'static PyRegex]) -> LiteralIndex {
    let prefilters: Vec<Option<&Prefilter>> = patterns.iter().map(|p| p.prefilter.as_ref()).collect();
    let index = LiteralIndex::new(&prefilters);
    for (bit, pattern) in patterns.iter().enumerate() {
        let bit = bit as u32;
        assert_eq!(*pattern.bit.get_or_init(|| bit), bit, "a pattern is indexed once");
    }
    index
}

/// The candidates of a line for `index`: its literal hits, on its haystack.
pub fn candidates(index: &LiteralIndex, hay: Hay<'_>) -> Candidates {
    index.candidates(&haystack(hay))
}

/// Python's class of a character, as far as patterns can tell.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum PyClass {
    Word,
    Digit,
    Space,
    Other,
}

fn python_class(c: char) -> PyClass {
    if pychar::is_decimal(c) {
        PyClass::Digit
    } else if pychar::is_word(c) {
        PyClass::Word
    } else if pychar::is_space(c) {
        PyClass::Space
    } else {
        PyClass::Other
    }
}

/// A stand-in of `len` UTF-8 bytes that `regex` puts in `class`.
fn stand_in(class: PyClass, len: usize) -> char {
    match (class, len) {
        (PyClass::Space, 1) => '\x0b',
        (PyClass::Space, 2) => '\u{85}',
        (PyClass::Space, _) => '\u{2000}',
        (PyClass::Digit, 2) => '\u{660}',
        (PyClass::Digit, 3) => '\u{966}',
        (PyClass::Digit, _) => '\u{1d7ce}',
        (PyClass::Word, 2) => '\u{aa}',
        (PyClass::Word, 3) => '\u{a000}',
        (PyClass::Word, _) => '\u{10000}',
        (PyClass::Other, 2) => '\u{a7}',
        (PyClass::Other, 3) => OTHER_3,
        (PyClass::Other, _) => '\u{1d11e}',
    }
}

/// The code point ranges of one of `regex`'s Unicode classes.
fn regex_class(class: &str) -> Vec<(u32, u32)> {
    let hir = regex_syntax::Parser::new().parse(class).expect("a class");
    match hir.kind() {
        HirKind::Class(Class::Unicode(set)) => {
            set.ranges().iter().map(|r| (r.start() as u32, r.end() as u32)).collect()
        }
        other => panic!("{class} is not a Unicode class: {other:?}"),
    }
}

/// Every run of characters `regex` and Python classify differently, as (first, last,
/// stand-in), sorted. Computed from the two sides' class tables at their boundaries (the
/// classes cannot change inside a run without a boundary), not character by character.
static STAND_INS: LazyLock<Vec<(u32, u32, char)>> = LazyLock::new(|| {
    let (word, digit, space) = (regex_class(r"\w"), regex_class(r"\d"), regex_class(r"\s"));
    let regex_says = |cp: u32| {
        if in_ranges(&digit, cp) {
            PyClass::Digit
        } else if in_ranges(&word, cp) {
            PyClass::Word
        } else if in_ranges(&space, cp) {
            PyClass::Space
        } else {
            PyClass::Other
        }
    };
    let tables: [&[(u32, u32)]; 6] = [
        &word,
        &digit,
        &space,
        &crate::pychar_tables::ALNUM,
        &crate::pychar_tables::DECIMAL,
        &crate::pychar_tables::SPACE,
    ];
    // Where a class, the UTF-8 length or the surrogate gap may change, and each literal alone.
    let mut bounds: Vec<u32> = vec![0, 0x80, 0x800, 0xD800, 0xE000, 0x10000, 0x110000];
    for table in tables {
        bounds.extend(table.iter().flat_map(|&(lo, hi)| [lo, hi + 1]));
    }
    bounds.extend(LITERAL_STAND_INS.iter().flat_map(|&(c, _, _)| [c as u32, c as u32 + 1]));
    bounds.sort_unstable();
    bounds.dedup();
    let mut runs: Vec<(u32, u32, char)> = Vec::new();
    for pair in bounds.windows(2) {
        let (lo, hi) = (pair[0], pair[1] - 1);
        let Some(first) = char::from_u32(lo) else { continue };
        let own = LITERAL_STAND_INS.iter().find(|(literal, _, _)| *literal == first).map(|&(_, own, _)| own);
        let python = python_class(first);
        match own {
            Some(own) => runs.push((lo, hi, own)),
            None if python != regex_says(lo) => runs.push((lo, hi, stand_in(python, first.len_utf8()))),
            None => {}
        }
    }
    // A text's own "⁂" or "⁑" would read as the "ⓒ" a pattern names: it stands in too.
    runs.extend(LITERAL_STAND_INS.iter().map(|&(_, own, _)| (own as u32, own as u32, OTHER_3)));
    runs.sort_unstable();
    runs
});

/// The stand-in of a 3-byte character that is no letter, digit or space.
const OTHER_3: char = '\u{2021}';

/// One bit per Basic Multilingual Plane character: set if it has a stand-in.
static BMP_NEEDS_STAND_IN: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 0x10000 / 64];
    for &(lo, hi, _) in STAND_INS.iter().take_while(|(lo, _, _)| *lo < 0x10000) {
        for cp in lo..=hi.min(0xFFFF) {
            bits[cp as usize / 64] |= 1 << (cp % 64);
        }
    }
    bits
});

fn stand_in_for(c: char) -> Option<char> {
    let cp = c as u32;
    if cp < 0x10000 && BMP_NEEDS_STAND_IN[cp as usize / 64] & (1 << (cp % 64)) == 0 {
        return None;
    }
    let runs = &*STAND_INS;
    let i = runs.partition_point(|&(_, hi, _)| hi < cp);
    runs.get(i).filter(|&&(lo, _, _)| lo <= cp).map(|&(_, _, sub)| sub)
}

/// `text`, or a copy with every character the engines disagree on replaced by its stand-in.
fn haystack(hay: Hay<'_>) -> Cow<'_, str> {
    if hay.plain || is_plain(hay.text) {
        Cow::Borrowed(hay.text)
    } else {
        Cow::Owned(hay.text.chars().map(|c| stand_in_for(c).unwrap_or(c)).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// How `regex` classifies one character, asked of the engine itself.
    fn regex_reads(c: char) -> PyClass {
        static CLASSES: LazyLock<[Regex; 3]> = LazyLock::new(|| {
            [Regex::new(r"^\d$").unwrap(), Regex::new(r"^\w$").unwrap(), Regex::new(r"^\s$").unwrap()]
        });
        let text = c.to_string();
        let [digit, word, space] = &*CLASSES;
        if digit.is_match(&text) {
            PyClass::Digit
        } else if word.is_match(&text) {
            PyClass::Word
        } else if space.is_match(&text) {
            PyClass::Space
        } else {
            PyClass::Other
        }
    }

    #[test]
    fn stand_ins_have_the_class_and_length_they_stand_for() {
        for (class, lens) in
            [(PyClass::Space, 1..=3), (PyClass::Digit, 2..=4), (PyClass::Word, 2..=4), (PyClass::Other, 2..=4)]
        {
            for len in lens {
                let c = stand_in(class, len);
                assert_eq!(c.len_utf8(), len, "{c:?}");
                assert_eq!(regex_reads(c), class, "{c:?}");
                assert_eq!(python_class(c), class, "{c:?} must read the same in Python");
            }
        }
    }

    #[test]
    fn the_run_table_gives_each_character_its_stand_in() {
        for c in (0..0x110000u32).step_by(7).filter_map(char::from_u32) {
            let regex_says = regex_reads(c);
            let expected = match LITERAL_STAND_INS.iter().find(|(literal, _, _)| *literal == c) {
                Some(&(_, own, _)) => Some(own),
                None if LITERAL_STAND_INS.iter().any(|&(_, own, _)| own == c) => Some(OTHER_3),
                None => (python_class(c) != regex_says).then(|| stand_in(python_class(c), c.len_utf8())),
            };
            assert_eq!(stand_in_for(c), expected, "{c:?}");
        }
    }

    #[test]
    fn word_boundaries_follow_python() {
        // U+0301 (a combining acute) is a word character for `regex`, not for Python.
        let cookie = PyRegex::new(r"\bcookies?\b", true, Mode::Search);
        assert!(cookie.is_match("cookies\u{301}"));
        assert!(!Regex::new(r"\bcookies?\b").unwrap().is_match("cookies\u{301}"));
        // "²" is a word character for Python only.
        assert!(!PyRegex::new(r"\bcookie\b", false, Mode::Search).is_match("cookie²"));
        // U+001F is whitespace for Python only.
        assert!(PyRegex::new(r"a\sb", false, Mode::FullMatch).is_match("a\x1fb"));
    }

    #[test]
    fn literals_with_a_stand_in_still_match_and_read_as_python_reads_them() {
        let mark = PyRegex::new(r"(?:©|ⓒ)\s*\d{4}", true, Mode::FullMatch);
        assert!(mark.is_match("ⓒ 2024") && mark.is_match("Ⓒ 2024") && mark.is_match("© 2024"));
        assert!(!PyRegex::new(r"ⓒ", false, Mode::FullMatch).is_match("Ⓒ"));
        // For Python "ⓒ" is no word character: no breadcrumb of words.
        assert!(!PyRegex::new(r"\w+", false, Mode::FullMatch).is_match("aⓒ"));
    }

    #[test]
    fn a_text_s_own_stand_in_characters_do_not_read_as_the_literal() {
        let mark = PyRegex::new(r"(?:©|ⓒ|\(c\)|copyright\b|\u2117).{0,400}", true, Mode::FullMatch);
        assert!(mark.is_match("ⓒ 2024 The Times"));
        assert!(!mark.is_match("\u{2042} 2024 The Times") && !mark.is_match("\u{2051} 2024"));
    }

    #[test]
    fn ignoring_case_i_matches_the_dotted_and_dotless_i_as_python_does() {
        assert!(PyRegex::new("in", true, Mode::FullMatch).is_match("İn"));
        assert!(PyRegex::new("in", true, Mode::FullMatch).is_match("ın"));
        assert!(PyRegex::new("[a-z]+", true, Mode::FullMatch).is_match("İı"));
        assert!(!PyRegex::new("in", false, Mode::FullMatch).is_match("İn"));
        assert!(!PyRegex::new("(?-i:[A-Z])n", true, Mode::FullMatch).is_match("İn"));
    }

    #[test]
    fn every_non_ascii_literal_of_the_sources_needs_no_stand_in_or_has_its_own() {
        let sources = [
            include_str!("rules/c101_open_in_app.rs"),
            include_str!("rules/c102_follow_share.rs"),
            include_str!("rules/c103_newsletter.rs"),
            include_str!("rules/c104_comments.rs"),
            include_str!("rules/c105_player_residue.rs"),
            include_str!("rules/c106_date_stamp.rs"),
            include_str!("rules/c107_byline.rs"),
            include_str!("rules/c108_section_label.rs"),
            include_str!("rules/c109_advertisement.rs"),
            include_str!("rules/c110_account.rs"),
            include_str!("rules/c111_read_more.rs"),
            include_str!("rules/c112_caption_credit.rs"),
            include_str!("rules/c113_cookie_notice.rs"),
            include_str!("rules/c114_site_navigation.rs"),
            include_str!("rules/c201_related_list.rs"),
            include_str!("rules/c203_menu_run.rs"),
            include_str!("rules/c301_disclaimer.rs"),
            include_str!("rules/c302_copyright.rs"),
            include_str!("rules/c303_syndication.rs"),
            include_str!("text.rs"),
            include_str!("layout.rs"),
            include_str!("lexicon.rs"),
        ];
        // The code, not its tests: a test may quote any character.
        let code = sources.iter().map(|s| s.split("#[cfg(test)]").next().unwrap_or(s));
        for c in code.flat_map(|s| s.chars()).filter(|c| !c.is_ascii()) {
            let handled = LITERAL_STAND_INS.iter().any(|(literal, _, _)| *literal == c);
            assert!(handled || stand_in_for(c).is_none(), "{c:?} needs a stand-in of its own");
        }
    }

    #[test]
    fn offsets_refer_to_the_original_text() {
        let name = PyRegex::new(r"(?P<a>\w+)\s(?P<b>\w+)", false, Mode::FullMatch);
        assert_eq!(name.group("a²\x1fb²", "b"), Some(Some("b²")));
        assert_eq!(name.group("e\u{301}\x1fb", "b"), None, "U+0301 is no word character in Python");
    }

    #[test]
    fn anchored_patterns_turn_away_texts_by_their_start() {
        let mark = PyRegex::new(r"(?:©|copyright\b).{0,400}", true, Mode::FullMatch);
        assert!(mark.starts.is_some());
        assert!(mark.is_match("COPYRIGHT 2024 The Times") && mark.is_match("© 2024"));
        assert!(!mark.is_match("The Times, copyright 2024"));
        assert!(PyRegex::new(r".{0,40}x", true, Mode::FullMatch).starts.is_none());
    }

    #[test]
    fn pattern_facts_are_current() {
        let patterns: Vec<&PyRegex> = crate::rules::ALL.iter().flat_map(|rule| rule.line_patterns()).collect();
        let expected = pattern_facts_source(&patterns);
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/pattern_facts.rs");
        if std::env::var("UPDATE_PATTERN_FACTS").is_ok() {
            std::fs::write(path, &expected).expect("pattern_facts.rs is writable");
        }
        let current = std::fs::read_to_string(path).expect("pattern_facts.rs");
        assert!(
            current == expected,
            "pattern_facts.rs is stale: UPDATE_PATTERN_FACTS=1 cargo test -p cleaner_core pattern_facts"
        );
        for pattern in patterns {
            let _ = pattern.regex();
        }
    }

    #[test]
    fn modes_anchor_as_python_does() {
        assert!(PyRegex::new("ab", false, Mode::Search).is_match("xaby"));
        assert!(!PyRegex::new("ab", false, Mode::Match).is_match("xab"));
        assert!(PyRegex::new("ab", false, Mode::Match).is_match("abx"));
        assert!(!PyRegex::new("ab", false, Mode::FullMatch).is_match("abx"));
        assert!(PyRegex::new("a|ab", false, Mode::FullMatch).is_match("ab"));
    }
}
