"""Per-document language guess, used to pick the stoplist of the fallback."""

from __future__ import annotations

from collections import Counter

from cleaner.adapters import justext_stats

DEFAULT_LANGUAGE = "English"
# Languages whose jusText stoplists are compared; more stoplists cost time on
# every document, so this is the set the benchmarks and issue #8 call for.
CANDIDATES = (
    "English",
    "German",
    "French",
    "Spanish",
    "Italian",
    "Portuguese",
    "Dutch",
    "Polish",
    "Russian",
    "Indonesian",
    "Czech",
    "Swedish",
    "Danish",
    "Norwegian_Bokmal",
    "Turkish",
    "Hungarian",
    "Korean",
    "Arabic",
)
# Below this many stopword hits a guess is noise: fall back to English.
MIN_STOPWORD_HITS = 5


def guess_stoplist_language(text: str) -> str:
    """The jusText stoplist with the most stopword hits in ``text``."""
    counts = Counter(text.lower().split())
    best, best_hits = DEFAULT_LANGUAGE, 0
    for language in CANDIDATES:
        stops = justext_stats.stoplist(language)
        hits = sum(n for word, n in counts.items() if word in stops)
        if hits > best_hits:
            best, best_hits = language, hits
    return best if best_hits >= MIN_STOPWORD_HITS else DEFAULT_LANGUAGE
