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
/// subheadings too ("Found in the rubble"): they label a section only with a colon. Tag
/// labels of other languages with their tags ("Schlagwörter: …", "getaggt mit: …", "Etiquetas:"),
/// and a blog theme's post footer that files the post under its categories: "This entry was
/// posted in General. Bookmark the permalink.", "Dieser Beitrag wurde unter Allgemein abgelegt
/// und mit … verschlagwortet.", "Erstellt am 6. Mai 2014 und abgelegt unter Linux", "Abgelegt
/// unter Aktuelles" (issue 16: post footers and tag lines kept at the body's end on
/// trafilatura-dev, 5 pages of different sites).
static SECTION_LABEL: Pattern = Pattern::new(|| {
    label(concat!(
        r"(?:(?:published|posted|filed) (?:in|under)(?:\s*:\s*[^.!?]{0,80}|\s+[^.!?]{1,80})",
        r"|(?:appeared|listed|found) (?:in|under)\s*:\s*[^.!?]{0,80}",
        r"|(?:categor(?:y|ies)|sections?|topics?|tags?|tagged(?: with)?|labels?|keywords?|themen|schlagworte",
        r"|schlagwörter|stichworte|getaggt mit|verschlagwortet mit|abgelegt unter|etiquetas|mots-clés|tagi|tematy)",
        r"\s*:\s*[^.!?]{0,300}",
        r"|(?:tags?|topics?|categories|temas|etiquetas|schlagworte|schlagwörter|stichworte|mots-clés|tematy|tagi)",
        r"|this (?:entry|post) was posted (?:in|on)\b.{0,300}|abgelegt unter\b.{0,300}",
        r"|(?:dieser|der) (?:beitrag|eintrag) wurde\b.{0,300}\b(?:abgelegt|verschlagwortet|getaggt|schlagworte)\b.{0,300}",
        r"|(?:erstellt|veröffentlicht) am\b.{0,80}\babgelegt unter\b.{0,300})",
    ))
});

/// A tag list runs to 300 characters after its label.
const MAX_TAG_LINE_CHARS: usize = 340;

pub static RULE: PatternRule =
    PatternRule { meta: &META, label: &SECTION_LABEL, prompt: None, max_chars: MAX_TAG_LINE_CHARS };
