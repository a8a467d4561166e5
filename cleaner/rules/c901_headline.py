from collections.abc import Iterator

from cleaner.document import Document, Removal
from cleaner.layout import analyse
from cleaner.rules.base import Rule
from cleaner.text import fingerprint

# A known headline (from HTML metadata) is looked for among the first few lines only.
MAX_TITLE_LINE = 3


class Headline(Rule):
    """The headline and standfirst, removed only in body-only mode.

    Runs only when ``keep_headline=False``, the mode article-body benchmarks
    score. The headline block is the one or two title-like lines right above
    the body (see ``cleaner.layout``); when the page's headline is known (HTML
    metadata), only a line matching it is removed.

    Removed:
        South Korea, Japan agree to boost ties as challenges mount
        = The leaders of Japan and South Korea met on Saturday and pledged to enhance cooperation between the two countries.
    Kept:
        The leaders of Japan and South Korea met on Saturday and pledged to enhance cooperation between the two countries.
    """

    code = "C901"
    name = "headline"

    def find(self, doc: Document) -> Iterator[Removal]:
        if doc.keep_headline:
            return
        if doc.headline is None:
            yield from self.removals(doc, analyse(doc).header)
            return
        known = fingerprint(doc.headline)
        for line in doc.live_lines()[:MAX_TITLE_LINE]:
            if fingerprint(line.stripped) == known:
                yield self.removal(doc, line.number)
                return
