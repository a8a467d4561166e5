"""What a run returns: the clean text and every removal that made it.

Plain classes with slots, frozen and compared by value, as frozen dataclasses would be:
importing ``dataclasses`` (and ``inspect`` with it) costs about 12 ms, an eighth of the
command's start-up.
"""

from __future__ import annotations

from typing import Any, NoReturn


class Removal:
    """Lines ``start``..``end`` (1-based, inclusive) of the input, removed by one rule."""

    __slots__ = ("code", "end", "name", "start", "text")

    code: str
    name: str
    start: int
    end: int
    text: str

    def __init__(self, code: str, name: str, start: int, end: int, text: str) -> None:
        for field, value in (("code", code), ("name", name), ("start", start), ("end", end), ("text", text)):
            object.__setattr__(self, field, value)

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

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "name": self.name, "lines": [self.start, self.end], "text": self.text}


class Result:
    """The clean text and every removal that produced it, sorted by line.

    ``input_format`` is how the input was read, "markdown", "nodes" (one text node a line)
    or "text", detected or as the caller said; ``blank_separated`` is False for a text with no blank lines between its
    blocks (one block or one text node a line).
    """

    __slots__ = ("blank_separated", "input_format", "removals", "text")

    text: str
    removals: tuple[Removal, ...]
    input_format: str
    blank_separated: bool

    def __init__(
        self, text: str, removals: tuple[Removal, ...], input_format: str = "text", blank_separated: bool = True
    ) -> None:
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "removals", removals)
        object.__setattr__(self, "input_format", input_format)
        object.__setattr__(self, "blank_separated", blank_separated)

    def __setattr__(self, name: str, value: object) -> NoReturn:
        raise AttributeError(f"cannot assign to field {name!r}: a Result is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is Result and (self.text, self.removals) == (other.text, other.removals)

    def __hash__(self) -> int:
        return hash((self.text, self.removals))

    def __repr__(self) -> str:
        return f"Result(text={self.text!r}, removals={self.removals!r})"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "removals": [r.to_dict() for r in self.removals],
            "input_format": self.input_format,
            "blank_separated": self.blank_separated,
        }
