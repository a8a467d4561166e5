from collections.abc import Iterator

from cleaner.document import Document, Line, Removal
from cleaner.layout import Layout, analyse
from cleaner.rules.base import Rule

# Good prose further than this many live lines from the article is a teaser,
# comment or footer blurb, not a part of the article.
MAX_GAP_LINES = 3


class OffArticle(Rule):
    """Lines outside the article that jusText also judges boilerplate.

    The statistical fallback for lines no other rule decides. The article is
    the headline block plus the densest run of prose (``cleaner.layout``);
    outside it, a line goes when jusText's classifier, fed one line per
    paragraph with the document's stoplist and revised by its neighbours,
    calls it bad. Prose that jusText calls good stays wherever it is, and
    inside the article nothing is removed by this rule, so subheadings and
    short quotes between body paragraphs stay.

    Removed:
        City
        Epaper
        = South Korean President Lee calls for closer cooperation with Japan
        = Tokyo, Aug 24 South Korean President Lee Jae Myung urged Japanese Prime Minister Shigeru Ishiba to forge closer cooperation to cope with a vortex of changes in global trade and the security order.
        = Calling Japan a neighbor that shares a front yard, Lee expressed hope for the two countries to work together to expand cooperation in a wide range of areas, while working to minimize unnecessary conflicts.
    Kept:
        Tokyo, Aug 24 South Korean President Lee Jae Myung urged Japanese Prime Minister Shigeru Ishiba to forge closer cooperation to cope with a vortex of changes in global trade and the security order.
        What comes next
        Calling Japan a neighbor that shares a front yard, Lee expressed hope for the two countries to work together to expand cooperation in a wide range of areas, while working to minimize unnecessary conflicts.
    """

    code = "C910"
    name = "off-article"

    def find(self, doc: Document) -> Iterator[Removal]:
        layout = analyse(doc)
        if layout.body is None:
            return
        kept = near_article_prose(doc, layout)
        off = [line.number for line in doc.live_lines() if not layout.in_article(line.number) and line.number not in kept]
        yield from self.removals(doc, off)


def near_article_prose(doc: Document, layout: Layout) -> set[int]:
    """Good prose outside the article but close to it: a part the body run missed.

    Walking away from the article on each side, a jusText-good line within
    MAX_GAP_LINES live lines of the article (or of the last such line) is kept;
    a comment-section heading ends the walk.
    """
    assert layout.body is not None
    first, last = layout.article_start or layout.body[0], layout.body[1]
    live = doc.live_lines()
    above = [line for line in reversed(live) if line.number < first]
    below = [line for line in live if line.number > last]
    return _walk(doc, layout, above) | _walk(doc, layout, below)


def _walk(doc: Document, layout: Layout, lines: list[Line]) -> set[int]:
    kept: set[int] = set()
    gap = 0
    for line in lines:
        if gap > MAX_GAP_LINES or layout.is_boundary_between(line.number):
            break
        if layout.classes.get(line.number) == "good":
            kept.add(line.number)
            gap = 0
        else:
            gap += 1
    return kept
