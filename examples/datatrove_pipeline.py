"""Clean a JSON Lines corpus inside a datatrove pipeline: reader, CleanText, writer.

Needs ``pip install 'cleaner-chrome[datatrove]'``. On one machine::

    python examples/datatrove_pipeline.py pages/ clean/ --tasks 4 --config cleaner.toml

reads every ``*.jsonl`` / ``*.jsonl.gz`` file under ``pages/`` (field ``text``), cleans
each document's text, and writes ``clean/00000.jsonl.gz`` and so on, one file per
task (datatrove shares the input files out among the tasks), with each document's removals per rule code in its metadata
(``"cleaner_removals": {"C101": 1, "C910": 2}``). datatrove's statistics, removals
per rule code included, go to ``--logging-dir`` (``stats.json``). Paths may be
``s3://`` or ``hf://`` folders, as for any datatrove reader. The cleaning options
come from the TOML file ``cleaner --config`` reads.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader
from datatrove.pipeline.writers import JsonlWriter

from cleaner import CleanerError, Options
from cleaner.datatrove import CleanText


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="folder of JSON Lines files (local, s3://, hf://, ...)")
    parser.add_argument("output", help="output folder")
    parser.add_argument("--config", type=Path, help="cleaning options: a TOML file, as for cleaner --config")
    parser.add_argument("--tasks", type=int, default=1, help="datatrove tasks: output files (default: 1)")
    parser.add_argument("--workers", type=int, default=-1, help="tasks run at once (default: all)")
    parser.add_argument("--logging-dir", default="logs/cleaner", help="datatrove's logs and statistics")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    try:
        options = Options.from_toml(args.config) if args.config else Options()
    except CleanerError as exc:
        raise SystemExit(f"datatrove_pipeline.py: {exc}") from None
    pipeline = [
        JsonlReader(args.input),
        CleanText(options),
        JsonlWriter(args.output),
    ]
    executor = LocalPipelineExecutor(
        pipeline, tasks=args.tasks, workers=args.workers, logging_dir=args.logging_dir, skip_completed=False
    )
    executor.run()


if __name__ == "__main__":
    main()
