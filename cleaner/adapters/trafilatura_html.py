"""HTML to article text: trafilatura's extraction, or the page's whole text.

Imported only by the HTML path (``cleaner.explain_html``), so text mode never
pays for importing trafilatura, inscriptis and lxml. Bytes are decoded by
:func:`cleaner.inputs.decode_html` (UTF-8, else the declared charset, never a
guess), not by trafilatura's charset detection, which turned a page that declares
UTF-8 but is Windows-1252 into mojibake.

The page is parsed here, once, with lxml's ``huge_tree`` option, and the tree is
handed to trafilatura and inscriptis. With their default parser, libxml2 stops at
256 levels of nesting, and hundreds of unclosed inline tags (``<b><i><b><i>…``)
before the article reach that depth too: the page came out empty. ``huge_tree``
allows 2,048 levels; a page deeper still, or one that makes inscriptis recurse too
deep, is read as a stream of tags by the standard library's parser, which has no
depth at all, and its visible text is cleaned by the rules.

Text the page shows only when the reader acts is taken out of the tree before either reads
it (:func:`without_popups`): a hover card (the box of a person's photo and latest headlines
that opens over a linked name) and, for the whole-page fallback, a closed ``<dialog>``.
trafilatura keeps a hover card, since it sits inside the article's sentence, which then reads
as the name twice and a list of headlines glued into it.

The extraction is put in Unicode's composed form (NFC), as ``trafilatura.extract``
returns it: ``bare_extraction`` leaves an "ü" written as "u" and a combining
diaeresis as the page wrote it, and its words then match no search for "ü".
"""

from __future__ import annotations

import html.parser
import re
import unicodedata
from typing import NamedTuple

from inscriptis import Inscriptis  # type: ignore[import-untyped]
from inscriptis.model.config import ParserConfig  # type: ignore[import-untyped]
from lxml import etree  # type: ignore[import-untyped]
from lxml.html import HtmlElement, HTMLParser, fromstring  # type: ignore[import-untyped]
from trafilatura import bare_extraction

from cleaner.engine import fingerprint, word_count
from cleaner.inputs import BYTES_NAME, decode_html

# An extraction shorter than this is suspicious (a teaser, a cookie wall, a
# caption): the page's whole text, cleaned by the rules, is used instead. Words as
# the rules count them: Chinese and Japanese, written without spaces, one word per
# two characters (a 180-character Japanese article is 4 whitespace words, not short).
MIN_EXTRACT_WORDS = 50
# "Opinion | Is Football Violence a Crime?", "Council approves budget - Example News": a page
# title decorated with a section or site name; the part the article prints as its headline is
# the headline.
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—-]|::)\s+")
# The headline is looked for among the extraction's first lines, as the headline rule does.
HEADLINE_LINES = 3
# A hover card opens over a link in running text and names what it describes first; it links
# to more than MIN_CARD_LINKS pages (its subject's page, the person's latest stories, a "more"
# link) and is small: a name, a photo and a few headlines.
MIN_CARD_LINKS = 2
MAX_CARD_WORDS = 100
RUNNING_TEXT = ("p", "li", "td", "dd", "blockquote")


def decode(html: str | bytes) -> str:
    """Text of an HTML document; bytes are read as UTF-8 or their declared charset, never guessed."""
    return html if isinstance(html, str) else decode_html(html, BYTES_NAME)


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
    tree = parse(page)
    if tree is None:
        return Article(stream_text(page), None, extracted=False)
    try:
        extracted = bare_extraction(tree, include_comments=False, include_tables=True, with_metadata=True)
    except RecursionError:
        extracted = None
    text = composed(getattr(extracted, "text", None)).strip()
    title = composed(getattr(extracted, "title", None)).strip() or None
    if word_count(text) < MIN_EXTRACT_WORDS:
        return Article(page_text(page), title, extracted=False)
    title = title and printed_headline(title, text)
    if keep_headline and title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return Article(text + "\n", title, extracted=True)


def composed(text: str | None) -> str:
    """``text`` in Unicode's composed form (NFC), as ``trafilatura.extract`` returns its text."""
    return unicodedata.normalize("NFC", text or "")


