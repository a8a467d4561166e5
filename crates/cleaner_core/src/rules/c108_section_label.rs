//! C108 section-label: section, category and tag labels ("Published in …", "Tags: …").

use crate::rule::{label, Pattern, PatternRule, RuleMeta};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C108", "section-label", DOC) };

const DOC: &str = "\
Section, category and tag labels (\"Published in …\", \"Tags: …\").

Removed:
    Published in News & Features
Removed:
    Tags: Japan, South Korea, Diplomacy
Kept:
    Published in 1851, the novel was a commercial failure.
Kept:
    Found in the rubble
";

/// "Published in News & Features", "Filed under: Politics", "Filed under:", "Category: World",
/// "Tags: Japan, South Korea", "Posted in Uncategorized"; bare labels in other languages
/// ("Temas", "Schlagworte", "Mots-clés"). "Found in" and "Listed in" open prose and
/// subheadings too ("Found in the rubble"): they label a section only with a colon.
static SECTION_LABEL: Pattern = Pattern::new(|| {
    label(concat!(
        r"(?:(?:published|posted|filed) (?:in|under)(?:\s*:\s*[^.!?]{0,80}|\s+[^.!?]{1,80})",
        r"|(?:appeared|listed|found) (?:in|under)\s*:\s*[^.!?]{0,80}",
        r"|(?:categor(?:y|ies)|sections?|topics?|tags?|tagged(?: with)?|labels?|keywords?|themen|schlagworte)",
        r"\s*:\s*[^.!?]{0,300}",
        r"|(?:tags?|topics?|categories|temas|etiquetas|schlagworte|schlagwörter|stichworte|mots-clés|tematy|tagi))",
    ))
});

/// A tag list runs to 300 characters after its label.
const MAX_TAG_LINE_CHARS: usize = 340;

pub static RULE: PatternRule =
    PatternRule { meta: &META, label: &SECTION_LABEL, prompt: None, max_chars: MAX_TAG_LINE_CHARS };
