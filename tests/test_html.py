"""HTML mode: trafilatura extracts, the rules clean, text mode stays light."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main
from cleaner.errors import DecodeError
from cleaner.inputs import looks_like_html

PARAGRAPH = (
    "The council approved the new budget on Tuesday after a long debate about the cost of "
    "repairing the old bridge, which has been closed to heavy traffic since the spring floods."
)
PAGE = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Council approves budget</title></head>
<body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<article>
<h1>Council approves budget</h1>
<p>{PARAGRAPH}</p>
<p>Share on Facebook</p>
<p>{PARAGRAPH.replace("Tuesday", "Wednesday")}</p>
<p>{PARAGRAPH.replace("Tuesday", "Thursday")}</p>
</article>
<footer><p>Copyright 2024 Example Media. All rights reserved.</p></footer>
</body></html>
"""


def test_clean_html_keeps_the_article_and_drops_chrome_trafilatura_left() -> None:
    result = cleaner.explain_html(PAGE)
    assert PARAGRAPH in result.text
    assert "Share on Facebook" not in result.text
    assert [r.code for r in result.removals] == ["C102"]
    assert "Home" not in result.text and "Copyright" not in result.text


def test_body_only_has_no_headline() -> None:
    assert not cleaner.clean_html(PAGE, keep_headline=False).startswith("Council approves budget")
    assert cleaner.clean_html(PAGE).startswith("Council approves budget")


def test_bytes_are_decoded_by_their_charset() -> None:
    latin = PAGE.replace('charset="utf-8"', 'charset="iso-8859-1"').replace("council", "café council")
    assert "café council" in cleaner.clean_html(latin.encode("iso-8859-1"))


def test_a_page_trafilatura_cannot_extract_falls_back_to_its_whole_text() -> None:
    tiny = "<html><body><div>Open in App</div><div>A short note on the weather today.</div></body></html>"
    result = cleaner.explain_html(tiny)
    assert "A short note on the weather today." in result.text
    assert "Open in App" not in result.text


def test_html_detection() -> None:
    assert looks_like_html("\ufeff  <!doctype html><html>")
    assert looks_like_html("<html lang='en'>")
    assert not looks_like_html("The <html> tag starts a page.")


def test_cli_detects_html_and_text_forces_text_mode() -> None:
    detected = CliRunner().invoke(main, [], input=PAGE)
    assert detected.exit_code == 0 and PARAGRAPH in detected.stdout and "<p>" not in detected.stdout
    forced = CliRunner().invoke(main, ["--text"], input=PAGE)
    assert "<p>" in forced.stdout


