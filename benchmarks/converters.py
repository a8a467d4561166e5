"""The layouts scrapers emit, made from each page's HTML, and the folds of the pages by site.

``--converter NAME`` of ``quality.py`` turns every page's HTML into one of these texts, and
every text system (cleaner, C4's line rules, jusText) reads that text:

* ``inscriptis``: the shipped ``raw/<id>.txt`` (inscriptis 2.7.6, blocks separated by blank
  lines); the default.
* ``html2text``: markdown from html2text, without hard wrapping (``body_width = 0``, as
  LLM-oriented crawlers run it: a wrapped paragraph is a different layout) and with its
  characters as they are (``unicode_snob = True``; by default html2text writes "cerro"
  for "cerr&oacute;", which loses gold segments whatever the cleaning).
* ``markdownify``: markdown from markdownify, ``#`` headings (``heading_style="ATX"``).
* ``nodes``: BeautifulSoup's ``get_text("\\n")``: every text node a line, so a link splits
  its sentence; whitespace-only nodes dropped, each line stripped.
* ``blocks``: one block a line, no blank lines: the text of each block element (h1-h6, p,
  li, td, blockquote, pre, div, ...) with its whitespace collapsed.

Scripts, styles and templates are dropped before ``nodes`` and ``blocks`` (html2text and
markdownify skip them themselves).

The gold is plain text, so a markdown output is scored by its visible text
(:func:`visible_text`: link text without the URL, no image syntax, emphasis markers,
heading ``#``s, bullets or table pipes), the same reduction for every system.

Folds: pages are split into two folds by site, the registered domain of the page URL
(:func:`site`), hashed with SHA-256, so that no site has pages in both folds.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from urllib.parse import urlsplit

CONVERTERS = ("inscriptis", "html2text", "markdownify", "nodes", "blocks")
MARKDOWN_CONVERTERS = frozenset({"html2text", "markdownify"})

#: Tags whose content is never text.
NON_TEXT_TAGS = ("script", "style", "noscript", "template", "head", "svg", "iframe")
#: Elements that start a new line in the ``blocks`` layout.
BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "caption",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "td",
        "th",
        "tr",
        "ul",
    ]
)
_SPACE = re.compile(r"\s+")


def convert(name: str, html: str, raw: str) -> str:
    """The page as converter ``name`` writes it (``raw`` is the shipped inscriptis text)."""
    if name == "inscriptis":
        return raw
    return _CONVERT[name](html)


def html2text_markdown(html: str) -> str:
    import html2text

    converter = html2text.HTML2Text()
    converter.body_width = 0
    converter.unicode_snob = True
    return str(converter.handle(html))


def markdownify_markdown(html: str) -> str:
    import markdownify

    return str(markdownify.markdownify(html, heading_style="ATX"))


def _soup(html: str):  # type: ignore[no-untyped-def]
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "lxml")
    for tag in soup(list(NON_TEXT_TAGS)):
        tag.decompose()
    return soup


def nodes_text(html: str) -> str:
    lines = (line.strip() for line in _soup(html).get_text("\n").split("\n"))
    return "\n".join(line for line in lines if line) + "\n"


def blocks_text(html: str) -> str:
    from bs4 import NavigableString, Tag
    from bs4.element import Comment, Declaration, Doctype, ProcessingInstruction

    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        text = _SPACE.sub(" ", "".join(buffer)).strip()
        if text:
            lines.append(text)
        buffer.clear()

    def walk(node: Tag) -> None:
        for child in node.children:
            if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                buffer.append(str(child))
            elif isinstance(child, Tag):
                block = child.name in BLOCK_TAGS
                if block:
                    flush()
                walk(child)
                if block:
                    flush()

    walk(_soup(html))
    flush()
    return "\n".join(lines) + "\n"


_CONVERT: dict[str, Callable[[str], str]] = {
    "html2text": html2text_markdown,
    "markdownify": markdownify_markdown,
    "nodes": nodes_text,
    "blocks": blocks_text,
}

# --------------------------------------------------------------------------
# markdown's visible text, for scoring
# --------------------------------------------------------------------------

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\((?:<[^>]*>|[^)\s]*)(?:\s+\"[^\"]*\")?\)")
_HEADING = re.compile(r"^\s*#{1,6}\s+|\s+#+\s*$")
_BULLET = re.compile(r"^\s*(?:[*+-]|\d+[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
_RULE_LINE = re.compile(r"^\s*(?:[-*_]\s*){3,}$|^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_EMPHASIS = re.compile(r"\*\*|__|(?<!\w)[*_]|[*_](?!\w)|`+")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")


def visible_line(line: str) -> str:
    """One markdown line as a reader sees it (see the module docstring)."""
    if _RULE_LINE.match(line):
        return ""
    text = _IMAGE.sub("", line)
    text = _LINK.sub(r"\1", text)
    text = _QUOTE.sub("", text)
    text = _HEADING.sub("", text)
    text = _BULLET.sub("", text)
    text = text.replace("|", " ")
    text = _EMPHASIS.sub("", text)
    return _ESCAPE.sub(r"\1", text).strip()


def visible_text(markdown: str) -> str:
    return "\n".join(visible_line(line) for line in markdown.split("\n"))


# --------------------------------------------------------------------------
# folds by site
# --------------------------------------------------------------------------

#: Second-level labels under which sites register (co.uk, com.au, ...): a short list,
#: enough for the dev sets' hosts.
_SECOND_LEVEL = frozenset(["co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "gob"])
_ARCHIVED = re.compile(r"^/web/\d+[a-z_]*/(.+)$")


def site(url: str) -> str:
    """The registered domain of ``url`` (of the archived page for a web.archive.org URL)."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    host = (parts.hostname or "").lower()
    if host == "web.archive.org":
        archived = _ARCHIVED.match(parts.path)
        if archived:
            return site(archived.group(1))
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def fold(url: str) -> int:
    """1 or 2: the page's fold, from a stable hash of its site."""
    return 1 + hashlib.sha256(site(url).encode("utf-8")).digest()[0] % 2
