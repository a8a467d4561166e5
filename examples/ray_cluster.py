"""Clean a JSON Lines corpus on a Ray cluster with ``cleaner.ray_data``.

On the cluster (every node needs ``pip install 'cleaner-chrome[ray]'``)::

    ray start --head                          # on the head node
    ray start --address=HEAD_IP:6379          # on each worker node
    python examples/ray_cluster.py 's3://bucket/pages/' s3://bucket/clean/ --address auto

On one machine, without ``--address``, it starts a local Ray of its own::

    python examples/ray_cluster.py pages.jsonl.gz clean/ --removals-column removals --format json

The cleaning options come from the TOML file ``cleaner --config`` reads (``--config
cleaner.toml``), so what was tuned on the command line runs unchanged on the cluster;
``--html-column html`` cleans the HTML in that column into ``--column``.

The input is read with ``ray.data.read_json`` (JSON Lines, gzip by extension);
the output is a directory of Parquet (default) or JSON Lines files, one per block.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import ray

from cleaner import CleanerError, Options
from cleaner.ray_data import clean_dataset


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="JSON Lines file or directory (local path, s3://, gs://, ...)")
    parser.add_argument("output", help="output directory")
    parser.add_argument("--address", help="Ray cluster address ('auto' inside a cluster); default: a local Ray")
    parser.add_argument("--column", default="text", help="column to clean (default: text)")
    parser.add_argument("--html-column", help="clean the HTML in this column into --column")
    parser.add_argument("--removals-column", help="add each row's removals in this column")
    parser.add_argument("--config", type=Path, help="cleaning options: a TOML file, as for cleaner --config")
    parser.add_argument("--body-only", action="store_true", help="drop headline and standfirst too")
    parser.add_argument("--format", choices=["parquet", "json"], default="parquet", help="output format")
    parser.add_argument("--keep-order", action="store_true", help="write rows in input order (slower on a cluster)")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    try:
        options = Options.from_toml(args.config) if args.config else Options()
    except CleanerError as exc:
        raise SystemExit(f"ray_cluster.py: {exc}") from None
    ray.init(address=args.address)
    ray.data.DataContext.get_current().execution_options.preserve_order = args.keep_order
    ds = clean_dataset(
        ray.data.read_json(args.input),
        args.column,
        options.replace(keep_headline=False) if args.body_only else options,
        html_column=args.html_column,
        removals_column=args.removals_column,
    )
    if args.format == "json":
        ds.write_json(args.output)
    else:
        ds.write_parquet(args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
