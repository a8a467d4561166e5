//! C107 byline: bylines and author-and-date stamps.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::page::{LineTest, Page, Removal};
use crate::pychar::{self, char_len};
use crate::pyre::{Hay, Mode, PyRegex};
use crate::rule::{Rule, RuleMeta};
use crate::text::{ends_like_sentence, is_date_stamp, DATE_SIGNAL, NAME};

pub static META: RuleMeta = RuleMeta::new("C107", "byline", DOC);

const DOC: &str = "\
Bylines and author-and-date stamps.

Removed:
    By IANS | Updated: August 24, 2025 08:40 IST
Removed:
    Chris Davies - Nov 19, 2019, 10:31 pm CST
Removed:
    By admin - 2018-09-16
Removed:
    by Regan September 15, 2014
Removed:
    By
    Sarah E. Needleman
Kept:
    By Monday, all schools in the province will have reopened.
Kept:
    By the numbers
";

const BY: &str = r"(?:(?:written|reported|posted|story|text|words|photos?|edited|compiled)\s+)?by:?\s+";

/// A name keeps its capitals when the label around it ignores case: "By the numbers" and
/// "Written by hand" are subheadings and prose, not bylines.
fn cased_name() -> String {
    format!("(?-i:{NAME})")
}

/// "By IANS | Updated: August 24, 2025 08:40 IST", "By Jane Doe and John Roe, Reuters",
/// "Written by Ann Lee", "By AFP". "and" between names is lower case: "And" would be read
/// both as a name and as the separator ("By And And And …" is exponential when backtracking).
static BYLINE: LazyLock<PyRegex> = LazyLock::new(|| {
    let name = cased_name();
    PyRegex::new(
        &format!(r"{BY}{name}(?:\s*(?:,|(?-i:and)|&)\s*{name})*(?P<rest>\s*[|,·•–—-]\s*.{{0,120}})?"),
        true,
        Mode::FullMatch,
    )
});
/// "By admin - 2018-09-16": a lower-case user name is a byline when a date stamp follows it.
static USER_AND_DATE: LazyLock<PyRegex> =
    LazyLock::new(|| PyRegex::new(&format!(r"{BY}[\w.-]+\s*[|,·•–—-]\s*(?P<date>.+)"), true, Mode::FullMatch));
/// "Chris Davies - Nov 19, 2019, 10:31 pm CST", "Jane Doe | 3 hours ago"
static NAME_AND_DATE: LazyLock<PyRegex> =
    LazyLock::new(|| PyRegex::new(&format!(r"{NAME}\s*[|,·•–—-]\s*(?P<date>.+)"), false, Mode::FullMatch));
/// The two patterns above without their `(?P<date>.+)`: the date is the rest of the line
/// after the head's first match, when any rest is left; only when none is, a shorter head
/// might leave one, and the groups are read (see `date_after`).
static USER_AND_DATE_HEAD: LazyLock<PyRegex> =
    LazyLock::new(|| PyRegex::new(&format!(r"{BY}[\w.-]+\s*[|,·•–—-]\s*"), true, Mode::Match));
static NAME_AND_DATE_HEAD: LazyLock<PyRegex> =
    LazyLock::new(|| PyRegex::new(&format!(r"{NAME}\s*[|,·•–—-]\s*"), false, Mode::Match));

/// The `date` group of `full` (a head, then `(?P<date>.+)`) on `hay`, if `full` matches.
///
/// Backtracking tries the head's ways of matching in order and takes the first that leaves
/// `.+` a character: the head's leftmost-first match, unless it ends the line. Reading
/// groups costs far more than finding a match, and most lines that open like a name
/// ("However, …") are turned away here.
fn date_after<'t>(head: &PyRegex, full: &PyRegex, hay: Hay<'t>) -> Option<&'t str> {
    let (_, end) = head.find(hay)?;
    if end < hay.text.len() {
        Some(&hay.text[end..])
    } else {
        full.group(hay, "date").flatten()
    }
}

