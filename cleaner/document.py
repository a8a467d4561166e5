"""The text model: input lines, removals and the result of a run."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from cleaner import lexicon, prefilter
from cleaner.errors import OverlappingRemovalError


class _EveryLine(Container[int]):
    """Holds every line number: what ``Document.may_match`` gives for a pattern it cannot narrow."""

    def __contains__(self, number: object) -> bool:
        return True


EVERY_LINE = _EveryLine()


@dataclass(frozen=True, slots=True)
class Line:
    """One input line: its 1-based number and its text without the newline."""

    number: int
    text: str
    #: The text without surrounding whitespace, computed once: every rule reads it.
    stripped: str = field(init=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "stripped", self.text.strip())

    @property
    def is_blank(self) -> bool:
        return not self.stripped


@dataclass(frozen=True, slots=True)
class Removal:
    """Lines ``start``..``end`` (1-based, inclusive) of the input, removed by one rule."""

    code: str
    name: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "lines": [self.start, self.end], "text": self.text}


@dataclass(frozen=True, slots=True)
class Result:
    """The clean text and every removal that produced it, sorted by line."""

    text: str
    removals: tuple[Removal, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "removals": [r.to_dict() for r in self.removals]}


@dataclass(eq=False)
class Document:
    """An input text split on ``"\\n"`` and the lines removed from it so far.

    Rules read a document and yield removals; only the pipeline calls
    :meth:`apply`. Blank lines are layout, never removed: the output folds them.
    Per-document analyses (the article's bounds) are cached on the
    instance in ``cache`` and die with it.
    """

    lines: tuple[Line, ...]
    keep_headline: bool = True
    #: The page's headline when known from elsewhere (HTML metadata), else None.
    headline: str | None = None
    _removed: dict[int, str] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, *, keep_headline: bool = True, headline: str | None = None) -> Document:
        lines = tuple(Line(i, t) for i, t in enumerate(text.split("\n"), start=1))
        return cls(lines, keep_headline=keep_headline, headline=headline)

    def line(self, number: int) -> Line:
        return self.lines[number - 1]

    def is_live(self, number: int) -> bool:
        """True if line ``number`` is non-blank and no rule removed it yet."""
        return number not in self._removed and not self.lines[number - 1].is_blank

    def normalized(self, number: int) -> str:
        """Line ``number`` in the form lexicon phrases are compared in (computed once per document)."""
        return self._lexicon_forms()[number - 1][0]

    def prefix_form(self, number: int) -> str | None:
        """The label of line ``number`` if it is a "Label: headline" line (``lexicon.prefix_form``)."""
        return self._lexicon_forms()[number - 1][1]

    def phrase_hits(self, phrases: lexicon.Phrases) -> frozenset[int]:
        """Numbers of the lines that are one of ``phrases``: a whole-line phrase (by
        :meth:`normalized`) or a prefixed headline (by :meth:`prefix_form`), found for
        every line at once."""
        found_before: dict[lexicon.Phrases, frozenset[int]] = self.cache.setdefault("phrase_hits", {})
        hits = found_before.get(phrases)
        if hits is None:
            by_form, by_prefix = self._lexicon_index()
            found: list[int] = []
            for form in by_form.keys() & phrases.lines:
                found.extend(by_form[form])
            for prefix in by_prefix.keys() & phrases.prefixes:
                found.extend(by_prefix[prefix])
            hits = found_before[phrases] = frozenset(found)
        return hits

    def may_match(self, pattern: re.Pattern[str]) -> Container[int]:
        """Numbers of the lines ``pattern`` may match: those holding one of its required
        literals, if it was registered with ``prefilter.indexed``, else every line.

        A rule that runs the pattern on a line's text, or on a slice of it such as
        ``line.stripped``, may skip the other lines: it finds the same matches. (Not on
        a rewritten text: ``" ".join(text.split())`` holds spaces the line may not.)
        """
        hits: dict[int, set[int]] | None = self.cache.get("literal_hits")
        if hits is None:
            hits = self.cache["literal_hits"] = prefilter.INDEX.lines_by_pattern([line.text for line in self.lines])
        return hits.get(id(pattern), EVERY_LINE)

    def _lexicon_forms(self) -> list[tuple[str, str | None]]:
        """Per line: its normalised form and, for a "Label: headline" line, its label's form."""
        forms: list[tuple[str, str | None]] | None = self.cache.get("lexicon_forms")
        if forms is None:
            forms = [
                ("", None) if line.is_blank else (lexicon.normalize(line.text), lexicon.prefix_form(line.text))
                for line in self.lines
            ]
            self.cache["lexicon_forms"] = forms
        return forms

    def _lexicon_index(self) -> tuple[dict[str, list[int]], dict[str, list[int]]]:
        """Line numbers by normalised form and by label form, non-blank lines only."""
        index: tuple[dict[str, list[int]], dict[str, list[int]]] | None = self.cache.get("lexicon_index")
        if index is None:
            by_form: dict[str, list[int]] = {}
            by_prefix: dict[str, list[int]] = {}
            for line, (form, prefix) in zip(self.lines, self._lexicon_forms(), strict=True):
                if line.is_blank:
                    continue
                by_form.setdefault(form, []).append(line.number)
                if prefix is not None:
                    by_prefix.setdefault(prefix, []).append(line.number)
            index = self.cache["lexicon_index"] = (by_form, by_prefix)
        return index

    def removed_by(self, number: int) -> str | None:
        """The code of the rule that removed line ``number``, if any."""
        return self._removed.get(number)

    def live_lines(self) -> list[Line]:
        """Non-blank lines that no rule has removed, in input order (do not mutate)."""
        cached = self.cache.get("live")
        if cached is None or cached[0] != len(self._removed):
            removed = self._removed
            cached = (len(removed), [line for line in self.lines if line.stripped and line.number not in removed])
            self.cache["live"] = cached
        live: list[Line] = cached[1]
        return live

    @cached_property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    def group(self, numbers: Iterable[int]) -> Iterator[tuple[int, int]]:
        """Split line numbers into ranges with no other live line inside.

        Blank lines between two chosen lines join their range, so one removal
        covers a whole block; a live line that was not chosen, or a line some
        earlier rule removed, splits it.
        """
        chosen = sorted(set(numbers))
        if not chosen:
            return
        start = prev = chosen[0]
        for number in chosen[1:]:
            gap = range(prev + 1, number)
            if any(not self.lines[n - 1].is_blank for n in gap):
                yield start, prev
                start = number
            prev = number
        yield start, prev

    def span_text(self, start: int, end: int) -> str:
        return "\n".join(line.text for line in self.lines[start - 1 : end])

    def apply(self, removal: Removal) -> None:
        """Mark a removal's non-blank lines removed; overlapping a removal is a bug."""
        for number in range(removal.start, removal.end + 1):
            if self.lines[number - 1].is_blank:
                continue
            if number in self._removed:
                raise OverlappingRemovalError(
                    f"{removal.code} removes line {number}, already removed by {self._removed[number]}"
                )
            self._removed[number] = removal.code

    def kept_lines(self) -> tuple[list[str], list[int]]:
        """The output's lines (trailing whitespace stripped, blank runs folded) and their input numbers."""
        out: list[str] = []
        numbers: list[int] = []
        for line in self.lines:
            if line.number in self._removed:
                continue
            text = line.text.rstrip()
            if not text and (not out or not out[-1]):
                continue
            out.append(text)
            numbers.append(line.number)
        while out and not out[-1]:
            out.pop()
            numbers.pop()
        return out, numbers

    def kept_text(self) -> str:
        """Kept lines, trailing whitespace stripped, blank runs folded, one final newline."""
        out, _ = self.kept_lines()
        return "\n".join(out) + "\n" if out else ""
