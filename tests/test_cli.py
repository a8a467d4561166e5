import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "003_003f05b23ff4618a.txt"


def run(*args: str, stdin: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=stdin)


def test_filters_stdin_to_stdout() -> None:
    result = run(stdin="Open in App\nThe talks ended on Sunday with a joint statement.\n")
    assert result.exit_code == 0
    assert result.stdout == "The talks ended on Sunday with a joint statement.\n"
    assert result.stderr == ""


def test_explain_goes_to_stderr() -> None:
    result = run(str(SEED), "--explain")
    assert result.exit_code == 0
    assert "Open in App" not in result.stdout
    assert "C101  open-in-app" in result.stderr
    assert "C201  related-list" in result.stderr


def test_json_format() -> None:
    result = run(str(SEED), "--format", "json")
    record = json.loads(result.stdout)
    assert record["file"] == str(SEED)
    assert {"code": "C101", "name": "open-in-app", "lines": [10, 10], "text": "Open in App"} in record["removals"]


def test_missing_file_is_one_line_and_others_still_run(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Follow Us\nA sentence that stays in the article.\n", encoding="utf-8")
    result = run(str(tmp_path / "missing.txt"), str(good))
    assert result.exit_code == 1
    assert result.stdout == "A sentence that stays in the article.\n"
    assert result.stderr.strip().count("\n") == 0
    assert "missing.txt" in result.stderr and "Traceback" not in result.stderr


def test_undecodable_file_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9\n")
    result = run(str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"cleaner: {bad}: not valid UTF-8 (byte 4)")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_select_and_ignore() -> None:
    text = "Open in App\nFollow Us\n"
    assert run("--select", "C101", stdin=text).stdout == "Follow Us\n"
    assert run("--ignore", "open-in-app,C102", "--select", "C101,C102", stdin=text).stdout == text


def test_unknown_code_is_a_usage_error() -> None:
    result = run("--ignore", "C999", stdin="x\n")
    assert result.exit_code == 2
    assert "unknown rule 'C999'" in result.stderr


def test_list_and_show_rules() -> None:
    listing = run("--list-rules").stdout
    assert "C201  related-list" in listing
    shown = run("--show-rule", "C101")
    assert shown.exit_code == 0 and "Removed:" in shown.stdout and "Open in App" in shown.stdout
    assert run("--show-rule", "nope").exit_code == 2


def test_help_has_examples() -> None:
    assert "scraper | cleaner > article.txt" in run("--help").stdout


def test_body_only() -> None:
    out = run(str(ROOT / "seeds" / "004_d2a5567b2d8e0d99.txt"), "--body-only").stdout
    assert not out.startswith("South Korea, Japan agree")


# -- option semantics (issue 14) ---------------------------------------------------------


def test_html_and_text_together_are_a_usage_error() -> None:
    result = run("--html", "--text", stdin="x\n")
    assert result.exit_code == 2
    assert "--html and --text contradict each other" in result.stderr and result.stdout == ""


@pytest.mark.parametrize(
    "args", [["--select", ""], ["--select", " , "], ["--ignore", ""], ["--select", "C101", "--select", ""]]
)
def test_empty_rule_lists_are_usage_errors(args: list[str]) -> None:
    # `--select ''` once selected nothing, which means every rule.
    result = run(*args, stdin="Open in App\n")
    assert result.exit_code == 2
    assert "empty: give rule codes or names" in result.stderr and result.stdout == ""


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--field", "body"], "--field only works with --jsonl"),
        (["--field", "text"], "--field only works with --jsonl"),
        (["--html-field", "html"], "--html-field only works with --jsonl"),
        (["--removals-field", "r"], "--removals-field only works with --jsonl"),
        (["--language-field", "l"], "--language-field only works with --jsonl"),
        (["--on-error", "skip"], "--on-error only works with --jsonl or --output-dir"),
        (["-j", "2"], "-j/--jobs only works with --jsonl or --output-dir"),
        (["--jobs", "2"], "-j/--jobs only works with --jsonl or --output-dir"),
        (["-q"], "-q/--quiet only works with --jsonl or --output-dir"),
        (["-o", "out.jsonl"], "-o/--output only works with --jsonl; for plain text use --output-dir"),
    ],
)
def test_corpus_options_are_refused_in_text_mode(args: list[str], named: str) -> None:
    result = run(*args, stdin="Open in App\n")
    assert result.exit_code == 2
    assert named in result.stderr and result.stdout == ""


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["--field", "body"], "--field only works with --jsonl"),
        (["--removals-field", "r"], "--removals-field only works with --jsonl"),
        (["--explain"], "--explain only works with plain-text mode"),
        (["--format", "json"], "--format only works with plain-text mode"),
    ],
)
def test_jsonl_options_are_refused_with_output_dir(tmp_path: Path, args: list[str], named: str) -> None:
    result = run(*args, "--output-dir", str(tmp_path / "out"), str(SEED))
    assert result.exit_code == 2
    assert named in result.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("flag", ["--explain", "--format=json"])
