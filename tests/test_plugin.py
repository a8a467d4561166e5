"""The golden-test plugin, run in throwaway projects through its installed entry point."""

import difflib
import errno
import json
import os
import unicodedata
from importlib.metadata import entry_points
from pathlib import Path
from typing import Any

import pytest

import cleaner

pytest_plugins = ["pytester"]

PROSE = [
    "The talks ended on Sunday with a joint statement from both governments after a long week.",
    "Negotiators said the agreement would be signed next month in the capital, officials confirmed.",
]
HEADLINE = "Talks End With A Joint Statement"
# Chrome the default rules remove: C101 on line 1, C102 on line 4.
PAGE = "\n".join(["Open in App", *PROSE, "Follow Us"]) + "\n"
CLEAN = "\n".join(PROSE) + "\n"
# A story with chrome around it: C101 on line 1, C102 on 12, C103 on 13, C201 on 14-16.
STORY_PROSE = [
    *PROSE,
    "Both delegations described the final round as constructive, according to people close to the talks.",
    "The statement sets out plans for trade, energy and security cooperation over the next five years.",
]
STORY = [
    "Open in App",
    HEADLINE,
    *(line for paragraph in STORY_PROSE for line in ("", paragraph)),
    "",
    "Share this article",
    "Sign up for our newsletter",
    "Related Articles",
    "Markets rally as rates hold steady",
    "Storm season starts early this year",
]
REMOVALS_HEADER = "removals (- expected, + actual, ~ rule changed; code, line, first line of text):"
# Every other installed pytest plugin is blocked: in-process runs re-import them (hypothesis
# alone takes seconds), and ours must work on its own, loaded through its entry point.
OTHER_PLUGINS = [arg for e in entry_points(group="pytest11") if e.name != "cleaner" for arg in ("-p", f"no:{e.name}")]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def lines(page: list[str]) -> str:
    return "\n".join(page) + "\n"


def edited_story() -> list[str]:
    """The story after a scraper change: a follow prompt under the app prompt, a paragraph now a teaser."""
    edited = [STORY[0], "Follow us", *STORY[1:]]
    edited[edited.index(STORY_PROSE[2])] = "Read more…"
    return edited


def removal_codes(path: Path) -> list[tuple[str, int]]:
    """Each removal's code and first line, from a removals file in the current format."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [(r["code"], first) for r, first in zip(data["removals"], data["first_lines"], strict=True)]


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest(*OTHER_PLUGINS, "-p", "no:cacheprovider", *args)


def failure_section(result: pytest.RunResult, name: str) -> list[str]:
    """The lines pytest printed under one item's failure header."""
    lines = result.outlines
    start = next(i for i, line in enumerate(lines) if line.startswith("_") and f" {name} " in line) + 1
    end = next(i for i, line in enumerate(lines[start:], start) if line.startswith(("_", "=")))
    return lines[start:end]


@pytest.fixture
def pages(pytester: pytest.Pytester) -> Path:
    """A project whose pytest config names ``pages/`` as its golden folder."""
    pytester.makeini("[pytest]\ncleaner_golden_dirs = pages\n")
    return pytester.path / "pages"


def test_inert_until_a_folder_is_named(pytester: pytest.Pytester) -> None:
    write(pytester.path / "pages" / "story.txt", PAGE)
    assert run(pytester).ret == pytest.ExitCode.NO_TESTS_COLLECTED
    named = run(pytester, "--cleaner-golden-dir", "pages", "--collect-only", "-q")
    named.stdout.fnmatch_lines(["pages/story.txt::story", "1 test collected*"])


def test_passing_suite_names_items_after_pages(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "story.txt", PAGE)
    write(pages / "story.expected.txt", CLEAN)
    result = run(pytester, "-v")
    result.assert_outcomes(passed=1)
    result.stdout.fnmatch_lines(["pages/story.txt::story PASSED*"])


