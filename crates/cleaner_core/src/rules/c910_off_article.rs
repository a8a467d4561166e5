//! C910 off-article: lines outside the article: above its headline or past its body.

use crate::layout::analyse;
use crate::page::{Page, Removal};
use crate::rule::{Rule, RuleMeta};

pub static META: RuleMeta = RuleMeta { position: true, ..RuleMeta::new("C910", "off-article", DOC) };

const DOC: &str = "\
Lines outside the article: above its headline or past its body.

The fallback for lines no other rule decides. The article is the headline
block plus the densest run of prose (see the layout): prose lines add
their word count, other lines cost a little, one- and two-word labels
(menus, buttons) and chrome the rules removed cost more, rows of a table
(four or more aligned rows; in text without blank lines, four or more
rows written a cell a line below an introduction) count like prose, a lead-in line
ending in a colon right above the body opens it, one ending the body
takes in the numbered or bulleted list it announces, an author box (\"About
Jane Doe\" and a bio naming her) costs like chrome, a bio near the body's
end (\"Hallo, ich bin …\", \"Ich bin Steffi, …\", \"Jane Doe is a city
reporter …\") ends the body above it and its heading when little prose
follows it, and a comment-section
heading in any lexicon language ends it. Inside the article nothing is
removed by this rule, so subheadings, short quotes and lists between body
paragraphs stay; outside it, menus, headline lists, teasers and footers go.

jusText's paragraph classification was measured in three roles — as the
prose signal of the run, to keep good prose outside it, and to drop runs
of bad lines inside it — and each lowered F1 on both dev benchmarks
(benchmarks/quality.py), so this rule does without it; so did a
stopword-share prose test from the page's own language.

Removed:
    City
    Epaper
    = South Korean President Lee calls for closer cooperation with Japan
    = Tokyo, Aug 24 South Korean President Lee Jae Myung urged Japanese Prime Minister Shigeru Ishiba to forge closer cooperation to cope with a vortex of changes in global trade and the security order.
    = Calling Japan a neighbor that shares a front yard, Lee expressed hope for the two countries to work together to expand cooperation in a wide range of areas, while working to minimize unnecessary conflicts.
Kept:
    Tokyo, Aug 24 South Korean President Lee Jae Myung urged Japanese Prime Minister Shigeru Ishiba to forge closer cooperation to cope with a vortex of changes in global trade and the security order.
    What comes next
    Calling Japan a neighbor that shares a front yard, Lee expressed hope for the two countries to work together to expand cooperation in a wide range of areas, while working to minimize unnecessary conflicts.
";

pub struct OffArticle;
pub static RULE: OffArticle = OffArticle;

impl Rule for OffArticle {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn find(&self, page: &Page<'_>) -> Vec<Removal> {
        let layout = analyse(page);
        if layout.body.is_none() {
            return Vec::new();
        }
        let off: Vec<usize> = page.live_lines().iter().copied().filter(|&n| !layout.in_article(n)).collect();
        page.removals(&META, off)
    }
}
