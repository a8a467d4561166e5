"""Every rule, run through the public API on adversarial lines, must finish.

The rules live in the compiled core; each runs alone (``cleaner.explain(line,
select=[code])``) in a forked child on lines built to make a pattern engine or a
rule's own loops struggle: 100k repeats of one character, deep nesting of brackets
and quotes, long whitespace runs inside a line, and runs of the patterns' own words
with the separators they allow, ended by a character they refuse ("almost
matches"). The words are read from the patterns as written: the string literals
of the rule's module in ``crates/cleaner_core/src/rules/`` and of the modules rules
call into (``text.rs``, ``lexicon.rs``, …), its documentation and tests left out, so a new rule is
covered the day it lands; the first words of the rule's ``Removed:`` examples open
runs that need an opening ("By", "Share on").

The time bound is a hang guard, not a speed test: a linear rule handles any of
these lines in milliseconds, a quadratic or exponential one takes minutes to
centuries, so the bound is set two orders of magnitude above the slowest linear
case and a slow CI machine cannot fail it. Speed is measured in
``benchmarks/regex_safety.py``.
"""

from __future__ import annotations

import multiprocessing
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cache
from multiprocessing.connection import Connection
from pathlib import Path

import pytest

import cleaner
from cleaner.registry import ALL_RULES, RuleInfo

CORE_SOURCES = Path(__file__).resolve().parent.parent / "crates" / "cleaner_core" / "src"
# Long enough for quadratic behaviour to take minutes instead of milliseconds.
LONG_CHARS = 100_000
# Short enough to pass every length guard in front of a pattern (C107's
# MAX_BYLINE_CHARS is 160), long enough for exponential backtracking to hang.
SHORT_CHARS = 150
# Hang guard: seconds one line may take through one rule (the slowest linear
# case takes a tenth of a second).
HANG_SECONDS = 10.0
# Characters a 100k run is made of: letters, digits, spaces, the punctuation the
# patterns treat as separators, typographic marks, and non-Latin letters.
RUN_CHARS = " xXa1.,:-–|/·•»>()[]\"'“”©…\t\u200b中é?!*&_"
# Separators put between repeated words; two spaces let "\s*x?\s*" split a gap two ways.
SEPARATORS = (" ", "  ", ", ", " and ", " / ", " | ", " - ", "", ". ")
# Separators of the runs that follow a rule's opening words.
PREFIXED_SEPARATORS = (" ", "  ", ", ")
# A character almost no pattern accepts at the end of a line: forces the backtrack.
TERMINALS = ("?", "#")
# Core modules that hold no patterns a rule runs: the crate root, the pipeline, the page,
# the regex adapter and the character tables (their raw strings are test data).
CORE_PLUMBING = frozenset({"lib.rs", "pipeline.rs", "page.rs", "pyre.rs", "pychar.rs", "pychar_tables.rs"})
# String literals, raw (r"…", r#"…"#: how the core writes its patterns) or plain ("…"),
# and char literals ('"'), matched so that their quotes open no string.
_CHAR_LITERAL = r"'(?:[^'\\\n]|\\(?:u\{[0-9a-fA-F]+\}|.))'"
_RAW_LITERAL = r'\br(#*)"(.*?)"\1'
_PLAIN_LITERAL = r'"((?:[^"\\]|\\.)*)"'
_STRING = re.compile(f"{_CHAR_LITERAL}|{_RAW_LITERAL}|{_PLAIN_LITERAL}", re.S)
# A rule's documentation (its examples are prose, not pattern words) and comment lines.
_DOC_CONST = re.compile(r'const DOC: &str = "(?:[^"\\]|\\.)*";', re.S)
_COMMENT_LINE = re.compile(r"^\s*//.*$", re.M)
# Regex syntax that looks like words: escapes (\w, \s, \u2117), group names, inline
# flags and format! placeholders ({n}, {NAME}).
_REGEX_SYNTAX = re.compile(r"\\(?:u[0-9a-fA-F]{4}|[a-zA-Z])|\(\?P<\w+>|\(\?-?[a-z]+:|\{\w*\}")
# "facebook", "written": the literal words a pattern is built from.
_LITERAL_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Case:
    """One adversarial line and how it was made, for messages and the benchmark."""

    family: str
    text: str


