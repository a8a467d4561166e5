//! C201 related-list: related-article headings (misspelt too) and the headlines under them.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::lexicon::{self, Phrases};
use crate::page::{LineTest, Page, Removal};
use crate::pychar::{self, char_len};
use crate::pyre::{Hay, Mode, PyRegex};
use crate::rule::{Rule, RuleMeta};
use crate::text::within_one_edit;

pub static META: RuleMeta = RuleMeta::new("C201", "related-list", DOC);

const DOC: &str = "\
Related-article headings and the list of headlines that follows them.

Removed:
    Related Stories
    InternationalAfghan police apprehend 42 suspects in nationwide crime crackdown
    NationalIndia, China agree on reviving traditional trade from Shipki-La: Himachal govt
Kept:
    Related studies have reached the same conclusion about the rise in sea levels.
";

/// The heading of a related-stories block, after any section word glued in front
/// ("International Realted Stories"): "Related Articles", "More from Politics", "You may also
/// like...", "Most Read", "Recommended for you", "Don't miss". Python wrote the heading as one
/// pattern whose first alternative captured the `related` word; a match by that alternative
/// puts the word in the group and the others leave it empty, so the two halves here are
/// tried in that order and no groups are read.
const RELATED_WORD_HEADING: &str = concat!(
    r"\w{5,9}(?: (?:articles?|stories|story|posts?|news|content|coverage|links?|reading|topics?|videos?",
    r"|items?|searches|reads))?(?: (?:from|on|in|about|to) .{1,40})?",
);
const OTHER_HEADINGS: &str = concat!(
    r"more (?:from|on|in|about|like this|stories|news|articles|videos|to (?:read|explore))(?: .{1,40})?",
    r"|(?:other|latest|top|recent|popular|trending|featured|similar|recommended|suggested|editor'?s?'? picks?)",
    r"(?: (?:news|stories|articles|posts|videos|reads|now|today|this week|for you|reading))*",
    r"|most (?:read|popular|viewed|shared|commented|recent|watched)(?: (?:news|stories|articles|today|this week|now))*",
    r"|you (?:may|might|could|will) (?:also )?(?:like|enjoy|be interested in|have missed)",
    r"|(?:what|things) to read next|read next|up next|don'?t miss|also read|see also|further reading|in other news",
    r"|in case you missed it|around the web|from the web|we recommend|also on \S+|recommended|trending",
);
const HEADING_END: &str = r"[\s:»›>.…]*";
static RELATED_HEADING: LazyLock<PyRegex> =
    LazyLock::new(|| PyRegex::new(&format!("(?:{RELATED_WORD_HEADING}){HEADING_END}"), true, Mode::FullMatch));
static OTHER_HEADING: LazyLock<PyRegex> =
    LazyLock::new(|| PyRegex::new(&format!("(?:{OTHER_HEADINGS}){HEADING_END}"), true, Mode::FullMatch));
/// A lexicon heading with a tail: at most this many words on the line, at most
/// MAX_HEADING_TAIL_WORDS of them around a phrase of at least MIN_TAILED_PHRASE_WORDS.
const MAX_TAILED_HEADING_WORDS: usize = 8;
const MAX_HEADING_TAIL_WORDS: usize = 3;
const MIN_TAILED_PHRASE_WORDS: usize = 2;
/// A heading is short ("International Realted Stories"); a cross-link line is a label and a
/// headline ("Lesen Sie auch: …").
const MAX_HEADING_CHARS: usize = 80;
const MAX_PREFIXED_CHARS: usize = 240;
/// "International", "Other Sports": section words glued in front of a heading.
const MAX_PREFIX_WORDS: usize = 2;
/// A list item that reads as a paragraph ends the list: this many words, sentence case.
const MIN_PARAGRAPH_WORDS: usize = 8;
const MAX_SENTENCE_TITLE_CASE: f64 = 0.5;
const MAX_ITEM_WORDS: usize = 40;
/// A "Label:" ends the list: it heads the article's own list ("For the dough:"). A
/// sentence-like headline inside a list ("… won't let him go. Is this our ally?") does not end
/// it when this many headline-like items follow it.
const LOOKAHEAD_ITEMS: usize = 2;

pub struct RelatedList;
pub static RULE: RelatedList = RelatedList;