def test_failure_is_a_diff_naming_the_rule_behind_each_line(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "story.txt", PAGE)
    # Written before the page's first paragraph was edited and before C102 removed "Follow Us".
    write(pages / "story.expected.txt", "\n".join(["An older first paragraph.", PROSE[1], "Follow Us"]) + "\n")
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "pages/story.txt: clean output changed",
            "--- expected",
            "+++ actual",
            "-An older first paragraph.    <- no rule removed it (not in the page)",
            f"+{PROSE[0][:20]}*…    <- no rule removed it",
            "-Follow Us    <- removed by C102 follow-share",
            "If the change is intended: pytest --cleaner-update*",
        ]
    )
    assert "Traceback" not in result.stdout.str()


def test_final_newline_difference_is_named(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "story.txt", PAGE)
    write(pages / "story.expected.txt", CLEAN.removesuffix("\n"))
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["clean text differs only in its final newline, which the expectation lacks"])


def removals_section(result: pytest.RunResult, name: str) -> list[str]:
    """The removals diff of one item's failure, header included."""
    section = failure_section(result, name)
    start = section.index(REMOVALS_HEADER)
    return section[start : section.index("", start)]


def test_line_shifts_collapse_to_one_line(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "story.txt", PAGE)
    assert run(pytester, "--cleaner-update").ret == pytest.ExitCode.OK
    write(pages / "story.txt", "Share\n" + PAGE)  # a new share line shifts every removal down one line
    result = run(pytester)
    result.assert_outcomes(failed=1)
    assert "clean text (- expected, + actual):" not in failure_section(result, "story"), "the clean text did not change"
    assert removals_section(result, "story") == [REMOVALS_HEADER, "+ C102  1  Share", "  2 removals moved by +1 line"]


def test_scraper_edit_is_a_two_entry_removals_diff(pytester: pytest.Pytester, pages: Path) -> None:
    """A "Follow us" line added near the top, and a paragraph turned into "Read more…"."""
    write(pages / "story.txt", lines(STORY))
    run(pytester, "--cleaner-update").assert_outcomes(passed=1)
    write(pages / "story.txt", lines(edited_story()))
    result = run(pytester)
    result.assert_outcomes(failed=1)
    assert removals_section(result, "story") == [
        REMOVALS_HEADER,
        "+ C102  2  Follow us",
        "+ C111  9  Read more…",
        "  3 removals moved by +1 line",
    ]
    text_diff = failure_section(result, "story")
    assert f"-{STORY_PROSE[2][:35]}…    <- no rule removed it (not in the page)" in text_diff


def test_scraper_edit_changes_few_lines_of_the_removals_file(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "story.txt", lines(STORY))
    run(pytester, "--cleaner-update").assert_outcomes(passed=1)
    before = (pages / "story.json").read_text(encoding="utf-8")
    write(pages / "story.txt", lines(edited_story()))
    result = run(pytester, "--cleaner-update")
    result.assert_outcomes(passed=1)
    after = (pages / "story.json").read_text(encoding="utf-8")
    changed = [
        line
        for line in difflib.unified_diff(before.split("\n"), after.split("\n"), lineterm="", n=0)
        if line.startswith(("-", "+")) and not line.startswith(("---", "+++"))
    ]
    assert changed == [
        '+    {"code": "C102", "text": "Follow us"},',
        '+    {"code": "C111", "text": "Read more…"},',
        '-  "first_lines": [1, 12, 13, 14]',
        '+  "first_lines": [1, 2, 9, 13, 14, 15]',
    ]
    result.stdout.fnmatch_lines(["pages/story.txt: text: 2 lines lost; removals: 2 added; 3 removals moved by +1 line"])


def test_removal_given_to_another_rule_is_one_line(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "story.txt", PAGE)
    write(pages / "story.expected.txt", CLEAN)
    removals = '{"removals": [{"code": "C102", "text": "Open in App"}, {"code": "C102", "text": "Follow Us"}], "first_lines": [1, 4]}'
    write(pages / "story.json", removals)
    result = run(pytester)
    result.assert_outcomes(failed=1)
    assert removals_section(result, "story") == [REMOVALS_HEADER, "~ C102 -> C101  1  Open in App"]


