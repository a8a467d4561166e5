"""A page's language, told by which jusText stoplist its words hit most.

jusText ships a stoplist for each of about 100 languages, most frequent word
first. The detector counts the page's words in the head of each list and
names the list with the most hits, or None when too few words hit any list
(Chinese and Japanese, written without spaces; a page of numbers). A page of
mixed languages gets its majority language.

The stoplists are read on first use from jusText's data files, without
importing jusText (and lxml), so a text-mode run pays about 0.1 s once and
about 1.2 ms a page (``benchmarks/language.py``). Measured on trafilatura-dev (519 pages, 11 languages,
labels in ``segments.json``): the right language on 513 pages; the two
Chinese and Japanese pages come out as None; four German pages, heavy with
names and foreign words, come out as another language.

Corpus mode's ``--language-field`` reports it for each record. No rule reads
it: a stopword-share prose test from the page's stoplist was measured as the
body search's fallback signal (for short lines, list items and lines without a
sentence end) and lowered F1 on both dev sets in every form tried, so the
rules stay language-independent and every lexicon applies to every page; a
page in a language without a stoplist (None) loses nothing. Accuracy per
language: ``python3 benchmarks/language.py``.
"""

from __future__ import annotations

import importlib.util
import re
from collections import Counter
from functools import cache
from pathlib import Path

# Words taken from the head of each stoplist. The full lists range from about
# 200 to 13,000 words, and a long list wins on hits alone (full lists: 506 of 519
# trafilatura-dev pages right, Polish's 3,570 words taking German pages); the
# head of each: 50 words 511, 100 509, 200 512, 300 513, 500 511.
STOPLIST_HEAD = 300
# Below this share of a page's words in its best stoplist, the language is unknown
# (measured: 0.0 on the Chinese and Japanese pages, at least 0.108 on every page
# detected right).
MIN_STOPWORD_SHARE = 0.05
# Letters only: digits and underscores are in no stoplist.
_WORD = re.compile(r"[^\W\d_]+")


def _stoplist_dir() -> Path:
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("justext is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "stoplists"


@cache
def languages() -> tuple[str, ...]:
    """jusText's stoplist names ("English", "German", ...), sorted."""
    return tuple(sorted(path.stem for path in _stoplist_dir().glob("*.txt")))


@cache
@cache
def _index() -> dict[str, tuple[int, ...]]:
    """Word -> indices in :func:`languages` of the stoplists whose head holds it."""
    index: dict[str, list[int]] = {}
    for i, language in enumerate(languages()):
        words = _stoplist_dir().joinpath(f"{language}.txt").read_text("utf-8").lower().split()
        for word in list(dict.fromkeys(words))[:STOPLIST_HEAD]:
            index.setdefault(word, []).append(i)
    return {word: tuple(indices) for word, indices in index.items()}


def detect(text: str) -> str | None:
    """The stoplist name of ``text``'s language, or None when no stoplist fits."""
    words = Counter(_WORD.findall(text.lower()))
    total = sum(words.values())
    if not total:
        return None
    index = _index()
    hits = [0] * len(languages())
    for word, count in words.items():
        for i in index.get(word, ()):
            hits[i] += count
    best = max(range(len(hits)), key=hits.__getitem__)
    if hits[best] < MIN_STOPWORD_SHARE * total:
        return None
    return languages()[best]
