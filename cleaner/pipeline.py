"""Runs rules over a document in order; each line is removed at most once.

The rules are run again on their own output until a pass removes nothing, so
that cleaning is idempotent: ``clean(clean(x)) == clean(x)``. One pass is not
always a fixed point, because the position rules read the whole page: once a
chrome line is gone, the densest prose run can move (a date stamp that split
two runs), and once the headline is gone (body-only mode) the lines between
it and the body stand above the article. Every pass after the first is a
confirming pass on the output, which finds nothing on almost every page; it
skips the line-local rules (``Rule.line_local``), which found every line of
theirs in the first pass.
"""

from __future__ import annotations

from collections.abc import Sequence

from cleaner.document import Document, Removal, Result
from cleaner.rules.base import Rule

# A bound on the passes, so that time stays linear in the input whatever it holds: each
# pass removes at least one line, and no dev page needed more than three passes (two that
# remove, one that confirms). A text that needed more would come out after five passes,
# not idempotent; none is known.
MAX_PASSES = 5


def run(text: str, rules: Sequence[type[Rule]], *, keep_headline: bool = True, headline: str | None = None) -> Result:
    """Apply ``rules`` to ``text`` until a pass removes nothing; every removal is recorded.

    Each rule sees the lines the rules before it left, with their original
    numbers; its removals are applied only after it has looked at the whole
    document, so a rule never sees half of its own work. Removals of later
    passes are mapped back to the input's line numbers.
    """
    doc = Document.from_text(text, keep_headline=keep_headline, headline=headline)
    removals = _one_pass(doc, rules)
    contextual = [rule for rule in rules if not rule.line_local]
    for _ in range(MAX_PASSES - 1):
        if not removals:
            break
        # The next pass reads exactly what this one wrote (doc.kept_text()), as a second run would.
        kept, numbers = doc.kept_lines()
        again = Document.from_text("\n".join(kept) + "\n", keep_headline=keep_headline, headline=headline)
        later = _one_pass(again, contextual)
        if not later:
            break
        for removal in later:
            lines = (n for n in numbers[removal.start - 1 : removal.end] if not doc.line(n).is_blank)
            for start, end in doc.group(lines):
                moved = Removal(removal.code, removal.name, start, end, doc.span_text(start, end))
                doc.apply(moved)
                removals.append(moved)
    removals.sort(key=lambda r: r.start)
    return Result(doc.kept_text(), tuple(removals))


def _one_pass(doc: Document, rules: Sequence[type[Rule]]) -> list[Removal]:
    removals: list[Removal] = []
    for rule in rules:
        found = list(rule().find(doc))
        for removal in found:
            doc.apply(removal)
        removals.extend(found)
    return removals
