//! Chrome phrases as data: one TOML file per language in `cleaner/lexicons/`, compiled in.
//!
//! Each file has one table per rule, named after the rule (`[follow-share]`):
//!
//! * `lines`: phrases that make up a whole line ("Teilen", "Mehr zum Thema");
//! * `prefixes`: phrases that open a line and are followed by a colon and a headline
//!   ("Lesen Sie auch: …");
//! * `within`: phrases that mark a short line wherever they stand in it ("Alle Rechte
//!   vorbehalten"); the rule bounds the line's length;
//! * `signals` and `labels` (the date-stamp table): words that make a line a date stamp
//!   ("März") and words allowed beside them ("aktualisiert");
//! * `boundary` (the comments table): word stems of a comment-section heading ("komment");
//!   the article's body never runs past such a heading (`layout`).
//!
//! A line matches when, case-folded and stripped of bullets, arrows, trailing punctuation
//! and counters ("Kommentare (12)"), it equals a phrase. Every language is matched on every
//! page: pages mix languages, and a set lookup costs the same for one language or twenty.
//! Adding a language is adding a file here and to `LANGUAGES` (and fixtures).

use std::collections::HashMap;

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::LazyLock;

use crate::pychar::{self, byte_offset, casefold, char_len, fold_spaces};
use crate::pyre::{Mode, PyRegex};

/// Every lexicon file, by language code, in code order.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("de", include_str!("../../../cleaner/lexicons/de.toml")),
    ("en", include_str!("../../../cleaner/lexicons/en.toml")),
    ("es", include_str!("../../../cleaner/lexicons/es.toml")),
    ("fr", include_str!("../../../cleaner/lexicons/fr.toml")),
    ("it", include_str!("../../../cleaner/lexicons/it.toml")),
    ("ja", include_str!("../../../cleaner/lexicons/ja.toml")),
    ("nl", include_str!("../../../cleaner/lexicons/nl.toml")),
    ("pl", include_str!("../../../cleaner/lexicons/pl.toml")),
    ("pt", include_str!("../../../cleaner/lexicons/pt.toml")),
    ("ru", include_str!("../../../cleaner/lexicons/ru.toml")),
    ("zh", include_str!("../../../cleaner/lexicons/zh.toml")),
];

/// The kinds of entry a rule's table may hold.
pub const KINDS: &[&str] = &["lines", "prefixes", "within", "signals", "labels", "boundary"];

/// "» Mehr zum Thema:", "* Teilen", "Weiterlesen →": bullets and arrows around a phrase.
fn is_leading_noise(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '*' | '•' | '·' | '»' | '›' | '>' | '|' | '-' | '–' | '—')
}
fn is_trailing_noise(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\r' | '.' | ':' | ';' | '!' | '?' | '…' | '»' | '›' | '>' | '→' | '|' | '-' | '–' | '—')
}
/// "Kommentare (12)", "Comments 4", "コメント（12）": a counter after a phrase, on a short tail only.
static COUNTER: LazyLock<PyRegex> = LazyLock::new(|| PyRegex::new(r"[(（]?\d{1,7}[)）]?$", false, Mode::Search));
const COUNTER_TAIL_CHARS: usize = 12;
/// "12 Kommentare", "(3) Comments": a counter before a phrase (the first one in the line).
static LEADING_COUNTER: LazyLock<PyRegex> =
    LazyLock::new(|| PyRegex::new(r"[(（]?\d{1,7}[)）]?\s+", false, Mode::Search));
/// No phrase is longer; a longer line is never normalised (linear time on any input).
pub const MAX_PHRASE_CHARS: usize = 160;
/// A prefix phrase is followed by a colon (or a dash, a bar, "»") and the linked headline,
/// or by the headline in quotes ("12 Responses to “Title”"); it stands in the first
/// MAX_PREFIX_CHARS characters of the line.
fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '"' | '„' | '«')
}
fn is_prefix_separator(c: char) -> bool {
    matches!(c, ':' | '：' | '–' | '—' | '|' | '»') || is_opening_quote(c)
}
fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '“' | '"' | '»' | '«' | '’' | '‘' | '\'')
}
pub const MAX_PREFIX_CHARS: usize = 48;
/// "Lesen Sie auch: <headline>"; longer tails are sentences.
pub const MAX_PREFIX_TAIL_WORDS: usize = 25;

