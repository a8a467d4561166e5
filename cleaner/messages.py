"""How one-line messages name inputs and count things, in every mode.

A message is one line on stderr (``cleaner: NAME: PROBLEM``), so a name is
shown with its control characters (a newline in a file name) and the bytes
that are not UTF-8 (a Latin-1 file name on a UTF-8 system) escaped, and the
line stays one line and valid UTF-8.
"""

from __future__ import annotations

import os

STDIN_NAME = "<stdin>"
STDOUT_NAME = "<stdout>"


def display_name(name: str) -> str:
    """``name`` fit for a one-line message: "-" is ``<stdin>``; what would break the line is escaped.

    >>> display_name("a\\nb.txt"), display_name(os.fsdecode(b"caf\\xe9.txt"))
    ('a\\\\nb.txt', 'caf\\\\xe9.txt')
    """
    if name == "-":
        return STDIN_NAME
    # Undecodable bytes of a file name arrive as surrogate escapes (PEP 383): back to bytes, then \xNN.
    text = os.fsencode(name).decode("utf-8", "backslashreplace")
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


def plural(count: int, noun: str) -> str:
    """``count`` and ``noun``, in the plural unless the count is one: "1 error", "2,000 records"."""
    return f"{count:,} {noun}" if count == 1 else f"{count:,} {noun}s"
