//! Required literals: which lines a pattern cannot match, found cheaply.
//!
//! Most lines hold none of the words a pattern needs: "follow us on Twitter" needs "follow",
//! "like", "find", "join" or "connect with". `required` reads such a set of strings out of a
//! pattern's syntax tree (the idea of RE2's prefilter): every match of the pattern contains
//! one of them. One Aho-Corasick search (ASCII case folded, SIMD-accelerated) then rules out
//! a line before the pattern runs. A literal is a necessary condition, never a sufficient
//! one, so a pattern finds exactly what it found without the prefilter; the parity harness
//! and a test over every rule's fixtures check this.
//!
//! Case-insensitive letters are classes in the tree (`[Ss\u{17f}]`); a class of a few
//! characters stands for each of them, ASCII letters folded, so "ſ" and the Kelvin sign "K"
//! are literals of their own.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind};

/// A class of at most this many characters (ASCII case pairs counted once) is expanded.
const MAX_CLASS_CHARS: usize = 4;
/// A set of exact strings larger than this stops growing (it then only bounds a match).
const MAX_EXACT: usize = 64;
/// A literal set helps only if its lightest string weighs at least this much (see `weight`):
/// "on", "x" and "." are too common to rule lines out, "the" and "(" are not.
const MIN_LITERAL_WEIGHT: usize = 3;
/// Characters as common as letters; any other symbol ("(", "©", "@") weighs as much as three.
const COMMON_CHARACTERS: &str = " .,:;!?'’\"-";
const SYMBOL_WEIGHT: usize = 3;

/// How rare a literal is: a letter, digit or common mark counts one, any other character three.
fn weight(literal: &str) -> usize {
    literal.chars().map(|c| if c.is_alphanumeric() || COMMON_CHARACTERS.contains(c) { 1 } else { SYMBOL_WEIGHT }).sum()
}

/// What a sub-pattern tells about its matches.
#[derive(Clone, Debug)]
enum Facts {
    /// It matches exactly one of these strings (ASCII letters lower-cased).
    Exact(Vec<String>),
    /// Every match contains one of these strings.
    Contains(Vec<String>),
    /// Nothing useful.
    Unknown,
}

fn quality(set: &[String]) -> (usize, std::cmp::Reverse<usize>) {
    let shortest = set.iter().map(|s| weight(s)).min().unwrap_or(0);
    (shortest, std::cmp::Reverse(set.len()))
}

fn best(a: Option<Vec<String>>, b: Option<Vec<String>>) -> Option<Vec<String>> {
    match (a, b) {
        (Some(x), Some(y)) => Some(if quality(&y) > quality(&x) { y } else { x }),
        (x, None) => x,
        (None, y) => y,
    }
}

fn dedup(mut set: Vec<String>) -> Vec<String> {
    set.sort();
    set.dedup();
    set
}

/// The strings one of which every match holds, if the facts say so.
fn contained(facts: &Facts) -> Option<Vec<String>> {
    match facts {
        Facts::Exact(set) | Facts::Contains(set) => Some(set.clone()),
        Facts::Unknown => None,
    }
}

fn class_chars(class: &Class) -> Option<Vec<String>> {
    let Class::Unicode(set) = class else { return None };
    let mut chars: Vec<char> = Vec::new();
    for range in set.ranges() {
        if (range.end() as u32 - range.start() as u32) as usize >= 2 * MAX_CLASS_CHARS {
            return None;
        }
        chars.extend(range.start()..=range.end());
        if chars.len() > 2 * MAX_CLASS_CHARS {
            return None;
        }
    }
    let folded = dedup(chars.iter().map(|c| c.to_ascii_lowercase().to_string()).collect());
    (folded.len() <= MAX_CLASS_CHARS).then_some(folded)
}