/// The form phrases are compared in: case-folded, edges stripped, spaces folded.
///
/// Lines longer than MAX_PHRASE_CHARS normalise to "" (they match no phrase).
pub fn normalize(text: &str) -> String {
    let text = pychar::strip(text);
    if char_len(text) > MAX_PHRASE_CHARS {
        return String::new();
    }
    let folded = casefold(text);
    let text = folded.trim_start_matches(is_leading_noise);
    if !text.chars().any(pychar::is_decimal) {
        return fold_spaces(text.trim_end_matches(is_trailing_noise));
    }
    let without_lead = match LEADING_COUNTER.find(text) {
        Some((start, end)) => format!("{}{}", &text[..start], &text[end..]),
        None => text.to_string(),
    };
    let text = without_lead.trim_end_matches(is_trailing_noise);
    let cut = byte_offset(text, char_len(text).saturating_sub(COUNTER_TAIL_CHARS));
    let (head, tail) = text.split_at(cut);
    let tail = match COUNTER.find(tail) {
        Some((start, end)) => format!("{}{}", &tail[..start], &tail[end..]),
        None => tail.to_string(),
    };
    let joined = format!("{head}{tail}");
    fold_spaces(joined.trim_end_matches(is_trailing_noise))
}

/// The normalised label of a "Label: headline" line ("lesen sie auch"), or None for other lines.
pub fn prefix_form(text: &str) -> Option<String> {
    let text = pychar::strip(text);
    let window = &text[..byte_offset(text, MAX_PREFIX_CHARS)];
    let cut = window.find(is_prefix_separator)?;
    let separator = text[cut..].chars().next().expect("a separator");
    let tail = &text[cut + separator.len_utf8()..];
    let tail_words = pychar::count_words_up_to(tail, MAX_PREFIX_TAIL_WORDS + 1);
    if !(0 < tail_words && tail_words <= MAX_PREFIX_TAIL_WORDS) {
        return None;
    }
    if is_opening_quote(separator) && !text.ends_with(is_closing_quote) {
        return None; // a quoted headline is the whole tail: "3 Antworten zu „Titel“"
    }
    if separator == '»' && tail.contains('«') {
        return None; // German quotes: "Zum Thema »Wohnen im Alter« diskutieren …"
    }
    Some(normalize(&text[..cut]))
}

/// One rule's phrases in every language.
#[derive(Debug, Default)]
pub struct Phrases {
    pub lines: FxHashSet<String>,
    /// The first word of every `lines` phrase: a line whose first word is none of them
    /// cannot start like one (a cheap test before building a candidate phrase).
    pub line_first_words: FxHashSet<String>,
    pub prefixes: FxHashSet<String>,
    /// Sorted, case-folded, spaces folded.
    pub within: Vec<String>,
}

impl Phrases {
    /// True if a line's normalised form ends with one of the `within` phrases
    /// ("… todos os direitos reservados").
    pub fn closes(&self, form: &str) -> bool {
        self.within.iter().any(|phrase| form.ends_with(phrase.as_str()))
    }

    /// True if one of the `within` phrases stands anywhere in the text (case-folded).
    pub fn occurs_within(&self, text: &str) -> bool {
        let folded = fold_spaces(&casefold(text));
        self.within.iter().any(|phrase| folded.contains(phrase.as_str()))
    }
}

type Tables = Vec<toml::Table>;

static TABLES: LazyLock<Tables> = LazyLock::new(|| {
    LANGUAGES
        .iter()
        .map(|(code, data)| data.parse::<toml::Table>().unwrap_or_else(|e| panic!("{code}.toml: {e}")))
        .collect()
});

fn entries<'a>(table: &'a toml::Table, rule_name: &str, kind: &str) -> impl Iterator<Item = &'a str> {
    table
        .get(rule_name)
        .and_then(|t| t.get(kind))
        .and_then(|v| v.as_array())
        .into_iter()
        .flatten()
        .filter_map(|v| v.as_str())
}

static PHRASES: LazyLock<HashMap<String, Phrases>> = LazyLock::new(|| {
    let mut by_rule: HashMap<String, Phrases> = HashMap::new();
    for table in TABLES.iter() {
        for rule_name in table.keys() {
            let phrases = by_rule.entry(rule_name.clone()).or_default();
            phrases.lines.extend(entries(table, rule_name, "lines").map(normalize));
            phrases.prefixes.extend(entries(table, rule_name, "prefixes").map(normalize));
            phrases.within.extend(entries(table, rule_name, "within").map(|p| fold_spaces(&casefold(p))));
        }
    }
    for phrases in by_rule.values_mut() {
        phrases.line_first_words = phrases.lines.iter().filter_map(|p| p.split(' ').next()).map(String::from).collect();
        phrases.within.sort();
        phrases.within.dedup();
    }
    by_rule
});

static EMPTY: LazyLock<Phrases> = LazyLock::new(Phrases::default);

/// All languages' phrases for one rule, loaded once per process.
pub fn phrases(rule_name: &str) -> &'static Phrases {
    PHRASES.get(rule_name).unwrap_or(&EMPTY)
}

