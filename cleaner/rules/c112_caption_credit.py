import re
from collections.abc import Iterator

from cleaner.document import Document, Removal
from cleaner.prefilter import indexed
from cleaner.rules.base import Rule
from cleaner.text import ends_like_sentence, word_count

_VISUAL_WORD = r"(?:photo(?:graph)?|image|picture|pic|foto|bild|video|graphic|illustration|credit)s?"
_CREDIT_WORD = (
    rf"(?:(?:crédits?|credits?) )?(?:{_VISUAL_WORD}|(?:source|quelle|fuente|bildnachweis|bildquelle)s?|copyright)"
)
_PHOTO_AGENCY = r"(?:getty(?: images)?|shutterstock|istock(?:photo)?|alamy)"
# News agencies also sign paragraphs ("… overdue. (ANI)") and share names with
# institutions ("(EPA)"): in a caption they credit a picture only with a photo marker.
_NEWS_AGENCY = r"(?:ap|afp|reuters|epa|dpa|ani|pti|ians|xinhua|bloomberg)"
_AGENCY = rf"(?:{_PHOTO_AGENCY}|{_NEWS_AGENCY})"
# "Photo: Reuters", "Image credit: NASA", "Photograph by Jane Doe", "Foto: dpa", "Crédits photos : Bestimage",
# "Copyright: Jane Doe" (a credit under a picture; "Copyright: the law protects …" is a sentence)
CREDIT_LINE = indexed(
    re.compile(
        rf"[(\[]?{_CREDIT_WORD}(?: credit| copyright| courtesy(?: of)?)?\s*(?:[:©|/]|by\b)\s*(?P<source>[^()\[\]]{{1,80}})[)\]]?",
        re.IGNORECASE,
    )
)
# "Getty Images", "(AP Photo/John Roe)", "Reuters/Kevin Lamarque/File Photo": after the slash a
# photographer's name, a few words without a colon; "Reuters/Ipsos poll: Biden leads by 8 points" is a headline.
MAX_PHOTOGRAPHER_WORDS = 5
AGENCY_LINE = indexed(
    re.compile(
        rf"[(\[]?{_AGENCY}(?: photos?| images)?"
        rf"(?:\s*/\s*[^\s()\[\]:]+(?:\s+[^\s()\[\]:]+){{0,{MAX_PHOTOGRAPHER_WORDS - 1}}})?[)\]]?",
        re.IGNORECASE,
    )
)
# "A crowd outside the court. (AP Photo/John Roe)" — a caption closed by a bracketed credit:
# a picture word with its separator ("Photo: ", "Image by "), or an agency signing a picture.
# Not "(see graphic)" or "(source: IMF)", which end sentences of the article. Unbracketed, an
# agency after a "©" closes a caption: "A skier on the slope. © AFP / Jane Doe".
CREDITED_CAPTION = indexed(
    re.compile(
        rf".{{0,400}}\s[(\[](?:[\w .-]{{0,25}}\b{_VISUAL_WORD}(?: credit| courtesy(?: of)?)?\s*(?:[:©|/]|by\b)"
        rf"|{_PHOTO_AGENCY}|{_NEWS_AGENCY}\s*(?:/|photos?\b|images?\b))[^()\[\]]{{0,80}}[)\]]\.?"
        rf"|.{{0,400}}\s©\s*{_AGENCY}(?:\s*/\s*[^\s()\[\]:/]+(?:\s+[^\s()\[\]:/]+){{0,{MAX_PHOTOGRAPHER_WORDS - 1}}})?",
        re.IGNORECASE,
    )
)
# "Image caption Rescue teams worked through the night", "Image copyright Getty Images",
# "Featured image: The harbour at dawn", "Beitragsbild: Titelseite vom 2. April", "Symbolbild: …"
# (not "Cover image: …": pages also use it for the caption of the article's own picture)
CAPTION_LABEL = indexed(
    re.compile(
        r"(?:(?:image|media|video|photo) (?:caption|copyright|source)\s+"
        r"|featured (?:image|photo)\s*:\s*|(?:beitragsbild|titelbild|symbolbild|bildunterschrift)\s*:\s*).{1,300}",
        re.IGNORECASE,
    )
)
MAX_CREDIT_WORDS = 8  # a credit names a source; more words make it a sentence
# "Source: the ministry said the figures were provisional." — a source of this many words
# that ends in a full stop is a sentence; "Photo: Reuters." is still a credit.
MIN_SENTENCE_SOURCE_WORDS = 4


class CaptionCredit(Rule):
    """Image captions marked by a photo credit, and bare credit lines.

    Removed:
        Photo: Reuters
    Removed:
        Protesters outside the court on Monday. (AP Photo/John Roe)
    Kept:
        Photographers waited outside the court for hours before the verdict.
    Kept:
        The minister welcomed the decision, calling it overdue. (ANI)
    Kept:
        Source: the ministry said the figures were provisional.
    """

    code = "C112"
    name = "caption-credit"
    line_local = True

    def find(self, doc: Document) -> Iterator[Removal]:
        credits = doc.may_match(CREDIT_LINE)
        others = [(pattern, doc.may_match(pattern)) for pattern in (AGENCY_LINE, CREDITED_CAPTION, CAPTION_LABEL)]
        for line in doc.live_lines():
            number, text = line.number, line.stripped
            credit = CREDIT_LINE.fullmatch(text) if number in credits else None
            if credit is not None:
                found = is_credit(credit)
            else:
                found = any(number in lines and pattern.fullmatch(text) for pattern, lines in others)
            if found:
                yield self.removal(doc, number)


def is_credit(match: re.Match[str]) -> bool:
    """A ``CREDIT_LINE`` match names a source ("Photo: Reuters"), not a sentence ("Source: the ministry said …")."""
    source = match.group("source")
    words = word_count(source)
    return words <= MAX_CREDIT_WORDS and not (words >= MIN_SENTENCE_SOURCE_WORDS and ends_like_sentence(source))
