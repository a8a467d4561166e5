//! What a rule is: metadata (code, name, documentation, what the pipeline needs to know)
//! and a finder that reads a page and returns removals. `PatternRule` is the common kind:
//! a label pattern, the rule's lexicon phrases and a prompt pattern.

use std::sync::LazyLock;

use crate::lexicon;
use crate::page::{Features, Page, Removal};
use crate::prefilter::Candidates;
use crate::pyre::{Hay, Mode, PyRegex};
use crate::rules::LINE_PATTERNS;

/// A rule's identity and documentation, exposed to Python (`cleaner --list-rules`).
#[derive(Debug)]
pub struct RuleMeta {
    /// "C101": C1xx single lines, C2xx blocks, C3xx legal tails, C9xx position heuristics.
    pub code: &'static str,
    /// A kebab-case slug naming the chrome ("open-in-app"); also its lexicon table's name.
    pub name: &'static str,
    /// First line: the summary (at most 72 characters). Then why, and `Removed:` and
    /// `Kept:` examples that the tests run through the rule alone.
    pub doc: &'static str,
    /// True if the rule decides each line from its text alone: it then finds nothing in
    /// its own output, and the pipeline's confirming passes skip it.
    pub line_local: bool,
    /// True for the rule that finds the article by its position on the page: text an
    /// extractor already cut out of a page (HTML mode) skips it.
    pub position: bool,
    /// True if this rule's removals holding one of its lexicon's `boundary` stems
    /// ("12 Comments") end the article's body (`layout`).
    pub ends_body: bool,
}

impl PartialEq for RuleMeta {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}
impl Eq for RuleMeta {}

impl RuleMeta {
    /// A rule's metadata with the defaults: not line-local, no position, no boundary.
    pub const fn new(code: &'static str, name: &'static str, doc: &'static str) -> RuleMeta {
        RuleMeta { code, name, doc, line_local: false, position: false, ends_body: false }
    }

    /// The documentation's first line.
    pub fn summary(&self) -> &'static str {
        self.doc.trim().lines().next().unwrap_or("")
    }

    /// The `Removed:` and `Kept:` examples, as (section, text) pairs; in a `Removed:`
    /// example, lines marked "= " are context the rule must keep.
    pub fn examples(&self) -> Vec<(&'static str, String)> {
        let mut found: Vec<(&'static str, Vec<&str>)> = Vec::new();
        let mut open = false;
        for raw in self.doc.lines().skip(1) {
            if !raw.is_empty() && !raw.starts_with(char::is_whitespace) {
                let section = raw.trim().trim_end_matches(':');
                open = matches!(section, "Removed" | "Kept");
                if open {
                    found.push((if section == "Removed" { "Removed" } else { "Kept" }, Vec::new()));
                }
            } else if open {
                found.last_mut().expect("an open section").1.push(raw);
            }
        }
        found.into_iter().map(|(section, body)| (section, dedent(&body))).collect()
    }
}

/// The lines with their common leading whitespace removed, blank edges dropped.
fn dedent(lines: &[&str]) -> String {
    let indent =
        lines.iter().filter(|l| !l.trim().is_empty()).map(|l| l.len() - l.trim_start().len()).min().unwrap_or(0);
    let body: Vec<&str> = lines.iter().map(|l| if l.len() >= indent { &l[indent..] } else { l.trim_start() }).collect();
    body.join("\n").trim_matches('\n').to_string()
}

/// A finder of one kind of chrome.
pub trait Rule: Sync + Send {
    fn meta(&self) -> &'static RuleMeta;
    /// The removals of this rule on the page as it stands; the pipeline applies them.
    fn find(&self, page: &Page<'_>) -> Vec<Removal>;
    /// The patterns it runs on whole lines (or slices of them) through `Page::hay`: the page
    /// finds, in one pass over each line, which of them may match it.
    fn line_patterns(&'static self) -> Vec<&'static PyRegex> {
        Vec::new()
    }
}

/// A prompt addresses the reader in a sentence or two; longer lines are article prose.
pub const MAX_PROMPT_WORDS: usize = 30;
/// A cheap bound checked before counting words.
pub const MAX_PROMPT_CHARS: usize = 300;
/// A button, label or menu entry is short; the lexicon's longest phrase is shorter still.
pub const MAX_LABEL_CHARS: usize = 160;

/// Short enough to be a prompt: MAX_PROMPT_CHARS and MAX_PROMPT_WORDS at most.
pub fn is_prompt_sized(features: Features) -> bool {
    features.chars <= MAX_PROMPT_CHARS && features.split_words <= MAX_PROMPT_WORDS
}

/// Compiles a rule's pattern on first use: `re.IGNORECASE` and Python's call mode.
pub type Pattern = LazyLock<PyRegex>;

/// Tells whether a whole stripped line is a rule's label.
pub trait LabelMatcher: Sync {
    fn matches(&self, text: Hay<'_>) -> bool;
    /// The patterns it runs on lines, for the page's literal index.
    fn patterns(&'static self) -> Vec<&'static PyRegex>;
}

impl LabelMatcher for Pattern {
    fn matches(&self, text: Hay<'_>) -> bool {
        self.is_match(text)
    }

    fn patterns(&'static self) -> Vec<&'static PyRegex> {
        vec![&**self]
    }
}

/// Removes lines its `label` pattern matches in full, its lexicon holds, or short lines
/// in which its `prompt` pattern (a sentence addressing the reader) is found.
pub struct PatternRule {
    pub meta: &'static RuleMeta,
    /// Matched against a whole stripped line (fullmatch).
    pub label: &'static dyn LabelMatcher,
    /// Searched for in a prompt-sized line.
    pub prompt: Option<&'static Pattern>,
    /// Longer lines are never a button or label: the pattern and lexicon skip them.
    pub max_chars: usize,
}

impl Rule for PatternRule {
    fn meta(&self) -> &'static RuleMeta {
        self.meta
    }

    fn line_patterns(&'static self) -> Vec<&'static PyRegex> {
        self.patterns()
    }

    fn find(&self, page: &Page<'_>) -> Vec<Removal> {
        let table = lexicon::table_bit(self.meta.name);
        let mask = self.candidate_mask();
        page.remove_lines_where(self.meta, |number| {
            if mask.is_some_and(|mask| page.candidates(number) & mask == 0) && !page.in_lexicon(table, number) {
                return false; // neither pattern may match the line, and the lexicon lacks it
            }
            let features = page.features(number);
            let is_label = features.chars <= self.max_chars
                && (page.in_lexicon(table, number) || self.label.matches(page.hay(number)));
            is_label || self.prompt.is_some_and(|p| is_prompt_sized(features) && p.is_match(page.hay(number)))
        })
    }
}

impl PatternRule {
    fn patterns(&self) -> Vec<&'static PyRegex> {
        let mut patterns = self.label.patterns();
        patterns.extend(self.prompt.map(|p| &**p));
        patterns
    }

    /// The page-index bits of its patterns (`rules::LINE_PATTERNS`), so that a line none of
    /// them may match is passed over at once; None if one of them has no bit.
    fn candidate_mask(&self) -> Option<Candidates> {
        LazyLock::force(&LINE_PATTERNS);
        self.patterns().iter().try_fold(0, |mask: Candidates, p| p.index_bit().map(|bit| mask | 1 << bit))
    }
}

/// A label pattern: fullmatch, ignoring case.
pub fn label(source: &str) -> PyRegex {
    PyRegex::new(source, true, Mode::FullMatch)
}

/// A prompt pattern: search, ignoring case.
pub fn prompt(source: &str) -> PyRegex {
    PyRegex::new(source, true, Mode::Search)
}
