//! C204 link-line: markdown lines that are links and little else: teasers, menus, share links.

use crate::page::{Page, Removal};
use crate::rule::{Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C204", "link-line", DOC) };

const DOC: &str = "\
Markdown lines that are links and little else: teasers, menus, shares.

Link density, the share of a line's visible characters inside links, is
the classic boilerplate signal (jusText, Boilerpipe); plain text has lost
it, markdown keeps it. A line whose visible text is almost all link text
points elsewhere: a related story's headline, a menu entry, a tag, a share
button. A sentence that links a few of its words is article text.

Removed:
    = The council voted on Tuesday to build a tram line to the harbour, [the mayor said](https://example.org/mayor).
    [Bus fares rise again in the new year](https://example.org/fares)
    * [Harbour district gets a new school](https://example.org/school)
    [![](https://example.org/i.png) Cycle lanes will be finished by summer](https://example.org/cycle)
Kept:
    The council voted on Tuesday to build a tram line to the harbour, [the mayor said](https://example.org/mayor).
    Construction starts in spring, according to [its own study](https://example.org/study).
    [Bus fares](https://example.org/fares) rise again in the new year, the transport company said on Monday.
";

/// At least this share of the visible characters inside links (jusText's max_link_density
/// for a good paragraph is 0.2; a line above 0.8 is a link with a word or two around it, a
/// bullet or a "»"). Measured on the markdown of the dev pages (quality.py --converter
/// html2text and markdownify): 0.8 raised every fold of both sets; 0.6 cost
/// scrapinghub-dev fold 2 0.009 (html2text) and 0.009 (markdownify).
pub const MIN_LINK_DENSITY: f64 = 0.8;

pub struct LinkLine;
pub static RULE: LinkLine = LinkLine;

impl Rule for LinkLine {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn find(&self, page: &Page<'_>) -> Vec<Removal> {
        if !page.is_markdown() {
            return Vec::new();
        }
        page.remove_lines_where(&META, |n| page.markup(n).link_density() >= MIN_LINK_DENSITY)
    }
}
