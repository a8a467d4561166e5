"""The golden-test plugin, run in throwaway projects through its installed entry point."""

import json
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
# Every other installed pytest plugin is blocked: in-process runs re-import them (hypothesis
# alone takes seconds), and ours must work on its own, loaded through its entry point.
OTHER_PLUGINS = [arg for e in entry_points(group="pytest11") if e.name != "cleaner" for arg in ("-p", f"no:{e.name}")]


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def removal_codes(path: Path) -> list[tuple[str, list[int]]]:
    return [(r["code"], r["lines"]) for r in json.loads(path.read_text(encoding="utf-8"))["removals"]]


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
            f"+{PROSE[0]}    <- no rule removed it",
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


def test_failure_shows_the_removal_table_diff(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "story.txt", PAGE)
    assert run(pytester, "--cleaner-update").ret == pytest.ExitCode.OK
    write(pages / "story.txt", "Share\n" + PAGE)  # a new share line shifts every removal down one line
    result = run(pytester)
    result.assert_outcomes(failed=1)
    section = failure_section(result, "story")
    assert "clean text (- expected, + actual):" not in section, "the clean text did not change"
    assert section[section.index("removals (- expected, + actual; code, lines, first line of text):") + 1 :][:5] == [
        "- C101  1  Open in App",
        "+ C102  1  Share",
        "+ C101  2  Open in App",
        "- C102  4  Follow Us",
        "+ C102  5  Follow Us",
    ]


def test_update_writes_missing_and_stale_expectations(pytester: pytest.Pytester, pages: Path) -> None:
    write(pages / "story.txt", PAGE)
    write(pages / "story.expected.txt", "stale\n")
    write(pages / "nested" / "fresh.txt", PAGE)
    result = run(pytester, "--cleaner-update")
    result.assert_outcomes(passed=2)
    result.stdout.fnmatch_lines(["*cleaner: wrote 4 expectation files; review and commit them*"])
    for stem in (pages / "story", pages / "nested" / "fresh"):
        assert stem.with_suffix(".expected.txt").read_text(encoding="utf-8") == CLEAN
        assert removal_codes(stem.with_suffix(".json")) == [("C101", [1, 1]), ("C102", [4, 4])]
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
        ('selct = ["C101"]', "unknown key 'selct'; known keys: ignore, keep_headline, mode, select"),
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
    calls: list[tuple[bytes, dict[str, Any]]] = []

    def explain_html(html: bytes, **options: Any) -> cleaner.Result:
        calls.append((html, options))
        return cleaner.explain(PAGE, **options)

    monkeypatch.setattr(cleaner, "explain_html", explain_html)
    html = f"<html><body><p>{PROSE[0]}</p></body></html>\n".encode()
    (pages / "story.html").parent.mkdir()
    (pages / "story.html").write_bytes(html)
    write(pages / "cleaner.toml", "keep_headline = false\n")
    run(pytester, "--cleaner-update").assert_outcomes(passed=1)
    assert calls == [(html, {"keep_headline": False})]
    assert (pages / "story.expected.txt").read_text(encoding="utf-8") == CLEAN