def test_explain_with_jsonl_says_where_removals_go(flag: str) -> None:
    result = run("--jsonl", flag, stdin='{"text": "x"}\n')
    assert result.exit_code == 2
    assert "--removals-field NAME adds each record's removals" in result.stderr


@pytest.mark.parametrize("flag", ["-V", "-v", "--version"])
def test_version_flags(flag: str) -> None:
    result = run(flag)
    assert (result.exit_code, result.stdout) == (0, f"cleaner, version {cleaner.__version__}\n")


def test_counts_are_singular_for_one() -> None:
    one = run("--explain", stdin="Open in App\nThe talks ended on Sunday with a joint statement.\n")
    assert "<stdin>: 1 removal\n" in one.stderr
    two = run("--explain", stdin="Open in App\nFollow Us\nThe talks ended on Sunday with a joint statement.\n")
    assert "<stdin>: 2 removals\n" in two.stderr
    summary = run("--jsonl", "-j", "1", stdin='{"text": 1}\n')
    assert "cleaner: 1 record in, 1 out, 1 error, 0 of 0 bytes removed\n" in summary.stderr


@pytest.mark.parametrize("args", [["--help"], ["--version"], ["-h"]])
def test_help_and_version_do_not_load_the_rules(args: list[str]) -> None:
    probe = (
        "import sys\n"
        "from cleaner.cli import main\n"
        f"try:\n    main.main({args!r}, standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "loaded = sorted(m for m in ('cleaner._core', 'cleaner.registry', 'cleaner.corpus') if m in sys.modules)\n"
        "print(loaded, file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, cwd=ROOT, timeout=120, check=True)
    assert done.stderr == b"[]\n"


def test_cleaning_a_text_file_loads_neither_dataclasses_nor_json(tmp_path: Path) -> None:
    # Each costs about 8 ms of a start-up budgeted at 100 ms; plain text needs neither.
    page = tmp_path / "page.txt"
    page.write_text("Open in App\nThe talks ended on Sunday with a joint statement.\n", encoding="utf-8")
    probe = (
        "import sys\n"
        "from cleaner.cli import main\n"
        f"try:\n    main.main([{str(page)!r}], standalone_mode=False)\n"
        "except SystemExit:\n    pass\n"
        "print(sorted(m for m in ('dataclasses', 'json') if m in sys.modules), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, cwd=ROOT, timeout=120, check=True)
    assert done.stdout == b"The talks ended on Sunday with a joint statement.\n"
    assert done.stderr == b"[]\n"


def test_file_names_stay_on_one_line(tmp_path: Path) -> None:
    newline = tmp_path / "a\nb.txt"
    latin1 = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
    result = run(str(newline), str(latin1))
    assert result.exit_code == 1
    assert result.stderr_bytes.decode("utf-8").splitlines() == [
        f"cleaner: {tmp_path}/a\\nb.txt: No such file or directory",
        f"cleaner: {tmp_path}/caf\\xe9.txt: No such file or directory",
    ]


def test_json_output_stays_valid_utf8_with_an_undecodable_file_name(tmp_path: Path) -> None:
    page = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9.txt"))
    page.write_text("Open in App\nThe talks ended on Sunday with a joint statement.\n", encoding="utf-8")
    result = run("--format", "json", str(page))
    assert result.exit_code == 0, result.stderr
    record = json.loads(result.stdout_bytes.decode("utf-8"))
    assert record["file"] == f"{tmp_path}/caf\\xe9.txt"
    assert record["text"] == "The talks ended on Sunday with a joint statement.\n"


MARKDOWN_PAGE = (
    "[Home](https://example.org) | [News](https://example.org/news)\n\n"
    "The talks ended on Sunday with a [joint statement](https://example.org/s) from both leaders, "
    "who met for six hours in the capital.\n"
)


def test_markdown_stays_markdown_unless_visible_text_is_asked_for() -> None:
    kept = run("--body-only", stdin=MARKDOWN_PAGE)
    assert kept.exit_code == 0 and kept.stdout == MARKDOWN_PAGE.split("\n\n", 1)[1]
    visible = run("--body-only", "--input-format", "markdown", "--output-format", "text", stdin=MARKDOWN_PAGE)
    assert visible.stdout == (
        "The talks ended on Sunday with a joint statement from both leaders, who met for six hours in the capital.\n"
    )


def test_input_format_overrides_the_detected_layout() -> None:
    for given in ("markdown", "text"):
        as_json = run("--format", "json", "--input-format", given, stdin=MARKDOWN_PAGE)
        assert json.loads(as_json.stdout)["input_format"] == given
    assert run("--input-format", "rst", stdin=MARKDOWN_PAGE).exit_code == 2
