"""Required literals of a regular expression: which lines a pattern cannot match, found cheaply.

Python's ``re`` tries a case-insensitive pattern at every position of a line,
so running a dozen rule patterns over every line of a page costs more than
all the rest of the cleaning. Most lines hold none of the words a pattern
needs: "follow us on Twitter" needs "follow", "like", "find", "join" or
"connect with". :func:`required_literals` reads those words out of a
compiled pattern (the idea of RE2's prefilter), and :class:`LiteralIndex`
finds, in one pass over a page, which lines hold which of them. The rule
then runs its pattern only on those lines, so its result is the same as
before, line for line: the literals are a necessary condition, never a
sufficient one.

Literals are compared in :func:`fold` form, which maps every character to
one representative of its case class under ``re.IGNORECASE`` (``"İ"`` and
``"I"`` to ``"i"``, ``"ſ"`` to ``"s"``). A match of the pattern, with or
without ``re.IGNORECASE``, therefore always shows up as one of its literals
in the folded line; a test checks this for every character Unicode has.
"""

from __future__ import annotations

import bisect
import importlib
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import ahocorasick

# The standard library's own regex parser and its opcodes: private modules, but the parse tree
# is what ``re`` compiles, so the literals read from it are the ones ``re`` matches.
_parser: Any = importlib.import_module("re._parser")
sre: Any = importlib.import_module("re._constants")

# Lines a process cleans before the index is built: reading the literals out of every
# pattern takes about 20 ms, and the index saves about 10 µs a line.
BUILD_AFTER_LINES = 2000
# Longer lines are not scanned but offered to every pattern: they are prose (or junk), which
# the rules' own length limits turn away at once, and a long run of symbols ("((((…") would
# cost a Python step per character.
MAX_SCANNED_CHARS = 1000
# A node that matches one of at most this many strings is kept as that set; past it the
# set only says "one of these is somewhere in the match", and concatenation stops growing it.
MAX_EXACT = 64
# A literal rules lines out only if it is rare: at least this heavy (see _weight), so "on",
# "x" and "." are too common, "the" and "(" are not.
MIN_LITERAL = 3
# Characters as common as letters; any other symbol ("(", "©", "@") weighs as much as three.
_COMMON_CHARACTERS = frozenset(" .,:;!?'’\"-")
SYMBOL_WEIGHT = 3
# ``re.IGNORECASE`` compares simple lower cases, and beyond them treats a few characters as one
# ("ı" and "i", "ſ" and "s", "ς" and "σ"): ``re._casefix`` lists them. Each such class folds to
# its smallest member, after ``str.lower``.
_casefix: Any = importlib.import_module("re._casefix")


def _equivalent_characters() -> dict[int, str]:
    table: dict[int, str] = {}
    for code, others in _casefix._EXTRA_CASES.items():
        members = sorted({code, *others})
        for member in members[1:]:
            table[member] = chr(members[0])
    return table


_FOLD_TABLE = _equivalent_characters()
# "İ" is the one character whose full lower case (``str.lower``) is two characters: "i" and
# a combining dot. Its simple lower case, the one ``re`` compares, is "i".
_BEFORE_LOWER = {ord("İ"): "i"}
_NEEDS_TABLE = re.compile("[" + re.escape("".join(map(chr, _FOLD_TABLE)) + "İ") + "]")


def fold(text: str) -> str:
    """``text`` with each character replaced by its case class's representative; keeps
    every ``"\\n"`` where it was, so a folded page splits into the same lines."""
    if text.isascii():
        return text.lower()
    if _NEEDS_TABLE.search(text) is None:
        return text.lower()
    return text.translate(_BEFORE_LOWER).lower().translate(_FOLD_TABLE)