def test_dropped_removal_is_shown_at_its_expected_line(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "cleaner.toml", 'select = ["C101", "C102"]\n')
    write(pages / "story.txt", PAGE)
    run(pytester, "--cleaner-update").assert_outcomes(passed=1)
    write(pages / "story.txt", PAGE.replace("Open in App\n", ""))
    result = run(pytester)
    assert removals_section(result, "story") == [
        REMOVALS_HEADER,
        "- C101  1  Open in App",
        "  1 removal moved by -1 line",
    ]


def test_update_writes_missing_and_stale_expectations(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "story.txt", PAGE)
    write(pages / "story.expected.txt", "stale\n")
    write(pages / "nested" / "fresh.txt", PAGE)
    result = run(pytester, "--cleaner-update")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(
        [
            "*cleaner: wrote 4 expectation files; review and commit them*",
            "pages/nested/fresh.txt: new expectation: 2 text lines, 2 removals",
            "pages/story.txt: text: 2 lines gained, 1 line lost; new removals file: 2 removals",
        ]
    )
    for stem in (pages / "story", pages / "nested" / "fresh"):
        assert stem.with_suffix(".expected.txt").read_text(encoding="utf-8") == CLEAN
        assert removal_codes(stem.with_suffix(".json")) == [("C101", 1), ("C102", 4)]
    run(pytester).assert_outcomes(passed=2)
    assert "cleaner: wrote" not in run(pytester, "--cleaner-update").stdout.str(), "nothing changed"


def test_missing_expectation_fails_and_is_not_written(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "story.txt", PAGE)
    result = run(pytester)
    result.assert_outcomes(failed=1)
    assert failure_section(result, "story") == [
        "pages/story.txt: no expectation story.expected.txt; "
        "run `pytest --cleaner-update` to write it, then review and commit it"
    ]
    assert sorted(p.name for p in pages.iterdir()) == ["story.txt"]


def test_undecodable_page_is_one_line_naming_the_file(pytester: pytest.Pytester, pages: Path) -> None:
    (pages / "bad.txt").parent.mkdir()
    (pages / "bad.txt").write_bytes(b"caf\xe9\n")
    for args in ((), ("--cleaner-update",)):
        result = run(pytester, *args)
        result.assert_outcomes(failed=1)
        assert failure_section(result, "bad") == ["pages/bad.txt: not valid UTF-8 (byte 3)"]
    assert sorted(p.name for p in pages.iterdir()) == ["bad.txt"]


def test_orphaned_expectations_fail(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "gone.expected.txt", CLEAN)
    write(pages / "gone.json", '{"removals": []}\n')
    result = run(pytester, "--cleaner-update")
    result.assert_outcomes(failed=2)
    for name in ("gone.expected.txt", "gone.json"):
        message = f"pages/{name}: no page (.txt or .html) beside this expectation; delete it or add the page"
        assert failure_section(result, name) == [message]


def test_pages_sharing_a_stem_fail(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "story.txt", PAGE)
    write(pages / "story.html", f"<p>{PROSE[0]}</p>\n")
    result = run(pytester, "--cleaner-update")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(
        ["pages/story.*: story.txt and story.html would share story.expected.txt; rename one"] * 2
    )
    assert not (pages / "story.expected.txt").exists()


@pytest.mark.parametrize(
    ("settings", "kept", "codes"),
    [
        ('select = ["C101"]', "Follow Us", ["C101"]),
        ('select = ["C101", "C102"]\nignore = ["open-in-app"]', "Open in App", ["C102"]),
    ],
)
def test_settings_choose_the_rules(
    pytester: pytest.Pytester, pages: Path, settings: str, kept: str, codes: list[str]
) -> None:
    write(pages / "cleaner.toml", settings + "\n")
    write(pages / "sub" / "story.txt", PAGE)  # settings apply down the tree
    run(pytester, "--cleaner-update").assert_outcomes(passed=1)
    assert kept in (pages / "sub" / "story.expected.txt").read_text(encoding="utf-8").split("\n")
    assert [code for code, _ in removal_codes(pages / "sub" / "story.json")] == codes


