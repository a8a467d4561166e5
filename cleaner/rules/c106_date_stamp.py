from collections.abc import Iterator

from cleaner.document import Document, Removal
from cleaner.rules.base import Rule
from cleaner.text import is_date_stamp


class DateStamp(Rule):
    """Lines that hold only a date, a time or an update stamp.

    Removed:
        Wednesday, Aug 27, 2025
    Removed:
        Updated: 3 hours ago
    Kept:
        May was the warmest month on record in 2025.
    """

    code = "C106"
    name = "date-stamp"

    def find(self, doc: Document) -> Iterator[Removal]:
        for line in doc.live_lines():
            if is_date_stamp(line.stripped):
                yield self.removal(doc, line.number)
