"""Types of ``cleaner._core``, the compiled core (``crates/cleaner_py``).

A removal is ``(code, name, start, end, text)``: 1-based, inclusive input lines.
"""

from collections.abc import Sequence
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

_Outcome = tuple[str, list[_Removal], bool, bool, bool]

def explain(
    text: str,
    codes: list[str],
    keep_headline: bool = True,
    headline: str | None = None,
    input_format: str = "auto",
) -> _Outcome:
    """Clean one text with the rules given by code, in pipeline order: (clean text, removals,
    read as markdown, blank lines between blocks, read as one text node a line).

    ``input_format``: "auto" (detect), "markdown", "text" or "nodes" (one text node a line)."""

_Utf8Outcome = tuple[bytes, list[_Removal], bool, bool, bool]

def explain_utf8(
    data: bytes,
    codes: list[str],
    keep_headline: bool = True,
    headline: str | None = None,
    input_format: str = "auto",
) -> _Utf8Outcome:
    """``explain`` on UTF-8 bytes, with the clean text as UTF-8 bytes. Bytes that are not
    UTF-8 raise ValueError with the offset of the first bad byte as its argument."""

def clean_records(
    lines: Sequence[bytes],
    field: str,
    codes: list[str],
    keep_headline: bool = True,
    input_format: str = "auto",
    sniff_html: bool = True,
    visible_output: bool = False,
) -> list[tuple[bytes, int, int] | None]:
    """Corpus mode's fast path: each JSON Lines record with its text ``field`` cleaned in
    place, as (line to write, field bytes in, bytes removed), or None where corpus mode must
    take the record itself. One call without the GIL."""

def detect_layout(text: str) -> tuple[bool, bool]:
    """The layout of a text: (markdown, blank lines between blocks)."""

def visible_text(text: str) -> str:
    """A markdown text's visible lines: link text without URLs, no image, emphasis, heading or table syntax."""

def rule_table() -> list[_RuleRow]:
    """Every rule's metadata, in pipeline order."""

def fingerprint(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form of a line, for comparing lines."""

def word_count(text: str) -> int:
    """Whitespace words, with runs of CJK characters counted as words of two characters."""
