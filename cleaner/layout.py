"""Where the article sits in a page: its body region and its headline block.

The body is the run of lines with the most prose in it, found as a maximum
sum sub-sequence (the idea of Finn et al.'s Body Text Extraction, 2001, over
lines instead of HTML tags): prose lines add their word count, other lines
subtract a small penalty, and lines that rules already removed as chrome
subtract more, so the run stops at chrome blocks. The headline block is the
one or two title-like lines right above the body.

The analysis reads the lines that are still live when a heuristic rule first
asks for it, and is cached on the document.
"""

from __future__ import annotations

from dataclasses import dataclass

from cleaner.adapters import justext_stats
from cleaner.document import Document, Line
from cleaner.language import guess_stoplist_language
from cleaner.text import ends_like_sentence, title_case_ratio, word_count

# A line of at least this many words that ends like a sentence is prose.
MIN_SENTENCE_WORDS = 8
# A line of at least this many words is prose however it ends (lists, quotes).
MIN_PARAGRAPH_WORDS = 25
# A title-case line (most words capitalised) is a headline, not prose.
MAX_PROSE_TITLE_CASE = 0.6
# Cost of a live non-prose line inside the body (a subheading costs this much).
NON_PROSE_PENALTY = 3.0
# Cost of a line a rule removed as chrome: blocks of them end the body.
CHROME_PENALTY = 6.0
# The headline block: at most this many lines right above the body.
MAX_HEADER_LINES = 2
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_WORDS = 40


@dataclass(frozen=True, slots=True)
class Layout:
    language: str
    #: First and last line numbers of the body, or None if nothing is prose.
    body: tuple[int, int] | None
    #: Headline (and standfirst) line numbers, top first.
    header: tuple[int, ...]
    #: jusText's context-revised class ("good"/"bad") of every live line.
    classes: dict[int, str]

    @property
    def article_start(self) -> int | None:
        if self.header:
            return self.header[0]
        return self.body[0] if self.body else None

    def in_article(self, number: int) -> bool:
        start = self.article_start
        return self.body is not None and start is not None and start <= number <= self.body[1]


def is_prose(line: Line) -> bool:
    text = line.stripped
    words = word_count(text)
    if words >= MIN_PARAGRAPH_WORDS:
        return True
    return words >= MIN_SENTENCE_WORDS and ends_like_sentence(text) and title_case_ratio(text) < MAX_PROSE_TITLE_CASE


def is_headline_like(line: Line) -> bool:
    text = line.stripped
    return MIN_HEADLINE_WORDS <= word_count(text) <= MAX_HEADLINE_WORDS and (text[0].isupper() or text[0].isdigit())


def analyse(doc: Document) -> Layout:
    """The document's layout, computed once from the lines live at first call."""
    cached = doc.cache.get("layout")
    if isinstance(cached, Layout):
        return cached
    live = doc.live_lines()
    language = guess_stoplist_language("\n".join(line.text for line in live))
    classes = dict(
        zip((line.number for line in live), justext_stats.classify([line.text for line in live], language), strict=True)
    )
    body = _densest_prose_run(doc)
    header = _header(doc, body[0]) if body else ()
    layout = Layout(language, body, header, classes)
    doc.cache["layout"] = layout
    return layout


def _line_score(doc: Document, line: Line) -> float:
    if not doc.is_live(line.number):
        return -CHROME_PENALTY
    if is_prose(line):
        return float(word_count(line.stripped))
    return -NON_PROSE_PENALTY


def _densest_prose_run(doc: Document) -> tuple[int, int] | None:
    """Kadane's maximum-sum run over the non-blank lines."""
    best: tuple[float, int, int] | None = None
    total, start = 0.0, 0
    for line in doc.lines:
        if line.is_blank:
            continue
        score = _line_score(doc, line)
        if total <= 0:
            total, start = 0.0, line.number
        total += score
        if score > 0 and (best is None or total > best[0]):
            best = (total, start, line.number)
    if best is None:
        return None
    _, first, last = best
    # The run may open on penalised lines when its sum is still positive; trim to prose.
    while first < last and not (doc.is_live(first) and is_prose(doc.line(first))):
        first += 1
    return first, last


def _header(doc: Document, body_start: int) -> tuple[int, ...]:
    header: list[int] = []
    for number in range(body_start - 1, 0, -1):
        line = doc.line(number)
        if line.is_blank or not doc.is_live(number):
            continue
        if len(header) == MAX_HEADER_LINES or not is_headline_like(line):
            break
        header.append(number)
    return tuple(reversed(header))
