from collections.abc import Iterator

from cleaner.document import Document, Removal
from cleaner.layout import analyse
from cleaner.rules.base import Rule


class Headline(Rule):
    """The headline and standfirst, removed only in body-only mode.

    Runs only when ``keep_headline=False``, the mode article-body benchmarks
    score. The headline block is the one or two title-like lines right above
    the body (see ``cleaner.layout``).

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
        yield from self.removals(doc, analyse(doc).header)