/// "Author: Jane Doe", "Reporter - Ann Lee"
static AUTHOR_LABEL: LazyLock<PyRegex> = LazyLock::new(|| {
    PyRegex::new(
        &format!(r"(?:author|reporter|correspondent|editor|autor|von)s?\s*[:–—-]\s*{}", cased_name()),
        true,
        Mode::FullMatch,
    )
});
/// Longer lines are prose that happens to open with "By".
const MAX_BYLINE_CHARS: usize = 160;
/// "By" on a line of its own, the author's name on the next: a byline split by the page's markup.
static LONE_BY: LazyLock<PyRegex> = LazyLock::new(|| PyRegex::new(r"by:?", true, Mode::FullMatch));
/// "Sarah E. Needleman", "The Water Coolest": the name line after a lone "By".
static AUTHOR_NAME: LazyLock<PyRegex> = LazyLock::new(|| PyRegex::new(NAME, false, Mode::FullMatch));
/// NAME's own limit: a first word and up to four more.
const MAX_NAME_WORDS: usize = 5;
/// "By", a name, a date.
const MIN_NAME_DATE_WORDS: usize = 3;

pub struct Byline;
pub static RULE: Byline = Byline;

impl Rule for Byline {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn line_patterns(&'static self) -> Vec<&'static PyRegex> {
        vec![
            &*LONE_BY,
            &*AUTHOR_NAME,
            &*BYLINE,
            &*AUTHOR_LABEL,
            &*NAME_AND_DATE,
            &*USER_AND_DATE,
            &*NAME_AND_DATE_HEAD,
            &*USER_AND_DATE_HEAD,
        ]
    }

    fn find(&self, page: &Page<'_>) -> Vec<Removal> {
        let live = page.live_lines();
        let mut claimed: HashSet<usize> = HashSet::new();
        let mut found = Vec::new();
        for (i, &number) in live.iter().enumerate() {
            if claimed.contains(&number) {
                continue;
            }
            if LONE_BY.is_match(page.hay(number)) {
                let mut block = vec![number];
                if let Some(&next) = live.get(i + 1) {
                    if AUTHOR_NAME.is_match(page.hay(next)) {
                        block.push(next);
                    }
                }
                claimed.extend(&block);
                found.extend(page.removals(&META, block));
            } else if page.test(LineTest::Byline, number, || is_byline(page.hay(number))) {
                found.push(page.removal(&META, number, number));
            }
        }
        found
    }
}

fn is_byline(hay: Hay<'_>) -> bool {
    let text = hay.text;
    if char_len(text) > MAX_BYLINE_CHARS || !pychar::first_char(text).is_some_and(pychar::is_alpha) {
        return false;
    }
    if BYLINE.is_match(hay) || AUTHOR_LABEL.is_match(hay) {
        return !ends_like_sentence(text) || ["Jr.", "Sr.", "Inc."].iter().any(|end| text.ends_with(end));
    }
    let date = date_after(&NAME_AND_DATE_HEAD, &NAME_AND_DATE, hay)
        .or_else(|| date_after(&USER_AND_DATE_HEAD, &USER_AND_DATE, hay));
    let on_line = |text| Hay { text, plain: hay.plain, candidates: None };
    date.is_some_and(|date| is_date_stamp(on_line(date))) || is_name_then_date(text, hay.plain)
}

/// "by Regan September 15, 2014": "By", a name and a date with nothing between them.
///
/// The name's end is not marked, and a month is capitalised like a name, so every split of
/// the words after "By" is tried; a name has no date words ("By Tuesday 10 March" is a deadline).
fn is_name_then_date(text: &str, plain: bool) -> bool {
    let words: Vec<&str> = pychar::split(text).collect();
    if words.len() < MIN_NAME_DATE_WORDS || !LONE_BY.is_match(words[0]) {
        return false;
    }
    for end in 2..words.len().min(MAX_NAME_WORDS + 1) {
        let (name, date) = (words[1..end].join(" "), words[end..].join(" "));
        let is_name = AUTHOR_NAME.is_match(&name) && !words[1..end].iter().any(|w| DATE_SIGNAL.is_match(*w));
        if is_name && is_date_stamp(Hay { text: &date, plain, candidates: None }) {
            return true;
        }
    }
    false
}
