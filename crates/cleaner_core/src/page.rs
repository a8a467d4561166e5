//! The page: input lines, what each rule removed, and per-line analyses computed once.
//!
//! Rules read a `Page` and return removals; only the pipeline marks lines removed
//! (`Page::apply`). Blank lines are layout, never removed: the output folds them.

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::layout::Layout;
use crate::lexicon::{self, Phrases};
use crate::pychar;
use crate::rule::RuleMeta;

/// One input line: its 1-based number, its text without the newline, and that text stripped.
#[derive(Clone, Copy, Debug)]
pub struct Line<'a> {
    pub number: usize,
    pub text: &'a str,
    pub stripped: &'a str,
}

impl Line<'_> {
    pub fn is_blank(&self) -> bool {
        self.stripped.is_empty()
    }
}

/// Lines `start..=end` (1-based) of the input, removed by one rule, and their text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    pub rule: &'static RuleMeta,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

/// Per line: its normalised form and, for a "Label: headline" line, its label's form.
type LexiconForms = Vec<(String, Option<String>)>;

/// An input split on "\n" and the lines removed from it so far.
pub struct Page<'a> {
    pub lines: Vec<Line<'a>>,
    pub keep_headline: bool,
    /// The page's headline when known from elsewhere (HTML metadata).
    pub headline: Option<&'a str>,
    removed: Vec<Option<&'static RuleMeta>>,
    removed_count: usize,
    forms: OnceCell<LexiconForms>,
    phrase_hits: RefCell<HashMap<*const Phrases, Rc<Vec<bool>>>>,
    live: RefCell<Option<(usize, Rc<Vec<usize>>)>>,
    pub(crate) layout: OnceCell<Layout>,
}

