"""Where the article sits in a page: its body region and its headline block.

The body is the run of lines with the most prose in it, found as a maximum
sum sub-sequence (the idea of Finn et al.'s Body Text Extraction, 2001, over
lines instead of HTML tags): prose lines add their word count, other lines
subtract a small penalty, one- and two-word labels (menus, buttons) and lines
that rules already removed as chrome subtract more, so the run stops at chrome
blocks; a comment-section heading after the article ends the search, since
comments can outweigh the article. A lead-in line ending in a colon right
above the body opens it.
The headline block is the one or two title-like lines right above the body.

The analysis reads the lines that are still live when a heuristic rule first
asks for it, and is cached on the document.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from cleaner import lexicon
from cleaner.document import Document, Line
from cleaner.text import DATE_SIGNAL, ends_like_sentence, title_case_ratio, word_count

# A line of at least this many words that ends like a sentence is prose.
MIN_SENTENCE_WORDS = 8
# A line of at least this many words is prose however it ends (lists, quotes).
MIN_PARAGRAPH_WORDS = 25
# A title-case line (most words capitalised) is a headline, not prose; long ones too:
# tag clouds, category pickers and menus flattened onto one line (measured: this test
# on long lines as well raised trafilatura-dev text F1 0.842 -> 0.848).
MAX_PROSE_TITLE_CASE = 0.6
# Cost of a live non-prose line inside the body (a subheading costs this much).
NON_PROSE_PENALTY = 3.0
# A line of at most this many words is a menu item, button or label ("Home", "Mehr
# lesen", "Weitere Informationen") unless it ends like a sentence or a lead-in; it is
# rarely article text and costs more, so runs of them end the body. Measured on the
# text rows: penalty 5 raised trafilatura-dev F1 0.850 -> 0.853 and scrapinghub-dev
# 0.9325 -> 0.9333; 4 helped less and 8 cost scrapinghub-dev 0.01 (its articles have
# more short lines between paragraphs).
MAX_SHORT_LINE_WORDS = 2
SHORT_LINE_PENALTY = 5.0
# Cost of a line a rule removed as chrome.
CHROME_PENALTY = 6.0
# A comment-section heading the comments rule removed ("12 Comments", "Leave a comment",
# "Join the discussion") is a boundary the body never crosses; its other removals
# ("Reply", "Report") occur inside articles too, in embedded posts.
BOUNDARY_CODE = "C104"
BOUNDARY_RULE = "comments"  # its lexicon table
# A second run of prose at least this share as heavy as the best is another part of
# the same article, split by an inline block (measured: 0.7 helps the multilingual
# dev set and leaves the English one unchanged; 0.5 lets teaser blocks in).
SECOND_RUN_SHARE = 0.7
# Prose words above a comment heading that make it the end of an article.
MIN_ARTICLE_WORDS = 80
# Which of its removals head a comment section: the lexicons' ``boundary`` stems ("comment",
# "komment", "coment", "reactie", "комментар", "コメント", "评论"), in every language, not
# only English (measured: trafilatura-dev text F1 0.853 -> 0.860, 25 fewer "without"
# segments; scrapinghub-dev unchanged).
BOUNDARY_KIND = "boundary"
# The headline block: at most this many lines right above the body, found among
# at most MAX_HEADER_SCAN live lines (dates and bylines in between are skipped).
MAX_HEADER_LINES = 2
MAX_HEADER_SCAN = 5
# Short sentences right after the body that still belong to it (a closing line).
MAX_CLOSING_LINES = 2
# A line ending in a colon announces the text below it: right above the body it opens
# the body, right below it it closes it ("Das Konzeptpapier finden Sie hier:"); one
# word ("Tags:") is a label. Measured: +4 "with" segments on trafilatura-dev, no new
# "without" ones, scrapinghub-dev unchanged or better.
LEAD_IN_END = ":"
MIN_LEAD_IN_WORDS = 2
MIN_HEADLINE_WORDS = 3
MIN_STANDFIRST_WORDS = 10
MAX_HEADLINE_WORDS = 40


@dataclass(frozen=True, slots=True)
class Layout:
    #: First and last line numbers of the body, or None if nothing is prose.
    body: tuple[int, int] | None
    #: Headline (and standfirst) line numbers, top first.
    header: tuple[int, ...]

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
    if words < MIN_SENTENCE_WORDS or (words < MIN_PARAGRAPH_WORDS and not ends_like_sentence(text)):
        return False
    return title_case_ratio(text) < MAX_PROSE_TITLE_CASE


def is_headline_like(line: Line) -> bool:
    text = line.stripped
    return (
        MIN_HEADLINE_WORDS <= word_count(text) <= MAX_HEADLINE_WORDS
        and (text[0].isupper() or text[0].isdigit())
        and not is_metadata(text)
    )


# "www.clymer.co.uk", "https://…", "@handle", "RRP: £23.99 More info:", "Tony Carter | News"
_METADATA = re.compile(r"www\.|https?://|\S@\S|(?:^|\s)@\w|\s[|·•]\s|(?:\b\w+: .*){2}")


def is_metadata(text: str) -> bool:
    """Dates, links and label:value lines: article furniture, never a headline."""
    return bool(_METADATA.search(text)) or any(DATE_SIGNAL.fullmatch(token) for token in text.split())


def analyse(doc: Document) -> Layout:
    """The document's layout, computed once from the lines live at first call."""
    cached = doc.cache.get("layout")
    if isinstance(cached, Layout):
        return cached
    body = _densest_prose_run(doc)
    if body:
        body = (_lead_in(doc, body[0]), _closing_sentences(doc, body[1]))
    header = _header(doc, body[0]) if body else ()
    layout = Layout(body, header)
    doc.cache["layout"] = layout
    return layout


