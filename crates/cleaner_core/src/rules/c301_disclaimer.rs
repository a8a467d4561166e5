//! C301 disclaimer: agency auto-publish notes and views-expressed notes.

use crate::rule::{label, Pattern, PatternRule, RuleMeta};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C301", "disclaimer", DOC) };

const DOC: &str = "\
Disclaimers: agency auto-publish notes and views-expressed notes.

Removed:
    Disclaimer: This post has been auto-published from an agency feed without any modifications to the text and has not been reviewed by an editor
Kept:
    The company issued a disclaimer on Friday, saying the forecast was not a promise.
Kept:
    The report was produced by researchers at the International Energy Agency.
";

/// "If you buy something through this post, we may get a share of the sale.", "This post
/// contains affiliate links.", "Bei den Verlinkungen handelt es sich um Affiliate-Links": a
/// note on the page's own links. Not "Amazon changed its rules for affiliate links in 2017."
const AFFILIATE_NOTE: &str = concat!(
    r".{0,200}\b(?:if you (?:buy|purchase) (?:something|anything|a product|products)\b.{0,80}",
    r"\b(?:may|might|could|will) (?:earn|get|receive|make)\b",
    r"|(?:this|our) (?:post|article|page|site|story|video) (?:contains|may contain|includes) affiliate links?",
    r"|bei den (?:links|verlinkungen) handelt es sich um (?:sogenannte )?affiliate[- ]?links?",
    r"|(?:enthält|enthalten) (?:sogenannte )?affiliate[- ]?links?).{0,300}",
);

/// "Disclaimer: This post has been auto-published from an agency feed ...", "(This story has
/// not been edited by our staff and is auto-generated from a syndicated feed.)", "The views
/// expressed are the author's own." A note speaks of "this story" (the page itself): "The
/// report was produced by researchers at the agency" is article text.
static DISCLAIMER: Pattern = Pattern::new(|| {
    label(&format!(
        concat!(
            r"[(\[]?(?:disclaimer\s*[:.-].{{0,600}}",
            r"|(?:except for the headline, )?this (?:story|article|post|content|copy) (?:has|was|is)(?: not)?(?: been)? ",
            r"(?:auto-?(?:published|generated)|edited by|generated from|provided by|produced by)",
            r".{{0,300}}(?:feed|wire|agency|staff|partner|syndicat\w*).{{0,200}}",
            r"|.{{0,200}}auto-?generated from (?:a )?syndicated (?:news )?feed.{{0,100}}",
            r"|(?:the )?(?:views|opinions) expressed (?:in this|here|are).{{0,300}}",
            r"|{affiliate})[)\]]?",
        ),
        affiliate = AFFILIATE_NOTE
    ))
});

/// A disclaimer runs to a paragraph: the pattern allows 600 characters after its label.
const MAX_DISCLAIMER_CHARS: usize = 820;

pub static RULE: PatternRule =
    PatternRule { meta: &META, label: &DISCLAIMER, prompt: None, max_chars: MAX_DISCLAIMER_CHARS };
