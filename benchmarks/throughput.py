"""Corpus-mode throughput: docs/s, MB/s and peak memory of ``cleaner --jsonl``, beside baselines.

Run from the project root (needs the ``bench`` extra, for psutil)::

    python3 benchmarks/throughput.py                 # >= 200 MB of JSONL, -j 1 and -j <all cores>
    python3 benchmarks/throughput.py --size-mb 1024  # the 1 GB memory check

It builds a JSON Lines corpus in a temporary directory by repeating the raw
text of the scrapinghub-dev pages (one record per page: id, url, text), then
runs the installed ``cleaner`` on it at ``-j 1`` and ``-j N``, checks the two
outputs are identical, runs N independent ``-j 1`` commands side by side on
shares of it (the machine's own ceiling for ``-j N``), and reports docs/s, MB/s of input, the peak RSS of the
largest process (``os.wait4``) and the peak proportional set size of the whole
process tree (sampled with psutil). In the same run it times, in process and
on one core over the dev pages: ``cleaner.clean`` (text in, text out, as the
C4 line rules), ``cleaner.explain`` with its removals read (the ledger's cost),
the C4 line rules (``baselines.c4_filter``) and ``trafilatura.extract`` on the
pages' HTML.
Then ``cleaner FILE`` on one large text file (``--text-mb``, the pages' raw texts joined
and repeated): its peak RSS against the file's size. Last, the cold start of
``cleaner < small.txt`` against ``python -c pass``,
both with the real interpreter (``sys.executable``), never a shim.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import psutil
import trafilatura
from baselines import c4_filter

ROOT = Path(__file__).resolve().parent.parent
# Measure the checkout this script lives in, not whichever copy is installed: an
# editable install can point at another clone (a CI run re-points it).
sys.path.insert(0, str(ROOT))
import cleaner  # noqa: E402

DEV = ROOT.parent / "shared" / "benchdata" / "scrapinghub-dev"
# Issue 5 asks for at least this much JSONL, so that start-up cost disappears in the rate.
DEFAULT_SIZE_MB = 200
# The one large plain-text file whose memory is measured: big enough that the command's own
# tens of megabytes do not hide what the text costs.
DEFAULT_TEXT_MB = 64
# Seconds between two samples of the process tree's memory: smaps reads cost ~10 ms.
SAMPLE_INTERVAL = 0.5
# In-process rows repeat the dev pages until at least this many seconds passed, for a stable rate.
MIN_TIMED_SECONDS = 2.0
# Runs the command and writes its peak RSS (KiB) and CPU seconds to argv[1], from a small process: Linux keeps
# ru_maxrss across exec, so a child forked from this large benchmark process would count
# this process's pages as its own.
MAXRSS_WRAPPER = (
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[2:]); "
    "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "open(sys.argv[1], 'w').write(f'{u.ru_maxrss} {u.ru_utime + u.ru_stime}'); sys.exit(code)"
)
# Runs per command for the cold start; the median is reported.
COLD_START_RUNS = 15
MB = 1e6


@dataclass(frozen=True)
class Page:
    id: str
    url: str
    raw: str
    html: str


@dataclass(frozen=True)
class Row:
    system: str
    input: str
    docs: int
    seconds: float
    cpu_seconds: float
    megabytes: float
    rss_mb: float | None = None
    tree_pss_mb: float | None = None

    def cells(self) -> list[str]:
        memory = [f"{m:,.0f}" if m is not None else "-" for m in (self.rss_mb, self.tree_pss_mb)]
        rates = [f"{self.docs / self.seconds:,.1f}", f"{self.megabytes / self.seconds:,.2f}"]
        times = [f"{self.seconds:,.1f}", f"{self.cpu_seconds:,.1f}"]
        return [
            self.system,
            self.input,
            f"{self.docs:,}",
            *times,
            *rates,
            f"{self.docs / self.cpu_seconds:,.1f}",
            *memory,
        ]


def load_pages() -> list[Page]:
    truth = json.loads((DEV / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for raw in sorted((DEV / "raw").glob("*.txt")):
        html = gzip.decompress((DEV / "html" / f"{raw.stem}.html.gz").read_bytes()).decode("utf-8")
        pages.append(Page(raw.stem, truth[raw.stem]["url"], raw.read_text(encoding="utf-8"), html))
    return pages


def build_corpus(pages: Sequence[Page], path: Path, size_mb: float) -> tuple[int, int]:
    """Write whole rounds of the dev pages to ``path`` until it holds ``size_mb``; (records, bytes)."""
    records = size = 0
    with path.open("wb") as out:
        while size < size_mb * MB:
            for page in pages:
                record = {"id": f"{page.id}-{records}", "url": page.url, "text": page.raw}
                line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
                out.write(line)
                records, size = records + 1, size + len(line)
    return records, size


def source_digest() -> str:
    """A hash of the package's sources: several people edit this tree, and a rule changed
    between the -j 1 and the -j N run would make their outputs differ for no fault of -j."""
    digest = hashlib.sha256()
    for path in sorted((ROOT / "cleaner").rglob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


def first_difference(a: Path, b: Path) -> str:
    with a.open("rb") as left, b.open("rb") as right:
        for number, (x, y) in enumerate(zip(left, right, strict=False), start=1):
            if x != y:
                return f"first at line {number}"
    return "lengths differ"


def cleaner_command() -> list[str]:
    """The installed console script run by the real interpreter, as a user's shell would."""
    script = Path(sys.executable).with_name("cleaner")
    if script.exists():
        return [sys.executable, str(script)]
    return [sys.executable, "-c", "from cleaner.cli import main; main()"]


