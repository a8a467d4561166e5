"""What a run returns: the clean text and every removal that made it.

Plain classes with slots, frozen and compared by value, as frozen dataclasses would be:
importing ``dataclasses`` (and ``inspect`` with it) costs about 12 ms, an eighth of the
command's start-up.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import starmap
from typing import Any, NoReturn, cast


class Removal:
    """Lines ``start``..``end`` (1-based, inclusive) of the input, removed by one rule."""

    __slots__ = ("code", "end", "name", "start", "text")

    code: str
    name: str
    start: int
    end: int
    text: str

    def __init__(self, code: str, name: str, start: int, end: int, text: str) -> None:
        # A page makes dozens of removals: the slots are set through their descriptors,
        # three times faster than a loop of object.__setattr__ calls.
        _set_code(self, code)
        _set_name(self, name)
        _set_start(self, start)
        _set_end(self, end)
        _set_text(self, text)

    def _key(self) -> tuple[str, str, int, int, str]:
        return (self.code, self.name, self.start, self.end, self.text)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"cannot assign to field {name!r}: a Removal is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is Removal and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Removal(code={self.code!r}, name={self.name!r}, start={self.start!r}, end={self.end!r}, text={self.text!r})"

    def __reduce__(self) -> tuple[type[Removal], tuple[str, str, int, int, str]]:
        # Pickle (multiprocessing, Ray) rebuilds through __init__: its slots refuse setattr.
        return Removal, self._key()

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "lines": [self.start, self.end], "text": self.text}


_set_code, _set_name, _set_start, _set_end, _set_text = (
    Removal.__dict__[field].__set__ for field in ("code", "name", "start", "end", "text")
)


class Result:
    """The clean text and every removal that produced it, sorted by line.

    ``input_format`` is how the input was read, "markdown", "nodes" (one text node a line)
    or "text", detected or as the caller said; ``blank_separated`` is False for a text with no blank lines between its
    blocks (one block or one text node a line).
    """

    __slots__ = ("_core_removals", "_removals", "_text", "_utf8", "blank_separated", "input_format")

    input_format: str
    blank_separated: bool
    _removals: tuple[Removal, ...] | None
    _core_removals: Sequence[tuple[str, str, int, int, str]]
    _text: str | None
    _utf8: bytes | None

    def __init__(
        self, text: str, removals: tuple[Removal, ...], input_format: str = "text", blank_separated: bool = True
    ) -> None:
        _set_result_text(self, text)
        _set_utf8(self, None)
        _set_removals(self, removals)
        _set_core_removals(self, ())
        _set_input_format(self, input_format)
        _set_blank_separated(self, blank_separated)

    @classmethod
    def from_core(
        cls,
        text: str | bytes,
        removals: Sequence[tuple[str, str, int, int, str]],
        input_format: str,
        blank_separated: bool,
    ) -> Result:
        """A result whose removals, as the core gave them, become :class:`Removal` objects only
        when asked for: a corpus run or :func:`cleaner.clean` reads the text alone. A text in
        UTF-8 bytes becomes a ``str`` only when read (the command writes the bytes)."""
        result = cls("", (), input_format, blank_separated)
        if isinstance(text, bytes):
            _set_result_text(result, None)
            _set_utf8(result, text)
        else:
            _set_result_text(result, text)
        _set_removals(result, None)
        _set_core_removals(result, removals)
        return result

    @property
    def text(self) -> str:
        """The clean text."""
        text = self._text
        if text is None:
            text = str(cast(bytes, self._utf8), "utf-8")
            _set_result_text(self, text)
        return text

    @property
    def utf8(self) -> bytes:
        """The clean text in UTF-8, as the core wrote it when it cleaned bytes (no copy made)."""
        return self._utf8 if self._utf8 is not None else self.text.encode("utf-8")

    @property
    def removals(self) -> tuple[Removal, ...]:
        """Every removal, sorted by line."""
        removals = self._removals
        if removals is None:
            removals = tuple(starmap(Removal, self._core_removals))
            _set_removals(self, removals)
            _set_core_removals(self, ())
        return removals

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"cannot assign to field {name!r}: a Result is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is Result and (self.text, self.removals) == (other.text, other.removals)

    def __hash__(self) -> int:
        return hash((self.text, self.removals))

    def __repr__(self) -> str:
        return f"Result(text={self.text!r}, removals={self.removals!r})"

    def __reduce__(self) -> tuple[type[Result], tuple[str, tuple[Removal, ...], str, bool]]:
        # Pickle (multiprocessing, Ray) rebuilds through __init__: its slots refuse setattr.
        return Result, (self.text, self.removals, self.input_format, self.blank_separated)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "removals": [r.to_dict() for r in self.removals],
            "input_format": self.input_format,
            "blank_separated": self.blank_separated,
        }


_set_result_text, _set_utf8, _set_removals, _set_core_removals, _set_input_format, _set_blank_separated = (
    Result.__dict__[field].__set__
    for field in ("_text", "_utf8", "_removals", "_core_removals", "input_format", "blank_separated")
)
