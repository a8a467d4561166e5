"""Runs rules over a document in order; each line is removed at most once."""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.document import Document, Result
from cleaner.rules.base import Rule


def run(text: str, rules: Sequence[type[Rule]], *, keep_headline: bool = True, headline: str | None = None) -> Result:
    """Apply ``rules`` to ``text``; every removal is recorded in the result.

    Each rule sees the lines the rules before it left, with their original
    numbers; its removals are applied only after it has looked at the whole
    document, so a rule never sees half of its own work.
    """
    doc = Document.from_text(text, keep_headline=keep_headline, headline=headline)
    removals = []
    for rule in rules:
        found = list(rule().find(doc))
        for removal in found:
            doc.apply(removal)
        removals.extend(found)
    removals.sort(key=lambda r: r.start)
    return Result(doc.kept_text(), tuple(removals))