def child_env() -> dict[str, str]:
    """This environment, but allowed to use and write bytecode caches, as an installed tool does,
    and importing the checkout this script lives in, whichever copy is installed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    return env


def tree_pss(root: psutil.Process) -> int:
    """Proportional set size of ``root``'s descendants: shared pages are counted once."""
    total = 0
    for p in root.children(recursive=True):
        with contextlib.suppress(psutil.NoSuchProcess, psutil.AccessDenied):
            total += p.memory_full_info().pss
    return total


def run_measured(args: Sequence[str], workdir: Path, stdout: Path | None = None) -> tuple[float, float, int, int]:
    """Run a command to its end, its standard output into ``stdout`` if given: (seconds, CPU
    seconds, peak RSS of its largest process, peak tree PSS)."""
    report = workdir / "maxrss"
    start = time.perf_counter()
    with contextlib.ExitStack() as stack:
        out = stack.enter_context(stdout.open("wb")) if stdout is not None else None
        wrapper = subprocess.Popen(
            [sys.executable, "-c", MAXRSS_WRAPPER, str(report), *args], env=child_env(), stdout=out
        )
    root = psutil.Process(wrapper.pid)
    peak_pss = 0
    while True:
        with contextlib.suppress(psutil.NoSuchProcess):  # it ended between two looks
            peak_pss = max(peak_pss, tree_pss(root))
        with contextlib.suppress(subprocess.TimeoutExpired):
            wrapper.wait(timeout=SAMPLE_INTERVAL)
            break
    seconds = time.perf_counter() - start
    if wrapper.returncode:
        sys.exit(f"throughput: {' '.join(args)} exited with {wrapper.returncode}")
    maxrss, cpu = report.read_text().split()
    return seconds, float(cpu), int(maxrss) * 1024, peak_pss  # ru_maxrss is in KiB on Linux


def bench_cli(corpus: Path, records: int, size: int, jobs: int, out: Path) -> Row:
    args = [*cleaner_command(), "--jsonl", "-q", "-j", str(jobs), str(corpus), "-o", str(out)]
    seconds, cpu, rss, pss = run_measured(args, out.parent)
    name, source = f"cleaner --jsonl -j {jobs}", f"JSONL {size / MB:,.0f} MB"
    return Row(name, source, records, seconds, cpu, size / MB, rss / MB, pss / MB)