def is_boundary(doc: Document, line: Line) -> bool:
    if doc.removed_by(line.number) != BOUNDARY_CODE:
        return False
    folded = line.text.casefold()
    return any(stem in folded for stem in lexicon.words(BOUNDARY_RULE, BOUNDARY_KIND))


def _line_scores(doc: Document) -> list[tuple[int, float]]:
    """(line number, score) of every non-blank line; a boundary scores minus infinity."""
    scores: list[tuple[int, float]] = []
    for line in doc.lines:
        if line.is_blank:
            continue
        if is_boundary(doc, line):
            score = -math.inf
        elif doc.is_live(line.number) and is_prose(line):
            score = float(word_count(line.stripped))
        elif not doc.is_live(line.number):
            score = -CHROME_PENALTY
        elif is_short_label(line.stripped):
            score = -SHORT_LINE_PENALTY
        else:
            score = -NON_PROSE_PENALTY
        scores.append((line.number, score))
    return scores


def is_short_label(text: str) -> bool:
    """A line of one or two words that is not a sentence ("Ja." is) nor a lead-in ("Die Zutaten:" is)."""
    return word_count(text) <= MAX_SHORT_LINE_WORDS and not (ends_like_sentence(text) or is_lead_in(text))


def _before_comments(scores: list[tuple[int, float]]) -> list[tuple[int, float]]:
    """The scores up to the first comment heading that follows an article's worth of prose.

    Comments can outweigh the article they follow, so they are never searched;
    a "Comments" link above all prose (in a menu) does not count.
    """
    prose = 0.0
    for i, (_, score) in enumerate(scores):
        if score == -math.inf and prose >= MIN_ARTICLE_WORDS:
            return scores[:i]
        prose += max(score, 0.0)
    return scores


def _prose_runs(scores: list[tuple[int, float]]) -> list[tuple[float, int, int]]:
    """(sum, first, last) of each run Kadane's scan closes: the best one among them."""
    runs: list[tuple[float, int, int]] = []
    current: tuple[float, int, int] | None = None
    total, start = 0.0, 0
    for number, score in scores:
        if total <= 0:
            if current:
                runs.append(current)
            current, total, start = None, 0.0, number
        total += score
        if score > 0 and (current is None or total > current[0]):
            current = (total, start, number)
    if current:
        runs.append(current)
    return runs


def _densest_prose_run(doc: Document) -> tuple[int, int] | None:
    """The maximum-sum run of lines, widened to runs nearly as heavy (one article in parts)."""
    runs = _prose_runs(_before_comments(_line_scores(doc)))
    if not runs:
        return None
    best = max(runs)[0]
    parts = [run for run in runs if run[0] >= SECOND_RUN_SHARE * best]
    first, last = min(run[1] for run in parts), max(run[2] for run in parts)
    # The run may open on penalised lines when its sum is still positive; trim to prose.
    while first < last and not (doc.is_live(first) and is_prose(doc.line(first))):
        first += 1
    return first, last


def _closing_sentences(doc: Document, body_end: int) -> int:
    """The body's end, moved over short sentences right after it ("The work starts in May.").

    Articles often end on a line too short to count as prose; up to
    MAX_CLOSING_LINES sentence-case sentences directly below the body join it.
    """
    end, joined = body_end, 0
    for line in doc.lines[body_end:]:
        if line.is_blank:
            continue
        if joined == MAX_CLOSING_LINES or not (doc.is_live(line.number) and is_short_sentence(line.stripped)):
            break
        end, joined = line.number, joined + 1
    return end


def _lead_in(doc: Document, body_start: int) -> int:
    """The body's start, moved up to a lead-in line right above it ("Leitsätze des Gerichts:").

    A line ending in a colon announces what follows, so it opens the body
    rather than ending a headline block; label:value lines ("Aktenzeichen:
    1 A 23/24") are metadata and stay out.
    """
    for number in range(body_start - 1, 0, -1):
        line = doc.line(number)
        if line.is_blank:
            continue
        if doc.is_live(number) and is_lead_in(line.stripped) and not is_metadata(line.stripped):
            return number
        break
    return body_start


def is_lead_in(text: str) -> bool:
    """A line of at least two words ending in a colon ("Das Konzeptpapier finden Sie hier:")."""
    return text.endswith(LEAD_IN_END) and word_count(text) >= MIN_LEAD_IN_WORDS


def is_short_sentence(text: str) -> bool:
    """A sentence-case line that ends like a sentence or announces what follows ("Die Quellen:")."""
    return (
        text[0].isupper()
        and (ends_like_sentence(text) or is_lead_in(text))
        and title_case_ratio(text) < MAX_PROSE_TITLE_CASE
    )


def _header(doc: Document, body_start: int) -> tuple[int, ...]:
    """Up to two headline-like lines above the body, skipping metadata lines between.

    A short sentence ("It began with a petition.") is the article's first
    paragraph, not a standfirst: a line ending in a full stop joins the block
    only with MIN_STANDFIRST_WORDS words.
    """
    header: list[int] = []
    scanned = 0
    for number in range(body_start - 1, 0, -1):
        line = doc.line(number)
        if not doc.is_live(number):
            continue
        scanned += 1
        if len(header) == MAX_HEADER_LINES or scanned > MAX_HEADER_SCAN:
            break
        if is_headline_like(line) and (
            not line.stripped.endswith(".") or word_count(line.stripped) >= MIN_STANDFIRST_WORDS
        ):
            header.append(number)
        elif not is_metadata(line.stripped):
            break
    return tuple(reversed(header))