def test_leaked_line_names_the_rule_that_used_to_remove_it(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "cleaner.toml", 'select = ["C101", "C102"]\n')
    write(pages / "story.txt", PAGE)
    run(pytester, "--cleaner-update").assert_outcomes(passed=1)
    write(pages / "cleaner.toml", 'select = ["C101", "C102"]\nignore = ["C102"]\n')
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        ["+Follow Us    <- no rule removed it (expected: removed by C102)", "- C102  4  Follow Us"]
    )


def test_keep_headline_false_drops_the_headline(pytester: pytest.Pytester, pages: Path) -> None:
    page = f"{HEADLINE}\n\n{PROSE[0]}\n\n{PROSE[1]}\n"
    write(pages / "full" / "story.txt", page)
    write(pages / "body" / "story.txt", page)
    write(pages / "body" / "cleaner.toml", "keep_headline = false\n")
    run(pytester, "--cleaner-update").assert_outcomes(passed=2)
    full = (pages / "full" / "story.expected.txt").read_text(encoding="utf-8")
    body = (pages / "body" / "story.expected.txt").read_text(encoding="utf-8")
    assert HEADLINE in full and HEADLINE not in body
    assert PROSE[0] in body and PROSE[1] in body


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        (
            'selct = ["C101"]',
            "unknown key 'selct'; known keys: ignore, input_format, keep_headline, mode, output_format, select",
        ),
        ('select = ["C999"]', "select: unknown rule 'C999'; `cleaner --list-rules` lists them"),
        ('ignore = "C101"', "ignore must be a list, not 'C101'"),
        ('keep_headline = "no"', "keep_headline must be a bool, not 'no'"),
        ('mode = "pdf"', "mode must be one of auto, text, html, not 'pdf'"),
        ("select = [", "not valid TOML: *"),
    ],
)
def test_bad_settings_fail_with_one_line(pytester: pytest.Pytester, pages: Path, settings: str, message: str) -> None:
    write(pages / "cleaner.toml", settings + "\n")
    write(pages / "story.txt", PAGE)
    result = run(pytester, "--cleaner-update")
    result.assert_outcomes(failed=1)
    section = failure_section(result, "story")
    assert len(section) == 1
    pytest.LineMatcher(section).fnmatch_lines([f"pages/cleaner.toml: {message}"])
    assert not (pages / "story.expected.txt").exists()


def test_html_pages_go_through_explain_html(
    pytester: pytest.Pytester, pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[bytes, cleaner.Options]] = []

    def explain_html(html: bytes, options: cleaner.Options) -> cleaner.Result:
        calls.append((html, options))
        return cleaner.explain(PAGE, options)

    monkeypatch.setattr(cleaner, "explain_html", explain_html)
    html = f"<html><body><p>{PROSE[0]}</p></body></html>\n".encode()
    (pages / "story.html").parent.mkdir()
    (pages / "story.html").write_bytes(html)
    write(pages / "cleaner.toml", "keep_headline = false\n")
    run(pytester, "--cleaner-update").assert_outcomes(passed=1)
    assert calls == [(html, cleaner.Options(keep_headline=False))]
    assert (pages / "story.expected.txt").read_text(encoding="utf-8") == CLEAN


