import re

from cleaner.rules.base import PatternRule

# Labels that are also article subheadings ("Reactions", "Discussion"): chrome only with a count.
_COUNTED = r"(?:replies|responses|reactions|discussions?)"
_RANKED = r"(?:top|best|most|recent|latest)(?: rated| recent| popular| liked)? "
# "Comments", "12 Comments", "Comments (3)", "4 Responses", "Leave a comment", "Show comments",
# "Comments are closed.", "Join the conversation", "Be the first to comment"
COMMENTS_LABEL = re.compile(
    rf"[\[(]?\s*(?:(?:\d+\s+)?(?:{_RANKED})?comments?(?:\s*\(\d+\))?(?:\s+\d+)?"
    rf"|(?:\d+\s+)?{_RANKED}{_COUNTED}|\d+\s+{_COUNTED}|{_COUNTED}(?:\s*\(\d+\)|\s+\d+)"
    r"|(?:leave|add|post|write|show|hide|view|see|read|load|open|close|submit|cancel)"
    r"(?: all| a| your| the| more| \d+)*(?: comments?| reply| response)"
    r"|comments? (?:are|is) (?:now )?closed|no comments(?: yet)?"
    r"|be the first to (?:comment|reply|respond)(?: on this (?:article|story|post))?"
    r"|join the (?:conversation|discussion)|discuss"
    r"|(?:you must be )?logged in to (?:post a )?comment|reply|report(?: abuse)?"
    r"|(?:newest|oldest|top|best) (?:first|comments)|sort by:?(?: \w+)?"
    r")[\s.!:»›>\])]*",
    re.IGNORECASE,
)


# "We'd like to hear what you think about this or any of our articles.", "Tell us what you
# think...": the page asking for the reader's reaction, at the start of the line (a quoted
# "We'd love to hear from you," in a report is the speaker's).
REACTION_PROMPT = re.compile(
    r"^we(?:'d|’d| would)? (?:like|love|want) to hear (?:what you think|your thoughts|from you)\b"
    r"|^(?:tell us|let us know) what you think\b",
    re.IGNORECASE,
)


class Comments(PatternRule):
    """Comment-section labels, counters and prompts.

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
    """

    code = "C104"
    name = "comments"
    pattern = COMMENTS_LABEL
    prompt = REACTION_PROMPT
