"""Cleaning one column of a table: the shared work of the Ray and Hugging Face adapters.

Each row is cleaned as ``cleaner --jsonl`` cleans a record: the text column, or with
an HTML column the HTML in it (trafilatura, then the rules), into the text column.
A row with nothing to clean (null) keeps the text column's value, so no text is lost,
and gets null removals. Everything here works on plain Python lists; the adapters
convert from and to their own batches.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from cleaner import explain_any, explain_html
from cleaner.errors import CleanerError
from cleaner.options import Options
from cleaner.result import Result

#: One row's removals: ``Removal.to_dict()`` for each, as ``--removals-field`` writes them.
RemovalRows = list[dict[str, Any]]


class ColumnError(CleanerError, KeyError):
    """The column to clean is missing from a batch or does not hold strings."""

    def __str__(self) -> str:
        return str(self.args[0])


class Columns(NamedTuple):
    """Which columns a batch is cleaned from and into."""

    #: The column cleaned, or written with the clean HTML when ``html`` is set.
    text: str = "text"
    #: A column of HTML pages to clean into ``text``.
    html: str | None = None
    #: A column to add (or replace) with each row's removals.
    removals: str | None = None

    @property
    def source(self) -> str:
        """The column read: the HTML column when there is one, else the text column."""
        return self.html or self.text


class Cleaned(NamedTuple):
    """A batch's new column values: the clean texts and, per row, the removals."""

    texts: list[str | None]
    removals: list[RemovalRows | None]


def clean_values(sources: Sequence[object], kept: Sequence[str | None], options: Options, columns: Columns) -> Cleaned:
    """Clean each value of ``columns.source``; a null value keeps its row of ``kept``."""
    results = [None if value is None else explain_value(value, options, columns) for value in sources]
    return Cleaned(
        [previous if result is None else result.text for result, previous in zip(results, kept, strict=True)],
        [None if result is None else [r.to_dict() for r in result.removals] for result in results],
    )


def explain_value(value: object, options: Options, columns: Columns) -> Result:
    """One value cleaned: HTML from an HTML column (strings or bytes), else text or HTML as it looks."""
    if columns.html is not None and isinstance(value, str | bytes):
        return explain_html(value, options)
    if columns.html is None and isinstance(value, str):
        return explain_any(value, options)
    kind = "HTML (strings or bytes)" if columns.html else "strings"
    raise ColumnError(f"column {columns.source!r} holds {type(value).__name__} values, not {kind}")