def columns(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def test_notes_stay_within_80_columns(pytester: pytest.Pytester, pages: Path) -> None:
    long_lines = [
        "A paragraph the page no longer has, " * 6,
        "記者会見で首相は来月の訪問を発表し、両国の協力について詳しく説明した。" * 3,
    ]
    write(pages / "story.txt", PAGE)
    write(pages / "story.expected.txt", lines([*long_lines, *PROSE]))
    result = run(pytester)
    noted = [line for line in failure_section(result, "story") if "    <- " in line]
    assert len(noted) == 2, noted
    for line in noted:
        assert 70 < columns(line) <= 80, line
        assert line.endswith("…    <- no rule removed it (not in the page)"), line
    assert noted[0].startswith("-A paragraph the page no longer has,")
    assert noted[1].startswith("-記者会見で首相は")


def test_edit_beyond_the_width_stays_in_view(pytester: pytest.Pytester, pages: Path) -> None:
    paragraph = f"{PROSE[0]} {PROSE[1]} The delegations met in the old parliament building."
    write(pages / "story.txt", f"{paragraph}\n")
    write(pages / "story.expected.txt", f"{paragraph.replace('old parliament', 'new parliament')}\n")
    noted = [line for line in failure_section(run(pytester), "story") if "    <- " in line]
    assert [line[: line.index("parliament")] for line in noted] == ["-… met in the new ", "+… met in the old "]
    for line in noted:
        assert columns(line) <= 80, line


OLD_FORMAT = """{
  "removals": [
    {"code": "C101", "lines": [1, 1], "text": "Open in App"},
    {"code": "C102", "lines": [4, 4], "text": "Follow Us"}
  ]
}
"""


@pytest.fixture
def old_format(pages: Path) -> Path:
    """A page whose removals file is in the older format (line numbers in every entry)."""
    write(pages / "story.txt", PAGE)
    write(pages / "story.expected.txt", CLEAN)
    write(pages / "story.json", OLD_FORMAT)
    return pages / "story.json"


def test_older_format_is_read(pytester: pytest.Pytester, old_format: Path) -> None:
    run(pytester).assert_outcomes(passed=1)
    write(old_format.with_name("story.txt"), "Share\n" + PAGE)
    result = run(pytester)
    assert removals_section(result, "story") == [REMOVALS_HEADER, "+ C102  1  Share", "  2 removals moved by +1 line"]
    assert old_format.read_text(encoding="utf-8") == OLD_FORMAT


def test_update_keeps_the_older_format(pytester: pytest.Pytester, old_format: Path) -> None:
    write(old_format.with_name("story.txt"), "Share\n" + PAGE)
    run(pytester, "--cleaner-update").assert_outcomes(passed=1)
    assert json.loads(old_format.read_text(encoding="utf-8")) == {
        "removals": [
            {"code": "C102", "lines": [1, 1], "text": "Share"},
            {"code": "C101", "lines": [2, 2], "text": "Open in App"},
            {"code": "C102", "lines": [5, 5], "text": "Follow Us"},
        ]
    }


def test_migrate_rewrites_the_older_format_with_the_same_removals(pytester: pytest.Pytester, old_format: Path) -> None:
    write(old_format.with_name("story.txt"), "Share\n" + PAGE)  # migrating does not update: the page still fails
    result = run(pytester, "--cleaner-migrate")
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(
        [
            "*cleaner: wrote 1 expectation file; review and commit them*",
            "pages/story.txt: same removals, rewritten in the current format",
        ]
    )
    assert old_format.read_text(encoding="utf-8") == (
        "{\n"
        '  "removals": [\n'
        '    {"code": "C101", "text": "Open in App"},\n'
        '    {"code": "C102", "text": "Follow Us"}\n'
        "  ],\n"
        '  "first_lines": [1, 4]\n'
        "}\n"
    )
    write(old_format.with_name("story.txt"), PAGE)
    again = run(pytester, "--cleaner-migrate")
    again.assert_outcomes(passed=1)
    assert "cleaner: wrote" not in again.stdout.str()


@pytest.mark.parametrize(
    ("removals", "message"),
    [
        (
            '{"removals": [{"code": "C101", "text": "Open in App"}], "first_lines": [1, 4]}',
            "not a removals file (ValueError: 1 removals but 2 first_lines)",
        ),
        ('{"removals": [{"code": "C101", "text": "Open in App"}]}', "not a removals file (KeyError: 'lines')"),
    ],
)
def test_malformed_removals_file_is_one_line(
    pytester: pytest.Pytester, pages: Path, removals: str, message: str
) -> None:
    write(pages / "story.txt", PAGE)
    write(pages / "story.expected.txt", CLEAN)
    write(pages / "story.json", removals)
    result = run(pytester)
    assert failure_section(result, "story") == [f"pages/story.json: {message}"]


@pytest.mark.parametrize("name", ["story.expected.txt", "story.json"])
def test_update_never_writes_through_a_symlink_out_of_the_folder(
    pytester: pytest.Pytester, pages: Path, name: str
) -> None:
    outside = pytester.path / "notes.txt"
    write(outside, "mine\n")
    write(pages / "story.txt", PAGE)
    (pages / name).symlink_to(outside)
    result = run(pytester, "--cleaner-update")
    result.assert_outcomes(failed=1)
    assert failure_section(result, "story") == [
        f"pages/{name}: leads through a symlink to {outside}, outside the golden folder; not written"
    ]
    assert outside.read_text(encoding="utf-8") == "mine\n"


def test_update_writes_through_a_symlink_inside_the_folder(pytester: pytest.Pytester, pages: Path) -> None:
    shared = pages / "shared" / "clean.text"
    write(shared, "stale\n")
    write(pages / "story.txt", PAGE)
    (pages / "story.expected.txt").symlink_to(shared)
    run(pytester, "--cleaner-update").assert_outcomes(passed=1)
    assert (pages / "story.expected.txt").is_symlink()
    assert shared.read_text(encoding="utf-8") == CLEAN


def test_unwritable_expectation_is_one_line(
    pytester: pytest.Pytester, pages: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: Path, *args: Any, **kwargs: Any) -> int:
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))

    write(pages / "story.txt", PAGE)
    (pages / "story.json").mkdir()  # a real error the operating system gives as root too
    result = run(pytester, "--cleaner-update")
    assert failure_section(result, "story") == ["pages/story.json: cannot write it: Is a directory"]
    (pages / "story.json").rmdir()
    (pages / "story.expected.txt").unlink()
    monkeypatch.setattr(Path, "write_text", refuse)  # a read-only folder, which root could still write to
    result = run(pytester, "--cleaner-update")
    assert failure_section(result, "story") == ["pages/story.expected.txt: cannot write it: Permission denied"]


