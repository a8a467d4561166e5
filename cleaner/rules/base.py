"""The Rule base class: a named, coded finder of chrome lines."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Container, Iterable, Iterator, Set
from typing import ClassVar

from cleaner import lexicon, prefilter
from cleaner.document import Document, Line, Removal


class Rule:
    """Base of every rule: subclasses set ``code`` and ``name`` and implement :meth:`find`.

    The docstring's first line is the summary ``cleaner --list-rules`` prints;
    its ``Removed:`` and ``Kept:`` sections are run through the rule by a test.
    """

    code: ClassVar[str]
    name: ClassVar[str]
    #: Retired rules stay registered (codes are never reused) but never run.
    retired: ClassVar[bool] = False
    #: True if the rule decides each line from that line's text alone (no neighbours, no
    #: position): it then finds nothing in its own output, and later passes skip it.
    line_local: ClassVar[bool] = False

    def find(self, doc: Document) -> Iterator[Removal]:
        raise NotImplementedError

    def in_lexicon(self, doc: Document, line: Line) -> bool:
        """True if the line is one of this rule's phrases in any language's lexicon."""
        return line.number in doc.phrase_hits(lexicon.phrases(self.name))

    def removal(self, doc: Document, start: int, end: int | None = None) -> Removal:
        end = start if end is None else end
        return Removal(self.code, self.name, start, end, doc.span_text(start, end))

    def removals(self, doc: Document, numbers: Iterable[int]) -> Iterator[Removal]:
        """One removal per block of the given lines (see :meth:`Document.group`)."""
        for start, end in doc.group(numbers):
            yield self.removal(doc, start, end)

    # -- documentation -------------------------------------------------------

    @classmethod
    def summary(cls) -> str:
        return (cls.__doc__ or "").strip().splitlines()[0]

    @classmethod
    def doc(cls) -> str:
        return textwrap.dedent("\n".join((cls.__doc__ or "").splitlines()[1:])).strip()

    @classmethod
    def examples(cls) -> list[tuple[str, str]]:
        """The docstring's examples as ``(section, text)`` pairs.

        A section is a ``Removed:`` or ``Kept:`` line followed by one indented
        example text. In a ``Removed:`` example every line is expected to go
        except lines marked ``= ``, which are context the rule must keep.
        """
        found: list[tuple[str, list[str]]] = []
        body: list[str] | None = None
        for raw in cls.doc().splitlines():
            if raw and not raw[0].isspace():
                section = raw.strip().rstrip(":")
                body = [] if section in ("Removed", "Kept") else None
                if body is not None:
                    found.append((section, body))
            elif body is not None:
                body.append(raw)
        return [(section, textwrap.dedent("\n".join(body)).strip("\n")) for section, body in found]


# A prompt addresses the reader in a sentence or two; longer lines are article prose.
MAX_PROMPT_WORDS = 30
MAX_PROMPT_CHARS = 300  # a cheap bound checked before counting words
# A button, label or menu entry is short; the lexicon's longest phrase is shorter still.
MAX_LABEL_CHARS = 160


class PatternRule(Rule):
    """Removes lines its ``pattern`` matches in full, its lexicon holds, or short
    lines in which its ``prompt`` pattern (a sentence addressing the reader) is found."""

    line_local = True
    pattern: ClassVar[re.Pattern[str]]
    prompt: ClassVar[re.Pattern[str] | None] = None
    #: Longer lines are never a button or label: the pattern and lexicon skip them.
    max_chars: ClassVar[int] = MAX_LABEL_CHARS

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        for pattern in (cls.__dict__.get("pattern"), cls.__dict__.get("prompt")):
            if pattern is not None:
                prefilter.indexed(pattern)

    def find(self, doc: Document) -> Iterator[Removal]:
        pattern, prompt, max_chars = self.pattern, self.prompt, self.max_chars
        phrases = doc.phrase_hits(lexicon.phrases(self.name))
        may_be_label = doc.may_match(pattern)
        may_be_prompt = doc.may_match(prompt) if prompt is not None else frozenset[int]()
        for line in _lines_in(doc, phrases, may_be_label, may_be_prompt):
            number, text = line.number, line.stripped
            is_label = len(text) <= max_chars and (
                number in phrases or (number in may_be_label and pattern.fullmatch(text) is not None)
            )
            is_prompt = (
                number in may_be_prompt
                and prompt is not None
                and is_prompt_sized(text)
                and prompt.search(text) is not None
            )
            if is_label or is_prompt:
                yield self.removal(doc, number)


def is_prompt_sized(text: str) -> bool:
    """Short enough to be a prompt: MAX_PROMPT_CHARS and MAX_PROMPT_WORDS at most."""
    return len(text) <= MAX_PROMPT_CHARS and len(text.split()) <= MAX_PROMPT_WORDS


def _lines_in(doc: Document, *numbers: Container[int]) -> list[Line]:
    """The live lines whose number is in any of ``numbers``, in order (every live line if
    one of them is ``EVERY_LINE``)."""
    sets = [group for group in numbers if isinstance(group, Set)]
    if len(sets) < len(numbers):
        return doc.live_lines()
    chosen = set[int]().union(*sets)
    return [doc.line(number) for number in sorted(chosen) if doc.is_live(number)]
