//! C109 advertisement: advertisement markers and "continues below" notices.

use crate::rule::{label, prompt, Pattern, PatternRule, RuleMeta, MAX_LABEL_CHARS};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C109", "advertisement", DOC) };

const DOC: &str = "\
Advertisement markers and \"continues below\" notices.

Removed:
    Advertisement
Removed:
    Story continues below advertisement
Kept:
    Advertisement spending rose 4% last year, the agency said.
";

/// "Advertisement", "- Advertisement -", "Iklan", "Реклама", "Story continues below
/// advertisement", "Sponsored", "Skip Ad", "Scroll to continue with content"
static ADVERTISEMENT: Pattern = Pattern::new(|| {
    label(concat!(
        r"[\s\-–—|]*(?:advertisement|advertising|advert|anzeige|werbung|publicidad|publicidade|publicité|pubblicità|reklama|",
        r"реклама|iklan|광고|ad|ads|",
        r"sponsored(?: content| post| links?| stories| by [^.!?]{1,40})?|promoted(?: content| stories)?|paid (?:content|post)|",
        r"(?:story|article|text) continues (?:below|after)(?: this)?(?: advertisement| ad| advert)?|",
        r"continue reading(?: the main story| below)|skip (?:ad|advert(?:isement)?)|",
        r"scroll (?:down )?to continue(?: with content| reading)?|ad feedback|report (?:this )?ad|",
        r"advertise with us|why am i seeing this ad\??)[\s\-–—|]*",
    ))
});

/// "ANZEIGE - Heute mal ausgehen? Wie wäre es mit:", "ADVERTISEMENT: Save on …": an upper-case
/// marker opening an ad's own line; "Werbung: die Branche wächst" in sentence case is prose.
static AD_MARKED_LINE: Pattern = Pattern::new(|| {
    prompt(r"^(?-i:ANZEIGE|WERBUNG|ADVERTISEMENT|SPONSORED|PUBLICIDAD|PUBLICITÉ|REKLAMA)\s*[-–—:|]\s*\S")
});

pub static RULE: PatternRule =
    PatternRule { meta: &META, label: &ADVERTISEMENT, prompt: Some(&AD_MARKED_LINE), max_chars: MAX_LABEL_CHARS };
