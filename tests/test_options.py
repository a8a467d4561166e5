"""One options model: ``cleaner.Options`` in the API, in a TOML file and in ``cleaner --config``."""

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import cleaner
from cleaner import Options, OptionsError, UnknownRuleError
from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent
PAGE = (ROOT / "seeds" / "003_003f05b23ff4618a.txt").read_text(encoding="utf-8")
HTML_PAGE = (
    "<!DOCTYPE html><html><body><nav>Home | News | Sport</nav><article>"
    + "<p>The council approved the new budget on Tuesday after a long debate about the old bridge.</p>" * 3
    + "</article></body></html>"
)
BODY_ONLY = Options(keep_headline=False, ignore=("byline",))


def test_options_and_keywords_clean_alike() -> None:
    by_options = cleaner.explain(PAGE, BODY_ONLY)
    assert by_options == cleaner.explain(PAGE, keep_headline=False, ignore=["byline"])
    assert by_options != cleaner.explain(PAGE)
    assert "byline" not in {r.name for r in by_options.removals}
    assert cleaner.clean(PAGE, BODY_ONLY) == by_options.text


def test_keywords_change_the_options_they_name() -> None:
    assert cleaner.explain(PAGE, BODY_ONLY, keep_headline=True, ignore=()) == cleaner.explain(PAGE)
    assert cleaner.explain(PAGE, BODY_ONLY, keep_headline=None, ignore=None) == cleaner.explain(PAGE, BODY_ONLY)
    assert BODY_ONLY.replace(select=["C101"]) == Options(keep_headline=False, select=("C101",), ignore=("byline",))


@pytest.mark.parametrize(("mode", "explain"), [("html", cleaner.explain_html), ("text", cleaner.explain)])
def test_explain_any_reads_as_the_mode_says(mode: cleaner.Mode, explain: object) -> None:
    assert callable(explain)
    assert cleaner.explain_any(HTML_PAGE, Options(mode=mode)) == explain(HTML_PAGE)
    assert cleaner.explain_any(HTML_PAGE, mode=mode) == explain(HTML_PAGE)


def test_auto_mode_detects_html() -> None:
    assert cleaner.explain_any(HTML_PAGE) == cleaner.explain_html(HTML_PAGE) != cleaner.explain(HTML_PAGE)
    assert cleaner.explain_any(HTML_PAGE, Options(mode="text"), mode=None) == cleaner.explain(HTML_PAGE)


@pytest.mark.parametrize(
    ("values", "error", "message"),
    [
        ({"keep_headline": "no"}, OptionsError, "keep_headline must be a bool, not 'no'"),
        ({"select": "C101"}, OptionsError, "select must be a list, not 'C101'"),
        ({"ignore": [101]}, OptionsError, 'ignore must list rule codes or names, e.g. ignore = ["C101"]'),
        ({"select": ["C999"]}, UnknownRuleError, "select: unknown rule 'C999'; `cleaner --list-rules` lists them"),
        ({"mode": "pdf"}, OptionsError, "mode must be one of auto, text, html, not 'pdf'"),
        ({"input_format": "rst"}, OptionsError, "input_format must be one of auto, markdown, text, nodes, not 'rst'"),
        ({"output_format": "md"}, OptionsError, "output_format must be one of input, text, not 'md'"),
    ],
)
def test_bad_values_are_refused_in_one_line(values: dict[str, object], error: type, message: str) -> None:
    with pytest.raises(error) as caught:
        Options(**values)  # type: ignore[arg-type]
    assert str(caught.value) == message
    with pytest.raises(error):
        cleaner.explain(PAGE, **values)  # type: ignore[arg-type]


def test_the_layout_options_carry_from_a_toml_file_to_the_result(tmp_path: Path) -> None:
    settings = tmp_path / "cleaner.toml"
    settings.write_text('input_format = "markdown"\noutput_format = "text"\n', encoding="utf-8")
    options = Options.from_toml(settings)
    page = (
        "## The talks\n\nThe talks ended on Sunday with a [joint statement](https://example.org/s) from both leaders.\n"
    )
    result = cleaner.explain(page, options)
    assert result.input_format == "markdown"
    assert "https://" not in result.text and "joint statement from both leaders." in result.text


