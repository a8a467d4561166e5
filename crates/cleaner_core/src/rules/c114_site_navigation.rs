//! C114 site-navigation: navigation words, skip links, breadcrumb trails and table-of-contents labels.

use crate::rule::{label, Pattern, PatternRule, RuleMeta, MAX_LABEL_CHARS};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C114", "site-navigation", DOC) };

const DOC: &str = "\
Site navigation words, skip links and breadcrumb trails.

Removed:
    Skip to main content
Removed:
    Home > World > Asia
Kept:
    Home prices in Seoul rose for a sixth straight month.
";

/// "Home", "Menu", "Skip to main content", "Toggle navigation", "Search", "Contact Us",
/// "About Us", "Privacy Policy", "Sitemap", "Home > World > Asia"
static SITE_NAVIGATION: Pattern = Pattern::new(|| {
    label(concat!(
        r"(?:skip to (?:main |the )?(?:content|navigation|main|search|footer)|jump to (?:navigation|content|search)",
        r"|toggle (?:navigation|menu|search)|(?:main |open |close )?(?:menu|navigation)|home(?: ?page)?|search(?: for)?",
        r"|go|submit|contact(?: us)?|about(?: us)?|careers|jobs|sitemap|site map|faqs?|help|imprint|impressum",
        r"|kontakt|datenschutz(?:erklärung)?|inicio|accueil|all rights reserved|advertise(?: with us)?|press|media kit",
        r"|accessibility|corrections|feedback|archives?|subscriptions?|e-?paper|edition|en|de|fr|es|english",
        r"|(?:[\w&-]+(?: [\w&-]+)?\s*[>»›]\s*){1,5}[\w&-]+(?: [\w&-]+)?)\s*[:.»›>]*",
    ))
});

pub static RULE: PatternRule =
    PatternRule { meta: &META, label: &SITE_NAVIGATION, prompt: None, max_chars: MAX_LABEL_CHARS };