def test_text_mode_imports_neither_trafilatura_nor_lxml() -> None:
    code = (
        "import sys, cleaner.cli; cleaner.clean('Open in App\\nSome text.\\n'); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('trafilatura', 'lxml', 'justext')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_a_decorated_title_gives_the_headline_the_text_prints() -> None:
    from cleaner.adapters.trafilatura_html import printed_headline

    text = "Council approves budget\nThe council approved the new budget on Tuesday.\n"
    assert printed_headline("Opinion | Council approves budget", text) == "Council approves budget"
    assert printed_headline("Council approves budget - Example News", text) == "Council approves budget"
    assert printed_headline("Example News", text) == "Example News"
    labelled = "Opinion\n" + text  # a section label printed above the headline
    assert printed_headline("Opinion | Council approves budget", labelled) == "Council approves budget"


def test_body_only_drops_the_headline_under_a_decorated_title() -> None:
    decorated = PAGE.replace("<title>Council approves budget</title>", "<title>Local | Council approves budget</title>")
    body = cleaner.clean_html(decorated, keep_headline=False)
    assert "Council approves budget" not in body and PARAGRAPH in body
    assert cleaner.clean_html(decorated).startswith("Council approves budget\n")


# -- hostile pages (issue 14) -------------------------------------------------------

ARTICLE = (
    "<article><h1>Council approves budget</h1>"
    + "".join(f"<p>{PARAGRAPH.replace('Tuesday', day)}</p>" for day in ("Monday", "Tuesday", "Friday"))
    + "</article>"
)


@pytest.mark.parametrize(
    "page",
    [
        "<html><body>" + "<div>" * 300 + "</div>" * 300 + ARTICLE + "</body></html>",
        "<html><body>" + "<div>" * 300 + ARTICLE + "</div>" * 300 + "</body></html>",
        "<html><body>" + "<div>" * 1500 + ARTICLE + "</div>" * 1500 + "</body></html>",
        "<html><body>" + "<div>" * 5000 + "</div>" * 5000 + ARTICLE + "</body></html>",
        "<html><body>" + "<div>" * 5000 + ARTICLE + "</div>" * 5000 + "</body></html>",
        "<html><body>" + "<b><i>" * 300 + ARTICLE + "</body></html>",
        "<html><body>" + "<span>" * 3000 + ARTICLE + "</body></html>",
    ],
    ids=[
        "300-deep-before",
        "300-deep-around",
        "1500-deep",
        "5000-deep-before",
        "5000-deep-around",
        "300-unclosed-b-i",
        "3000-unclosed-span",
    ],
)
def test_deeply_nested_pages_keep_their_article(page: str) -> None:
    text = cleaner.clean_html(page)
    for day in ("Monday", "Tuesday", "Friday"):
        assert PARAGRAPH.replace("Tuesday", day) in text


def test_a_deep_page_keeps_its_article_through_the_command(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<!DOCTYPE html><html><body>" + "<div>" * 300 + "</div>" * 300 + ARTICLE + "</body></html>")
    result = CliRunner().invoke(main, [str(page)])
    assert result.exit_code == 0
    assert PARAGRAPH.replace("Tuesday", "Friday") in result.stdout


def _page(charset: str, words: str) -> str:
    return (
        f'<html><head><meta charset="{charset}"><title>Budget</title></head><body><article>'
        f"<p>{words} {PARAGRAPH}</p><p>{PARAGRAPH}</p><p>{PARAGRAPH}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("declared", "encoding", "words"),
    [
        ("windows-1252", "utf-8", "Le café était fermé à Noël."),
        ("iso-8859-1", "utf-8", "Die Bürger wählten am Sonntag."),
        ("windows-1251", "windows-1251", "Совет утвердил бюджет."),
        ("iso-8859-1", "cp1252", "He said \u201cno\u201d \u2013 twice."),
        ("koi8-r", "koi8-r", "Совет утвердил бюджет."),
    ],
)
def test_bytes_are_utf8_or_their_declared_charset(declared: str, encoding: str, words: str) -> None:
    assert words in cleaner.clean_html(_page(declared, words).encode(encoding))


@pytest.mark.parametrize(
    ("declared", "problem"),
    [("utf-8", "the page declares utf-8"), ("no-such-charset", "the page declares no charset")],
)
def test_bytes_that_are_not_the_declared_charset_are_refused_not_mojibake(declared: str, problem: str) -> None:
    data = _page(declared, "Le café était fermé à Noël.").encode("cp1252")
    with pytest.raises(DecodeError, match=f"<bytes>: not valid UTF-8 .*{problem}"):
        cleaner.clean_html(data)


def test_bytes_neither_utf8_nor_the_declared_charset_are_refused() -> None:
    data = _page("shift_jis", "x").encode("ascii") + b"\x81 caf\xe9"
    with pytest.raises(DecodeError, match=r"neither UTF-8 nor shift_jis, the charset the page declares \(byte"):
        cleaner.clean_html(data)


def test_the_command_reads_an_html_file_in_its_declared_charset(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(("<!DOCTYPE html>" + _page("windows-1252", "Le café était fermé.")).encode("cp1252"))
    result = CliRunner().invoke(main, [str(page)])
    assert result.exit_code == 0, result.stderr
    assert "Le café était fermé." in result.stdout
    as_text = CliRunner().invoke(main, ["--text", str(page)])
    assert as_text.exit_code == 1 and "iconv -f windows-1252" in as_text.stderr


def test_the_command_refuses_an_html_file_that_is_not_its_declared_charset(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(("<!DOCTYPE html>" + _page("utf-8", "Le café était fermé.")).encode("cp1252"))
    result = CliRunner().invoke(main, [str(page)])
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.startswith(f"cleaner: {page}: not valid UTF-8 (byte ")
    assert result.stderr.rstrip().endswith("(the page declares utf-8)")


def test_the_extraction_is_in_composed_form_as_trafilatura_extract_gives_it() -> None:
    decomposed = PAGE.replace("approved", "approved the Mu\u0308nchen")
    text = cleaner.clean_html(decomposed)
    assert "the M\u00fcnchen" in text and "u\u0308" not in text


JAPANESE = (
    "子どもへの虐待をなくすための法律ができて、親が子どもを教育するために、たたいたりしてはいけないことになりました。"
)


def test_an_article_written_without_spaces_is_long_enough_to_be_extracted() -> None:
    from cleaner.adapters import trafilatura_html

    paragraphs = "".join(f"<p>{JAPANESE}{n}</p>" for n in range(3))
    page = re.sub(r"<article>.*</article>", f"<article><h1>法律</h1>{paragraphs}</article>", PAGE, flags=re.S)
    article = trafilatura_html.article_text(page, keep_headline=False)
    assert article.extracted and f"{JAPANESE}2" in article.text and "Copyright" not in article.text


CARD = (
    '<span class="card"><a href="/people/jane-roe">Jane Roe</a>'
    '<a href="/a1">Roe backs the bridge plan</a> <a href="/a2">Roe opens the library</a> '
    '<a href="/people/jane-roe">MORE</a></span>'
)


def popup_page(popup: str) -> str:
    """PAGE with a sentence naming a council member (linked) and ``popup`` after the link."""
    sentence = (
        f'<p>The plan was put forward by councillor <a href="/people/jane-roe">Jane Roe</a>{popup} '
        "who chairs the transport committee and has argued for the repair since the floods.</p>"
    )
    return PAGE.replace("<p>Share on Facebook</p>", sentence)


def test_a_hover_card_after_a_linked_name_is_not_article_text() -> None:
    text = cleaner.clean_html(popup_page(CARD), keep_headline=False)
    assert "councillor Jane Roe who chairs the transport committee" in " ".join(text.split())
    assert "Roe backs the bridge plan" not in text


def test_a_link_followed_by_the_sentence_keeps_the_element_after_it() -> None:
    # Text between the link and the element: the sentence goes on, the element is no card.
    kept = cleaner.clean_html(popup_page(CARD.replace("<span", ", <span")), keep_headline=False)
    assert "Roe backs the bridge plan" in kept


def test_a_closed_dialog_is_not_page_text_and_an_open_one_is() -> None:
    # trafilatura's extraction leaves dialogs out; the whole-page fallback reads what the
    # browser shows, which is an open dialog and never a closed one.
    from cleaner.adapters.trafilatura_html import page_text

    dialog = "<dialog><p>The bridge reopens to lorries in March, the council said.</p></dialog>"
    assert "reopens to lorries" not in page_text(PAGE.replace("</article>", dialog + "</article>"))
    shown = dialog.replace("<dialog>", "<dialog open>")
    assert "reopens to lorries" in page_text(PAGE.replace("</article>", shown + "</article>"))


@pytest.mark.parametrize("count", [1, 4])
def test_a_section_link_above_the_article_container_is_no_card(count: int) -> None:
    # A topic link right before the block that holds the article: not in running text, and
    # the block is the article, not a card, though it opens with the topic's name.
    talks = "Ukraine and its neighbours resumed the grain talks in Geneva on Monday, officials said."
    paragraphs = "".join(
        f'<p>{talks} See the <a href="/r{i}">report</a>, the <a href="/m{i}">map</a> and the '
        f'<a href="/t{i}">timeline</a>.</p><p>{PARAGRAPH}</p>'
        for i in range(count)
    )
    page = (
        '<html><head><meta charset="utf-8"><title>Ukraine war</title></head><body><article>'
        f'<a href="/topics/ukraine">Ukraine</a><div class="content"><h1>Ukraine war</h1>{paragraphs}</div>'
        "</article></body></html>"
    )
    assert talks in cleaner.clean_html(page, keep_headline=False)


def test_a_card_that_names_another_word_first_is_no_card() -> None:
    # "Jane Roebuck …" after a link to "Jane Roe" does not name the link's subject.
    card = CARD.replace('<a href="/people/jane-roe">Jane Roe</a>', '<a href="/people/jr">Jane Roebuck</a>', 1)
    assert "Roe backs the bridge plan" in cleaner.clean_html(popup_page(card), keep_headline=False)
