"""Clean a text column of a Ray Dataset, on one machine or a cluster (``pip install 'cleaner-chrome[ray]'``).

Example::

    import ray
    from cleaner.ray_data import clean_dataset

    ds = ray.data.read_json("s3://bucket/pages/")
    clean_dataset(ds, "text", removals_column="removals").write_parquet("s3://bucket/clean/")

Each batch is cleaned with :func:`cleaner.explain`, exactly as ``cleaner --jsonl``
cleans a record: every row stays, every other column is untouched, and a null
text stays null. On one machine ``cleaner --jsonl -j N`` is simpler and starts in
a fraction of a second; use this when the data already lives in Ray or needs
more cores than one machine has. Row order follows Ray's
``DataContext.execution_options.preserve_order``.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]
from ray.data import Dataset

from cleaner import explain
from cleaner.errors import CleanerError
from cleaner.result import Result

# The removals column: one list per row of {code, name, lines: [start, end], text},
# the shape of Removal.to_dict() and of --removals-field in corpus mode.
REMOVALS_TYPE = pa.list_(
    pa.struct(
        [
            ("code", pa.string()),
            ("name", pa.string()),
            ("lines", pa.list_(pa.int64())),
            ("text", pa.string()),
        ]
    )
)


class ColumnError(CleanerError, KeyError):
    """The column to clean is missing from a batch or does not hold strings."""

    def __str__(self) -> str:
        return str(self.args[0])


def clean_dataset(
    ds: Dataset,
    column: str = "text",
    *,
    keep_headline: bool = True,
    removals_column: str | None = None,
    **map_batches_args: Any,
) -> Dataset:
    """``ds`` with ``column`` cleaned, lazily, through ``Dataset.map_batches``.

    ``keep_headline=False`` leaves the article body alone, as ``--body-only``.
    ``removals_column`` names a column to add (or replace) with each row's
    removals. Other keyword arguments go to ``map_batches``: ``batch_size``,
    ``concurrency``, ``num_cpus`` and so on.
    """
    options = {"column": column, "keep_headline": keep_headline, "removals_column": removals_column}
    return ds.map_batches(clean_batch, batch_format="pyarrow", fn_kwargs=options, **map_batches_args)


def clean_batch(
    batch: pa.Table, *, column: str = "text", keep_headline: bool = True, removals_column: str | None = None
) -> pa.Table:
    """One Arrow batch with ``column`` cleaned: the work of :func:`clean_dataset` per batch."""
    results = [None if text is None else explain(text, keep_headline=keep_headline) for text in texts(batch, column)]
    batch = with_column(batch, column, pa.array([r and r.text for r in results], pa.string()))
    if removals_column is not None:
        batch = with_column(batch, removals_column, pa.array([removal_dicts(r) for r in results], REMOVALS_TYPE))
    return batch


def texts(batch: pa.Table, column: str) -> list[str | None]:
    if column not in batch.column_names:
        raise ColumnError(f"no column {column!r}; the dataset has {', '.join(batch.column_names)}")
    values = batch.column(column)
    if not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type) or pa.types.is_null(values.type)):
        raise ColumnError(f"column {column!r} holds {values.type}, not strings")
    found: list[str | None] = values.to_pylist()
    return found


def removal_dicts(result: Result | None) -> list[dict[str, Any]] | None:
    return None if result is None else [r.to_dict() for r in result.removals]


def with_column(batch: pa.Table, name: str, values: pa.Array) -> pa.Table:
    """``batch`` with column ``name`` replaced in place, or appended when it is new."""
    if name in batch.column_names:
        return batch.set_column(batch.column_names.index(name), name, values)
    return batch.append_column(name, values)