impl<'a> Page<'a> {
    pub fn new(text: &'a str, keep_headline: bool, headline: Option<&'a str>) -> Page<'a> {
        let lines: Vec<Line<'a>> = text
            .split('\n')
            .enumerate()
            .map(|(i, t)| Line { number: i + 1, text: t, stripped: pychar::strip(t) })
            .collect();
        let count = lines.len();
        Page {
            lines,
            keep_headline,
            headline,
            removed: vec![None; count],
            removed_count: 0,
            forms: OnceCell::new(),
            phrase_hits: RefCell::new(HashMap::new()),
            live: RefCell::new(None),
            layout: OnceCell::new(),
        }
    }

    /// Line `number` (1-based).
    #[inline]
    pub fn line(&self, number: usize) -> &Line<'a> {
        &self.lines[number - 1]
    }

    /// True if line `number` is non-blank and no rule removed it yet.
    #[inline]
    pub fn is_live(&self, number: usize) -> bool {
        self.removed[number - 1].is_none() && !self.lines[number - 1].is_blank()
    }

    /// The rule that removed line `number`, if any.
    #[inline]
    pub fn removed_by(&self, number: usize) -> Option<&'static RuleMeta> {
        self.removed[number - 1]
    }

    fn forms(&self) -> &LexiconForms {
        self.forms.get_or_init(|| {
            self.lines
                .iter()
                .map(|line| {
                    if line.is_blank() {
                        (String::new(), None)
                    } else {
                        (lexicon::normalize(line.text), lexicon::prefix_form(line.text))
                    }
                })
                .collect()
        })
    }

    /// Line `number` in the form lexicon phrases are compared in.
    pub fn normalized(&self, number: usize) -> &str {
        &self.forms()[number - 1].0
    }

    /// The label of line `number` if it is a "Label: headline" line (`lexicon::prefix_form`).
    pub fn prefix_form(&self, number: usize) -> Option<&str> {
        self.forms()[number - 1].1.as_deref()
    }

    /// Per line (index `number - 1`): whether the line is one of `phrases`, a whole-line
    /// phrase or a prefixed headline. Blank lines never are.
    pub fn phrase_hits(&self, phrases: &'static Phrases) -> Rc<Vec<bool>> {
        let key = phrases as *const Phrases;
        if let Some(hits) = self.phrase_hits.borrow().get(&key) {
            return Rc::clone(hits);
        }
        let forms = self.forms();
        let hits: Vec<bool> = self
            .lines
            .iter()
            .zip(forms)
            .map(|(line, (form, prefix))| {
                !line.is_blank()
                    && (phrases.lines.contains(form) || prefix.as_ref().is_some_and(|p| phrases.prefixes.contains(p)))
            })
            .collect();
        let hits = Rc::new(hits);
        self.phrase_hits.borrow_mut().insert(key, Rc::clone(&hits));
        hits
    }

    /// Numbers of the non-blank lines no rule has removed, in input order.
    pub fn live_lines(&self) -> Rc<Vec<usize>> {
        if let Some((count, live)) = self.live.borrow().as_ref() {
            if *count == self.removed_count {
                return Rc::clone(live);
            }
        }
        let live: Rc<Vec<usize>> =
            Rc::new(self.lines.iter().filter(|l| self.is_live(l.number)).map(|l| l.number).collect());
        *self.live.borrow_mut() = Some((self.removed_count, Rc::clone(&live)));
        live
    }

    /// Split line numbers into ranges with no other non-blank line inside.
    ///
    /// Blank lines between two chosen lines join their range, so one removal covers a
    /// whole block; a live line that was not chosen, or a line some earlier rule
    /// removed, splits it.
    pub fn group(&self, numbers: impl IntoIterator<Item = usize>) -> Vec<(usize, usize)> {
        let mut chosen: Vec<usize> = numbers.into_iter().collect();
        chosen.sort_unstable();
        chosen.dedup();
        let mut ranges = Vec::new();
        let Some(&first) = chosen.first() else { return ranges };
        let (mut start, mut prev) = (first, first);
        for &number in &chosen[1..] {
            if (prev + 1..number).any(|n| !self.lines[n - 1].is_blank()) {
                ranges.push((start, prev));
                start = number;
            }
            prev = number;
        }
        ranges.push((start, prev));
        ranges
    }

    /// Lines `start..=end` as the input had them, joined by "\n".
    pub fn span_text(&self, start: usize, end: usize) -> String {
        let mut out = String::new();
        for (i, line) in self.lines[start - 1..end].iter().enumerate() {
            if i > 0 {
                out.push('\n');
            }
            out.push_str(line.text);
        }
        out
    }

    /// A removal of lines `start..=end` by `rule`, with their text.
    pub fn removal(&self, rule: &'static RuleMeta, start: usize, end: usize) -> Removal {
        Removal { rule, start, end, text: self.span_text(start, end) }
    }

    /// One removal per block of the given lines (see `group`).
    pub fn removals(&self, rule: &'static RuleMeta, numbers: impl IntoIterator<Item = usize>) -> Vec<Removal> {
        self.group(numbers).into_iter().map(|(s, e)| self.removal(rule, s, e)).collect()
    }

    /// Mark a removal's non-blank lines removed; overlapping a removal is a bug.
    pub fn apply(&mut self, removal: &Removal) {
        for number in removal.start..=removal.end {
            if self.lines[number - 1].is_blank() {
                continue;
            }
            if let Some(earlier) = self.removed[number - 1] {
                panic!("{} removes line {number}, already removed by {}", removal.rule.code, earlier.code);
            }
            self.removed[number - 1] = Some(removal.rule);
            self.removed_count += 1;
        }
    }

    /// The output's lines (trailing whitespace stripped, blank runs folded) and their numbers.
    pub fn kept_lines(&self) -> (Vec<&'a str>, Vec<usize>) {
        let mut out: Vec<&'a str> = Vec::new();
        let mut numbers = Vec::new();
        for line in &self.lines {
            if self.removed[line.number - 1].is_some() {
                continue;
            }
            let text = pychar::rstrip(line.text);
            if text.is_empty() && out.last().is_none_or(|last| last.is_empty()) {
                continue;
            }
            out.push(text);
            numbers.push(line.number);
        }
        while out.last().is_some_and(|last| last.is_empty()) {
            out.pop();
            numbers.pop();
        }
        (out, numbers)
    }

    /// Kept lines, trailing whitespace stripped, blank runs folded, one final newline.
    pub fn kept_text(&self) -> String {
        let (out, _) = self.kept_lines();
        if out.is_empty() {
            String::new()
        } else {
            let mut text = out.join("\n");
            text.push('\n');
            text
        }
    }
}
