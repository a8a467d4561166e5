"""jusText's paragraph classification applied to text lines.

jusText classifies HTML paragraphs by length, stopword density and link
density, then revises short ones by their neighbours. Here a paragraph is a
text line: it has no links and no DOM path, so only length, stopwords and
context count.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache, lru_cache

import justext  # type: ignore[import-untyped]
from justext.core import classify_paragraphs, revise_paragraph_classification  # type: ignore[import-untyped]

# jusText's own defaults (justext.core.LENGTH_LOW_DEFAULT and friends).
LENGTH_LOW = 70  # characters: below this a paragraph is "short"
LENGTH_HIGH = 200  # characters: above this a stopword-rich paragraph is "good"
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32


class _LineParagraph:
    """The part of ``justext.paragraph.Paragraph`` the classifier reads."""

    dom_path = ""
    xpath = ""
    chars_count_in_links = 0
    is_heading = False

    def __init__(self, text: str, heading: bool) -> None:
        self.text = " ".join(text.split())
        self.is_heading = heading
        self.words_count = len(self.text.split())
        self.class_type = ""
        self.cf_class = ""
        self.heading = heading

    def __len__(self) -> int:
        return len(self.text)

    def stopwords_density(self, stopwords: frozenset[str]) -> float:
        if not self.words_count:
            return 0.0
        return sum(word.lower() in stopwords for word in self.text.split()) / self.words_count

    def links_density(self) -> float:
        return 0.0


@cache
def stoplist(language: str) -> frozenset[str]:
    """jusText's stoplist for a language name such as ``"English"`` (loaded once)."""
    return frozenset(justext.get_stoplist(language))


@lru_cache(maxsize=1)
def languages() -> tuple[str, ...]:
    return tuple(sorted(justext.get_stoplists()))


def stopword_density(text: str, language: str) -> float:
    words = text.lower().split()
    if not words:
        return 0.0
    stops = stoplist(language)
    return sum(word in stops for word in words) / len(words)


def classify(texts: Sequence[str], language: str, headings: Sequence[bool] | None = None) -> list[str]:
    """jusText's final class (``"good"`` or ``"bad"``) for each line, context revised."""
    flags = headings if headings is not None else [False] * len(texts)
    paragraphs = [_LineParagraph(t, h) for t, h in zip(texts, flags, strict=True)]
    classify_paragraphs(
        paragraphs,
        stoplist(language),
        length_low=LENGTH_LOW,
        length_high=LENGTH_HIGH,
        stopwords_low=STOPWORDS_LOW,
        stopwords_high=STOPWORDS_HIGH,
    )
    revise_paragraph_classification(paragraphs)
    return [p.class_type for p in paragraphs]
