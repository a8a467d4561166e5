//! Runs rules over a page in order; each line is removed at most once; every removal is
//! recorded in the ledger the result carries.
//!
//! The rules are run again on their own output until a pass removes nothing, so that
//! cleaning is idempotent: `clean(clean(x)) == clean(x)`. One pass is not always a fixed
//! point, because the position rules read the whole page: once a chrome line is gone, the
//! densest prose run can move (a date stamp that split two runs), and once the headline is
//! gone (body-only mode) the lines between it and the body stand above the article. Every
//! pass after the first is a confirming pass on the output, which finds nothing on almost
//! every page; it skips the line-local rules (`RuleMeta::line_local`), which found every
//! line of theirs in the first pass.

use crate::fragments;
use crate::markup::{self, InputFormat};
use crate::page::{Page, Removal};
use crate::pychar;
use crate::rule::{Rule, RuleMeta};
use crate::text::{self, VisibleLines};

/// A bound on the passes, so that time stays linear in the input whatever it holds: each
/// pass removes at least one line, and no dev page needed more than three passes (two that
/// remove, one that confirms). A text that needed more would come out after five passes,
/// not idempotent; none is known.
pub const MAX_PASSES: usize = 5;

/// The clean text and every removal that produced it, sorted by line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub text: String,
    pub removals: Vec<Removal>,
    /// True if the input was read as markdown.
    pub markdown: bool,
    /// True if blank lines separate the input's blocks (`markup::detect`).
    pub blank_separated: bool,
    /// True if the input was read as one text node a line (its fragments judged together).
    pub nodes: bool,
}

/// Options of one run.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunOptions<'h> {
    /// False removes the headline and standfirst too (the body alone).
    pub body_only: bool,
    /// The page's headline when known from elsewhere (HTML metadata).
    pub headline: Option<&'h str>,
    /// Markdown, plain text, or decided from the text (`markup::detect`).
    pub format: InputFormat,
}

/// Apply `rules` to `text` until a pass removes nothing; every removal is recorded.
///
/// Each rule sees the lines the rules before it left, with their original numbers; its
/// removals are applied only after it has looked at the whole page, so a rule never sees
/// half of its own work. Removals of later passes are mapped back to the input's lines.
///
/// A markdown input is cleaned as its visible text (`markup::parse`), one visible line per
/// input line; the output and the removals quote the input's own lines (`mapped_outcome`).
/// With `InputFormat::Nodes` (one text node a line), or plain text detected as such
/// (`markup::Detected::nodes`), the text is cleaned as its groups of sentence fragments
/// (`fragments::join`), one line per group.
pub fn run(text: &str, rules: &[&dyn Rule], options: RunOptions<'_>) -> Outcome {
    let detected = markup::detect(text);
    let markdown = options.format.reads_markdown(&detected);
    let keep_headline = !options.body_only;
    // The rules read every text without its invisible characters (`text::visible`).
    let visible_headline = options.headline.map(text::visible);
    let options = RunOptions { headline: visible_headline.as_deref(), ..options };
    let headline = options.headline;
    if markdown {
        let parsed = markup::parse(text);
        let visible = VisibleLines::of(&parsed.visible);
        let page = Page::of_text(&parsed.visible, &visible, keep_headline, headline).with_markup(parsed.markup);
        let (page, removals) = clean(page, rules);
        return mapped_outcome(text, &page, removals, None, detected.blank_separated);
    }
    let nodes = match options.format {
        InputFormat::Auto => detected.nodes,
        InputFormat::Nodes => true,
        InputFormat::Markdown | InputFormat::Text => false,
    };
    if nodes {
        let joined = fragments::join(text);
        if joined.origin.len() < joined.origin.last().map_or(0, |last| last.1) {
            let visible = VisibleLines::of(&joined.text);
            let page = Page::of_text(&joined.text, &visible, keep_headline, headline)
                .with_unseparated(!detected.blank_separated);
            let (page, removals) = clean(page, rules);
            return mapped_outcome(text, &page, removals, Some(&joined.origin), detected.blank_separated);
        }
    }
    let visible = VisibleLines::of(text);
    let page = Page::of_text(text, &visible, keep_headline, headline).with_unseparated(!detected.blank_separated);
    let (page, mut removals) = clean(page, rules);
    let clean = page.kept_text();
    drop(page);
    drop(visible);
    quote_lines(text, &mut removals);
    Outcome { text: clean, removals, markdown, blank_separated: detected.blank_separated, nodes }
}

/// Each removal's text: its lines of `text`, joined by "\n", one slice of the input copied
/// once. `removals` are sorted by line and do not overlap, so one pass over the lines finds
/// every removal's first and last byte.
fn quote_lines(text: &str, removals: &mut [Removal]) {
    let mut lines = text.split('\n');
    let (mut next, mut offset) = (1, 0);
    for removal in removals {
        debug_assert!(removal.start >= next && removal.end >= removal.start, "sorted, not overlapping");
        for line in lines.by_ref().take(removal.start - next) {
            offset += line.len() + 1;
        }
        let start = offset;
        for line in lines.by_ref().take(removal.end - removal.start + 1) {
            offset += line.len() + 1;
        }
        // The last line's newline, if the input has one there, is not part of the text.
        removal.text = text[start..(offset - 1).min(text.len())].to_string();
        next = removal.end + 1;
    }
}

