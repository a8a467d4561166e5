import re
from collections.abc import Iterator

from cleaner.document import Document, Removal
from cleaner.rules.base import Rule
from cleaner.text import is_date_stamp

# "10H ago", "5m ago", "Updated 2d ago": the compact ages of news tickers, which
# glue the unit to the number and so are not tokens of a spelled-out stamp.
COMPACT_AGE = re.compile(r"(?:(?:updated|posted|published)\s*:?\s*)?\d{1,3}\s?(?:[smhdw]|hr|min)\.? ago", re.IGNORECASE)


class DateStamp(Rule):
    """Lines that hold only a date, a time or an update stamp.

    Removed:
        Wednesday, Aug 27, 2025
    Removed:
        Updated: 3 hours ago
    Removed:
        10H ago
    Kept:
        May was the warmest month on record in 2025.
    """

    code = "C106"
    name = "date-stamp"

    def find(self, doc: Document) -> Iterator[Removal]:
        for line in doc.live_lines():
            if is_date_stamp(line.stripped) or COMPACT_AGE.fullmatch(line.stripped):
                yield self.removal(doc, line.number)
