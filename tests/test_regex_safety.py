"""Every module-level regex, run through its rule on adversarial lines, must finish.

Patterns are discovered by introspection (every compiled ``re.Pattern`` at module
level in ``cleaner.rules.*`` and in the library modules rules call into: ``text``,
``layout``, ``lexicon``...), so a new rule is covered the day it lands. Each rule runs in a forked child on lines built to make a backtracking
engine struggle: 100k repeats of one character, deep nesting of brackets and
quotes, long whitespace runs inside a line, and runs of the pattern's own words
with the separators it allows, ended by a character it refuses ("almost matches").

The time bound is a hang guard, not a speed test: a linear pattern handles any of
these lines in milliseconds, a catastrophic one takes minutes to centuries, so the
bound is set two orders of magnitude above the slowest linear case and a slow CI
machine cannot fail it. Speed is measured in ``benchmarks/regex_safety.py``.
"""

from __future__ import annotations

import importlib
import inspect
import multiprocessing
import pkgutil
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from types import ModuleType

import pytest

import cleaner
import cleaner.rules
from cleaner.document import Document
from cleaner.registry import ALL_RULES
from cleaner.rules.base import Rule

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
# Modules that read files and streams and run the library; no rule calls into them.
FRONT_ENDS = frozenset({"cli", "corpus", "inputs", "pytest_plugin", "ray_data", "__main__"})
# Regex syntax that looks like words: escapes (\w, \s, \u2117) and group names.
_REGEX_SYNTAX = re.compile(r"\\(?:u[0-9a-fA-F]{4}|[a-zA-Z])|\(\?P<\w+>|\(\?-?[a-z]+:")
# "facebook", "written": the literal words a pattern is built from.
_LITERAL_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Case:
    """One adversarial line and how it was made, for messages and the benchmark."""

    family: str
    text: str


def rule_modules() -> list[ModuleType]:
    """Every module of ``cleaner.rules``, and the library modules rules call into.

    That is every top-level module but the front ends (``FRONT_ENDS``), so a new
    helper module is covered without being listed.
    """
    helpers = sorted(info.name for info in pkgutil.iter_modules(cleaner.__path__) if not info.ispkg)
    rules = sorted(info.name for info in pkgutil.iter_modules(cleaner.rules.__path__))
    return [
        *(importlib.import_module(f"cleaner.{name}") for name in helpers if name not in FRONT_ENDS),
        *(importlib.import_module(f"cleaner.rules.{name}") for name in rules),
    ]


def discover_patterns() -> dict[str, re.Pattern[str]]:
    """Every module-level compiled regex, by ``module.NAME`` of the module that compiles it."""
    found: dict[str, re.Pattern[str]] = {}
    for module in rule_modules():
        source = inspect.getsource(module)
        for name, value in vars(module).items():
            if isinstance(value, re.Pattern) and f"{name} = re.compile(" in source:
                found[f"{module.__name__}.{name}"] = value
    return found


def vocabulary(pattern: re.Pattern[str]) -> list[str]:
    """The literal words in a pattern's source, in order, without duplicates."""
    source = _REGEX_SYNTAX.sub(" ", pattern.pattern)
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


def example_openings(rule: type[Rule]) -> list[str]:
    """The first one and two words of the rule's ``Removed:`` examples: "By", "By IANS"."""
    lines = [line for section, text in rule.examples() if section == "Removed" for line in text.split("\n")]
    words = [line.split() for line in lines if not line.startswith("= ")]
    return list(dict.fromkeys(" ".join(split[:n]) for split in words for n in (1, 2) if split))


def cases_for(rule: type[Rule]) -> list[Case]:
    """Generic lines, plus word runs from the patterns of the rule's module and of the helpers."""
    patterns = discover_patterns()
    words = [w for name, p in patterns.items() if _is_shared_with(rule, name) for w in vocabulary(p)]
    return [*generic_cases(), *word_cases(list(dict.fromkeys(words)), example_openings(rule))]


def _is_shared_with(rule: type[Rule], pattern_name: str) -> bool:
    """True for the rule's own patterns and those of helper modules (not other rules')."""
    module = pattern_name.rsplit(".", 1)[0]
    return module == rule.__module__ or not module.startswith("cleaner.rules.")


def run_rule(rule: type[Rule], text: str) -> int:
    """Removals ``rule`` finds in a one-line document (the line is what matters)."""
    return len(list(rule().find(Document.from_text(text))))


@dataclass(frozen=True)
class Run:
    """Seconds per finished case, in order, and the case still running at the guard, if any."""

    seconds: list[float]
    hang: Case | None


def _child(rule: type[Rule], cases: list[Case], conn: Connection) -> None:
    """Report each case as it starts (its index) and as it ends (its seconds)."""
    for index, case in enumerate(cases):
        conn.send(index)
        start = time.perf_counter()
        run_rule(rule, case.text)
        conn.send(time.perf_counter() - start)
    conn.send(None)


def run_guarded(rule: type[Rule], cases: list[Case], seconds: float, target: Callable[..., None] = _child) -> Run:
    """Run ``rule`` on every case in a forked child; stop at a case that takes over ``seconds``.

    A regex running in C cannot be interrupted, so the child reports each case
    it starts and ends, and a child that goes quiet for ``seconds`` is killed.
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
def test_rule_finishes_on_adversarial_lines(rule: type[Rule]) -> None:
    hang = run_guarded(rule, cases_for(rule), HANG_SECONDS).hang
    assert hang is None, f"{rule.code} still running after {HANG_SECONDS}s on {hang.family}: {hang.text[:120]!r}…"


def test_discovery_finds_patterns_in_rules_and_text() -> None:
    patterns = discover_patterns()
    assert patterns["cleaner.rules.c101_open_in_app.APP_PROMPT"].fullmatch("Open in App")
    assert "cleaner.text.SENTENCE_END" in patterns
    # Every "NAME = re.compile(" in the rules and their helpers is found.
    compiled = {
        f"{module.__name__}.{name}"
        for module in rule_modules()
        for name in re.findall(r"^(\w+) = re\.compile\(", inspect.getsource(module), re.MULTILINE)
    }
    assert compiled == set(patterns)


def test_vocabulary_drops_regex_syntax() -> None:
    words = vocabulary(re.compile(r"(?P<who>\w+) (?:follow|share)\s+us\b\u2117"))
    assert words == ["follow", "share", "us"]


def _sleeping_child(rule: type[Rule], cases: list[Case], conn: Connection) -> None:
    conn.send(0)
    conn.send(0.0)
    conn.send(1)
    multiprocessing.Event().wait()


def test_hang_guard_reports_the_stuck_case() -> None:
    cases = [Case("quick", "x"), Case("stuck", "x")]
    assert run_guarded(ALL_RULES[0], cases, 0.5, target=_sleeping_child) == Run([0.0], cases[1])
    finished = run_guarded(ALL_RULES[0], cases, HANG_SECONDS)
    assert finished.hang is None and len(finished.seconds) == len(cases)