@dataclass(frozen=True, slots=True)
class _Info:
    """What every match of a piece of pattern holds: exactly one of ``exact``, or, when
    ``exact`` is None, at least one of ``required`` (None: nothing is known)."""

    exact: frozenset[str] | None = None
    required: frozenset[str] | None = None

    @property
    def condition(self) -> frozenset[str] | None:
        """Strings one of which is in every match, or None if some match may hold none."""
        literals = self.exact if self.exact is not None else self.required
        if literals is None or "" in literals:
            return None
        return literals


ANYTHING = _Info()
EMPTY = _Info(exact=frozenset({""}))


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Folded strings one of which is in the folded form of every string ``pattern``
    matches (search, match or fullmatch alike), or None when no such set was found."""
    literals = _sequence(_parser.parse(pattern.pattern, pattern.flags)).condition
    if literals is None or _weakest(literals) < MIN_LITERAL:
        return None
    return literals


def _weight(literal: str) -> int:
    """How rare a literal is, about: its length, with a symbol counting as SYMBOL_WEIGHT characters."""
    return sum(1 if char.isalnum() or char in _COMMON_CHARACTERS else SYMBOL_WEIGHT for char in literal)


def _weakest(literals: frozenset[str]) -> int:
    return min(map(_weight, literals))


def _sequence(items: Iterable[tuple[Any, Any]]) -> _Info:
    """Concatenation: runs of exact pieces multiply into longer strings ("on " then
    "twitter" or "x" gives "on twitter" and "on x"); the strongest condition of the runs
    and of the inexact pieces holds for the whole."""
    best: frozenset[str] | None = None
    run: frozenset[str] = frozenset({""})
    all_exact = True
    for info in _pieces(items):
        if info.exact is not None and len(run) * len(info.exact) <= MAX_EXACT:
            run = frozenset(a + b for a in run for b in info.exact)
            continue
        all_exact = False
        best = _stronger(best, _Info(exact=run).condition)
        if info.exact is not None:
            run = info.exact
        else:
            best = _stronger(best, info.condition)
            run = frozenset({""})
    if all_exact:
        return _Info(exact=run)
    return _Info(required=_stronger(best, _Info(exact=run).condition))


def _pieces(items: Iterable[tuple[Any, Any]]) -> Iterator[_Info]:
    """The items' infos, a run of plain characters as one string ("share this" is one piece, not ten)."""
    chars: list[str] = []
    for op, av in items:
        if op is sre.LITERAL:
            chars.append(chr(av))
            continue
        if chars:
            yield _Info(exact=frozenset({fold("".join(chars))}))
            chars = []
        yield _node(op, av)
    if chars:
        yield _Info(exact=frozenset({fold("".join(chars))}))


def _node(op: Any, av: Any) -> _Info:
    if op is sre.IN:
        return _char_class(av)
    if op is sre.BRANCH:
        return _branch([_sequence(alternative) for alternative in av[1]])
    if op is sre.SUBPATTERN:
        return _sequence(av[-1])
    if op is sre.ATOMIC_GROUP:
        return _sequence(av)
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, item = av
        return _repeat(low, high, _sequence(item))
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return EMPTY  # zero-width: they only narrow what matches, and an empty string holds nothing
    return ANYTHING  # ANY, CATEGORY, NOT_LITERAL, GROUPREF, ...: any character at all


def _char_class(items: Sequence[tuple[Any, Any]]) -> _Info:
    if len(items) > 8 or any(op is not sre.LITERAL for op, _ in items):
        return ANYTHING  # ranges, categories, negation: too many characters to list
    return _Info(exact=frozenset(fold(chr(code)) for _, code in items))


def _branch(alternatives: Sequence[_Info]) -> _Info:
    exacts = [info.exact for info in alternatives if info.exact is not None]
    if len(exacts) == len(alternatives):
        exact = frozenset[str]().union(*exacts)
        if len(exact) <= MAX_EXACT:
            return _Info(exact=exact)
    conditions = [info.condition for info in alternatives if info.condition is not None]
    if len(conditions) < len(alternatives):
        return ANYTHING  # some alternative may hold none of the literals
    return _Info(required=frozenset[str]().union(*conditions))