def bench_text_file(pages: Sequence[Page], path: Path, size_mb: float) -> Row:
    """``cleaner FILE`` on one large plain-text file (the pages' raw texts joined, repeated to
    ``size_mb``): a text mode run's time and peak memory, read against the file's size."""
    joined = "\n\n".join(p.raw for p in pages)
    copies = max(1, round(size_mb * MB / len(joined.encode("utf-8"))))
    path.write_text("\n\n".join([joined] * copies), encoding="utf-8")
    seconds, cpu, rss, _ = run_measured([*cleaner_command(), str(path)], path.parent, path.with_suffix(".out"))
    size = path.stat().st_size
    return Row("cleaner FILE (one text)", f"text {size / MB:,.0f} MB", 1, seconds, cpu, size / MB, rss / MB)


def bench_side_by_side(corpus: Path, jobs: int, workdir: Path) -> Row:
    """The machine's own ceiling for ``-j jobs``: ``jobs`` independent ``cleaner --jsonl -j 1``
    runs at once, each on its share of the records. No pool, no parent, nothing shared: what
    ``-j jobs`` reaches beyond this is the pool's doing, what it misses is the machine's
    (shared caches, memory bandwidth, clock), so the speed-up target is read against it."""
    lines = corpus.read_bytes().splitlines(keepends=True)
    shares = [workdir / f"share-{i}.jsonl" for i in range(jobs)]
    for i, share in enumerate(shares):
        share.write_bytes(b"".join(lines[i::jobs]))
    start = time.perf_counter()
    cpu_start = children_cpu()
    procs = [
        subprocess.Popen(
            [*cleaner_command(), "--jsonl", "-q", "-j", "1", str(share), "-o", str(share.with_suffix(".out"))],
            env=child_env(),
        )
        for share in shares
    ]
    if any(proc.wait() for proc in procs):
        sys.exit("throughput: a side-by-side run failed")
    seconds, cpu = time.perf_counter() - start, children_cpu() - cpu_start
    megabytes = corpus.stat().st_size / MB
    return Row(
        f"{jobs} x cleaner --jsonl -j 1, side by side",
        "the same JSONL, shared out",
        len(lines),
        seconds,
        cpu,
        megabytes,
    )


def bench_in_process(system: str, source: str, func: Callable[[str], object], docs: Sequence[str]) -> Row:
    """Time ``func`` over ``docs`` (after one untimed pass, which compiles the patterns and grows
    the lazy DFAs the pages need), repeated until MIN_TIMED_SECONDS."""
    for doc in docs:
        func(doc)
    count = nbytes = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    while time.perf_counter() - start < MIN_TIMED_SECONDS:
        for doc in docs:
            func(doc)
        count += len(docs)
        nbytes += sum(len(d.encode("utf-8")) for d in docs)
    return Row(system, source, count, time.perf_counter() - start, time.process_time() - cpu_start, nbytes / MB)


def explain_removals(text: str) -> object:
    """The ledger too: ``explain`` makes its Removal objects when they are first read."""
    return cleaner.explain(text).removals


def extract_html(html: str) -> object:
    return trafilatura.extract(html, include_comments=False)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def cold_start(small: Path) -> dict[str, tuple[float, float]]:
    """Median (wall, CPU) seconds of ``cleaner < small`` and of ``python -c pass``, caches warm."""
    commands = {"cleaner": cleaner_command(), "python -c pass": [sys.executable, "-c", "pass"]}
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for run in range(COLD_START_RUNS + 1):
        for name, args in commands.items():
            with small.open("rb") as stdin:
                start, cpu = time.perf_counter(), children_cpu()
                subprocess.run(args, stdin=stdin, stdout=subprocess.DEVNULL, env=child_env(), check=True)
                if run:  # the first round only writes bytecode caches
                    times[name].append((time.perf_counter() - start, children_cpu() - cpu))
    return {
        name: (statistics.median(t[0] for t in ts), statistics.median(t[1] for t in ts)) for name, ts in times.items()
    }


