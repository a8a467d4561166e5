"""HTML to article text: trafilatura's extraction, or the page's whole text.

Imported only by the HTML path (``cleaner.explain_html``), so text mode never
pays for importing trafilatura, inscriptis and lxml. ``decode_file`` is a
trafilatura helper outside its documented API: the version is pinned in
setup.cfg and the behaviour relied on is tested in tests/test_html.py.
"""

from __future__ import annotations

from typing import NamedTuple

from inscriptis import get_text  # type: ignore[import-untyped]
from trafilatura import bare_extraction
from trafilatura.utils import decode_file

# An extraction shorter than this is suspicious (a teaser, a cookie wall, a
# caption): the page's whole text, cleaned by the rules, is used instead.
MIN_EXTRACT_WORDS = 50


def decode(html: str | bytes) -> str:
    """Text of an HTML document; bytes are decoded by trafilatura's charset detection."""
    return html if isinstance(html, str) else decode_file(html)


class Article(NamedTuple):
    text: str
    #: The page's title from its metadata, if any.
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
    if keep_headline and title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Article(text + "\n", title, extracted=True)


def page_text(page: str) -> str:
    """All visible text of the page, one block per line (as scrapers hand it over)."""
    return str(get_text(page))