def _repeat(low: int, high: int, item: _Info) -> _Info:
    if low == high == 1:
        return item
    if low == 0:
        if high == 1 and item.exact is not None:
            return _Info(exact=item.exact | {""})
        return ANYTHING
    return _Info(required=item.condition)  # at least one copy of the item is in every match


def _stronger(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The set that rules out more lines: both hold for every match, so either is a valid condition."""
    if a is None or b is None:
        return b if a is None else a
    return max(a, b, key=lambda literals: (_weakest(literals), -len(literals)))


class LiteralIndex:
    """The required literals of many patterns, found together in one pass over a page.

    Patterns are added once, at import (:func:`indexed`); :meth:`lines_by_pattern`
    then runs one Aho-Corasick automaton over the folded page. Reading the
    literals out of the patterns costs about as much as cleaning ten pages, so
    a process that cleans one small page (``scraper | cleaner``) never pays
    it: until BUILD_AFTER_LINES lines were seen, every line is a candidate.
    """

    def __init__(self) -> None:
        self._lines_seen = 0
        self._pending: list[re.Pattern[str]] = []
        self._literals: dict[re.Pattern[str], frozenset[str]] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def add(self, pattern: re.Pattern[str]) -> None:
        """Index ``pattern``; its literals are read at first use, not at import (start-up time)."""
        self._pending.append(pattern)

    def patterns(self) -> list[re.Pattern[str]]:
        """The added patterns that have required literals."""
        return list(self._resolved())

    def literals(self, pattern: re.Pattern[str]) -> frozenset[str] | None:
        """The pattern's literals, or None if it was not added or has none."""
        return self._resolved().get(pattern)

    def _resolved(self) -> dict[re.Pattern[str], frozenset[str]]:
        while self._pending:
            pattern = self._pending.pop()
            literals = required_literals(pattern)
            if literals is not None:
                self._literals[pattern] = literals
                self._automaton = None  # rebuilt with the new literals on next use
        return self._literals

    def lines_by_pattern(self, lines: Sequence[str]) -> dict[int, set[int]]:
        """For each added pattern, by ``id(pattern)``, the 1-based numbers of the ``lines``
        that hold one of its literals; a pattern left out may match any line (all are left
        out while the index is not worth building). Keyed by id: hashing a compiled pattern
        hashes its whole program."""
        if self._automaton is None:
            self._lines_seen += len(lines)
            if self._lines_seen < BUILD_AFTER_LINES:
                return {}
        found: dict[int, set[int]] = {id(pattern): set() for pattern in self._resolved()}
        if not found:
            return found
        automaton = self._build() if self._automaton is None else self._automaton
        scanned = ["" if len(line) > MAX_SCANNED_CHARS else line for line in lines]
        ends = list(itertools.accumulate(len(line) + 1 for line in scanned))  # one past each line's "\n"
        for end, keys in automaton.iter(fold("\n".join(scanned))):
            number = bisect.bisect_right(ends, end) + 1
            for key in keys:
                found[key].add(number)
        long_lines = [number for number, line in enumerate(lines, start=1) if len(line) > MAX_SCANNED_CHARS]
        for numbers in found.values():
            numbers.update(long_lines)
        return found

    def _build(self) -> ahocorasick.Automaton:
        owners: dict[str, list[int]] = {}
        for pattern, literals in self._literals.items():
            for literal in literals:
                owners.setdefault(literal, []).append(id(pattern))
        automaton = ahocorasick.Automaton()
        for literal, keys in owners.items():
            automaton.add_word(literal, tuple(keys))
        automaton.make_automaton()
        self._automaton = automaton
        return automaton


#: The index every document consults (``Document.may_match``).
INDEX = LiteralIndex()


def indexed(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """Add ``pattern`` to :data:`INDEX` and return it: ``FOO = indexed(re.compile(...))``."""
    INDEX.add(pattern)
    return pattern
