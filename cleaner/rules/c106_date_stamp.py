import re
from collections.abc import Iterator

from cleaner.document import Document, Removal
from cleaner.prefilter import indexed
from cleaner.rules.base import Rule
from cleaner.text import is_date_stamp

# "10H ago", "5m ago", "Updated 2d ago": the compact ages of news tickers, which
# glue the unit to the number and so are not tokens of a spelled-out stamp.
COMPACT_AGE = indexed(
    re.compile(r"(?:(?:updated|posted|published)\s*:?\s*)?\d{1,3}\s?(?:[smhdw]|hr|min)\.? ago", re.IGNORECASE)
)

# "5 min read", "Reading time: 4 minutes", "Lesezeit: ca. 3 Min.", "Tempo de leitura: 1 minuto":
# the reading time a page prints beside its date.
READING_TIME = indexed(
    re.compile(
        r"(?:(?:estimated )?(?:reading time|read time|lesezeit|lesedauer|tempo de leitura|tiempo de lectura|temps de lecture"
        r"|tempo di lettura|czas czytania|leestijd)\s*:?\s*(?:ca\.?\s*|about\s*|~\s*)?\d{1,3}\s*"
        r"(?:min(?:ute|uten|uto|utos|uti|utes)?s?\.?)"
        r"|\d{1,3}\s*(?:-\s*)?(?:min(?:ute)?s?\.?) read)",
        re.IGNORECASE,
    )
)

# "Release Date:", "Published on:", "Veröffentlicht am:": a date's label whose date was not extracted.
DATE_LABEL = indexed(
    re.compile(
        r"(?:release|publication|published|posted|updated|last updated|erscheinungs|veröffentlichungs|veröffentlicht|aktualisiert)\s?(?:date|datum|on|am)?"
        r"\s*:",
        re.IGNORECASE,
    )
)


class DateStamp(Rule):
    """Lines that hold only a date, a time, an update stamp or a reading time.

    Removed:
        Wednesday, Aug 27, 2025
    Removed:
        Updated: 3 hours ago
    Removed:
        10H ago
    Removed:
        Reading time: 4 minutes
    Kept:
        May was the warmest month on record in 2025.
    """

    code = "C106"
    name = "date-stamp"
    line_local = True

    def find(self, doc: Document) -> Iterator[Removal]:
        patterns = [(pattern, doc.may_match(pattern)) for pattern in (COMPACT_AGE, READING_TIME, DATE_LABEL)]
        for line in doc.live_lines():
            text = line.stripped
            if is_date_stamp(text) or any(
                line.number in candidates and pattern.fullmatch(text) for pattern, candidates in patterns
            ):
                yield self.removal(doc, line.number)