def parse(page: str) -> HtmlElement | None:
    """The page's tree, parsed as trafilatura parses it but up to 2,048 levels deep; None
    when the page is deeper still (libxml2 then drops the rest) or empty."""
    parser = HTMLParser(
        collect_ids=False,
        default_doctype=False,
        encoding="utf-8",
        remove_comments=True,
        remove_pis=True,
        huge_tree=True,
    )
    try:
        tree: HtmlElement = fromstring(page.encode("utf-8"), parser=parser)
    except etree.ParserError:
        return None
    if any(error.type_name == "ERR_RESOURCE_LIMIT" for error in parser.error_log):
        return None
    return without_popups(tree)


def without_popups(tree: HtmlElement) -> HtmlElement:
    """The tree without what a reader sees only after acting: a ``<dialog>`` that is not
    ``open`` (browsers do not render it; trafilatura leaves every dialog out, inscriptis
    does not), and hover cards.

    A hover card is the element right after a link in running text (inside a paragraph, a
    list item, a table cell or a quote), with no text between them, whose text is the link's
    own text and more (the card names its subject), of at most MAX_CARD_WORDS words, and which
    holds more than MIN_CARD_LINKS links: "Rep. <a>Ilhan Omar</a><span>Ilhan Omar Hillicon
    Valley: … Omar asks court … MORE</span> (D-Minn.)". A glossary tooltip that does not repeat
    its term, a link the sentence goes on after, and a section link above the article's own
    container (a block, not running text, and far longer) are no card. Each element's text is
    read at most once as a card's, so the cost is linear in the page for any page of bounded
    depth.
    """
    closed = [dialog for dialog in tree.iter("dialog") if dialog.get("open") is None]
    for dialog in closed:
        dialog.drop_tree()
    in_text = {link for block in tree.iter(*RUNNING_TEXT) for link in block.iter("a")}
    cards = []
    for link in tree.iter("a"):
        card = link.getnext()
        if link not in in_text or card is None or not isinstance(card.tag, str) or card.tag == "a":
            continue
        if (link.tail or "").strip():
            continue  # the sentence goes on between the link and the element
        name = " ".join(link.text_content().split())
        words = card.text_content().split()
        if (
            len(name) >= 2
            and len(words) <= MAX_CARD_WORDS
            and names_first(words, name)
            and has_more_links_than(card, MIN_CARD_LINKS)
        ):
            cards.append(card)
    for card in cards:
        card.drop_tree()
    return tree


def names_first(words: list[str], name: str) -> bool:
    """True if ``words`` open with ``name`` and go on after it, with no lower-case letter
    right after it: "Ilhan OmarHillicon Valley …" (the card's pieces are glued) names Ilhan
    Omar, "Jane Roebuck …" does not name Jane Roe."""
    text = " ".join(words)
    return text.startswith(name) and len(text) > len(name) and not text[len(name)].islower()


def has_more_links_than(element: HtmlElement, count: int) -> bool:
    """True if the element holds more than ``count`` links."""
    return any(i == count for i, _ in enumerate(element.iter("a")))


def page_text(page: str) -> str:
    """All visible text of the page, one block per line (as scrapers hand it over)."""
    tree = parse(page)
    try:
        return str(Inscriptis(tree, ParserConfig()).get_text()) if tree is not None else stream_text(page)
    except RecursionError:  # inscriptis walks the tree recursively
        return stream_text(page)


def stream_text(page: str) -> str:
    """The visible text of a page of any depth, one block per line: tags read as a stream."""
    reader = _VisibleText()
    reader.feed(page)
    reader.close()
    lines = (" ".join(line.split()) for line in "".join(reader.parts).split("\n"))
    return "".join(f"{line}\n" for line in lines if line)


class _VisibleText(html.parser.HTMLParser):
    """Collects text outside scripts, styles and the head, with a line break at each block."""

    HIDDEN = frozenset({"script", "style", "noscript", "template", "head"})
    BLOCKS = frozenset(
        [
            "address",
            "article",
            "aside",
            "blockquote",
            "br",
            "dd",
            "div",
            "dl",
            "dt",
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
            "table",
            "td",
            "th",
            "title",
            "tr",
            "ul",
        ]
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in self.HIDDEN
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.HIDDEN and self.hidden:
            self.hidden -= 1
        if tag in self.BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


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
