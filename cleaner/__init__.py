"""cleaner: strip site chrome from scraped article text, explaining every removal.

>>> import cleaner
>>> cleaner.clean("Open in App\\nThe talks ended on Sunday with a joint statement.\\n")
'The talks ended on Sunday with a joint statement.\\n'

The rules live in the compiled core, ``cleaner._core``; it loads on first use, so
importing the package (as pytest does for the golden-test plugin) stays cheap.
"""

from __future__ import annotations

from typing import Unpack

from cleaner.errors import CleanerError, UnknownRuleError
from cleaner.options import Mode, OptionFields, Options, OptionsError, resolve
from cleaner.result import Removal, Result

__all__ = [
    "CleanerError",
    "Mode",
    "OptionFields",
    "Options",
    "OptionsError",
    "Removal",
    "Result",
    "UnknownRuleError",
    "clean",
    "clean_html",
    "explain",
    "explain_any",
    "explain_html",
]
__version__ = "0.1.0"


def explain(
    text: str | bytes | bytearray | memoryview,
    options: Options | None = None,
    *,
    headline: str | None = None,
    **changes: Unpack[OptionFields],
) -> Result:
    """Clean ``text`` and return the clean text with every removal that made it.

    Bytes (or any bytes-like object) are read as the command reads a file (:func:`cleaner.inputs.decode`: UTF-8, or
    UTF-16/32 with a byte-order mark; :class:`~cleaner.errors.DecodeError` otherwise); UTF-8
    is cleaned as it is, without a ``str`` of the whole input.

    ``options`` (an :class:`Options`) says how; keyword arguments change single
    options: ``keep_headline=False`` also removes the headline and standfirst,
    leaving the article body alone; ``select``/``ignore`` take rule codes or names.
    ``text`` is always read as text, whatever the mode (see :func:`explain_any`).
    ``headline``, when the page's headline is known (from HTML metadata), is
    the line the headline rule removes instead of guessing. ``input_format``
    "auto" tells markdown, plain text and one text node a line apart by itself;
    "markdown", "text" or "nodes" says which it is. "nodes" is plain text written
    one text node a line (BeautifulSoup's ``get_text("\\n")``), whose sentence
    fragments, split at links, are judged together. Markdown is judged by its visible text (link text, not
    URLs) and comes out as markdown: the kept lines are the input's own.
    ``output_format="text"`` writes the kept lines' visible text instead
    (links reduced to their text, no markup; for NLP), plain text as it is;
    the removals still quote the input.
    """
    from cleaner import engine, registry

    chosen = resolve(options, changes)
    rules = registry.active_rules(chosen.select, chosen.ignore)
    if isinstance(text, (bytearray, memoryview)):
        text = bytes(text)
    if isinstance(text, bytes):
        from cleaner.inputs import BYTES_NAME, decode, utf8_text

        utf8 = utf8_text(text, BYTES_NAME)
        text = decode(text, BYTES_NAME) if utf8 is None else utf8
    result = engine.run(
        text, rules, keep_headline=chosen.keep_headline, headline=headline, input_format=chosen.input_format
    )
    return engine.with_output_format(result, chosen.output_format)


def clean(
    text: str | bytes | bytearray | memoryview, options: Options | None = None, **changes: Unpack[OptionFields]
) -> str:
    """The article in ``text``: headline, standfirst and body (or the body alone)."""
    return explain(text, options, **changes).text


def explain_html(html: str | bytes, options: Options | None = None, **changes: Unpack[OptionFields]) -> Result:
    """Clean an HTML page: trafilatura extracts the article, then the rules run on it.

    Bytes are read as UTF-8, else in the charset the page declares; bytes that are
    neither raise :class:`~cleaner.errors.DecodeError` (never a guess, never mojibake).
    Removal line numbers refer to
    the extracted text. trafilatura has already chosen where the article is,
    so the off-article rule does not run on its output and the headline rule
    removes only the page's own title; the rules for kinds of chrome all run.
    When trafilatura finds nothing or very little, the page's whole text is
    cleaned by every rule instead, so a page is never lost.
    """
    from cleaner import engine
    from cleaner.adapters import trafilatura_html  # lazy: text mode never imports lxml
    from cleaner.registry import POSITION_RULE

    chosen = resolve(options, changes)
    if isinstance(html, str) and engine.has_surrogates(html):
        # lxml ends the page at a lone surrogate (a JSON escape such as "\ud83d"): hide them.
        stand_ins = engine.StandIns(html)
        return stand_ins.restore(explain_html(stand_ins.hide(html), chosen))
    article = trafilatura_html.article_text(html, keep_headline=chosen.keep_headline)
    if article.extracted:
        chosen = chosen.replace(ignore=(*chosen.ignore, POSITION_RULE))
    return explain(article.text, chosen, headline=article.title)


def explain_any(text: str | bytes, options: Options | None = None, **changes: Unpack[OptionFields]) -> Result:
    """Clean text or HTML as ``mode`` says: "html" or "text" forces one; "auto" (the
    default; None keeps the options' mode) cleans an input that starts like an HTML
    document (a doctype or ``<html``) as HTML."""
    from cleaner.inputs import looks_like_html

    chosen = resolve(options, changes)
    is_html = chosen.mode == "html" or (chosen.mode == "auto" and looks_like_html(text))
    return (explain_html if is_html else explain)(text, chosen)


def clean_html(html: str | bytes, options: Options | None = None, **changes: Unpack[OptionFields]) -> str:
    """The article of an HTML page, extracted by trafilatura and cleaned by the rules."""
    return explain_html(html, options, **changes).text
