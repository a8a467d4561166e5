import re
from collections.abc import Iterator

from cleaner.document import Document, Removal
from cleaner.rules.base import Rule
from cleaner.text import fingerprint, word_count

# "... to forge closer ..." / "… read more": a teaser cut off with an ellipsis.
TRUNCATED = re.compile(r"(?P<stem>.+?)\s*(?:\.{3}|…)\s*(?:read more|more)?[\s»›>]*", re.IGNORECASE)
MIN_TEASER_WORDS = 5  # shorter stems match too many lines by chance


class TeaserCopy(Rule):
    """A truncated teaser ("…") that repeats the start of a body paragraph.

    Removed:
        Tokyo, Aug 24 South Korean President Lee Jae Myung urged Japanese Prime Minister Shigeru Ishiba to forge closer ...
        = Tokyo, Aug 24 South Korean President Lee Jae Myung urged Japanese Prime Minister Shigeru Ishiba to forge closer cooperation.
    Kept:
        He paused and said the talks would go on ...
        The talks went on until late into the night.
    """

    code = "C202"
    name = "teaser-copy"

    def find(self, doc: Document) -> Iterator[Removal]:
        live = doc.live_lines()
        prints = {line.number: fingerprint(line.stripped) for line in live}
        for line in live:
            match = TRUNCATED.fullmatch(line.stripped)
            if not match or word_count(match.group("stem")) < MIN_TEASER_WORDS:
                continue
            stem = fingerprint(match.group("stem"))
            if any(n != line.number and p.startswith(stem) and len(p) > len(stem) for n, p in prints.items()):
                yield self.removal(doc, line.number)