def rule_source(rule: RuleInfo) -> Path:
    """The core module of ``rule``: ``rules/<code>_<name>.rs``, as the core names them."""
    return CORE_SOURCES / "rules" / f"{rule.code.lower()}_{rule.name.replace('-', '_')}.rs"


def helper_sources() -> list[Path]:
    """The core modules rules call into: every top-level module but the plumbing."""
    return sorted(path for path in CORE_SOURCES.glob("*.rs") if path.name not in CORE_PLUMBING)


@cache
def patterns_in(path: Path) -> tuple[str, ...]:
    """The string literals of a core module, its tests, comments and documentation left out."""
    source = path.read_text(encoding="utf-8").split("#[cfg(test)]")[0]
    source = _COMMENT_LINE.sub("", _DOC_CONST.sub("", source))
    literals = (match.group(2) if match.group(2) is not None else match.group(3) for match in _STRING.finditer(source))
    return tuple(literal for literal in literals if literal is not None)


def vocabulary(pattern: str) -> list[str]:
    """The literal words in a pattern's source, in order, without duplicates."""
    source = _REGEX_SYNTAX.sub(" ", pattern)
    return list(dict.fromkeys(_LITERAL_WORD.findall(source)))


def _repeat_to(unit: str, chars: int) -> str:
    return (unit * (chars // max(len(unit), 1) + 1))[:chars]


def generic_cases() -> Iterator[Case]:
    """Lines that stress any backtracking pattern, whatever its words."""
    half = LONG_CHARS // 2
    for char in RUN_CHARS:
        yield Case(f"run {char!r}", char * LONG_CHARS)
        yield Case(f"run {char!r} then '?'", char * LONG_CHARS + "?")
    for opening, closing in ("()", "[]", "“”", "«»", "{}"):
        yield Case(f"nesting {opening}{closing}", opening * half + "x" + closing * half)
        yield Case(f"unclosed {opening}", opening * LONG_CHARS + "x")
    yield Case("whitespace run inside a line", "a" + " " * LONG_CHARS + "b")
    yield Case("whitespace run before an ellipsis", "Five words of a teaser" + " " * LONG_CHARS + "x...")
    yield Case("capitalised words", _repeat_to("Ann ", LONG_CHARS) + "?")
    yield Case("initials", _repeat_to("A. ", LONG_CHARS) + "?")
    yield Case("numbers and colons", _repeat_to("12:34 ", LONG_CHARS) + "?")
    yield Case("prose", _repeat_to("the minister said that the talks went on, ", LONG_CHARS))


def word_cases(words: list[str], prefixes: list[str]) -> Iterator[Case]:
    """Runs of one of ``words`` with one separator, ended by a refused character.

    The runs also come after each of ``prefixes`` (how a match opens: "By", "Share
    on"), so that they reach the repeated part of a pattern that needs an opening.
    """
    for word in words:
        for spelling in dict.fromkeys((word, word.capitalize())):
            for sep in SEPARATORS:
                for end in TERMINALS:
                    yield Case(f"{spelling!r} sep {sep!r} end {end!r}", _repeat_to(spelling + sep, SHORT_CHARS) + end)
        for prefix in prefixes:
            for sep in PREFIXED_SEPARATORS:
                run = _repeat_to(word.capitalize() + sep, SHORT_CHARS)
                yield Case(f"{prefix!r} then {word!r} sep {sep!r}", f"{prefix} {run}{TERMINALS[0]}")
        yield Case(f"long run of {word!r}", _repeat_to(word.capitalize() + "  ", LONG_CHARS) + "?")


def example_openings(rule: RuleInfo) -> list[str]:
    """The first one and two words of the rule's ``Removed:`` examples: "By", "By IANS"."""
    lines = [line for section, text in rule.examples() if section == "Removed" for line in text.split("\n")]
    words = [line.split() for line in lines if not line.startswith("= ")]
    return list(dict.fromkeys(" ".join(split[:n]) for split in words for n in (1, 2) if split))


def rule_vocabulary(rule: RuleInfo) -> list[str]:
    """The words of the rule's own patterns and of the helpers' patterns."""
    sources = [rule_source(rule), *helper_sources()] if CORE_SOURCES.is_dir() else []
    words = (
        word for path in sources if path.is_file() for pattern in patterns_in(path) for word in vocabulary(pattern)
    )
    return list(dict.fromkeys(words))


def cases_for(rule: RuleInfo) -> list[Case]:
    """Generic lines, plus word runs from the patterns of the rule's module and of the helpers."""
    return [*generic_cases(), *word_cases(rule_vocabulary(rule), example_openings(rule))]


def run_rule(rule: RuleInfo, text: str) -> int:
    """Removals ``rule`` alone makes in ``text`` (a one-line text: the line is what matters)."""
    return len(cleaner.explain(text, select=[rule.code]).removals)


@dataclass(frozen=True)
class Run:
    """Seconds per finished case, in order, and the case still running at the guard, if any."""

    seconds: list[float]
    hang: Case | None


def _child(rule: RuleInfo, cases: list[Case], conn: Connection) -> None:
    """Report each case as it starts (its index) and as it ends (its seconds)."""
    for index, case in enumerate(cases):
        conn.send(index)
        start = time.perf_counter()
        run_rule(rule, case.text)
        conn.send(time.perf_counter() - start)
    conn.send(None)


def run_guarded(rule: RuleInfo, cases: list[Case], seconds: float, target: Callable[..., None] = _child) -> Run:
    """Run ``rule`` on every case in a forked child; stop at a case that takes over ``seconds``.

    The core cannot be interrupted in the middle of a call, so the child reports
    each case it starts and ends, and a child that goes quiet for ``seconds`` is killed.
    """
    context = multiprocessing.get_context("fork")
    parent, child = context.Pipe(duplex=False)
    process = context.Process(target=target, args=(rule, cases, child), daemon=True)
    process.start()
    child.close()
    timings: list[float] = []
    current = 0
    try:
        while parent.poll(seconds):
            message = parent.recv()
            if message is None:
                return Run(timings, None)
            if isinstance(message, float):
                timings.append(message)
            else:
                current = message
        return Run(timings, cases[current])
    except EOFError:
        raise AssertionError(f"{rule.code} crashed on {cases[current].family}") from None
    finally:
        process.kill()
        process.join()


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_rule_finishes_on_adversarial_lines(rule: RuleInfo) -> None:
    hang = run_guarded(rule, cases_for(rule), HANG_SECONDS).hang
    assert hang is None, f"{rule.code} still running after {HANG_SECONDS}s on {hang.family}: {hang.text[:120]!r}…"


def test_every_rule_has_a_core_module() -> None:
    assert [rule.code for rule in ALL_RULES if not rule_source(rule).is_file()] == []


def test_vocabulary_comes_from_the_rules_patterns_and_the_helpers() -> None:
    open_in_app = rule_vocabulary(next(rule for rule in ALL_RULES if rule.name == "open-in-app"))
    assert {"open", "app", "download"} <= set(open_in_app)
    # The date words of the helpers' patterns (text.rs) reach every rule.
    assert {"january", "yesterday"} <= set(open_in_app)
    assert "yesterday" in rule_vocabulary(ALL_RULES[-1])


RUST_MODULE = r"""const DOC: &str = "Prose \"quoted\" here.";
/// "Follow Us": a comment
let a = r"follow us"; let b = r#"say "hi""#; let c = "jan|feb";
const QUOTES: &[char] = &['"', '\'', '”']; fn f<'a>(x: &'a str) {}
#[cfg(test)]
let d = r"tested";
"""


def test_string_literals_are_found_and_tests_docs_and_comments_left_out(tmp_path: Path) -> None:
    module = tmp_path / "m.rs"
    module.write_text(RUST_MODULE, encoding="utf-8")
    assert patterns_in(module) == ("follow us", 'say "hi"', "jan|feb")


def test_vocabulary_drops_regex_syntax() -> None:
    words = vocabulary(r"(?P<who>\w+) (?:follow|share)\s+us\b\u2117 {n}(?i:on)")
    assert words == ["follow", "share", "us", "on"]


def _sleeping_child(rule: RuleInfo, cases: list[Case], conn: Connection) -> None:
    conn.send(0)
    conn.send(0.0)
    conn.send(1)
    multiprocessing.Event().wait()


def test_hang_guard_reports_the_stuck_case() -> None:
    cases = [Case("quick", "x"), Case("stuck", "x")]
    assert run_guarded(ALL_RULES[0], cases, 0.5, target=_sleeping_child) == Run([0.0], cases[1])
    finished = run_guarded(ALL_RULES[0], cases, HANG_SECONDS)
    assert finished.hang is None and len(finished.seconds) == len(cases)
