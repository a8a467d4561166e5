from collections.abc import Iterator

from cleaner.document import Document, Removal
from cleaner.rules.base import Rule
from cleaner.text import fingerprint, word_count

# What may follow a teaser's ellipsis: "… read more »", "... more".
TEASER_TAILS = ("read more", "more")
ELLIPSES = ("...", "…")
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
        teasers = [(line, cut) for line in live if (cut := teaser_stem(line.stripped)) is not None]
        if not teasers:
            return
        prints = {line.number: fingerprint(line.stripped) for line in live}
        for line, cut in teasers:
            if word_count(cut) < MIN_TEASER_WORDS:
                continue
            stem = fingerprint(cut)
            if any(n != line.number and p.startswith(stem) and len(p) > len(stem) for n, p in prints.items()):
                yield self.removal(doc, line.number)


def teaser_stem(text: str) -> str | None:
    """The text before a closing ellipsis ("… read more"), or None if there is none.

    Plain string operations, not a pattern: a line of any length is handled
    in linear time.
    """
    text = text.rstrip(" \t»›>")
    lowered = text.lower()
    for tail in TEASER_TAILS:
        if lowered.endswith(tail):
            text = text[: -len(tail)].rstrip()
            break
    for ellipsis in ELLIPSES:
        if text.endswith(ellipsis):
            return text[: -len(ellipsis)].rstrip()
    return None