fn facts(hir: &Hir) -> Facts {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Facts::Exact(vec![String::new()]),
        HirKind::Literal(lit) => match std::str::from_utf8(&lit.0) {
            Ok(text) => Facts::Exact(vec![text.to_ascii_lowercase()]),
            Err(_) => Facts::Unknown,
        },
        HirKind::Class(class) => class_chars(class).map_or(Facts::Unknown, Facts::Exact),
        HirKind::Capture(capture) => facts(&capture.sub),
        HirKind::Repetition(rep) => {
            if rep.min == 0 {
                return Facts::Unknown;
            }
            match facts(&rep.sub) {
                exact @ Facts::Exact(_) if rep.min == 1 && rep.max == Some(1) => exact,
                other => contained(&other).map_or(Facts::Unknown, Facts::Contains),
            }
        }
        HirKind::Alternation(subs) => {
            let all: Vec<Facts> = subs.iter().map(facts).collect();
            if all.iter().all(|f| matches!(f, Facts::Exact(_))) {
                let union = dedup(all.iter().flat_map(|f| contained(f).unwrap_or_default()).collect());
                if union.len() <= MAX_EXACT {
                    return Facts::Exact(union);
                }
                return Facts::Contains(union);
            }
            let mut union = Vec::new();
            for f in &all {
                match contained(f) {
                    Some(set) => union.extend(set),
                    None => return Facts::Unknown,
                }
            }
            Facts::Contains(dedup(union))
        }
        HirKind::Concat(subs) => {
            // Runs of exact parts multiply out into exact strings; the best set among the
            // runs and the other parts is what every match contains.
            let mut candidate: Option<Vec<String>> = None;
            let mut run: Option<Vec<String>> = Some(vec![String::new()]);
            let mut all_exact = true;
            for sub in subs {
                match facts(sub) {
                    Facts::Exact(set) => {
                        let prefixes = run.take().unwrap_or_else(|| vec![String::new()]);
                        let product: Vec<String> =
                            prefixes.iter().flat_map(|p| set.iter().map(move |s| format!("{p}{s}"))).collect();
                        if product.len() <= MAX_EXACT {
                            run = Some(dedup(product));
                        } else {
                            all_exact = false;
                            candidate = best(candidate, Some(prefixes));
                            run = Some(set);
                        }
                    }
                    other => {
                        all_exact = false;
                        candidate = best(candidate, run.take());
                        candidate = best(candidate, contained(&other));
                        run = Some(vec![String::new()]);
                    }
                }
            }
            if all_exact {
                if let Some(exact) = run {
                    return Facts::Exact(exact);
                }
            }
            candidate = best(candidate, run);
            candidate.map_or(Facts::Unknown, Facts::Contains)
        }
    }
}

/// Strings one of which every match of `hir` holds (ASCII case folded), if a useful set exists.
pub fn required(hir: &Hir) -> Option<Vec<String>> {
    let set = contained(&facts(hir))?;
    (quality(&set).0 >= MIN_LITERAL_WEIGHT).then_some(set)
}

/// A pattern's required literals, searched for in one pass.
pub struct Prefilter {
    /// Built on first use: a line pattern is looked up in the page's index instead.
    searcher: std::sync::OnceLock<AhoCorasick>,
    literals: Vec<String>,
}

impl Prefilter {
    /// The prefilter of a pattern as `regex` parses it (flags and all), if it has one.
    pub fn new(pattern: &str, ignore_case: bool) -> Option<Prefilter> {
        let hir = regex_syntax::ParserBuilder::new().case_insensitive(ignore_case).build().parse(pattern).ok()?;
        required(&hir).map(Prefilter::from_literals)
    }

    /// The prefilter of literals one of which every match holds.
    pub fn from_literals(literals: Vec<String>) -> Prefilter {
        Prefilter { searcher: std::sync::OnceLock::new(), literals }
    }

    /// False if `text` holds none of the literals: the pattern cannot match it.
    #[inline]
    pub fn may_match(&self, text: &str) -> bool {
        let searcher = self.searcher.get_or_init(|| {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::Standard)
                .build(&self.literals)
                .expect("literals build an automaton")
        });
        searcher.is_match(text)
    }

    pub fn literals(&self) -> &[String] {
        &self.literals
    }
}

/// Lines a process scans before its literal index is rebuilt as a full DFA: building it
/// takes about 10 ms, which a one-page run would notice; searching it takes about half the
/// time of the quick automaton, which a corpus job does.
pub const DFA_AFTER_LINES: usize = 20_000;

/// An Aho-Corasick automaton of the literals, ASCII case folded, reporting every match.
fn automaton(literals: &[String], kind: AhoCorasickKind) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::Standard)
        .kind(Some(kind))
        .build(literals)
        .expect("literals build an automaton")
}

/// Which patterns of a set may match a text: one bit per pattern.
pub type Candidates = u128;

