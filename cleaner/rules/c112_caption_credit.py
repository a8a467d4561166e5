import re
from collections.abc import Iterator

from cleaner.document import Document, Removal
from cleaner.rules.base import Rule
from cleaner.text import word_count

_CREDIT_WORD = (
    r"(?:photo(?:graph)?|image|picture|pic|foto|bild|video|graphic|illustration|credit|source|quelle|fuente)s?"
)
_AGENCY = r"(?:ap|afp|reuters|getty(?: images)?|shutterstock|istock(?:photo)?|epa|dpa|ani|pti|ians|xinhua|bloomberg)"
# "Photo: Reuters", "Image credit: NASA", "Photograph by Jane Doe", "Foto: dpa"
CREDIT_LINE = re.compile(
    rf"[(\[]?{_CREDIT_WORD}(?: credit| copyright| courtesy(?: of)?)?\s*(?:[:©|/]|by\b)\s*(?P<source>[^()\[\]]{{1,80}})[)\]]?",
    re.IGNORECASE,
)
# "Getty Images", "(AP Photo/John Roe)", "Reuters/Jane Doe"
AGENCY_LINE = re.compile(rf"[(\[]?{_AGENCY}(?: photos?| images)?(?:\s*/\s*[^()\[\]]{{1,60}})?[)\]]?", re.IGNORECASE)
# "A crowd outside the court. (AP Photo/John Roe)" — a caption closed by a bracketed credit.
CREDITED_CAPTION = re.compile(
    rf".{{0,400}}\s[(\[](?:[\w .-]{{0,25}}\b{_CREDIT_WORD}\b|{_AGENCY})[^()\[\]]{{0,80}}[)\]]\.?", re.IGNORECASE
)
# "Image caption Rescue teams worked through the night", "Image copyright Getty Images"
CAPTION_LABEL = re.compile(r"(?:image|media|video|photo) (?:caption|copyright|source)\s+.{1,300}", re.IGNORECASE)
MAX_CREDIT_WORDS = 8  # a credit names a source; more words make it a sentence


class CaptionCredit(Rule):
    """Image captions marked by a photo credit, and bare credit lines.

    Removed:
        Photo: Reuters
    Removed:
        Protesters outside the court on Monday. (AP Photo/John Roe)
    Kept:
        Photographers waited outside the court for hours before the verdict.
    """

    code = "C112"
    name = "caption-credit"

    def find(self, doc: Document) -> Iterator[Removal]:
        for line in doc.live_lines():
            if is_caption_or_credit(line.stripped):
                yield self.removal(doc, line.number)


def is_caption_or_credit(text: str) -> bool:
    credit = CREDIT_LINE.fullmatch(text)
    if credit:
        return word_count(credit.group("source")) <= MAX_CREDIT_WORDS
    return bool(AGENCY_LINE.fullmatch(text) or CREDITED_CAPTION.fullmatch(text) or CAPTION_LABEL.fullmatch(text))
