"""Markdown and plain-text layouts: detection, the override, and markdown kept verbatim."""

import pytest

from cleaner import CleanerError, explain

BODY = (
    "The city council voted on Tuesday to build a tram line from the main station to the harbour district, "
    "ending a dispute that had lasted years.",
    "Construction is due to start next spring and to take three years; the transport company expects about "
    "20,000 passengers a day once the line opens, according to [its own study](https://example.org/study).",
    "Critics said the money would be better spent on buses, which could serve more streets for the same price.",
)

MARKDOWN = "\n".join(
    [
        "* [Home](https://example.org/)",
        "* [News](https://example.org/news)",
        "* [Sport](https://example.org/sport)",
        "",
        "# Council backs a tram line to the harbour",
        "",
        BODY[0],
        "",
        "![A tram in the depot](https://example.org/tram.jpg)",
        "",
        BODY[1],
        "",
        "**" + BODY[2] + "**",
        "",
        "## Read more",
        "",
        "  * [Bus fares rise again in the new year and the city blames fuel prices](https://example.org/a)",
        "  * [Harbour district gets a new school after years of waiting for one](https://example.org/b)",
        "  * [Cycle lanes on the ring road will be finished by the summer](https://example.org/c)",
        "",
    ]
)


def test_markdown_is_detected_and_kept_as_markdown() -> None:
    result = explain(MARKDOWN, keep_headline=False)
    assert result.input_format == "markdown"
    assert result.blank_separated
    kept = result.text.split("\n")
    assert BODY[0] in kept and BODY[1] in kept and "**" + BODY[2] + "**" in kept
    assert "* [Home](https://example.org/)" not in result.text
    assert "Bus fares rise again" not in result.text


def test_removals_quote_the_markdown_input() -> None:
    result = explain(MARKDOWN, keep_headline=False)
    lines = MARKDOWN.split("\n")
    for removal in result.removals:
        assert removal.text == "\n".join(lines[removal.start - 1 : removal.end])
    removed = "\n".join(r.text for r in result.removals)
    assert "[Home](https://example.org/)" in removed


def test_every_input_line_is_kept_or_removed() -> None:
    result = explain(MARKDOWN, keep_headline=False)
    removed = {n for r in result.removals for n in range(r.start, r.end + 1)}
    kept = set(result.text.split("\n"))
    for number, line in enumerate(MARKDOWN.split("\n"), start=1):
        assert not line.strip() or number in removed or line.rstrip() in kept, line


def test_the_format_can_be_forced() -> None:
    assert explain(MARKDOWN, input_format="text").input_format == "text"
    plain = "A line.\nAnother line.\n"
    assert explain(plain).input_format == "text"
    assert explain(plain, input_format="markdown").input_format == "markdown"
    with pytest.raises(CleanerError):
        explain(plain, input_format="html")


def test_a_text_without_blank_lines_is_told_apart() -> None:
    assert not explain("Home\nNews\n" + "\n".join(BODY) + "\n").blank_separated
    assert explain("Home\n\nNews\n\n" + "\n\n".join(BODY) + "\n").blank_separated


NODES = "\n".join(
    [
        "Home",
        "News",
        "Sport",
        "The city council voted on Tuesday to build a tram line, according to",
        "Reuters",
        ", and the work will start in spring.",
        "Critics said the money would be better spent on buses",
        "that could serve more streets",
        ".",
        "The transport company expects about 20,000 passengers a day once the line opens to the public.",
        "",
    ]
)


def test_nodes_are_judged_together_and_kept_verbatim() -> None:
    result = explain(NODES, input_format="nodes")
    assert result.input_format == "nodes" and not result.blank_separated
    kept = result.text.split("\n")
    for fragment in ("Reuters", "that could serve more streets", "."):
        assert fragment in kept
    assert "Home" not in kept
    lines = NODES.split("\n")
    for removal in result.removals:
        assert removal.text == "\n".join(lines[removal.start - 1 : removal.end])


def test_the_visible_text_can_be_asked_for() -> None:
    shown = explain(MARKDOWN, keep_headline=False, output_format="text")
    assert "](" not in shown.text and "**" not in shown.text and "![" not in shown.text
    assert "according to its own study." in shown.text
    assert shown.removals == explain(MARKDOWN, keep_headline=False).removals
    plain = "A line.\nAnother line.\n"
    assert explain(plain, output_format="text").text == explain(plain).text
    with pytest.raises(CleanerError):
        explain(plain, output_format="html")


def test_one_text_node_a_line_is_detected() -> None:
    # "Reuters" / ", and the work …": a sentence split at a link, which only one text node a
    # line shows; the same text read as text does not join the fragments.
    detected = explain(NODES)
    assert detected.input_format == "nodes" and not detected.blank_separated
    forced = explain(NODES, input_format="nodes")
    assert (forced.text, forced.removals) == (detected.text, detected.removals)
    assert explain(NODES, input_format="text").input_format == "text"
    blocks = NODES.replace("\nReuters\n, and", " Reuters, and").replace("streets\n.", "streets.")
    assert explain(blocks).input_format == "text"
