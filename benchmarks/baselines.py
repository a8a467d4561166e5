"""Reference systems for the quality benchmark (raw-text and HTML baselines).

* :func:`c4_filter` -- the line filters of the C4 corpus (T5 paper, Raffel et
  al. 2020, section 2.2), applied to raw scraped text.
* :func:`justext_lines` -- jusText's paragraph classifier run over raw text,
  one paragraph per non-empty line (no HTML, so no link density, headings or
  DOM paths).
* :func:`justext_html` -- jusText on the page HTML.
* :func:`best_stoplist`, :func:`union_stoplist`, :func:`english_stoplist` --
  the stoplists the dataset READMEs prescribe.

The settings (C4's end marks, jusText's thresholds in :data:`JUSTEXT_PARAMS`)
are the ones that reproduce the reference rows of the dataset READMEs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

import justext
from justext.core import classify_paragraphs, revise_paragraph_classification
from justext.utils import normalize_whitespace

# --------------------------------------------------------------------------
# C4 line filters
# --------------------------------------------------------------------------

#: A kept line must end in one of these: period, exclamation mark, question
#: mark, or a closing quote (straight, as in C4's code, or typographic).
C4_END_MARKS: tuple[str, ...] = (".", "!", "?", '"', "”")
#: ... but not in an ellipsis (C4's code drops those lines too).
C4_ELLIPSIS = "..."
#: A kept line must have at least this many whitespace-separated words.
C4_MIN_WORDS = 5
#: Lines containing any of these (lower-cased) are dropped (C4's code lists the policy strings).
C4_BAD_SUBSTRINGS: tuple[str, ...] = (
    "javascript",
    "terms of use",
    "privacy policy",
    "cookie policy",
    "uses cookies",
    "use of cookies",
    "use cookies",
)


def c4_keep_line(line: str) -> bool:
    """True if ``line`` (already stripped) passes the C4 line filters."""
    if not line.endswith(C4_END_MARKS) or line.endswith(C4_ELLIPSIS):
        return False
    if len(line.split()) < C4_MIN_WORDS:
        return False
    lower = line.lower()
    return not any(bad in lower for bad in C4_BAD_SUBSTRINGS)


def c4_filter(text: str) -> str:
    """Keep the lines of ``text`` that pass the C4 line filters.

    Only the line-level rules are applied: a line is kept if, once stripped,
    it ends in ``. ! ? "`` or ``”`` but not in ``...``, has at least 5
    words and mentions neither "javascript" nor a cookie/terms/privacy policy.
    C4's page-level rules (drop pages with fewer than 3 sentences, with
    "lorem ipsum", with a "{" or with a bad word) are deliberately *not*
    applied: they would only turn some outputs empty, which measures page
    filtering, not chrome removal. Kept lines are returned stripped and
    joined by newlines. These choices reproduce the reference rows of both
    dataset READMEs.
    """
    lines = (line.strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if c4_keep_line(line))


# --------------------------------------------------------------------------
# stoplists
# --------------------------------------------------------------------------

_WORD = re.compile(r"\w+")


@cache
def stoplist(name: str) -> frozenset[str]:
    """jusText's stoplist ``name`` (e.g. "English"), lower-cased."""
    return frozenset(w.lower() for w in justext.get_stoplist(name))


def english_stoplist() -> frozenset[str]:
    """jusText's English stoplist."""
    return stoplist("English")


@cache
def union_stoplist() -> frozenset[str]:
    """The union of all of jusText's stoplists (for pages of any language)."""
    return frozenset().union(*(stoplist(name) for name in sorted(justext.get_stoplists())))


def best_stoplist(text: str) -> frozenset[str]:
    """The jusText stoplist with the most stopword hits in ``text``.

    Hits are counted over the lower-cased ``\\w+`` words of the text (each
    occurrence counts); ties go to the alphabetically first stoplist name.
    """
    counts = Counter(w.lower() for w in _WORD.findall(text))

    def hits(name: str) -> int:
        words = stoplist(name)
        return sum(n for w, n in counts.items() if w in words)

    return stoplist(max(sorted(justext.get_stoplists()), key=hits))


# --------------------------------------------------------------------------
# jusText
# --------------------------------------------------------------------------

#: jusText's thresholds for both baselines: "short" below 50 characters, lower
#: stopword densities than jusText's defaults, no heading rescue. With them
#: the READMEs' reference rows are reproduced exactly (jusText's defaults give
#: a different row); they look like the arguments of trafilatura's evaluation
#: scripts.
JUSTEXT_PARAMS: dict[str, Any] = {
    "length_low": 50,
    "length_high": 200,
    "stopwords_low": 0.1,
    "stopwords_high": 0.2,
    "max_link_density": 0.2,
    "no_headings": True,
}
#: Passed to ``revise_paragraph_classification`` (jusText's default).
JUSTEXT_MAX_HEADING_DISTANCE = 200


@dataclass
class LineParagraph:
    """A raw-text line posing as a :class:`justext.paragraph.Paragraph`.

    Carries exactly what ``classify_paragraphs`` and
    ``revise_paragraph_classification`` read or write. Raw text has no
    markup, so there are no links, headings or DOM path.
    """

    text: str
    dom_path: str = ""
    chars_count_in_links: int = 0
    is_heading: bool = False
    heading: bool = False
    cf_class: str = ""
    class_type: str = ""

    def __len__(self) -> int:
        return len(self.text)

    @property
    def words_count(self) -> int:
        return len(self.text.split())

    def stopwords_density(self, stopwords: frozenset[str]) -> float:
        words = self.text.split()
        if not words:
            return 0.0
        return sum(w.lower() in stopwords for w in words) / len(words)

    def links_density(self) -> float:
        return 0.0


def line_paragraphs(text: str) -> list[LineParagraph]:
    """One paragraph per non-empty line of ``text``, whitespace-normalised."""
    lines = (normalize_whitespace(line.strip()) for line in text.split("\n"))
    return [LineParagraph(line) for line in lines if line]


def justext_lines(text: str, stopwords: frozenset[str]) -> str:
    """jusText's classifier over raw text; the good lines joined by newlines.

    Classification is context-free first (:data:`JUSTEXT_PARAMS`), then
    revised with the neighbouring lines, exactly as for HTML paragraphs.
    """
    paragraphs = line_paragraphs(text)
    classify_paragraphs(paragraphs, stopwords, **JUSTEXT_PARAMS)
    revise_paragraph_classification(paragraphs, JUSTEXT_MAX_HEADING_DISTANCE)
    return "\n".join(p.text for p in paragraphs if p.class_type == "good")


def justext_html(html: str | bytes, stopwords: frozenset[str]) -> str:
    """jusText on a page's HTML (:data:`JUSTEXT_PARAMS`); the good paragraphs joined by newlines."""
    paragraphs = justext.justext(html, stopwords, max_heading_distance=JUSTEXT_MAX_HEADING_DISTANCE, **JUSTEXT_PARAMS)
    return "\n".join(p.text for p in paragraphs if not p.is_boilerplate)
