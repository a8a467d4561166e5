"""Parity: cleaner.explain gives, byte for byte, the outputs recorded in tests/parity/cases.jsonl.gz.

The cases were recorded from the Python implementation (tests/parity/record.py,
tests/parity/README.md); the Rust port must reproduce them. One test per kind of
case, each reporting every mismatch it finds (the first few in detail).
"""

from __future__ import annotations

import difflib
import gzip
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import cleaner

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "parity" / "cases.jsonl.gz"
SOURCES = ROOT.parent  # a case's "source" is relative to the folder holding the repository
KINDS = ("fixture", "seed", "text", "html", "example", "generated")
SHOWN = 5  # mismatches reported in detail
SHOWN_CHARS = 160  # of a differing line or removal text

Case = dict[str, Any]


@cache
def cases_by_kind() -> dict[str, list[Case]]:
    grouped: dict[str, list[Case]] = {kind: [] for kind in KINDS}
    with gzip.open(CASES, "rt", encoding="utf-8") as lines:
        for line in lines:
            case = json.loads(line)
            grouped[case["id"].split("/", 1)[0]].append(case)
    return grouped


def case_input(case: Case) -> str | None:
    """The case's text: inline, or its source page read as benchmarks/quality_data.py reads it
    (UTF-8 in text mode: "\\r\\n" and "\\r" become "\\n"); None if the page is not there."""
    if case["input"] is not None:
        return str(case["input"])
    path = SOURCES / case["source"]
    return path.read_text(encoding="utf-8") if path.is_file() else None


def run(case: Case, text: str) -> dict[str, Any]:
    result = cleaner.explain(
        text,
        keep_headline=case["keep_headline"],
        select=case["select"],
        ignore=case["ignore"],
        headline=case["headline"],
    )
    return {"text": result.text, "removals": [[r.code, r.name, r.start, r.end, r.text] for r in result.removals]}


@pytest.mark.parametrize("kind", KINDS)
def test_parity(kind: str) -> None:
    cases = cases_by_kind()[kind]
    assert cases, f"no {kind} cases in {CASES.name}"
    mismatches: list[str] = []
    missing: list[str] = []
    for case in cases:
        text = case_input(case)
        if text is None:
            missing.append(case["source"])
            continue
        actual = run(case, text)
        if actual != case["expected"]:
            mismatches.append(describe(case, actual))
    if mismatches:
        shown = "\n\n".join(mismatches[:SHOWN])
        pytest.fail(f"{len(mismatches)} of {len(cases)} {kind} cases differ from the recording:\n\n{shown}")
    if missing:
        checked = len(cases) - len(missing)
        pytest.skip(
            f"{len(missing)} of {len(cases)} {kind} cases skipped: their source pages are not beside the "
            f"repository (e.g. {SOURCES / missing[0]})" + (f"; the other {checked} match" if checked else "")
        )


# -- reports ---------------------------------------------------------------------


def describe(case: Case, actual: dict[str, Any]) -> str:
    expected = case["expected"]
    options = (
        f"keep_headline={case['keep_headline']}, select={case['select']}, "
        f"ignore={case['ignore']}, headline={shorten(case['headline'])}"
    )
    parts = [f"{case['id']} ({options})"]
    if actual["text"] != expected["text"]:
        parts.append(text_difference(expected["text"], actual["text"]))
    if actual["removals"] != expected["removals"]:
        parts.append(removals_difference(expected["removals"], actual["removals"]))
    return "\n".join(parts)


def text_difference(expected: str, actual: str) -> str:
    """The first differing line of the clean texts (lines shown with repr, so whitespace shows)."""
    old, new = expected.split("\n"), actual.split("\n")
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if tag != "equal":
            lines = [f"  text differs at clean line {i1 + 1}:"]
            lines += [f"    - {shorten(line)}" for line in old[i1:i2][:3]]
            lines += [f"    + {shorten(line)}" for line in new[j1:j2][:3]]
            return "\n".join(lines)
    return f"  text differs in line endings only: expected {len(old)} lines, got {len(new)}"


def removals_difference(expected: list[list[Any]], actual: list[list[Any]]) -> str:
    old = [tuple(r) for r in expected]
    new = [tuple(r) for r in actual]
    lines = ["  removals differ (code, name, start, end, text):"]
    lines += [f"    - {row(r)}" for r in old if r not in new][:SHOWN]
    lines += [f"    + {row(r)}" for r in new if r not in old][:SHOWN]
    if sorted(old) == sorted(new):
        lines.append("    (the same removals, in another order)")
    return "\n".join(lines)


def row(removal: tuple[Any, ...]) -> str:
    code, name, start, end, text = removal
    return f"{code} {name} {start}-{end} {shorten(text)}"


def shorten(value: str | None) -> str:
    if value is None:
        return "None"
    shown = repr(value)
    return shown if len(shown) <= SHOWN_CHARS else shown[:SHOWN_CHARS] + f"... ({len(value)} chars)"
