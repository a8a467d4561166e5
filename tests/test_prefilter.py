"""The literal prefilter: a pattern's required literals are in every string it matches.

The prefilter only decides which lines a pattern is run on, so an error in it
could only hide a match (keep a chrome line), never remove a line; these tests
check that it hides none, on generated strings, on every real line we have,
and for every character Unicode has.
"""

from __future__ import annotations

import importlib
import re
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleaner import prefilter
from cleaner.document import Document
from cleaner.prefilter import fold, required_literals
from cleaner.registry import ALL_RULES
from cleaner.rules.base import MAX_PROMPT_CHARS, PatternRule

ROOT = Path(__file__).resolve().parent.parent
BENCHDATA = ROOT.parent / "shared" / "benchdata"
# Importing the registry imported every rule, and so added every rule's patterns to the index.
INDEXED = sorted(prefilter.INDEX.patterns(), key=lambda pattern: pattern.pattern)


def literals(source: str, flags: int = re.IGNORECASE) -> set[str] | None:
    found = required_literals(re.compile(source, flags))
    return None if found is None else set(found)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("share this", {"share this"}),
        (r"\bfollow us on (?:twitter|x)\b", {"follow us on twitter", "follow us on x"}),
        ("Newsletters?", {"newsletter", "newsletters"}),  # folded: the pattern is case-insensitive
        (r"(?:^|[.!?]\s+)sign up (?:now|today)", {"sign up now", "sign up today"}),
        (r"read(?: the)? more", {"read more", "read the more"}),
        (r"(?:copy|share) link.{0,40}\bnow", {"copy link", "share link"}),  # the longer of two conditions
        (r"(?:ab){2,}cde", {"cde"}),
        (r"abc(?=xyz)", {"abc"}),  # a lookahead narrows matches; the literal stays required
        (r"[’']s newsletter", {"’s newsletter", "'s newsletter"}),
        (r"(?-i:[A-Z])\w+ app", {" app"}),
        (r".{0,400}\s[(\[]\w*(?:ap|afp)\b.*|.*©\s*ap", {"(", "[", "©"}),  # a bracket is rarer than "ap"
    ],
)
def test_required_literals(source: str, expected: set[str]) -> None:
    assert literals(source) == expected


@pytest.mark.parametrize(
    "source",
    [
        r"\d{1,2}:\d{2}",  # no literal at all
        r"close|x",  # "x" is too short to rule out a line
        r"follow|\w+",  # one alternative needs no literal
        r"(?:abc)*",  # may match the empty string
        r"(?:share)?\s*",
    ],
)
def test_no_literals(source: str) -> None:
    assert literals(source) is None


def test_every_pattern_rule_is_indexed() -> None:
    assert INDEXED
    for rule in ALL_RULES:
        if issubclass(rule, PatternRule):
            for pattern in (rule.pattern, rule.prompt):
                if pattern is not None and required_literals(pattern) is not None:
                    assert prefilter.INDEX.literals(pattern) is not None, rule.code


@pytest.mark.parametrize("pattern", INDEXED, ids=lambda pattern: pattern.pattern[:40])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(data=st.data())
def test_every_match_holds_a_literal(pattern: re.Pattern[str], data: st.DataObject) -> None:
    """Strings the pattern matches, case variations included (hypothesis builds them from the regex)."""
    text = data.draw(st.from_regex(pattern))
    match = pattern.search(text)
    if match is not None:
        found = prefilter.INDEX.literals(pattern)
        assert found is not None
        assert any(literal in fold(match.group()) for literal in found), (text, sorted(found)[:5])


def _real_lines() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "seeds").glob("*.txt"))]
    texts += [
        path.read_text(encoding="utf-8") for path in sorted((BENCHDATA / "scrapinghub-dev" / "raw").glob("*.txt"))
    ]
    # The rules run their patterns on lines of a prompt's length at most (MAX_PROMPT_CHARS).
    return [line for text in texts for line in text.split("\n") if len(line) <= MAX_PROMPT_CHARS]


def test_no_real_line_is_hidden() -> None:
    """Every short line of the seeds and the scrapinghub dev pages that a pattern matches is one
    ``Document.may_match`` offers it: the index agrees with the patterns line for line."""
    lines = _real_lines()
    doc = Document.from_text("\n".join(lines))
    for pattern in INDEXED:
        offered = doc.may_match(pattern)
        hidden = [line for number, line in enumerate(lines, start=1) if pattern.search(line) and number not in offered]
        assert not hidden, (pattern.pattern[:60], hidden[:3])


def test_unindexed_pattern_may_match_every_line() -> None:
    doc = Document.from_text("one\ntwo")
    pattern = re.compile("never added to the index")
    assert 1 in doc.may_match(pattern) and 2 in doc.may_match(pattern)


def test_fold_keeps_every_character_in_place() -> None:
    """One character in, one out, for every code point: a folded page splits into the same lines."""
    every = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)
    folded = fold(every)
    assert len(folded) == len(every)
    assert [i for i, char in enumerate(folded) if char == "\n"] == [every.index("\n")]


def test_fold_puts_case_variants_together() -> None:
    """Every character ``re.IGNORECASE`` matches to a literal character folds to that character."""
    alphabet = sorted(
        {char for pattern in INDEXED for literal in prefilter.INDEX.literals(pattern) or () for char in literal}
    )
    any_of = re.compile("[" + re.escape("".join(alphabet)) + "]", re.IGNORECASE)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if 0xD800 <= code <= 0xDFFF or not any_of.fullmatch(char):
            continue
        for letter in alphabet:
            if re.fullmatch(re.escape(letter), char, re.IGNORECASE):
                assert fold(char) == letter, (hex(code), letter)


def test_index_is_built_once_worth_it() -> None:
    """A process that cleans one small page never reads the literals; one that cleans many does."""
    index = prefilter.LiteralIndex()
    pattern = re.compile("share this", re.IGNORECASE)
    index.add(pattern)
    page = ["Share this", "A sentence."] * 10
    assert index.lines_by_pattern(page) == {}  # every line stays a candidate
    for _ in range(prefilter.BUILD_AFTER_LINES // len(page)):
        index.lines_by_pattern(page)
    assert index.lines_by_pattern(page) == {id(pattern): set(range(1, len(page) + 1, 2))}


def test_fold_joins_what_re_joins() -> None:
    """Beyond lower case, ``re.IGNORECASE`` treats a few characters as one ("ı" and "i", "ſ"
    and "s", "ς" and "σ"); they fold alike, and so do "İ" and "i"."""
    casefix = importlib.import_module("re._casefix")
    for code, others in casefix._EXTRA_CASES.items():
        for other in others:
            assert re.fullmatch(re.escape(chr(code)), chr(other), re.IGNORECASE)
            assert fold(chr(code)) == fold(chr(other)), (hex(code), hex(other))
    assert fold("İ") == fold("I") == "i"
    assert fold("ſhare ıt") == "share it"


def test_long_lines_are_offered_to_every_pattern() -> None:
    """Lines past MAX_SCANNED_CHARS are not scanned (a run of "(" would cost a step a
    character) but stay candidates for every pattern, so nothing is hidden."""
    long_line = "Photo: Reuters " + "(" * prefilter.MAX_SCANNED_CHARS
    doc = Document.from_text("\n".join(["A short line.", long_line] * (prefilter.BUILD_AFTER_LINES // 2 + 1)))
    for pattern in INDEXED:
        offered = doc.may_match(pattern)
        assert 2 in offered and 4 in offered
