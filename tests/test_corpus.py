"""Corpus mode: JSON Lines in and out, errors, -j equality, gzip, batch output, progress."""

import gzip
import io
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

import cleaner
from cleaner import corpus
from cleaner.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))[:3]
SHORT = "Open in App\nRecord {} says the talks ended on Sunday with a joint statement.\n"


def run(*args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def line(**record: Any) -> str:
    return json.dumps(record, ensure_ascii=False) + "\n"


def short_records(count: int) -> str:
    return "".join(line(id=i, text=SHORT.format(i)) for i in range(count))


@pytest.fixture
def seed_jsonl(tmp_path: Path) -> Path:
    """Real pages with fields around the text whose spelling json.dumps would change."""
    path = tmp_path / "pages.jsonl"
    rows = [
        f'{{"url": "https://example.org/{i}",  "score": 1.50, "text": {json.dumps(p.read_text(encoding="utf-8"))}, '
        f'"title": "caf\\u00e9", "tags": [ ], "big": 12345678901234567890}}\n'
        for i, p in enumerate(SEEDS)
    ]
    path.write_text("".join(rows), encoding="utf-8")
    return path


def test_round_trip_cleans_only_the_field(seed_jsonl: Path) -> None:
    result = run("--jsonl", "-j", "1", str(seed_jsonl))
    assert result.exit_code == 0, result.stderr
    ins = seed_jsonl.read_text(encoding="utf-8").splitlines(keepends=True)
    outs = result.stdout.splitlines(keepends=True)
    assert len(outs) == len(ins)
    for raw_in, raw_out in zip(ins, outs, strict=True):
        before, after = json.loads(raw_in), json.loads(raw_out)
        assert list(after) == list(before)
        assert after["text"] == cleaner.clean(before["text"])
        assert after["text"] != before["text"]
        start, end = raw_in.index('"text": ') + len('"text": '), raw_in.index(', "title"')
        assert raw_out == raw_in[:start] + json.dumps(after["text"], ensure_ascii=False) + raw_in[end:]


def test_summary_counts_records_and_bytes(seed_jsonl: Path) -> None:
    result = run("--jsonl", "-j", "1", str(seed_jsonl))
    texts = [json.loads(row)["text"] for row in seed_jsonl.read_text(encoding="utf-8").splitlines()]
    removed = sum(len(t.encode()) - len(cleaner.clean(t).encode()) for t in texts)
    n = len(texts)
    assert f"{n} records in, {n} out, 0 errors, {removed:,} of" in result.stderr
    assert result.stderr.count("\n") == 1


def test_removals_field_lists_each_removal(seed_jsonl: Path) -> None:
    result = run("--jsonl", "-j", "1", "--removals-field", "removed", "--body-only", str(seed_jsonl))
    for raw_in, raw_out in zip(
        seed_jsonl.read_text(encoding="utf-8").splitlines(), result.stdout.splitlines(), strict=True
    ):
        expected = cleaner.explain(json.loads(raw_in)["text"], keep_headline=False)
        record = json.loads(raw_out)
        assert list(record)[-1] == "removed"
        assert record["removed"] == [r.to_dict() for r in expected.removals]
        assert record["text"] == expected.text


def test_existing_removals_field_is_replaced_in_place() -> None:
    result = run("--jsonl", "-j", "1", "--removals-field", "r", stdin=line(r="old", text="Open in App\n", n=1))
    record = json.loads(result.stdout)
    assert list(record) == ["r", "text", "n"]
    assert record["r"][0]["code"] == "C101"


def test_language_field_names_each_clean_text_language() -> None:
    german = "Teilen\nDie Regierung hat am Montag in Berlin einen neuen Plan für die Energiewende vorgestellt, der auch die Industrie betrifft.\n"
    english = "Share\nThe government presented a new plan for the energy transition in London on Monday, and it affects industry too.\n"
    stdin = line(id=1, text=german) + line(id=2, text=english) + line(id=3, text="相关新闻\n")
    result = run("--jsonl", "-j", "1", "--language-field", "lang", stdin=stdin)
    records = [json.loads(row) for row in result.stdout.splitlines()]
    assert [r["lang"] for r in records] == ["German", "English", None]
    assert [list(r) for r in records] == [["id", "text", "lang"]] * 3
    assert records[0]["text"] == cleaner.clean(german)


def test_parallel_output_is_identical_and_in_order() -> None:
    count = corpus.CHUNK_RECORDS * (2 * corpus.WINDOW_PER_JOB + 3) + 3  # more chunks than the window holds
    text = short_records(count)
    one, two = run("--jsonl", "-j", "1", stdin=text), run("--jsonl", "-j", "2", stdin=text)
    assert one.exit_code == two.exit_code == 0
    assert one.stdout_bytes == two.stdout_bytes
    assert [json.loads(row)["id"] for row in two.stdout.splitlines()] == list(range(count))


BAD_LINES = {
    "not valid JSON": '{"text": "a",',
    "no field 'text'": '{"body": "Follow Us"}',
    "field 'text' is a number, not a string": '{"text": 5}',
    "the record is an array, not a JSON object": '["text"]',
}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_bad_records_are_kept_and_reported_with_line_numbers(jobs: str) -> None:
    good = line(text=SHORT.format(0))
    text = good + "".join(bad + "\n" for bad in BAD_LINES.values()) + good
    result = run("--jsonl", "-j", jobs, stdin=text)
    assert result.exit_code == 1
    outs = result.stdout.splitlines()
    assert outs[1:-1] == list(BAD_LINES.values())
    assert json.loads(outs[0])["text"] == json.loads(outs[-1])["text"] == cleaner.clean(SHORT.format(0))
    for number, message in enumerate(BAD_LINES, start=2):
        assert f"cleaner: <stdin>:{number}: {message}" in result.stderr
    assert "6 records in, 6 out, 4 errors" in result.stderr
    assert "Traceback" not in result.stderr


def test_invalid_utf8_line_is_kept_byte_for_byte() -> None:
    bad = b'{"text": "caf\xe9"}\n'
    result = run("--jsonl", "-j", "1", stdin=bad + line(text="x").encode())
    assert result.stdout_bytes.startswith(bad)
    assert "<stdin>:1: not valid UTF-8 (byte 14)" in result.stderr


def test_skip_drops_bad_records_but_reports_them() -> None:
    result = run("--jsonl", "-j", "1", "--on-error", "skip", stdin='{"text": 1}\n' + short_records(2))
    assert result.exit_code == 1
    assert [json.loads(row)["id"] for row in result.stdout.splitlines()] == [0, 1]
    assert "<stdin>:1: field 'text' is a number" in result.stderr
    assert "3 records in, 2 out, 1 error," in result.stderr


def test_fail_stops_and_leaves_the_output_file_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    result = run("--jsonl", "-j", "1", "--on-error", "fail", "-o", str(out), stdin=short_records(2) + "{oops\n")
    assert result.exit_code == 1
    assert result.stderr.startswith("cleaner: <stdin>:3: not valid JSON")
    assert "--on-error fail" in result.stderr and result.stderr.count("\n") == 1
    assert out.read_text(encoding="utf-8") == "previous run\n"
    assert [p.name for p in tmp_path.iterdir()] == ["out.jsonl"]


def test_blank_lines_crlf_and_bom_survive() -> None:
    text = "\ufeff" + line(text=SHORT.format(1)).replace("\n", "\r\n") + "\n" + line(text=SHORT.format(2))
    result = run("--jsonl", "-j", "1", stdin=text.encode("utf-8"))
    assert result.exit_code == 0
    first, blank, last = result.stdout_bytes.split(b"\n", 2)
    assert first.endswith(b"}\r") and blank == b""
    assert json.loads(first)["text"] == cleaner.clean(SHORT.format(1))
    assert json.loads(last)["text"] == cleaner.clean(SHORT.format(2))
    assert "2 records in, 2 out" in result.stderr


def test_lone_surrogate_escape_still_writes_valid_utf8() -> None:
    result = run("--jsonl", "-j", "1", stdin='{"text": "A sentence that stays \\ud800 here."}\n')
    assert result.exit_code == 0
    assert json.loads(result.stdout_bytes.decode("utf-8"))["text"] == cleaner.clean(
        "A sentence that stays \ud800 here."
    )


def test_gzip_in_and_out_by_extension(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl.gz"
    text = short_records(5)
    with gzip.open(source, "wt", encoding="utf-8") as handle:
        handle.write(text)
    out = tmp_path / "out.jsonl.gz"
    result = run("--jsonl", "-j", "1", str(source), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert gzip.decompress(out.read_bytes()) == run("--jsonl", "-j", "1", stdin=text).stdout_bytes


def test_truncated_gzip_keeps_what_was_read_and_names_the_file(tmp_path: Path) -> None:
    source = tmp_path / "cut.jsonl.gz"
    whole = gzip.compress(short_records(200).encode())
    source.write_bytes(whole[: len(whole) // 2])
    result = run("--jsonl", "-j", "2", str(source))
    assert result.exit_code == 1
    ids = [json.loads(row)["id"] for row in result.stdout.splitlines()]
    assert ids == list(range(len(ids))) and ids
    assert f"cleaner: {source}: line {len(ids) + 1}:" in result.stderr
    assert "Traceback" not in result.stderr


def test_missing_file_is_reported_and_others_still_run(tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(short_records(1), encoding="utf-8")
    result = run("--jsonl", "-j", "1", str(tmp_path / "missing.jsonl"), str(good))
    assert result.exit_code == 1
    assert json.loads(result.stdout)["id"] == 0
    assert "missing.jsonl: line 1: No such file or directory" in result.stderr


def test_quiet_prints_nothing_on_success() -> None:
    result = run("--jsonl", "-j", "1", "-q", stdin=short_records(2))
    assert result.exit_code == 0 and result.stderr == ""


def test_html_field_fills_the_text_field(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_explain_html(html: str, options: cleaner.Options) -> cleaner.Result:
        return cleaner.Result(f"{len(html)} {options.keep_headline} {options.select}\n", ())

    monkeypatch.setattr(cleaner, "explain_html", fake_explain_html)
    rows = line(html="<p>ab</p>") + line(text="old", html="<b>") + line(id=3)
    result = run("--jsonl", "-j", "1", "--html-field", "html", "--body-only", "--select", "C101", stdin=rows)
    records = [json.loads(row) for row in result.stdout.splitlines()]
    assert records[0] == {"html": "<p>ab</p>", "text": "9 False ('C101',)\n"}
    assert records[1] == {"text": "3 False ('C101',)\n", "html": "<b>"}
    assert records[2] == {"id": 3}
    assert "<stdin>:3: no field 'html'" in result.stderr


@pytest.mark.parametrize(
    "args",
    [["-o", "out.jsonl"], ["--jsonl", "--output-dir", "d"], ["--jsonl", "--explain"], ["--jsonl", "--format", "json"]],
)
def test_mode_mixes_are_usage_errors(args: list[str]) -> None:
    result = run(*args, stdin="x\n")
    assert result.exit_code == 2
    assert result.stdout == ""


@pytest.mark.parametrize("choice", corpus.ON_ERROR_CHOICES)
def test_every_on_error_choice_is_offered(choice: str) -> None:
    assert run("--jsonl", "-j", "1", "--on-error", choice, stdin=short_records(1)).exit_code == 0


def test_output_dir_keeps_file_names(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("-j", "2", "--output-dir", str(out), *map(str, SEEDS))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in SEEDS)
    for seed in SEEDS:
        assert (out / seed.name).read_text(encoding="utf-8") == cleaner.clean(seed.read_text(encoding="utf-8"))
    assert f"{len(SEEDS)} files in, {len(SEEDS)} out, 0 errors" in result.stderr


def test_output_dir_reports_unreadable_files_and_writes_the_rest(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SHORT.format(1), encoding="utf-8")
    result = run("-j", "1", "--output-dir", str(tmp_path / "out"), str(tmp_path / "missing.txt"), str(good))
    assert result.exit_code == 1
    assert (tmp_path / "out" / "good.txt").read_text(encoding="utf-8") == cleaner.clean(SHORT.format(1))
    assert "missing.txt" in result.stderr


def test_output_dir_refuses_to_overwrite_its_input(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text(SHORT.format(1), encoding="utf-8")
    result = run("-j", "1", "--output-dir", str(tmp_path), str(page))
    assert result.exit_code == 1
    assert page.read_text(encoding="utf-8") == SHORT.format(1)


@pytest.mark.parametrize("names", [["a/page.txt", "b/page.txt"], ["-"], []])
def test_output_dir_usage_errors(tmp_path: Path, names: list[str]) -> None:
    result = run("--output-dir", str(tmp_path / "out"), *names, stdin="x\n")
    assert result.exit_code == 2
    assert not (tmp_path / "out").exists()


def counted(total: int, seen: list[int]) -> Iterator[int]:
    for i in range(total):
        seen.append(i)
        yield i


def test_parallel_map_reads_a_bounded_window_ahead() -> None:
    seen: list[int] = []
    results = corpus.ordered_map(abs, counted(1000, seen), jobs=2)
    assert next(results) == 0
    assert len(seen) <= 2 * corpus.WINDOW_PER_JOB + 1
    assert list(results) == list(range(1, 1000))


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_only_on_a_terminal_and_not_quiet() -> None:
    assert corpus.make_progress(io.StringIO(), quiet=False, total_bytes=None) is None
    assert corpus.make_progress(Terminal(), quiet=True, total_bytes=None) is None
    assert corpus.make_progress(Terminal(), quiet=False, total_bytes=None) is not None


def test_progress_shows_records_megabytes_and_rates() -> None:
    now = [0.0]
    stream = Terminal()
    progress = corpus.Progress(stream, total_bytes=4_000_000, clock=lambda: now[0])
    progress.update(10, 1_000_000)
    assert stream.getvalue() == ""
    now[0] = 2.0
    progress.update(10, 1_000_000)
    progress.close()
    shown = stream.getvalue().split("\r")[-1]
    assert " 50%  20 records  2.0 MB  10 records/s  1.0 MB/s" in shown
    assert shown.endswith("\n")


def test_errors_are_drawn_above_the_progress_line() -> None:
    stream = Terminal()
    progress = corpus.Progress(stream)
    progress.draw()
    corpus.Messages(stream, progress).report("in.jsonl:3: no field 'text'", "keep")
    before, error, after = stream.getvalue().rsplit("\r", 2)
    assert error == "\x1b[Kcleaner: in.jsonl:3: no field 'text'\n"
    assert "records/s" in before and "records/s" in after


JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8)
JSON_VALUES = st.recursive(
    JSON_SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
)


@settings(max_examples=100, deadline=None)
@given(
    record=st.dictionaries(st.text(max_size=6), JSON_VALUES, max_size=5),
    spacing=st.sampled_from([(",", ":"), (", ", ": "), (" ,\t", " :  ")]),
    ascii_only=st.booleans(),
)
def test_scanner_agrees_with_json_loads(record: dict[str, Any], spacing: tuple[str, str], ascii_only: bool) -> None:
    text = json.dumps(record, separators=spacing, ensure_ascii=ascii_only)
    scanned = corpus.scan_object(f" {text} ")
    members, close = scanned.members, scanned.close
    assert {key: m.value for key, m in members.items()} == json.loads(text)
    assert all(json.loads(f" {text} "[m.start : m.end]) == m.value for m in members.values())
    assert f" {text} "[close] == "}"


@pytest.mark.parametrize("bad", ['{"a": 1} x', '{"a" 1}', '{"a": 1,}', "{1: 2}", '{"a": nul}'])
def test_scanner_rejects_what_json_loads_rejects(bad: str) -> None:
    with pytest.raises(json.JSONDecodeError):
        json.loads(bad)
    with pytest.raises(corpus.RecordError, match="not valid JSON"):
        corpus.scan_object(bad)


def test_html_field_uses_the_library_html_cleaner() -> None:
    paragraph = "<p>The council approved the new budget on Tuesday after a long debate about the bridge.</p>"
    html = f"<html><body><nav>Home | News</nav><article>{paragraph * 3}</article></body></html>"
    result = run("--jsonl", "-j", "1", "--html-field", "html", stdin=line(id=1, html=html))
    assert result.exit_code == 0, result.stderr
    expected = cleaner.explain_html(html)
    assert json.loads(result.stdout) == {"id": 1, "html": html, "text": expected.text}


HTML_PAGE = (
    "<!DOCTYPE html><html><body><nav>Home | News | Sport</nav><article>"
    + "<p>The council approved the new budget on Tuesday after a long debate about the old bridge.</p>" * 3
    + "</article></body></html>"
)


def test_html_values_are_detected_as_in_text_mode(tmp_path: Path) -> None:
    expected = cleaner.explain_html(HTML_PAGE)
    result = run("--jsonl", "-j", "1", "--removals-field", "r", stdin=line(text=HTML_PAGE))
    record = json.loads(result.stdout)
    assert record["text"] == expected.text
    assert record["r"] == [r.to_dict() for r in expected.removals]
    page = tmp_path / "page.html"
    page.write_text(HTML_PAGE, encoding="utf-8")
    assert run("-j", "1", "--output-dir", str(tmp_path / "out"), str(page)).exit_code == 0
    assert (tmp_path / "out" / "page.html").read_text(encoding="utf-8") == expected.text


@pytest.mark.parametrize(("mode", "explain"), [("html", cleaner.explain_html), ("text", cleaner.explain)])
def test_settings_mode_forces_how_values_are_read(mode: str, explain: Any) -> None:
    settings = corpus.Settings(options=cleaner.Options(mode=mode))
    for value in (HTML_PAGE, SHORT.format(1)):
        assert corpus.explain_value(value, settings) == explain(value)


@pytest.mark.parametrize(("flag", "explain"), [("--html", cleaner.explain_html), ("--text", cleaner.explain)])
def test_html_and_text_flags_apply_to_records(flag: str, explain: Any) -> None:
    values = [HTML_PAGE, SHORT.format(1)]
    result = run("--jsonl", "-j", "1", flag, stdin="".join(line(text=v) for v in values))
    assert [json.loads(row)["text"] for row in result.stdout.splitlines()] == [explain(v).text for v in values]


def test_unwritable_output_is_one_line(tmp_path: Path) -> None:
    result = run("--jsonl", "-j", "1", "-o", str(tmp_path / "missing" / "out.jsonl"), stdin=short_records(1))
    assert result.exit_code == 1
    assert result.stderr == f"cleaner: {tmp_path / 'missing' / 'out.jsonl'}: cannot write: No such file or directory\n"


def test_closed_stdout_ends_quietly() -> None:
    """`cleaner --jsonl big.jsonl | head -1`: no traceback from the parent or the workers."""
    command = [sys.executable, "-c", "from cleaner.cli import run; run()", "--jsonl", "-j", "2"]
    proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdin and proc.stdout
    proc.stdin.write(short_records(corpus.CHUNK_RECORDS * 20).encode())
    proc.stdin.close()
    assert json.loads(proc.stdout.readline())["id"] == 0
    proc.stdout.close()
    assert proc.wait(timeout=60) == 1
    assert proc.stderr and proc.stderr.read() == b""
