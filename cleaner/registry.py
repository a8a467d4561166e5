"""Every rule, in pipeline order, and lookup by code or name.

The rules live in the compiled core (``crates/cleaner_core``); this module reads
their metadata from it once, at import. Python never names a rule's code: what the
pipeline needs to know about a rule (its position rule, say) is metadata too.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Iterable
from typing import NamedTuple

from cleaner import _core
from cleaner.errors import UnknownRuleError

# The documentation's example sections; each holds one indented example text.
EXAMPLE_SECTIONS = ("Removed", "Kept")


class RuleInfo(NamedTuple):
    """One rule of the core: its code, name, documentation and what the pipeline knows of it.

    A named tuple, not a dataclass: the command imports this module at start-up, and
    ``dataclasses`` costs about 12 ms to import.
    """

    #: "C101": C1xx single lines, C2xx blocks, C3xx legal tails, C9xx position heuristics.
    code: str
    #: A kebab-case slug naming the chrome ("open-in-app"); also its lexicon table's name.
    name: str
    #: First line: the summary; then why, and ``Removed:`` and ``Kept:`` examples.
    doc: str
    #: True if the rule decides each line from its text alone.
    line_local: bool
    #: True for the rule that finds the article by its position on the page.
    position: bool
    #: True if the rule's removals can end the article's body ("12 Comments").
    ends_body: bool

    def summary(self) -> str:
        """The documentation's first line: what the rule removes."""
        return (self.doc.strip().splitlines() or [""])[0]

    def doc_body(self) -> str:
        """The documentation after its first line, dedented: what ``--show-rule`` prints."""
        return textwrap.dedent("\n".join(self.doc.splitlines()[1:])).strip()

    def examples(self) -> list[tuple[str, str]]:
        """The documentation's examples as ``(section, text)`` pairs.

        A section is a ``Removed:`` or ``Kept:`` line followed by one indented
        example text. In a ``Removed:`` example every line is expected to go
        except lines marked ``= ``, which are context the rule must keep.
        """
        found: list[tuple[str, list[str]]] = []
        body: list[str] | None = None
        for raw in self.doc_body().splitlines():
            if raw and not raw[0].isspace():
                section = raw.strip().rstrip(":")
                body = [] if section in EXAMPLE_SECTIONS else None
                if body is not None:
                    found.append((section, body))
            elif body is not None:
                body.append(raw)
        return [(section, textwrap.dedent("\n".join(body)).strip("\n")) for section, body in found]


def _load() -> tuple[RuleInfo, ...]:
    return tuple(
        RuleInfo(
            code=row["code"],
            name=row["name"],
            doc=row["doc"],
            line_local=row["line_local"],
            position=row["position"],
            ends_body=row["ends_body"],
        )
        for row in _core.rule_table()
    )


# Pipeline order is code order: single lines (C1), blocks, which see only what is
# left (C2), legal tails (C3), and last the heuristics (C9), whose analysis reads
# what all the others left.
ALL_RULES: tuple[RuleInfo, ...] = _load()

# The rule that finds the article by its position in a page rather than by a kind
# of chrome; text an extractor already cut out of a page skips it.
POSITION_RULE: str = next(rule.code for rule in ALL_RULES if rule.position)


def get(key: str) -> RuleInfo:
    """The rule whose code (``C101``) or name (``open-in-app``) is ``key``."""
    wanted = key.strip().lower()
    for rule in ALL_RULES:
        if wanted in (rule.code.lower(), rule.name):
            return rule
    raise UnknownRuleError(f"unknown rule {key!r}; `cleaner --list-rules` lists them")


def active_rules(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> tuple[RuleInfo, ...]:
    """Rules to run, in pipeline order: ``select`` (default all) minus ``ignore``."""
    return _active_rules(tuple(select), tuple(ignore))


@functools.lru_cache(maxsize=64)
def _active_rules(select: tuple[str, ...], ignore: tuple[str, ...]) -> tuple[RuleInfo, ...]:
    """:func:`active_rules`, once per selection: a corpus asks for the same rules for every record."""
    selected = {get(k) for k in select} or set(ALL_RULES)
    ignored = {get(k) for k in ignore}
    return tuple(r for r in ALL_RULES if r in selected and r not in ignored)
