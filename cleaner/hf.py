"""Clean a column of a Hugging Face ``datasets.Dataset`` with ``Dataset.map(batched=True)``.

Example (``pip install 'cleaner-chrome[datasets]'``)::

    from datasets import load_dataset
    from cleaner import Options
    from cleaner.hf import CleanBatch

    ds = load_dataset("json", data_files="pages.jsonl", split="train")
    ds = ds.map(CleanBatch(Options(keep_headline=False), removals_column="removals"), batched=True, num_proc=4)

Each row is cleaned as ``cleaner --jsonl`` cleans a record (see :mod:`cleaner.columns`):
every row stays, other columns are untouched, and a null text stays null. A
:class:`CleanBatch` is a frozen value, so ``datasets`` can hash it for its cache and
pickle it for ``num_proc`` workers. Nothing here imports ``datasets``: a batch is
the dict of column lists that ``map`` passes.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from cleaner.columns import ColumnError, Columns, clean_values
from cleaner.options import DEFAULT, Options

__all__ = ["CleanBatch", "ColumnError"]


class CleanBatch(NamedTuple):
    """A ``map(batched=True)`` function: ``options`` applied to ``column`` of each batch.

    ``html_column`` names a column of HTML pages (strings or bytes) to clean into
    ``column``; ``removals_column`` a column to add with each row's removals (a
    list of ``{"code", "name", "lines", "text"}``, as ``--removals-field`` writes).
    """

    options: Options = DEFAULT
    column: str = "text"
    html_column: str | None = None
    removals_column: str | None = None

    def __call__(self, batch: dict[str, list[Any]]) -> dict[str, list[Any]]:
        """The batch's new and changed columns; ``map`` keeps the others as they are."""
        columns = Columns(self.column, self.html_column, self.removals_column)
        sources = column(batch, columns.source)
        kept = batch.get(self.column) if self.html_column is not None else None
        cleaned = clean_values(sources, kept or [None] * len(sources), self.options, columns)
        changed: dict[str, list[Any]] = {self.column: cleaned.texts}
        if self.removals_column is not None:
            changed[self.removals_column] = cleaned.removals
        return changed


def column(batch: dict[str, list[Any]], name: str) -> list[Any]:
    if name not in batch:
        raise ColumnError(f"no column {name!r}; the dataset has {', '.join(batch)}")
    return batch[name]
