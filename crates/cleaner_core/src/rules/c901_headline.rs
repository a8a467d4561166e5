//! C901 headline: the headline and standfirst, removed only in body-only mode.

use crate::layout::analyse;
use crate::page::{Page, Removal};
use crate::rule::{Rule, RuleMeta};
use crate::text::fingerprint;

pub static META: RuleMeta = RuleMeta::new("C901", "headline", DOC);

const DOC: &str = "\
The headline and standfirst, removed only in body-only mode.

Runs only when `keep_headline=False`, the mode article-body benchmarks
score. The headline block is the one or two title-like lines right above
the body (see the layout); when the page's headline is known (HTML
metadata), only a line matching it is removed.

Removed:
    South Korea, Japan agree to boost ties as challenges mount
    = The leaders of Japan and South Korea met on Saturday and pledged to enhance cooperation between the two countries.
Kept:
    The leaders of Japan and South Korea met on Saturday and pledged to enhance cooperation between the two countries.
";

/// A known headline (from HTML metadata) is looked for among the first few lines only.
const MAX_TITLE_LINE: usize = 3;

pub struct Headline;
pub static RULE: Headline = Headline;

impl Rule for Headline {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn find(&self, page: &Page<'_>) -> Vec<Removal> {
        if page.keep_headline {
            return Vec::new();
        }
        let Some(headline) = page.headline else {
            return page.removals(&META, analyse(page).header.iter().copied());
        };
        let known = fingerprint(headline);
        page.live_lines()
            .iter()
            .take(MAX_TITLE_LINE)
            .find(|&&n| fingerprint(page.line(n).stripped) == known)
            .map(|&n| vec![page.removal(&META, n, n)])
            .unwrap_or_default()
    }
}
