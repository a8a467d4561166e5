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

use crate::page::{Page, Removal};
use crate::rule::Rule;
use crate::text;

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
}

/// Options of one run.
#[derive(Clone, Copy, Debug, Default)]
pub struct RunOptions<'h> {
    /// False removes the headline and standfirst too (the body alone).
    pub body_only: bool,
    /// The page's headline when known from elsewhere (HTML metadata).
    pub headline: Option<&'h str>,
}

/// Apply `rules` to `text` until a pass removes nothing; every removal is recorded.
///
/// Each rule sees the lines the rules before it left, with their original numbers; its
/// removals are applied only after it has looked at the whole page, so a rule never sees
/// half of its own work. Removals of later passes are mapped back to the input's lines.
pub fn run(text: &str, rules: &[&dyn Rule], options: RunOptions<'_>) -> Outcome {
    let keep_headline = !options.body_only;
    let visible = text::visible(text);
    let headline = options.headline.map(text::visible);
    let headline = headline.as_deref();
    let mut page = Page::new(text, &visible, keep_headline, headline);
    let mut removals = one_pass(&mut page, rules);
    let contextual: Vec<&dyn Rule> = rules.iter().copied().filter(|r| !r.meta().line_local).collect();
    for _ in 1..MAX_PASSES {
        if removals.is_empty() {
            break;
        }
        // The next pass reads exactly what this one wrote (the kept text), as a second run would.
        let (kept, numbers) = page.kept_lines();
        let mut again_text = kept.join("\n");
        again_text.push('\n');
        let again_visible = text::visible(&again_text);
        let mut again = Page::derived(&again_text, &again_visible, keep_headline, headline, &page, &numbers);
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
    Outcome { text: page.kept_text(), removals }
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
