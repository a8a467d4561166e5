import json
from pathlib import Path

from click.testing import CliRunner

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
    assert result.stderr.startswith(f"cleaner: {bad}: not valid UTF-8 (byte 3)")
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