def print_cold_start(small: Path, medians: dict[str, tuple[float, float]]) -> None:
    print(f"cold start on {small.name[:12]}… ({small.stat().st_size:,} B), median of {COLD_START_RUNS} runs:")
    for name, (wall, cpu) in medians.items():
        print(f"  {name:<16} wall {wall * 1e3:5.0f} ms   CPU {cpu * 1e3:5.0f} ms")
    (wall, cpu), (bare_wall, bare_cpu) = medians.values()
    print(f"  {'difference':<16} wall {(wall - bare_wall) * 1e3:5.0f} ms   CPU {(cpu - bare_cpu) * 1e3:5.0f} ms")


def print_table(rows: Sequence[Row]) -> None:
    header = [
        "system",
        "input",
        "docs",
        "wall s",
        "CPU s",
        "docs/s",
        "MB/s",
        "docs/CPU-s",
        "peak RSS MB",
        "peak PSS MB (tree)",
    ]
    table = [header, *(row.cells() for row in rows)]
    widths = [max(len(r[i]) for r in table) for i in range(len(header))]
    for i, r in enumerate(table):
        print("| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |")
        if i == 0:
            print("|" + "|".join("-" * (w + 2) for w in widths) + "|")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size-mb", type=float, default=DEFAULT_SIZE_MB, help="JSONL size to build (MB)")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="N for the -j N run")
    parser.add_argument("--text-mb", type=float, default=DEFAULT_TEXT_MB, help="size of the one text file (MB)")
    args = parser.parse_args()
    pages = load_pages()
    raws = [p.raw for p in pages]
    rows = [
        bench_in_process("cleaner.clean, in process", "dev pages, raw text", cleaner.clean, raws),
        bench_in_process("cleaner.explain + removals, in process", "dev pages, raw text", explain_removals, raws),
        bench_in_process("C4 line rules, in process", "dev pages, raw text", c4_filter, raws),
        bench_in_process("trafilatura.extract, in process", "dev pages, HTML", extract_html, [p.html for p in pages]),
    ]
    with tempfile.TemporaryDirectory(prefix="cleaner-throughput-") as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        records, size = build_corpus(pages, corpus, args.size_mb)
        outputs = [Path(tmp) / f"out-j{jobs}.jsonl" for jobs in (1, args.jobs)]
        digest = source_digest()
        cli_rows = [
            bench_cli(corpus, records, size, jobs, out) for jobs, out in zip((1, args.jobs), outputs, strict=True)
        ]
        side_by_side = bench_side_by_side(corpus, args.jobs, Path(tmp))
        identical = outputs[0].read_bytes() == outputs[1].read_bytes()
        same_code = digest == source_digest()
        difference = "" if identical else f" ({first_difference(*outputs)})"
        text_file = bench_text_file(pages, Path(tmp) / "joined.txt", args.text_mb)
        small = min((DEV / "raw").glob("*.txt"), key=lambda p: p.stat().st_size)
        medians = cold_start(small)
    print_table([*cli_rows, side_by_side, *rows, text_file])
    print()
    speedup = cli_rows[0].seconds / cli_rows[1].seconds
    print(f"-j {args.jobs} vs -j 1: {speedup:.2f}x; outputs identical: {identical}{difference}")
    ceiling = cli_rows[0].seconds / side_by_side.seconds
    print(
        f"{args.jobs} independent -j 1 runs side by side vs -j 1: {ceiling:.2f}x (the machine's ceiling for -j {args.jobs})"
    )
    if not same_code:
        print("warning: cleaner/ changed during the runs; the two runs did not clean with the same code")
    if text_file.rss_mb is not None:
        print(
            f"one {text_file.megabytes:,.0f} MB text file: peak RSS {text_file.rss_mb / text_file.megabytes:.1f}x its size"
        )
    print_cold_start(small, medians)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"python {sys.version.split()[0]} ({sys.executable}), {os.cpu_count()} cores, load average {load}")
    print("docs/s and MB/s are wall-clock rates; docs/CPU-s is load-independent; peak RSS is the largest process")


if __name__ == "__main__":
    main()
