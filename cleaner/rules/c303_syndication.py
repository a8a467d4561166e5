import re

from cleaner.rules.base import PatternRule

# "Distributed by Tribune Content Agency, LLC.", "Visit bloomberg.com.",
# "(Reporting by Jane Doe; Editing by John Roe)", "This article originally appeared on The Conversation."
SYNDICATION = re.compile(
    r"[(\[]?(?:distributed by .{1,80}"
    r"|visit (?:us at )?\S+\.[a-z]{2,6}\S*(?: for more.{0,80})?"
    r"|(?:additional )?(?:reporting|writing|editing|compiled|contributions?) by [^()]{1,200}"
    r"|this (?:article|story|post|piece) (?:was )?(?:originally|first) (?:appeared|published|posted)(?: (?:on|in|at|by) .{1,120})?"
    r"|(?:originally|first) (?:appeared|published) (?:on|in|at) .{1,120}"
    r"|.{1,120} contributed to this (?:report|story|article)"
    r"|(?:(?:source|via)\s*:|courtesy of|with inputs from)\s*[^.!?]{1,60})[)\]]?[.]?",
    re.IGNORECASE,
)


class Syndication(PatternRule):
    """Syndication, wire and reporting-credit lines.

    Removed:
        Distributed by Tribune Content Agency, LLC.
    Removed:
        (Reporting by Jane Doe; Editing by John Roe)
    Kept:
        Visitors to the museum rose by a third after the renovation.
    """

    code = "C303"
    name = "syndication"
    pattern = SYNDICATION