type WordTables = HashMap<(String, String), FxHashSet<String>>;

static WORDS: LazyLock<WordTables> = LazyLock::new(|| {
    let mut found: WordTables = HashMap::new();
    for table in TABLES.iter() {
        for rule_name in table.keys() {
            for kind in ["signals", "labels", "boundary"] {
                found
                    .entry((rule_name.clone(), kind.to_string()))
                    .or_default()
                    .extend(entries(table, rule_name, kind).map(casefold));
            }
        }
    }
    found
});

static NO_WORDS: LazyLock<FxHashSet<String>> = LazyLock::new(FxHashSet::default);

/// All languages' single words of one kind for a rule (`signals`, `labels`, `boundary`),
/// case-folded. (A lookup allocates: callers on a hot path keep the set in a static.)
pub fn words(rule_name: &str, kind: &str) -> &'static FxHashSet<String> {
    WORDS.get(&(rule_name.to_string(), kind.to_string())).unwrap_or(&NO_WORDS)
}

/// Every table's whole-line and prefix phrases in two maps, from a normalised phrase to the
/// tables (one bit each, tables in name order) that hold it: a page looks each line up once
/// for all rules.
struct PhraseIndex {
    tables: Vec<String>,
    lines: FxHashMap<String, u64>,
    prefixes: FxHashMap<String, u64>,
}

static PHRASE_INDEX: LazyLock<PhraseIndex> = LazyLock::new(|| {
    let mut tables: Vec<String> = PHRASES.keys().cloned().collect();
    tables.sort();
    assert!(tables.len() <= 64, "one bit per table");
    let (mut lines, mut prefixes) = (FxHashMap::default(), FxHashMap::default());
    for (bit, name) in tables.iter().enumerate() {
        let phrases = &PHRASES[name];
        for form in &phrases.lines {
            *lines.entry(form.clone()).or_insert(0u64) |= 1 << bit;
        }
        for form in &phrases.prefixes {
            *prefixes.entry(form.clone()).or_insert(0u64) |= 1 << bit;
        }
    }
    PhraseIndex { tables, lines, prefixes }
});

/// The bit of a rule's table in `tables_holding` (0 for a rule without a table).
pub fn table_bit(rule_name: &str) -> u64 {
    PHRASE_INDEX.tables.iter().position(|t| t == rule_name).map_or(0, |i| 1 << i)
}

/// The tables that hold a line, given its normalised form and its prefix form: a whole-line
/// phrase or a prefixed headline.
pub fn tables_holding(form: &str, prefix: Option<&str>) -> u64 {
    let index = &*PHRASE_INDEX;
    let by_line = index.lines.get(form).copied().unwrap_or(0);
    by_line | prefix.and_then(|p| index.prefixes.get(p).copied()).unwrap_or(0)
}

/// The raw tables, for checks of their shape: (language, rule name, kind, entries).
#[cfg(test)]
pub fn tables() -> Vec<(&'static str, String, String, Vec<String>)> {
    let mut out = Vec::new();
    for ((code, _), table) in LANGUAGES.iter().zip(TABLES.iter()) {
        for (rule_name, value) in table {
            if let Some(kinds) = value.as_table() {
                for (kind, list) in kinds {
                    let items = list
                        .as_array()
                        .map_or_else(Vec::new, |a| a.iter().map(|v| v.as_str().unwrap_or("").to_string()).collect());
                    out.push((*code, rule_name.clone(), kind.clone(), items));
                }
            } else {
                out.push((*code, rule_name.clone(), String::new(), Vec::new()));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalize_strips_bullets_arrows_and_counters() {
        assert_eq!(normalize("  » Kommentare (12) "), "kommentare");
        assert_eq!(normalize("* Weiterlesen →"), "weiterlesen");
        assert_eq!(normalize("Mehr   zum  Thema:"), "mehr zum thema");
        assert_eq!(normalize("12 Kommentare"), "kommentare");
    }

    #[test]
    fn prefix_needs_a_headline_after_it() {
        let related = phrases("related-list");
        let form = prefix_form("Lesen Sie auch: Die Bahn erhöht die Preise").unwrap();
        assert!(related.prefixes.contains(&form));
        assert_eq!(prefix_form("Lesen Sie auch:"), None);
        assert_eq!(prefix_form("Lesen Sie auch die Hinweise zur Anreise."), None);
    }

    #[test]
    fn every_table_holds_only_known_kinds() {
        for (language, rule, kind, items) in tables() {
            assert!(KINDS.contains(&kind.as_str()), "{language}.toml: [{rule}] {kind}");
            assert!(items.iter().all(|p| !pychar::strip(p).is_empty()), "{language}.toml: [{rule}] {kind}");
        }
    }
}
