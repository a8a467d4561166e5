"""Throughput of each front end on the same records: in process, ``--jsonl -j``, datatrove, datasets, Ray.

Run from the project root (needs the ``datatrove``, ``datasets`` and ``ray`` extras)::

    python3 benchmarks/frontends.py                   # 2,000 records, 1 and all cores
    python3 benchmarks/frontends.py --records 500 --jobs 2

It builds JSON Lines records (id, url, text) by repeating the raw text of the
scrapinghub-dev pages, then cleans them once with each path, file to file where
the path reads files, with the same :class:`cleaner.Options`:

* ``cleaner.explain_any``, in process, one core (no reading or writing);
* ``cleaner --jsonl -j N``: one file in, one file out;
* datatrove: ``JsonlReader`` -> ``CleanText`` -> ``JsonlWriter`` on ``LocalPipelineExecutor``
  (N tasks over N input files, uncompressed output);
* Hugging Face ``datasets``: ``Dataset.from_json`` -> ``map(CleanBatch, batched=True, num_proc=N)``
  -> ``to_json`` (a fresh cache in a temporary directory, never reused);
* Ray Data: ``read_json`` -> ``clean_dataset`` -> ``write_json`` on a local Ray of N CPUs,
  timed after ``ray.init``, whose start-up is reported on its own.

Each path's clean texts are checked against the in-process ones, so a row is
only printed for a path that cleaned every record the same way. Every figure is
one run on a shared machine: the load average is printed before and after.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Measure the checkout this script lives in, not whichever copy is installed.
sys.path.insert(0, str(ROOT))
import cleaner  # noqa: E402

DEV_RAW = ROOT.parent / "shared" / "benchdata" / "scrapinghub-dev" / "raw"
DEFAULT_RECORDS = 2000
OPTIONS = cleaner.Options()


def build_records(count: int) -> list[dict[str, str]]:
    pages = [path.read_text(encoding="utf-8") for path in sorted(DEV_RAW.glob("*.txt"))]
    if not pages:
        raise SystemExit(f"frontends.py: no pages in {DEV_RAW}")
    return [{"id": str(i), "url": f"https://example.com/{i}", "text": pages[i % len(pages)]} for i in range(count)]


def write_jsonl(path: Path, records: list[dict[str, str]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def read_texts(paths: list[Path]) -> dict[str, str]:
    """id -> text of every JSON Lines record in ``paths`` (gzip by extension)."""
    texts: dict[str, str] = {}
    for path in paths:
        opener = gzip.open if path.suffix == ".gz" else open
        with opener(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                texts[str(record["id"])] = record["text"]
    return texts


def timed(run: Callable[[], None]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def in_process(records: list[dict[str, str]]) -> tuple[float, dict[str, str]]:
    out: dict[str, str] = {}

    def run() -> None:
        for record in records:
            out[record["id"]] = cleaner.explain_any(record["text"], OPTIONS).text

    return timed(run), out


def command(corpus: Path, work: Path, jobs: int) -> tuple[float, dict[str, str]]:
    out = work / f"cli-{jobs}.jsonl"
    run_cli = "from cleaner.cli import run; run()"
    argv = [sys.executable, "-c", run_cli, "--jsonl", "-q", "-j", str(jobs), str(corpus), "-o", str(out)]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    seconds = timed(lambda: subprocess.run(argv, check=True, env=env))
    return seconds, read_texts([out])


def datatrove_run(records: list[dict[str, str]], work: Path, jobs: int) -> tuple[float, dict[str, str]]:
    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    from cleaner.datatrove import CleanText

    parts, out = work / f"dt-in-{jobs}", work / f"dt-out-{jobs}"
    parts.mkdir()
    for task in range(jobs):
        write_jsonl(parts / f"{task:05d}.jsonl", records[task::jobs])
    pipeline = [JsonlReader(str(parts)), CleanText(OPTIONS), JsonlWriter(str(out), compression=None)]
    executor = LocalPipelineExecutor(pipeline, tasks=jobs, workers=jobs, logging_dir=str(work / f"dt-logs-{jobs}"))
    seconds = timed(executor.run)
    return seconds, read_texts(sorted(out.glob("*.jsonl")))


def datasets_run(corpus: Path, work: Path, jobs: int) -> tuple[float, dict[str, str]]:
    import datasets

    from cleaner.hf import CleanBatch

    datasets.disable_progress_bars()
    out = work / f"hf-{jobs}.jsonl"

    def run() -> None:
        # A cache of its own per run, and none reused: map's cache key does not include num_proc.
        ds = datasets.Dataset.from_json(str(corpus), cache_dir=str(work / f"hf-cache-{jobs}"))
        cleaned = ds.map(
            CleanBatch(OPTIONS), batched=True, num_proc=jobs if jobs > 1 else None, load_from_cache_file=False
        )
        cleaned.to_json(str(out))

    return timed(run), read_texts([out])


def ray_run(corpus: Path, work: Path, jobs: int) -> tuple[float, float, dict[str, str]]:
    import ray

    from cleaner.ray_data import clean_dataset

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    start_up = timed(lambda: ray.init(num_cpus=jobs, include_dashboard=False, log_to_driver=False))
    out = work / f"ray-{jobs}"
    try:
        seconds = timed(lambda: clean_dataset(ray.data.read_json(str(corpus)), "text", OPTIONS).write_json(str(out)))
    finally:
        ray.shutdown()
    return start_up, seconds, read_texts(sorted(out.glob("*.json*")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=DEFAULT_RECORDS, help="records to clean (default: 2000)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="cores for the parallel rows")
    args = parser.parse_args()
    records = build_records(args.records)
    size_mb = sum(len(r["text"].encode("utf-8")) for r in records) / 1e6
    load_before = os.getloadavg()
    rows: list[tuple[str, int, float]] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="cleaner-frontends-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus.jsonl"
        write_jsonl(corpus, records)
        seconds, expected = in_process(records)
        rows.append(("`cleaner.explain_any`, in process", 1, seconds))

        def check(name: str, texts: dict[str, str]) -> None:
            if texts != expected:
                differ = sum(texts.get(key) != value for key, value in expected.items())
                raise SystemExit(f"frontends.py: {name}: {differ} of {len(expected)} texts differ from in process")

        for jobs in sorted({1, args.jobs}):
            seconds, texts = command(corpus, work, jobs)
            check(f"cleaner --jsonl -j {jobs}", texts)
            rows.append((f"`cleaner --jsonl -j {jobs}`, file to file", jobs, seconds))
            seconds, texts = datatrove_run(records, work, jobs)
            check(f"datatrove, {jobs} tasks", texts)
            rows.append((f"datatrove `CleanText`, {jobs} task(s), local executor", jobs, seconds))
            seconds, texts = datasets_run(corpus, work, jobs)
            check(f"datasets, num_proc {jobs}", texts)
            rows.append((f"`datasets` `map(CleanBatch(), batched=True, num_proc={jobs})`", jobs, seconds))
        start_up, seconds, texts = ray_run(corpus, work, args.jobs)
        check("Ray", texts)
        rows.append((f"Ray Data `clean_dataset`, local Ray of {args.jobs} CPUs", args.jobs, seconds))
        notes.append(f"Ray's `ray.init` took {start_up:.1f} s more, not counted in its row.")
    load_after = os.getloadavg()
    print(f"{len(records):,} records, {size_mb:.1f} MB of text, from {len(list(DEV_RAW.glob('*.txt')))} pages")
    print()
    print("| path | cores | seconds | docs/s |")
    print("| --- | ---: | ---: | ---: |")
    for name, jobs, seconds in rows:
        print(f"| {name} | {jobs} | {seconds:.1f} | {len(records) / seconds:,.1f} |")
    print()
    for note in notes:
        print(note)
    print(
        f"{os.cpu_count()} cores; load average {', '.join(f'{x:.1f}' for x in load_before)} before, "
        f"{', '.join(f'{x:.1f}' for x in load_after)} after; Python {sys.version.split()[0]}, "
        f"git {git_commit()}; {time.strftime('%Y-%m-%d %H:%M %Z')}"
    )


def git_commit() -> str:
    found = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    return found.stdout.strip() or "unknown"


if __name__ == "__main__":
    main()
