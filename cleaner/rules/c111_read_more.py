import re

from cleaner.rules.base import PatternRule

# The target of a labelled cross-link is a headline, which does not end in a full stop:
# "Watch: a short film made by the pupils is online." is a sentence of the article.
_LINKED_HEADLINE = r"(?!.*\w\.$).{0,200}"
# "Read more", "Continue reading »", "READ MORE: Markets slide as ...", "Also read: ...",
# "Also: See our holiday coverage", "[Related: Markets slide as ...]", "Also on example.com Markets slide as ...",
# ">> Markets slide as ... <<", "Back to top", "Next article"
READ_MORE = re.compile(
    r"(?:(?:read|see|view|load|show|discover|explore)(?: the)? (?:more|all|full(?: story| article| coverage)?|less)"
    r"(?: (?:news|stories|articles|posts|results|about this|here))?"
    r"|continue reading|keep reading|(?:click|tap) here(?: to [^.!?]{1,60})?"
    rf"|(?:(?:read|see) (?:also|more|next|this)|also read|read also|also see|see also|watch|listen)\s*:\s*{_LINKED_HEADLINE}"
    r"|also\s*:\s*(?:see|read|watch|listen)\b.{0,200}"
    r"|\[(?:related|read more|read also|also read|see also)\s*:[^\]]{1,200}\]"
    rf"|also on \w[\w.-]*\.[a-z]{{2,6}}\s+{_LINKED_HEADLINE}"
    r"|>>\s*[^<>]{1,200}\s*<<"
    r"|more (?:news|stories|articles|videos)|back to (?:top|home)|(?:next|previous|prev) (?:article|story|post|page)"
    r"|(?:next|previous|prev|older|newer)(?: posts?| entries)?)[\s.!:»›>→…]*",
    re.IGNORECASE,
)


class ReadMore(PatternRule):
    """Read-more and continue links, and cross-links to other stories.

    Removed:
        Read more
    Removed:
        READ MORE: Markets slide as tariff fears return
    Kept:
        Read more widely, the teacher told her pupils, and you will write better.
    Kept:
        Watch: a short film made by the pupils is on the school's website.
    """

    code = "C111"
    name = "read-more"
    pattern = READ_MORE
    max_chars = 240  # a cross-link label and its headline: 200 characters