@pytest.mark.parametrize("name", [".txt", ".html"])
def test_page_without_a_name_is_reported(pytester: pytest.Pytester, pages: Path, name: str) -> None:
    write(pages / name, PAGE)
    for args in ((), ("--cleaner-update",)):
        result = run(pytester, *args)
        result.assert_outcomes(failed=1)
        assert failure_section(result, name) == [f"pages/{name}: a page needs a name: rename it to <name>{name}"]
    assert sorted(p.name for p in pages.iterdir()) == [name]


@pytest.mark.parametrize("link", ["page", "folder"])
def test_page_linked_from_outside_the_folder_is_reported(pytester: pytest.Pytester, pages: Path, link: str) -> None:
    seed = pytester.path / "seeds" / "story.txt"
    write(seed, PAGE)
    page = pages / "story.txt" if link == "page" else pages / "seeds" / "story.txt"
    page.parent.mkdir(parents=True, exist_ok=True)
    if link == "page":
        page.symlink_to(seed)
    else:
        page.parent.rmdir()
        page.parent.symlink_to(seed.parent)
    for args in ((), ("--cleaner-update",)):
        result = run(pytester, *args)
        result.assert_outcomes(failed=1)
        message = f"leads through a symlink to {seed}, outside the golden folder; copy the page in instead"
        assert failure_section(result, "story") == [f"{page.relative_to(pytester.path)}: {message}"]
    assert sorted(p.name for p in seed.parent.iterdir()) == ["story.txt"]
    assert sorted(p.name for p in pages.iterdir()) == [page.relative_to(pages).parts[0]]
