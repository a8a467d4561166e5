//! C104 comments: comment-section labels, counters, prompts and blog comment headings.

use crate::rule::{label, prompt, Pattern, PatternRule, RuleMeta, MAX_LABEL_CHARS};

/// A comment-section heading this rule removed ("12 Comments", "Leave a comment", "Join the
/// discussion": one holding a `boundary` stem of its lexicon table) ends the article's body;
/// its other removals ("Reply", "Report") occur inside articles too, in embedded posts.
pub static META: RuleMeta = RuleMeta { line_local: true, ends_body: true, ..RuleMeta::new("C104", "comments", DOC) };

const DOC: &str = "\
Comment-section labels, counters and prompts.

Removed:
    Comments
Removed:
    12 Comments
Removed:
    Leave a comment
Kept:
    Comments from the minister drew criticism across the region.
Kept:
    Reactions
";

/// Labels that are also article subheadings ("Reactions", "Discussion"): chrome only with a count.
const COUNTED: &str = r"(?:replies|responses|reactions|discussions?)";
const RANKED: &str = r"(?:top|best|most|recent|latest)(?: rated| recent| popular| liked)? ";

/// "Comments", "12 Comments", "Comments (3)", "4 Responses", "Leave a comment", "Show
/// comments", "Comments are closed.", "Join the conversation", "Be the first to comment"
static COMMENTS_LABEL: Pattern = Pattern::new(|| {
    label(&format!(
        concat!(
            r"[\[(]?\s*(?:(?:\d+\s+)?(?:{ranked})?comments?(?:\s*\(\d+\))?(?:\s+\d+)?",
            r"|(?:\d+\s+)?{ranked}{counted}|\d+\s+{counted}|{counted}(?:\s*\(\d+\)|\s+\d+)",
            r"|(?:leave|add|post|write|show|hide|view|see|read|load|open|close|submit|cancel)",
            r"(?: all| a| your| the| more| \d+)*(?: comments?| reply| response)",
            r"|comments? (?:are|is) (?:now )?closed|no comments(?: yet)?",
            r"|be the first to (?:comment|reply|respond)(?: on this (?:article|story|post))?",
            r"|join the (?:conversation|discussion)|discuss",
            r"|(?:you must be )?logged in to (?:post a )?comment|reply|report(?: abuse)?",
            r"|(?:newest|oldest|top|best) (?:first|comments)|sort by:?(?: \w+)?",
            r")[\s.!:»›>\])]*",
        ),
        ranked = RANKED,
        counted = COUNTED
    ))
});

/// "We'd like to hear what you think about this or any of our articles.", "Tell us what you
/// think...": the page asking for the reader's reaction, at the start of the line (a quoted
/// "We'd love to hear from you," in a report is the speaker's). The comment form's small
/// print: WordPress's Akismet notice in its translations ("This site uses Akismet to reduce
/// spam. …", "Diese Website verwendet Akismet, um Spam zu reduzieren."; not an article about
/// the filter), "Para comentar debes registrarte …", "Wenn Sie diesen Beitrag kommentieren
/// möchten, …", "… przed dodaniem komentarza" (issue 16: comment-form lines kept at the
/// body's end on trafilatura-dev).
static REACTION_PROMPT: Pattern = Pattern::new(|| {
    prompt(concat!(
        r"^we(?:'d|’d| would)? (?:like|love|want) to hear (?:what you think|your thoughts|from you)\b",
        r"|^(?:tell us|let us know) what you think\b",
        r"|\bakismet,? (?:to reduce spam|um spam zu reduzieren|para reducir el spam|pour réduire les indésirables)",
        r"|\bprzed dodaniem komentarza\b",
        r"|^(?:para comentar (?:debes|tienes que|es necesario)|wenn (?:sie|du) (?:diesen|den|einen) (?:blogeintrag|beitrag|artikel) kommentieren)\b",
    ))
});

pub static RULE: PatternRule =
    PatternRule { meta: &META, label: &COMMENTS_LABEL, prompt: Some(&REACTION_PROMPT), max_chars: MAX_LABEL_CHARS };
