"""HTML to article text: trafilatura's extraction, or the page's whole text.

Imported only by the HTML path (``cleaner.explain_html``), so text mode never
pays for importing trafilatura, inscriptis and lxml. ``decode_file`` is a
trafilatura helper outside its documented API: the version is pinned in
setup.cfg and the behaviour relied on is tested in tests/test_html.py.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from inscriptis import get_text  # type: ignore[import-untyped]
from trafilatura import bare_extraction
from trafilatura.utils import decode_file

from cleaner.engine import fingerprint

# An extraction shorter than this is suspicious (a teaser, a cookie wall, a
# caption): the page's whole text, cleaned by the rules, is used instead.
MIN_EXTRACT_WORDS = 50
# "Opinion | Is Football Violence a Crime?", "Council approves budget - Example News": a page
# title decorated with a section or site name; the part the article prints as its headline is
# the headline.
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—-]|::)\s+")
# The headline is looked for among the extraction's first lines, as the headline rule does.
HEADLINE_LINES = 3


def decode(html: str | bytes) -> str:
    """Text of an HTML document; bytes are decoded by trafilatura's charset detection."""
    return html if isinstance(html, str) else decode_file(html)


class Article(NamedTuple):
    text: str
    #: The page's title from its metadata, if any; of a decorated title ("Opinion | …"),
    #: the part the text prints as its headline.
    title: str | None
    #: True for trafilatura's extraction, False for the whole-page fallback.
    extracted: bool


def article_text(html: str | bytes, *, keep_headline: bool = True) -> Article:
    """The article trafilatura finds (no comments), its title first if asked.

    Falls back to the whole visible text of the page, laid out by inscriptis,
    when trafilatura finds nothing or suspiciously little, so a page is never lost.
    """
    page = decode(html)
    extracted = bare_extraction(page, include_comments=False, include_tables=True, with_metadata=True)
    text = (getattr(extracted, "text", None) or "").strip()
    title = (getattr(extracted, "title", None) or "").strip() or None
    if len(text.split()) < MIN_EXTRACT_WORDS:
        return Article(page_text(page), title, extracted=False)
    title = title and printed_headline(title, text)
    if keep_headline and title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Article(text + "\n", title, extracted=True)


def page_text(page: str) -> str:
    """All visible text of the page, one block per line (as scrapers hand it over)."""
    return str(get_text(page))


def printed_headline(title: str, text: str) -> str:
    """The part of a decorated page title that the text prints as its headline, else the title.

    Of several printed parts (a section label above the headline), the longest.

    >>> printed_headline("Opinion | Council Approves the Budget", "Opinion\\nCouncil Approves the Budget\\nIt was ...")
    'Council Approves the Budget'
    """
    first = [fingerprint(line) for line in text.split("\n") if line.strip()][:HEADLINE_LINES]
    if fingerprint(title) in first:
        return title
    printed = [part for part in TITLE_SEPARATOR.split(title) if fingerprint(part) in first]
    return max(printed, key=len) if printed else title
