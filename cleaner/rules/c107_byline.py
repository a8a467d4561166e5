import re
from collections.abc import Iterator

from cleaner.document import Document, Removal
from cleaner.rules.base import Rule
from cleaner.text import DATE_SIGNAL, NAME, ends_like_sentence, is_date_stamp

_BY = r"(?:(?:written|reported|posted|story|text|words|photos?|edited|compiled)\s+)?by:?\s+"
# A name keeps its capitals when the label around it ignores case: "By the numbers" and
# "Written by hand" are subheadings and prose, not bylines.
_CASED_NAME = f"(?-i:{NAME})"
# "By IANS | Updated: August 24, 2025 08:40 IST", "By Jane Doe and John Roe, Reuters",
# "Written by Ann Lee", "By AFP"
BYLINE = re.compile(
    # "and" between names is lower case: "And" would be read both as a name and as the
    # separator, and "By And And And …" would take exponential time.
    rf"{_BY}{_CASED_NAME}(?:\s*(?:,|(?-i:and)|&)\s*{_CASED_NAME})*(?P<rest>\s*[|,·•–—-]\s*.{{0,120}})?",
    re.IGNORECASE,
)
# "By admin - 2018-09-16": a lower-case user name is a byline when a date stamp follows it.
USER_AND_DATE = re.compile(rf"{_BY}[\w.-]+\s*[|,·•–—-]\s*(?P<date>.+)", re.IGNORECASE)
# "Chris Davies - Nov 19, 2019, 10:31 pm CST", "Jane Doe | 3 hours ago"
NAME_AND_DATE = re.compile(rf"{NAME}\s*[|,·•–—-]\s*(?P<date>.+)")
# "Author: Jane Doe", "Reporter - Ann Lee"
AUTHOR_LABEL = re.compile(
    rf"(?:author|reporter|correspondent|editor|autor|von)s?\s*[:–—-]\s*{_CASED_NAME}", re.IGNORECASE
)
MAX_BYLINE_CHARS = 160  # longer lines are prose that happens to open with "By"
# "By" on a line of its own, the author's name on the next: a byline split by the page's markup.
LONE_BY = re.compile(r"by:?", re.IGNORECASE)
# "Sarah E. Needleman", "The Water Coolest": the name line after a lone "By".
AUTHOR_NAME = re.compile(NAME)
MAX_NAME_WORDS = 5  # NAME's own limit: a first word and up to four more
MIN_NAME_DATE_WORDS = 3  # "By", a name, a date


class Byline(Rule):
    """Bylines and author-and-date stamps.

    Removed:
        By IANS | Updated: August 24, 2025 08:40 IST
    Removed:
        Chris Davies - Nov 19, 2019, 10:31 pm CST
    Removed:
        By admin - 2018-09-16
    Removed:
        by Regan September 15, 2014
    Removed:
        By
        Sarah E. Needleman
    Kept:
        By Monday, all schools in the province will have reopened.
    Kept:
        By the numbers
    """

    code = "C107"
    name = "byline"

    def find(self, doc: Document) -> Iterator[Removal]:
        live = doc.live_lines()
        claimed: set[int] = set()
        for i, line in enumerate(live):
            if line.number in claimed:
                continue
            if LONE_BY.fullmatch(line.stripped):
                following = live[i + 1 : i + 2]
                names = [n.number for n in following if AUTHOR_NAME.fullmatch(n.stripped)]
                claimed.update([line.number, *names])
                yield from self.removals(doc, [line.number, *names])
            elif is_byline(line.stripped):
                yield self.removal(doc, line.number)


def is_byline(text: str) -> bool:
    if len(text) > MAX_BYLINE_CHARS or not text[:1].isalpha():
        return False
    if BYLINE.fullmatch(text) or AUTHOR_LABEL.fullmatch(text):
        return not ends_like_sentence(text) or text.endswith(("Jr.", "Sr.", "Inc."))
    match = NAME_AND_DATE.fullmatch(text) or USER_AND_DATE.fullmatch(text)
    return bool(match and is_date_stamp(match.group("date"))) or is_name_then_date(text)


def is_name_then_date(text: str) -> bool:
    """ "by Regan September 15, 2014": "By", a name and a date with nothing between them.

    The name's end is not marked, and a month is capitalised like a name, so
    every split of the words after "By" is tried; a name has no date words
    ("By Tuesday 10 March" is a deadline).
    """
    words = text.split()
    if len(words) < MIN_NAME_DATE_WORDS or not LONE_BY.fullmatch(words[0]):
        return False
    for end in range(2, min(len(words), MAX_NAME_WORDS + 1)):
        name, date = " ".join(words[1:end]), " ".join(words[end:])
        is_name = AUTHOR_NAME.fullmatch(name) and not any(DATE_SIGNAL.fullmatch(w) for w in words[1:end])
        if is_name and is_date_stamp(date):
            return True
    return False