/// Every indexed pattern's literals in one automaton: one pass over a line tells which of
/// the patterns may match it (the page computes this once per line).
pub struct LiteralIndex {
    /// Quick to build: what a process that cleans one small page uses.
    searcher: AhoCorasick,
    /// A full DFA, faster to search and slower to build, built once the process has
    /// scanned DFA_AFTER_LINES lines (a corpus job, not a shell filter on one page).
    dfa: std::sync::OnceLock<AhoCorasick>,
    literals: Vec<String>,
    scanned: std::sync::atomic::AtomicUsize,
    /// Per literal: the patterns that need it.
    masks: Vec<Candidates>,
    /// Patterns without literals are candidates everywhere.
    always: Candidates,
}

impl LiteralIndex {
    /// The most patterns one index holds.
    pub const CAPACITY: usize = Candidates::BITS as usize;

    /// An index of the prefilters, pattern `i` being bit `i`; None stands for a pattern that
    /// may match anything.
    pub fn new(prefilters: &[Option<&Prefilter>]) -> LiteralIndex {
        assert!(prefilters.len() <= Self::CAPACITY, "more patterns than an index holds");
        let mut literals: Vec<String> = Vec::new();
        let mut masks: Vec<Candidates> = Vec::new();
        let mut always: Candidates = 0;
        for (bit, filter) in prefilters.iter().enumerate() {
            match filter {
                None => always |= 1 << bit,
                Some(filter) => {
                    for literal in filter.literals() {
                        match literals.iter().position(|l| l == literal) {
                            Some(i) => masks[i] |= 1 << bit,
                            None => {
                                literals.push(literal.clone());
                                masks.push(1 << bit);
                            }
                        }
                    }
                }
            }
        }
        let searcher = automaton(&literals, AhoCorasickKind::ContiguousNFA);
        LiteralIndex {
            searcher,
            dfa: std::sync::OnceLock::new(),
            literals,
            scanned: std::sync::atomic::AtomicUsize::new(0),
            masks,
            always,
        }
    }

    /// The patterns that may match `text` (a haystack with its stand-ins in place).
    pub fn candidates(&self, text: &str) -> Candidates {
        use std::sync::atomic::Ordering;
        let searcher = match self.dfa.get() {
            Some(dfa) => dfa,
            None if self.scanned.fetch_add(1, Ordering::Relaxed) >= DFA_AFTER_LINES => {
                self.dfa.get_or_init(|| automaton(&self.literals, AhoCorasickKind::DFA))
            }
            None => &self.searcher,
        };
        let mut found = self.always;
        for hit in searcher.find_overlapping_iter(text) {
            found |= self.masks[hit.pattern().as_usize()];
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(pattern: &str) -> Option<Vec<String>> {
        required(&regex_syntax::ParserBuilder::new().case_insensitive(true).build().parse(pattern).unwrap())
    }

    #[test]
    fn reads_the_words_a_pattern_needs() {
        let follow = literals(r"(?:follow|like) us\b.*").unwrap();
        assert!(["follow us", "like us", "follow u\u{17f}"].iter().all(|l| follow.contains(&l.to_string())));
        assert_eq!(literals(r"\d+ comments?"), Some(vec![" comment".into()]));
        assert_eq!(literals(r"x|y"), None, "too short to help");
        assert_eq!(literals(r".{0,40}\s[(\[]"), Some(vec!["(".into(), "[".into()]), "symbols are rare");
        assert_eq!(literals(r"(?:abc)?\w+"), None, "optional parts require nothing");
    }

    #[test]
    fn the_quick_automaton_and_the_dfa_find_the_same_candidates() {
        let filters: Vec<Prefilter> = [r"follow us\b", r"\bsale\b", r"copyright|©", r"(?:read|see) more"]
            .iter()
            .map(|p| Prefilter::new(p, true).unwrap())
            .collect();
        let index = LiteralIndex::new(&filters.iter().map(Some).collect::<Vec<_>>());
        let dfa = automaton(&index.literals, AhoCorasickKind::DFA);
        for text in ["Follow us on X", "ſale: © 2024, read more", "SEE MORE", "nothing", ""] {
            let by_dfa =
                dfa.find_overlapping_iter(text).fold(index.always, |m, hit| m | index.masks[hit.pattern().as_usize()]);
            assert_eq!(index.candidates(text), by_dfa, "{text:?}");
        }
    }

    #[test]
    fn case_classes_keep_their_non_ascii_members() {
        let set = literals(r"sale").unwrap();
        assert!(set.contains(&"sale".to_string()) && set.contains(&"\u{17f}ale".to_string()));
        let filter = Prefilter::new(r"\bsale\b", true).unwrap();
        assert!(filter.may_match("A SALE today") && filter.may_match("\u{17f}ale") && !filter.may_match("sold"));
    }
}