def test_options_are_frozen_hashable_and_pickle() -> None:
    options = Options(select=["C101", "follow-share"])
    assert options.select == ("C101", "follow-share")
    assert pickle.loads(pickle.dumps(options)) == options
    assert len({options, Options(select=("C101", "follow-share"))}) == 1
    with pytest.raises(AttributeError):
        options.keep_headline = False  # type: ignore[misc]


def test_a_toml_file_holds_the_same_keys(tmp_path: Path) -> None:
    path = tmp_path / "cleaner.toml"
    path.write_text('keep_headline = false\nignore = ["byline"]\nmode = "text"\n', encoding="utf-8")
    assert Options.from_toml(path) == BODY_ONLY.replace(mode="text")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            'selct = ["C101"]',
            "unknown key 'selct'; known keys: ignore, input_format, keep_headline, mode, output_format, select",
        ),
        ('select = ["nope"]', "select: unknown rule 'nope'; `cleaner --list-rules` lists them"),
        ("select = [", "not valid TOML: "),
    ],
)
def test_a_bad_toml_file_is_named_with_the_problem(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "cleaner.toml"
    path.write_text(content + "\n", encoding="utf-8")
    with pytest.raises(cleaner.CleanerError) as caught:
        Options.from_toml(path)
    assert str(caught.value).startswith(f"{path}: {message}")
    assert "\n" not in str(caught.value)


def test_importing_the_package_loads_neither_the_core_nor_a_toml_parser() -> None:
    code = "import sys, cleaner; cleaner.Options(); print(sorted({'cleaner._core', 'tomllib'} & set(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


# -- cleaner --config ------------------------------------------------------------


def run(*args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.fixture
def config(tmp_path: Path) -> Path:
    path = tmp_path / "cleaner.toml"
    path.write_text('keep_headline = false\nignore = ["byline"]\n', encoding="utf-8")
    return path


def test_config_file_sets_the_options(config: Path) -> None:
    result = run("--config", str(config), stdin=PAGE)
    assert result.exit_code == 0, result.stderr
    assert result.stdout == cleaner.clean(PAGE, BODY_ONLY)
    assert result.stdout != cleaner.clean(PAGE)


def test_command_line_options_replace_the_files(config: Path) -> None:
    result = run("--config", str(config), "--keep-headline", "--ignore", "C101", stdin=PAGE)
    assert result.stdout == cleaner.clean(PAGE, ignore=["C101"])


def test_config_file_applies_to_corpus_mode(config: Path) -> None:
    result = run("--config", str(config), "--jsonl", "-j", "1", "-q", stdin=json.dumps({"text": PAGE}) + "\n")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout) == {"text": cleaner.clean(PAGE, BODY_ONLY)}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            'keep_headline = false\nselct = ["C101"]',
            "unknown key 'selct'; known keys: ignore, input_format, keep_headline, mode, output_format, select",
        ),
        ('mode = "pdf"', "mode must be one of auto, text, html, not 'pdf'"),
    ],
)
def test_bad_config_is_a_usage_error_naming_key_and_file(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "settings.toml"
    path.write_text(content + "\n", encoding="utf-8")
    result = run("--config", str(path), stdin=PAGE)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert f"Error: Invalid value for '--config': {path}: {message}\n" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_config_is_a_usage_error(tmp_path: Path) -> None:
    result = run("--config", str(tmp_path / "none.toml"), stdin=PAGE)
    assert result.exit_code == 2
    assert f"{tmp_path / 'none.toml'}: cannot read: No such file or directory" in result.stderr


def test_config_mode_decides_how_input_is_read(tmp_path: Path) -> None:
    path = tmp_path / "cleaner.toml"
    path.write_text('mode = "text"\n', encoding="utf-8")
    as_text = run("--config", str(path), stdin=HTML_PAGE)
    assert as_text.exit_code == 0 and as_text.stdout == cleaner.clean(HTML_PAGE)
    assert "<p>" in as_text.stdout
    as_html = run("--config", str(path), "--html", stdin=HTML_PAGE)
    assert as_html.stdout == cleaner.clean_html(HTML_PAGE) and "<p>" not in as_html.stdout