impl Rule for RelatedList {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn line_patterns(&'static self) -> Vec<&'static PyRegex> {
        vec![&*OTHER_HEADING]
    }

    fn find(&self, page: &Page<'_>) -> Vec<Removal> {
        let live = page.live_lines();
        let phrases = lexicon::phrases(META.name);
        let mut claimed: HashSet<usize> = HashSet::new();
        // A line is asked whether it is a heading as a block's start, as an item, and again
        // in the confirming pass: the page keeps the answer.
        let is_heading = |n: usize| page.test(LineTest::RelatedHeading, n, || is_heading(page, n, phrases));
        for (i, &number) in live.iter().enumerate() {
            if claimed.contains(&number) {
                continue;
            }
            if page.features(number).chars > MAX_PREFIXED_CHARS {
                continue;
            }
            if page.prefix_form(number).is_some_and(|p| phrases.prefixes.contains(p)) {
                claimed.insert(number); // "Lesen Sie auch: <headline>": one line
                continue;
            }
            if !is_heading(number) {
                continue;
            }
            claimed.insert(number);
            let rest = &live[i + 1..];
            for (j, &item) in rest.iter().enumerate() {
                if is_heading(item) {
                    break; // the next block starts here
                }
                let following = &rest[(j + 1).min(rest.len())..(j + 1 + LOOKAHEAD_ITEMS).min(rest.len())];
                let resumes = !is_paragraph(page, item) && list_resumes(page, following);
                if !(is_list_item(page, item) || resumes) {
                    break;
                }
                claimed.insert(item);
            }
        }
        page.removals(&META, claimed)
    }
}

fn is_heading(page: &Page<'_>, number: usize, phrases: &Phrases) -> bool {
    page.features(number).chars <= MAX_HEADING_CHARS
        && (is_related_heading(page.hay(number))
            || phrases.lines.contains(page.normalized(number))
            || is_lexicon_heading_with_tail(page, number, phrases))
}

/// A lexicon heading with a few words before, after or inside it: "Mehr zum Thema auf
/// example.de", "Seit 10 Tagen am meisten gelesen", "More Great Example Stories". The heading keeps
/// its shape: a short line (MAX_TAILED_HEADING_WORDS) that does not end like a sentence,
/// and a lexicon phrase of at least MIN_TAILED_PHRASE_WORDS words ("Mehr" alone is no
/// heading). Origin: docs/quality-analysis.md, mechanism 5b (English headings already
/// allow "from X"; the other languages' lexicon lines had to match whole lines).
fn is_lexicon_heading_with_tail(page: &Page<'_>, number: usize, phrases: &Phrases) -> bool {
    let f = page.features(number);
    if f.split_words > MAX_TAILED_HEADING_WORDS || f.ends_sentence {
        return false;
    }
    let form = page.normalized(number);
    let words: Vec<&str> = form.split(' ').filter(|w| !w.is_empty()).collect();
    // A candidate is a phrase only if its first word starts one: the line's first word when
    // the extra words follow the phrase or stand inside it, the first word after them when
    // they come before it.
    let starts = |word: &str| phrases.line_first_words.contains(word);
    let opens_phrase = words.first().is_some_and(|w| starts(w));
    let mut candidate = String::new();
    let mut holds = |parts: &[&[&str]]| {
        candidate.clear();
        for word in parts.iter().flat_map(|part| part.iter()) {
            if !candidate.is_empty() {
                candidate.push(' ');
            }
            candidate.push_str(word);
        }
        phrases.lines.contains(&candidate)
    };
    for extra in 1..=MAX_HEADING_TAIL_WORDS.min(words.len().saturating_sub(MIN_TAILED_PHRASE_WORDS)) {
        let (head, tail) = (&words[..words.len() - extra], &words[extra..]);
        if (opens_phrase && holds(&[head])) || (starts(tail[0]) && holds(&[tail])) {
            return true;
        }
        // Words inside the phrase: "More Great Example Stories".
        if opens_phrase && (1..words.len() - extra).any(|start| holds(&[&words[..start], &words[start + extra..]])) {
            return true;
        }
    }
    false
}

/// A sentence-case line of MIN_PARAGRAPH_WORDS words ending in a full stop: prose, never a list item.
fn is_paragraph(page: &Page<'_>, number: usize) -> bool {
    let f = page.features(number);
    f.words >= MIN_PARAGRAPH_WORDS
        && page.line(number).stripped.ends_with('.')
        && page.title_case(number) < MAX_SENTENCE_TITLE_CASE
}

/// True for a related-stories heading, after at most MAX_PREFIX_WORDS glued section words.
pub fn is_related_heading(hay: Hay<'_>) -> bool {
    let (text, plain) = (hay.text, hay.plain);
    // The candidates (the line after 0, 1, … MAX_PREFIX_WORDS words, its words joined by one
    // space, as Python's " ".join(words[skip:])) are suffixes of the whole line's join, so
    // the join is built once and each candidate is a slice of it.
    let mut joined = String::with_capacity(text.len());
    let mut starts: Vec<usize> = Vec::with_capacity(MAX_PREFIX_WORDS + 1);
    for (i, word) in pychar::split(text).enumerate() {
        if i > 0 {
            joined.push(' ');
        }
        if i <= MAX_PREFIX_WORDS {
            starts.push(joined.len());
        }
        joined.push_str(word);
    }
    if starts.is_empty() {
        return false;
    }
    let max_skip = MAX_PREFIX_WORDS.min(starts.len() - 1);
    // A literal OTHER_HEADING needs that is missing from the whole join is missing from
    // every suffix: one look at the line spares running the pattern on each candidate. When
    // the join is the line itself (one space between words), the page's literal index has
    // looked already, and its answer holds for every suffix.
    let candidates = if joined == text { hay.candidates } else { None };
    let other_possible = match (candidates, OTHER_HEADING.index_bit()) {
        (Some(candidates), Some(bit)) => candidates & (1 << bit) != 0,
        _ => OTHER_HEADING.may_match_within(Hay { text: &joined, plain, candidates: None }),
    };
    for &start in &starts[..=max_skip] {
        let candidate = &joined[start..];
        // The word is the candidate's first run of word characters: RELATED_HEADING needs five
        // to nine of them, so a shorter or longer run spares running it.
        let end = candidate.find(|c: char| !pychar::is_word(c)).unwrap_or(candidate.len());
        let word = &candidate[..end];
        let word_fits = (5..=9).contains(&pychar::char_len(word));
        let hay = Hay { text: candidate, plain, candidates };
        // Python's first alternative takes a candidate its shape fits, related word or not
        // (then the others are not tried): the cheap word test goes first where it decides.
        if word_fits && is_related_word(word) && RELATED_HEADING.is_match(hay) {
            return true;
        }
        if !other_possible || (word_fits && RELATED_HEADING.is_match(hay)) {
            continue;
        }
        // After a glued section word ("Sports Most Read") a heading is capitalised;
        // "Learn more about our programs" is a sentence, not "More about …".
        if OTHER_HEADING.is_match(hay) && (start == 0 || pychar::first_char(candidate).is_some_and(pychar::is_upper)) {
            return true;
        }
    }
    false
}

/// "Related", and its misspellings one edit away ("Realted", "Relatd").
pub fn is_related_word(word: &str) -> bool {
    if word.is_ascii() && !(6..=8).contains(&word.len()) {
        return false; // lowering keeps an ASCII word's length: the test below would say no
    }
    let word = pychar::lower(word);
    // One edit keeps the length within one of 7 and leaves an "r" in the first two letters or
    // an "el" at the start or after it: a cheap test that spares the edit distance for almost
    // every word (a test checks every variant).
    let len = char_len(&word);
    let head = |n: usize| &word[..pychar::byte_offset(&word, n)];
    if !((6..=8).contains(&len) && (head(2).contains('r') || head(3).contains("el"))) {
        return false;
    }
    within_one_edit(&word, "related")
}

fn list_resumes(page: &Page<'_>, following: &[usize]) -> bool {
    following.len() == LOOKAHEAD_ITEMS && following.iter().all(|&n| is_list_item(page, n))
}

fn is_list_item(page: &Page<'_>, number: usize) -> bool {
    let f = page.features(number);
    if f.words > MAX_ITEM_WORDS || page.line(number).stripped.ends_with(':') {
        return false;
    }
    let reads_as_paragraph = f.words >= MIN_PARAGRAPH_WORDS && f.ends_sentence;
    !(reads_as_paragraph && page.title_case(number) < MAX_SENTENCE_TITLE_CASE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn misspellings_of_related_one_edit_away() {
        for word in ["Related", "Realted", "Relatd", "Relateed", "elated"] {
            assert!(is_related_word(word), "{word}");
        }
        for word in ["Relations", "Unrelated", "Rated", "Related!!"] {
            assert!(!is_related_word(word), "{word}");
        }
    }

    #[test]
    fn the_cheap_test_never_hides_a_variant() {
        // Every string one edit (insert, delete, substitute, swap) from "related", over the
        // word's letters and a few others, passes the cheap test whenever it is within one edit.
        let base: Vec<char> = "related".chars().collect();
        let alphabet: Vec<char> = "relatdxyzs".chars().collect();
        let mut variants: Vec<String> = Vec::new();
        for i in 0..=base.len() {
            for &c in &alphabet {
                let mut v = base.clone();
                v.insert(i, c);
                variants.push(v.iter().collect());
                if i < base.len() {
                    let mut v = base.clone();
                    v[i] = c;
                    variants.push(v.iter().collect());
                }
            }
            if i < base.len() {
                let mut v = base.clone();
                v.remove(i);
                variants.push(v.iter().collect());
            }
            if i + 1 < base.len() {
                let mut v = base.clone();
                v.swap(i, i + 1);
                variants.push(v.iter().collect());
            }
        }
        for v in variants {
            assert!(is_related_word(&v), "{v}");
        }
    }
}
