"""What a run returns: the clean text and every removal that made it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


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
