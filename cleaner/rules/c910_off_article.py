from collections.abc import Iterator

from cleaner.document import Document, Removal
from cleaner.layout import analyse
from cleaner.rules.base import Rule


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
        off = [
            line.number
            for line in doc.live_lines()
            if not layout.in_article(line.number) and layout.classes.get(line.number) != "good"
        ]
        yield from self.removals(doc, off)
