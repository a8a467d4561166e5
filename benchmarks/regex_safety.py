"""Worst-case cost of each rule on adversarial lines, beside its cost on typical text.

    python3 benchmarks/regex_safety.py [--rules C102,C202] [--seconds 10]

For every rule: µs per kB on the seeds (typical scraped pages), the worst µs
per kB over the 100 kB adversarial lines, and the slowest of the short
"almost matching" lines, each with the kind of line that cost most. The
adversarial lines and the guarded runner are those of
``tests/test_regex_safety.py``: a rule that takes more than ``--seconds`` on one
line is reported as a hang and the rest of its lines are not run.

A linear rule costs about as much per kB on adversarial lines as on pages; a
ratio in the hundreds points at quadratic work, a hang at exponential work.
"""

from __future__ import annotations

import argparse
import sys
import time
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_regex_safety import Case, cases_for, run_guarded, run_rule  # noqa: E402

from cleaner import explain  # noqa: E402
from cleaner.registry import ALL_RULES, RuleInfo, get  # noqa: E402

# The adversarial lines long enough for a per-kB figure (shorter ones are mostly overhead).
LONG_LINE_CHARS = 10_000
# Every text is timed this many times and the fastest run kept, as timeit does.
REPEATS = 3
DEFAULT_SECONDS = 10.0


def typical_us_per_kb(rule: RuleInfo, pages: list[str]) -> float:
    """µs per kB of ``rule`` alone on each page, the fastest of ``REPEATS`` runs."""
    kilobytes = sum(len(page.encode()) for page in pages) / 1024
    best = float("inf")
    for _ in range(REPEATS):
        start = time.perf_counter()
        for page in pages:
            explain(page, select=[rule.code])
        best = min(best, time.perf_counter() - start)
    return best * 1e6 / kilobytes


def _timing_child(rule: RuleInfo, cases: list[Case], conn: Connection) -> None:
    """The tests' protocol, with each case timed as the fastest of REPEATS runs (a GC pause is not the rule's)."""
    for index, case in enumerate(cases):
        conn.send(index)
        runs = []
        for _ in range(REPEATS):
            start = time.perf_counter()
            run_rule(rule, case.text)
            runs.append(time.perf_counter() - start)
        conn.send(min(runs))
    conn.send(None)


def worst(cases: list[Case], seconds: list[float], *, per_kb: bool) -> tuple[float, str]:
    """The costliest case (µs per kB, or ms) and its family."""
    scored = [
        (took * 1e6 / (len(case.text.encode()) / 1024) if per_kb else took * 1e3, case.family)
        for case, took in zip(cases, seconds, strict=False)
        if (len(case.text) >= LONG_LINE_CHARS) == per_kb
    ]
    return max(scored, default=(0.0, "-"))


def report(rule: RuleInfo, pages: list[str], seconds: float) -> str:
    typical = typical_us_per_kb(rule, pages)
    cases = cases_for(rule)
    run = run_guarded(rule, cases, seconds, target=_timing_child)
    if run.hang is not None:
        return f"{rule.code}  {typical:10.1f}  HANG: over {seconds:.0f} s on {run.hang.family}"
    long_cost, long_family = worst(cases, run.seconds, per_kb=True)
    short_cost, short_family = worst(cases, run.seconds, per_kb=False)
    ratio = long_cost / typical if typical else float("inf")
    return (
        f"{rule.code}  {typical:10.1f}  {long_cost:10.1f} {ratio:7.1f}x  {long_family[:28]:<28}"
        f"  {short_cost:7.2f}  {short_family[:40]}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rules", default="", help="comma-separated codes or names (default: all)")
    parser.add_argument("--seconds", type=float, default=DEFAULT_SECONDS, help="hang guard per line")
    args = parser.parse_args()
    rules = [get(key) for key in args.rules.split(",") if key] or list(ALL_RULES)
    pages = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    print(
        f"{'rule':<5} {'pages µs/kB':>11}  {'worst µs/kB':>10} {'ratio':>8}  {'on (100 kB lines)':<28}  {'short ms':>7}  on"
    )
    for rule in rules:
        print(report(rule, pages, args.seconds), flush=True)


if __name__ == "__main__":
    main()
