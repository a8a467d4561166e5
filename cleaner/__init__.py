"""cleaner: strip site chrome from scraped article text, explaining every removal.

>>> import cleaner
>>> cleaner.clean("Open in App\\nThe talks ended on Sunday with a joint statement.\\n")
'The talks ended on Sunday with a joint statement.\\n'
"""

from __future__ import annotations

from collections.abc import Iterable

from cleaner import pipeline, registry
from cleaner.document import Removal, Result
from cleaner.errors import CleanerError, UnknownRuleError

__all__ = ["CleanerError", "Removal", "Result", "UnknownRuleError", "clean", "explain"]
__version__ = "0.1.0"


def explain(text: str, *, keep_headline: bool = True, select: Iterable[str] = (), ignore: Iterable[str] = ()) -> Result:
    """Clean ``text`` and return the clean text with every removal that made it.

    ``keep_headline=False`` also removes the headline and standfirst, leaving
    the article body alone. ``select``/``ignore`` take rule codes or names.
    """
    rules = registry.active_rules(select, ignore)
    return pipeline.run(text, rules, keep_headline=keep_headline)


def clean(text: str, *, keep_headline: bool = True) -> str:
    """The article in ``text``: headline, standfirst and body (or the body alone)."""
    return explain(text, keep_headline=keep_headline).text
