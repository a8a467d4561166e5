"""Clean a text column of a Ray Dataset, on one machine or a cluster (``pip install 'cleaner-chrome[ray]'``).

Example::

    import ray
    from cleaner import Options
    from cleaner.ray_data import clean_dataset

    ds = ray.data.read_json("s3://bucket/pages/")
    options = Options.from_toml(Path("cleaner.toml"))  # the keys of ``cleaner --config``
    clean_dataset(ds, "text", options, removals_column="removals").write_parquet("s3://bucket/clean/")

Each batch is cleaned with :func:`cleaner.explain_any`, exactly as ``cleaner --jsonl``
cleans a record: every row stays, every other column is untouched, and a null
text stays null. With ``html_column``, the HTML in that column is cleaned into the
text column, as ``--html-field`` does. On one machine ``cleaner --jsonl -j N`` is
simpler and starts in a fraction of a second; use this when the data already lives
in Ray or needs more cores than one machine has. Row order follows Ray's
``DataContext.execution_options.preserve_order``.
"""

from __future__ import annotations

from typing import Any

import pyarrow as pa  # type: ignore[import-untyped]
from ray.data import Dataset

from cleaner.columns import ColumnError, Columns, clean_values
from cleaner.options import DEFAULT, Options

__all__ = ["REMOVALS_TYPE", "ColumnError", "clean_batch", "clean_dataset"]

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


def clean_dataset(
    ds: Dataset,
    column: str = "text",
    options: Options | None = None,
    *,
    html_column: str | None = None,
    removals_column: str | None = None,
    keep_headline: bool | None = None,
    **map_batches_args: Any,
) -> Dataset:
    """``ds`` with ``column`` cleaned as ``options`` say, lazily, through ``Dataset.map_batches``.

    ``html_column`` names a column of HTML pages (strings or bytes) to clean into
    ``column``. ``removals_column`` names a column to add (or replace) with each
    row's removals. ``keep_headline`` changes that one option (``False``: the
    body alone, as ``--body-only``). Other keyword arguments go to
    ``map_batches``: ``batch_size``, ``concurrency``, ``num_cpus`` and so on.
    """
    fn_kwargs = {
        "options": options,
        "column": column,
        "html_column": html_column,
        "removals_column": removals_column,
        "keep_headline": keep_headline,
    }
    return ds.map_batches(clean_batch, batch_format="pyarrow", fn_kwargs=fn_kwargs, **map_batches_args)


def clean_batch(
    batch: pa.Table,
    options: Options | None = None,
    *,
    column: str = "text",
    html_column: str | None = None,
    removals_column: str | None = None,
    keep_headline: bool | None = None,
) -> pa.Table:
    """One Arrow batch with ``column`` cleaned: the work of :func:`clean_dataset` per batch."""
    chosen = (options or DEFAULT).replace(keep_headline=keep_headline)
    columns = Columns(column, html_column, removals_column)
    html = html_column is not None
    sources = column_values(batch, columns.source, html=html)
    kept = column_values(batch, column) if html and column in batch.column_names else [None] * len(sources)
    cleaned = clean_values(sources, kept, chosen, columns)
    batch = with_column(batch, column, pa.array(cleaned.texts, pa.string()))
    if removals_column is not None:
        batch = with_column(batch, removals_column, pa.array(cleaned.removals, REMOVALS_TYPE))
    return batch


def column_values(batch: pa.Table, column: str, *, html: bool = False) -> list[Any]:
    """The column's values: strings, or for an HTML column strings or bytes."""
    if column not in batch.column_names:
        raise ColumnError(f"no column {column!r}; the dataset has {', '.join(batch.column_names)}")
    found = batch.column(column)
    kinds = [pa.types.is_string, pa.types.is_large_string, pa.types.is_null]
    if html:
        kinds += [pa.types.is_binary, pa.types.is_large_binary]
    if not any(is_kind(found.type) for is_kind in kinds):
        raise ColumnError(f"column {column!r} holds {found.type}, not {'HTML' if html else 'strings'}")
    listed: list[Any] = found.to_pylist()
    return listed


def with_column(batch: pa.Table, name: str, values: pa.Array) -> pa.Table:
    """``batch`` with column ``name`` replaced in place, or appended when it is new."""
    if name in batch.column_names:
        return batch.set_column(batch.column_names.index(name), name, values)
    return batch.append_column(name, values)
