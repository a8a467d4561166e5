//! C303 syndication: syndication, wire and reporting-credit lines.

use crate::rule::{label, Pattern, PatternRule, RuleMeta};

pub static META: RuleMeta = RuleMeta { line_local: true, ..RuleMeta::new("C303", "syndication", DOC) };

const DOC: &str = "\
Syndication, wire and reporting-credit lines.

Removed:
    Distributed by Tribune Content Agency, LLC.
Removed:
    (Reporting by Jane Doe; Editing by John Roe)
Kept:
    Visitors to the museum rose by a third after the renovation.
Kept:
    Reporting by the newspaper in 2018 revealed that the figures had been inflated.
Kept:
    First published in 1851, the town's paper has survived two fires.
";

/// "Will Dunham", "New York", "Tribune Content Agency": capitalised words. Credits name
/// people, places and companies; a lower-case word after "by" or "in" is prose ("Reporting by
/// the newspaper revealed …", "Distributed by volunteers, the leaflets …").
const CAPS: &str = r"(?-i:[A-Z])[\w'’.&-]*";
/// Particles and the "and" between names are lower case, so that every word has one reading:
/// "De" is a name, "de" a particle (a word read two ways made a backtracking engine
/// exponential on "Distributed by De De De …").
fn proper() -> String {
    format!(r"{CAPS}(?: (?:{CAPS}|(?-i:de|da|van|von|der|del|la|le|al|bin|dos)))*")
}
fn proper_list() -> String {
    let p = proper();
    format!(r"{p}(?:(?:,|(?-i: and)| &) {p})*")
}
/// "Reporting by Will Dunham in Washington", "Editing by Tom Brown and Leslie Adler"
fn credit() -> String {
    let list = proper_list();
    format!(
        concat!(
            r"(?:additional |with )?(?:reporting|writing|editing|compiled|contributions?|research|graphics|production)",
            r"(?: and (?:reporting|writing|editing|research))? by {list}(?: in {list})?",
        ),
        list = list
    )
}
/// A wire service's credit line in brackets is a credit whatever follows "by": "(Reporting by
/// Greg Roumeliotis, with reporting by Herb Lash, editing by Martin Howell.)"
const BRACKETED_CREDITS: &str = r"\((?:additional )?(?:reporting|writing|editing) by [^()]{1,300}\)";
/// "Originally published on Live Science", "First published on November 20, 2019 / 1:07 AM":
/// names and dates only, not "First published in 1851, the novel …".
const PUBLISHED_TOKEN: &str = r"(?:(?-i:[A-Z0-9])[^\s;]*|[/|·–-]|[ap]\.?m\.?,?)";
/// "Source: ANI", "With inputs from PTI", "Courtesy of the Smithsonian": a short attribution,
/// a name or a few words; not "Source: the ministry said the figures were provisional."
/// At most 8 words (longer is a sentence that opens with these words), 3 in lower case
/// ("the Smithsonian Institution"; more read as a clause).
const SOURCE: &str = r"(?:(?-i:[A-Z0-9])[^.!?;\s]*(?:[\s,]+[^.!?;\s,]+){0,7}|[^.!?;\s]+(?:[\s,]+[^.!?;\s,]+){0,2})";

/// "Distributed by Tribune Content Agency, LLC.", "Visit bloomberg.com.", "(Reporting by Jane
/// Doe; Editing by John Roe)", "This article originally appeared on The Conversation.", "Jane
/// Doe contributed reporting from Hong Kong." (named contributors: "More than 40 volunteers
/// contributed research." is news).
static SYNDICATION: Pattern = Pattern::new(|| {
    let (proper, list, credit) = (proper(), proper_list(), credit());
    label(&format!(
        concat!(
            r"[(\[]?(?:distributed by {proper}(?:,? (?-i:LLC|Inc|Ltd|L\.?P|GmbH|Co)\.?)?",
            r"|visit (?:us at )?\S+\.[a-z]{{2,6}}\S*(?: for more.{{0,80}})?",
            r"|{credit}(?:\s*[;,]\s*{credit})*|{bracketed}",
            r"|this (?:article|story|post|piece) (?:was )?(?:originally|first) (?:appeared|published|posted)",
            r"(?: (?:on|in|at|by) .{{1,120}})?",
            r"|(?:originally|first) (?:appeared|published) (?:on|in|at) (?:the )?{token}(?: {token})*",
            r"|.{{1,120}} contributed to this (?:report|story|article)",
            r"|{list} contributed (?:additional )?(?:reporting|research)(?: (?:from|in) {list})?",
            r"|(?:(?:source|via)\s*:|courtesy of|with inputs from)\s*{source})[)\]]?[.]?",
        ),
        proper = proper,
        credit = credit,
        bracketed = BRACKETED_CREDITS,
        token = PUBLISHED_TOKEN,
        list = list,
        source = SOURCE,
    ))
});

/// A bracketed credit list runs to 300 characters.
const MAX_CREDIT_LINE_CHARS: usize = 420;

pub static RULE: PatternRule =
    PatternRule { meta: &META, label: &SYNDICATION, prompt: None, max_chars: MAX_CREDIT_LINE_CHARS };