/// The page with every removal applied, and the removals sorted by line.
fn clean<'a>(mut page: Page<'a>, rules: &[&dyn Rule]) -> (Page<'a>, Vec<Removal>) {
    let mut removals = one_pass(&mut page, rules);
    let contextual: Vec<&dyn Rule> = rules.iter().copied().filter(|r| !r.meta().line_local).collect();
    for _ in 1..MAX_PASSES {
        if removals.is_empty() {
            break;
        }
        // The next pass reads exactly what this one wrote (the kept text), as a second run would.
        let (kept, numbers) = page.kept_lines();
        let mut again = Page::derived(&mut page, &kept, &numbers);
        let later = one_pass(&mut again, &contextual);
        drop(again);
        if later.is_empty() {
            break;
        }
        for removal in later {
            let lines: Vec<usize> =
                numbers[removal.start - 1..removal.end].iter().copied().filter(|&n| !page.line(n).is_blank()).collect();
            for (start, end) in page.group(lines) {
                let moved = page.removal(removal.rule, start, end);
                page.apply(&moved);
                removals.push(moved);
            }
        }
    }
    removals.sort_by_key(|r| r.start);
    (page, removals)
}

/// The outcome of an input cleaned as another text, `page`: its markdown's visible text (one
/// line per input line), or its groups of fragments (line `k` of `page` is input lines
/// `origin[k - 1]`). The output is the input's lines verbatim; each removal quotes them.
///
/// Markdown: lines with markup and no visible text (an image, `[` and `](url)` of a link whose text
/// spans lines, a table rule) are layout for the rules, like blank lines; they go with the
/// removal next to them: a removal takes such lines up and down to the nearest line with
/// visible text or another removal, so a removed linked headline takes its brackets and a
/// removed menu its icons. Blank lines stay and are folded, as in text mode.
fn mapped_outcome(
    text: &str,
    page: &Page<'_>,
    removals: Vec<Removal>,
    origin: Option<&[(usize, usize)]>,
    blank_separated: bool,
) -> Outcome {
    let input: Vec<&str> = text.split('\n').collect();
    let markdown = origin.is_none();
    let span = |removal: &Removal| match origin {
        Some(groups) => (groups[removal.start - 1].0, groups[removal.end - 1].1),
        None => (removal.start, removal.end),
    };
    let syntax_only = |n: usize| page.line(n).is_blank() && !pychar::strip(input[n - 1]).is_empty();
    let mut claimed = vec![false; input.len() + 1];
    for removal in &removals {
        let (start, end) = span(removal);
        claimed[start..=end].iter_mut().for_each(|c| *c = true);
    }
    let mut widened: Vec<(&'static RuleMeta, usize, usize)> = Vec::with_capacity(removals.len());
    for removal in &removals {
        let (mut start, mut end) = span(removal);
        if !markdown {
            widened.push((removal.rule, start, end));
            continue;
        }
        let mut up = start;
        while up > 1 && page.line(up - 1).is_blank() && !claimed[up - 1] {
            up -= 1;
        }
        if let Some(first) = (up..start).find(|&n| syntax_only(n)) {
            start = first;
        }
        let mut down = end;
        while down < input.len() && page.line(down + 1).is_blank() && !claimed[down + 1] {
            down += 1;
        }
        if let Some(last) = (end + 1..=down).rev().find(|&n| syntax_only(n)) {
            end = last;
        }
        claimed[start..=end].iter_mut().for_each(|c| *c = true);
        widened.push((removal.rule, start, end));
    }
    let mut out: Vec<&str> = Vec::new();
    for (i, line) in input.iter().enumerate() {
        let text = pychar::rstrip(line);
        if claimed[i + 1] && !pychar::strip(text).is_empty() {
            continue;
        }
        let blank = pychar::strip(text).is_empty();
        if blank && out.last().is_none_or(|last| last.is_empty()) {
            continue;
        }
        out.push(if blank { "" } else { text });
    }
    while out.last().is_some_and(|last| last.is_empty()) {
        out.pop();
    }
    let mut clean = out.join("\n");
    if !clean.is_empty() {
        clean.push('\n');
    }
    let mut removals: Vec<Removal> =
        widened.into_iter().map(|(rule, start, end)| Removal { rule, start, end, text: String::new() }).collect();
    quote_lines(text, &mut removals);
    Outcome { text: clean, removals, markdown, blank_separated, nodes: !markdown }
}

fn one_pass(page: &mut Page<'_>, rules: &[&dyn Rule]) -> Vec<Removal> {
    let mut removals = Vec::new();
    for rule in rules {
        let found = rule.find(page);
        for removal in &found {
            page.apply(removal);
        }
        removals.extend(found);
    }
    removals
}
