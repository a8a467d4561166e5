"""Types of ``cleaner._core``, the compiled core (``crates/cleaner_py``).

A removal is ``(code, name, start, end, text)``: 1-based, inclusive input lines.
"""

from typing import TypedDict

_Removal = tuple[str, str, int, int, str]

class _RuleRow(TypedDict):
    code: str
    name: str
    doc: str
    line_local: bool
    position: bool
    ends_body: bool

UNICODE_VERSION: str

def explain(
    text: str, codes: list[str], keep_headline: bool = True, headline: str | None = None
) -> tuple[str, list[_Removal]]:
    """Clean one text with the rules given by code, in pipeline order: (clean text, removals)."""

def explain_batch(texts: list[str], codes: list[str], keep_headline: bool = True) -> list[tuple[str, list[_Removal]]]:
    """Clean many texts in one call, without the GIL."""

def rule_table() -> list[_RuleRow]:
    """Every rule's metadata, in pipeline order."""

def fingerprint(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a line, for comparing lines."""
