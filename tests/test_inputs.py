"""The bad-input matrix of docs/robustness.md: one test (or more) per row.

Library rows call :func:`cleaner.inputs.decode`; command rows run ``main``
with ``CliRunner`` and check exit status, stdout and stderr separately; the
rows about pipes and signals run the real console-script entry point in a
subprocess, because only a real process has a pipe to break or a signal to get.
"""

from __future__ import annotations

import codecs
import hashlib
import io
import json
import os
import pickle
import signal
import subprocess
import sys
from collections.abc import Iterator
from importlib.metadata import entry_points
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from cleaner import clean
from cleaner.cli import main
from cleaner.errors import CleanerError, DecodeError
from cleaner.inputs import decode, read_all

CHROME = "Open in App"
PROSE = "The talks ended on Sunday with a joint statement from both leaders."
PAGE = f"{CHROME}\n{PROSE}\n"
CLEAN_PAGE = f"{PROSE}\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"
# The console script's entry point, run the way the installed `cleaner` runs it.
ENTRY = [sys.executable, "-c", "from cleaner.cli import run; run()"]
# Hang guards for the subprocess rows, not speed tests: generous for a busy CI machine.
PROCESS_SECONDS = 120
BIG_LINE_SECONDS = 900
LINES = 1_000_000


def run_cli(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def assert_one_line_error(result: Result, name: str, problem: str) -> None:
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.startswith(f"cleaner: {name}: {problem}")
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


# -- empty and blank input -------------------------------------------------------


@pytest.mark.parametrize("data", [b"", b" \n\t\n\r\n   "], ids=["empty", "whitespace-only"])
def test_empty_or_blank_input_prints_nothing_and_succeeds(tmp_path: Path, data: bytes) -> None:
    result = run_cli(write(tmp_path, "page.txt", data))
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")


# -- encodings -------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + PAGE.encode("utf-8"),
        codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + PAGE.encode("utf-16-be"),
        codecs.BOM_UTF32_LE + PAGE.encode("utf-32-le"),
        codecs.BOM_UTF32_BE + PAGE.encode("utf-32-be"),
    ],
    ids=["utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "utf-32-le-bom", "utf-32-be-bom"],
)
def test_byte_order_mark_is_read_and_dropped(tmp_path: Path, data: bytes) -> None:
    assert decode(data, "page.txt") == PAGE
    # The mark would otherwise glue itself to the first line, and the chrome there would stay.
    result = run_cli(write(tmp_path, "page.txt", data))
    assert (result.exit_code, result.stdout, result.stderr) == (0, CLEAN_PAGE, "")


@pytest.mark.parametrize("mark", ["\ufeff", "\u200b", "\u2060", "\u00ad"], ids=["bom", "zwsp", "wj", "shy"])
def test_an_invisible_character_inside_a_file_hides_no_chrome(tmp_path: Path, mark: str) -> None:
    # `cat a.txt b.txt` leaves b's BOM at the start of a line in the middle; the same goes for
    # zero-width spaces, word joiners and soft hyphens a scraper copies from the page.
    data = (PAGE + mark + PAGE).encode("utf-8")
    result = run_cli(write(tmp_path, "joined.txt", data))
    assert (result.exit_code, result.stdout, result.stderr) == (0, CLEAN_PAGE + CLEAN_PAGE, "")


def test_utf16_with_a_bad_surrogate_is_refused(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "ok".encode("utf-16-le") + b"\x00\xd8" + b"a\x00"
    name = write(tmp_path, "page.txt", data)
    assert_one_line_error(run_cli(name), name, "not valid UTF-16 (byte 7) despite its byte-order mark")


def test_windows_1252_text_is_refused_with_the_iconv_command(tmp_path: Path) -> None:
    cp1252 = write(tmp_path, "cp1252.txt", "Caf\u00e9 owners \u201cwelcomed\u201d the plan.\n".encode("cp1252"))
    good = write(tmp_path, "good.txt", PAGE.encode())
    result = run_cli(cp1252, good)
    assert result.exit_code == 1
    assert result.stdout == CLEAN_PAGE, "the next file is still cleaned"
    assert result.stderr == (
        f"cleaner: {cp1252}: not valid UTF-8 (byte 4); "
        "if it is Windows-1252 or Latin-1, convert it first: iconv -f windows-1252 -t utf-8\n"
    )


def test_damaged_utf8_names_the_byte_and_says_it_is_damaged(tmp_path: Path) -> None:
    name = write(tmp_path, "page.txt", "Caf\u00e9 au lait ".encode() + b"\xc3(")
    assert_one_line_error(run_cli(name), name, "not valid UTF-8 (byte 15); the bytes before it are UTF-8")


def test_bytes_no_single_byte_encoding_explains_get_the_generic_hint() -> None:
    # 0x81 is undefined in Windows-1252: not that encoding either.
    with pytest.raises(DecodeError, match=r"byte 2\); convert it to UTF-8 first"):
        decode(b"a\x81b", "page.txt")


def test_stdin_errors_are_named_stdin() -> None:
    result = run_cli(stdin=b"caf\xe9\n")
    assert_one_line_error(result, "<stdin>", "not valid UTF-8 (byte 4)")


# -- binary input ----------------------------------------------------------------


def test_png_is_refused_as_binary(tmp_path: Path) -> None:
    name = write(tmp_path, "photo.txt", PNG)
    assert_one_line_error(run_cli(name), name, "binary data (a PNG image), not text")


def test_binary_without_a_known_signature_is_refused(tmp_path: Path) -> None:
    name = write(tmp_path, "blob.bin", bytes(range(256)) * 8)
    assert_one_line_error(run_cli(name), name, "binary data (")


def test_utf16_without_a_byte_order_mark_is_binary_with_a_hint() -> None:
    with pytest.raises(DecodeError, match="UTF-16 without a byte-order mark"):
        decode(PAGE.encode("utf-16-le"), "page.txt")


def test_decode_error_is_a_cleaner_error_naming_the_input() -> None:
    with pytest.raises(CleanerError) as caught:
        decode(PNG, "photo.png")
    assert str(caught.value) == "photo.png: binary data (a PNG image), not text"
    # Corpus workers send errors back pickled.
    copy = pickle.loads(pickle.dumps(caught.value))
    assert (type(copy), str(copy), copy.name) == (DecodeError, str(caught.value), "photo.png")


def test_read_all_reads_every_chunk() -> None:
    data = bytes(range(256)) * 1000
    assert read_all(io.BytesIO(data)) == data
    assert read_all(io.BytesIO(b"")) == b""


# -- NUL bytes and line endings --------------------------------------------------


def test_sparse_nul_bytes_are_dropped(tmp_path: Path) -> None:
    data = f"{CHROME}\x00\n{PROSE}\n".replace("joint", "jo\x00int").encode()
    result = run_cli(write(tmp_path, "page.txt", data))
    assert (result.exit_code, result.stdout, result.stderr) == (0, CLEAN_PAGE, "")


def test_text_full_of_nul_bytes_is_binary() -> None:
    with pytest.raises(DecodeError, match="control bytes"):
        decode(b"\x00\x00\x00\x00 some text \x00\x00\x00\x00\x00\x00\x00", "page.txt")


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "lone-cr"])
def test_crlf_and_lone_cr_are_line_breaks(tmp_path: Path, ending: str) -> None:
    data = PAGE.replace("\n", ending).encode()
    assert decode(data, "page.txt") == PAGE
    result = run_cli(write(tmp_path, "page.txt", data))
    assert (result.exit_code, result.stdout, result.stderr) == (0, CLEAN_PAGE, "")


def test_library_splits_on_newline_only_and_strips_a_trailing_cr() -> None:
    # The library keeps its "\n"-only contract; decode() is where CR is normalised.
    assert clean(PAGE.replace("\n", "\r\n")) == CLEAN_PAGE
    assert clean(PAGE.replace("\n", "\r")) != CLEAN_PAGE


# -- size ------------------------------------------------------------------------


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def test_a_50_mb_single_line_finishes(tmp_path: Path) -> None:
    # Prose without a newline, as scrapers that lose line breaks produce; written in
    # chunks so the test itself holds no copy, and cleaned in a child process.
    sentence = "The minister said the talks with the union would go on into the night. "
    page = tmp_path / "big.txt"
    with page.open("w", encoding="utf-8") as handle:
        for _ in range(50_000_000 // len(sentence) // 1000 + 1):
            handle.write(sentence * 1000)
    out = tmp_path / "out.txt"
    with out.open("wb") as stdout:
        done = subprocess.run([*ENTRY, str(page)], stdout=stdout, stderr=subprocess.PIPE, timeout=BIG_LINE_SECONDS)
    assert (done.returncode, done.stderr) == (0, b"")
    # A prose line is the article: nothing is removed, only the trailing space and a newline change.
    assert out.stat().st_size == page.stat().st_size
    assert _sha256(out) == hashlib.sha256(page.read_bytes().rstrip() + b"\n").hexdigest()


def test_a_million_short_lines_finish(tmp_path: Path) -> None:
    page = tmp_path / "lines.txt"
    page.write_text("".join(f"Item {i}\n" for i in range(LINES)), encoding="utf-8")
    done = subprocess.run([*ENTRY, "--format", "json", str(page)], capture_output=True, timeout=BIG_LINE_SECONDS)
    assert (done.returncode, done.stderr) == (0, b"")
    record = json.loads(done.stdout)
    removed = sum(end - start + 1 for start, end in (r["lines"] for r in record["removals"]))
    assert record["text"].count("\n") + removed == LINES, "every line is either kept or explained"


# -- files that cannot be read ---------------------------------------------------


def test_directory_argument_is_one_line_and_others_still_run(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", PAGE.encode())
    result = run_cli(str(tmp_path), good)
    assert result.exit_code == 1
    assert result.stdout == CLEAN_PAGE
    assert result.stderr == f"cleaner: {tmp_path}: Is a directory\n"


def test_missing_file_is_one_line_and_others_still_run(tmp_path: Path) -> None:
    good = write(tmp_path, "good.txt", PAGE.encode())
    missing = str(tmp_path / "missing.txt")
    result = run_cli(missing, good, missing)
    assert result.exit_code == 1
    assert result.stdout == CLEAN_PAGE
    assert result.stderr == f"cleaner: {missing}: No such file or directory\n" * 2


def test_unreadable_file_is_one_line_and_others_still_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = write(tmp_path, "good.txt", PAGE.encode())
    locked = write(tmp_path, "locked.txt", PAGE.encode())
    if os.geteuid() == 0:
        # chmod cannot lock root out: fail the read the way the kernel would.
        real = Path.read_bytes

        def read_bytes(path: Path) -> bytes:
            if str(path) == locked:
                raise PermissionError(13, "Permission denied", locked)
            return real(path)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    else:
        Path(locked).chmod(0)
    result = run_cli(locked, good)
    assert result.exit_code == 1
    assert result.stdout == CLEAN_PAGE
    assert result.stderr == f"cleaner: {locked}: Permission denied\n"


# -- the process: entry point, broken pipe, Ctrl-C -------------------------------


def test_console_script_is_the_wrapper() -> None:
    (script,) = entry_points(group="console_scripts", name="cleaner")
    assert script.value == "cleaner.cli:run"


@pytest.mark.parametrize(
    ("args", "status", "stream", "expected"),
    [
        (["--ignore", "C999"], 2, "stderr", b"unknown rule 'C999'"),
        (["--bogus"], 2, "stderr", b"No such option"),
        (["--version"], 0, "stdout", b"cleaner, version"),
        (["--list-rules"], 0, "stdout", b"C101  open-in-app"),
        ([], 0, "stdout", CLEAN_PAGE.encode()),
    ],
    ids=["unknown-rule", "unknown-option", "version", "list-rules", "stdin"],
)
def test_exit_statuses_through_the_wrapper(args: list[str], status: int, stream: str, expected: bytes) -> None:
    done = subprocess.run([*ENTRY, *args], capture_output=True, timeout=PROCESS_SECONDS, input=PAGE.encode())
    assert done.returncode == status
    assert expected in getattr(done, stream)
    assert b"Traceback" not in done.stderr


@pytest.fixture
def many_pages(tmp_path: Path) -> list[str]:
    """Enough output to outlast a reader that stops after one line: 40 files of 200 kB."""
    page = write(tmp_path, "page.txt", (PROSE + "\n").encode() * 3000)
    return [page] * 40


@pytest.fixture
def many_records(tmp_path: Path) -> list[str]:
    """The same for corpus mode: 20,000 JSON Lines records."""
    record = json.dumps({"text": PAGE}) + "\n"
    return ["--jsonl", "--jobs", "1", write(tmp_path, "pages.jsonl", record.encode() * 20_000)]


@pytest.mark.parametrize(
    ("inputs", "first_line"),
    [
        ("many_pages", PROSE + "\n"),
        ("many_records", json.dumps({"text": CLEAN_PAGE}) + "\n"),
    ],
)
def test_stdout_closed_early_exits_quietly(inputs: str, first_line: str, request: pytest.FixtureRequest) -> None:
    # `cleaner page.txt ... | head -1`, with real processes and a real pipe.
    args: list[str] = request.getfixturevalue(inputs)
    cleaner = subprocess.Popen([*ENTRY, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert cleaner.stdout is not None and cleaner.stderr is not None
    head = subprocess.run(["head", "-1"], stdin=cleaner.stdout, capture_output=True, timeout=PROCESS_SECONDS)
    cleaner.stdout.close()
    status = cleaner.wait(timeout=PROCESS_SECONDS)
    assert head.stdout == first_line.encode()
    assert cleaner.stderr.read() == b""
    assert status == 1


def _default_sigint() -> None:
    """Undo SIG_IGN, which a shell's background jobs inherit, as a terminal's foreground job has it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def reading_stdin() -> Iterator[subprocess.Popen[bytes]]:
    """A cleaner process inside its read of a stdin that never ends."""
    process = subprocess.Popen(
        ENTRY, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_default_sigint
    )
    assert process.stdin is not None
    # A pipe holds 64 kB: once 1 MB has gone in, the child is reading.
    process.stdin.write(PROSE.encode() * 20_000)
    process.stdin.flush()
    yield process
    process.kill()
    process.communicate()


def test_sigint_exits_130_without_a_traceback(reading_stdin: subprocess.Popen[bytes]) -> None:
    reading_stdin.send_signal(signal.SIGINT)
    status = reading_stdin.wait(timeout=PROCESS_SECONDS)
    assert reading_stdin.stderr is not None and reading_stdin.stdout is not None
    assert status == 130
    assert reading_stdin.stderr.read().strip() == b"", "no traceback, no message: the shell shows ^C"
    assert reading_stdin.stdout.read() == b""


# -- hints and byte numbers that agree across modes (issue 14) -----------------------

# U+1F600 as CESU-8 / Java's modified UTF-8: two surrogates of three bytes each.
CESU_EMOJI = b"\xed\xa0\xbd\xed\xb8\x80"


@pytest.mark.parametrize(
    ("data", "byte", "hint"),
    [
        (b"Smile " + CESU_EMOJI + b" please\n", 7, "CESU-8 or Java's modified UTF-8"),
        ("Caf\u00e9 ".encode() + CESU_EMOJI + b"\n", 7, "CESU-8 or Java's modified UTF-8"),
        (CESU_EMOJI + b"\n", 1, "CESU-8 or Java's modified UTF-8"),
        (b"a\xc0\x80b\n", 2, "an overlong form"),
        (b"a\xe0\x80\xafb\n", 2, "an overlong form"),
        (b"a\xf0\x80\x80\xafb\n", 2, "an overlong form"),
    ],
    ids=["cesu-after-ascii", "cesu-after-utf8", "cesu-first", "overlong-nul", "overlong-3", "overlong-4"],
)
def test_cesu8_and_overlong_utf8_get_their_own_hint(tmp_path: Path, data: bytes, byte: int, hint: str) -> None:
    name = write(tmp_path, "page.txt", data)
    result = run_cli(name)
    assert_one_line_error(result, name, f"not valid UTF-8 (byte {byte}); {hint}")
    assert "windows-1252" not in result.stderr and "damaged" not in result.stderr


@pytest.mark.parametrize("bad", [b"caf\xe9", b"x" + CESU_EMOJI, b"\xc0\x80"], ids=["latin1", "cesu", "overlong"])
def test_text_and_corpus_mode_number_bytes_alike(tmp_path: Path, bad: bytes) -> None:
    # The same bad bytes at the same place: a text file and a JSON Lines record say the same.
    prefix = b'{"text": "'
    text_error = run_cli(write(tmp_path, "page.txt", prefix + bad + b'"}\n')).stderr
    corpus_error = run_cli("--jsonl", "-j", "1", stdin=prefix + bad + b'"}\n').stderr.splitlines()[0]
    problem = text_error.split(": ", 2)[2].strip()
    assert corpus_error == f"cleaner: <stdin>:1: {problem}"
    assert f"(byte {len(prefix) + 1 + bad.index(bad.lstrip(b'cafx'))})" in problem


# -- UTF-8 text cleaned as bytes (no str of a large input) --------------------------


@pytest.mark.parametrize(
    "data",
    [
        PAGE.encode(),
        codecs.BOM_UTF8 + PAGE.encode(),
        PAGE.replace("\n", "\r\n").encode(),
        PAGE.replace("\n", "\r").encode() + b"\x00",
        codecs.BOM_UTF16_LE + PAGE.encode("utf-16-le"),
        f"Straße 東京 😀 caf\u00e9\n{PAGE}".encode(),
    ],
    ids=["utf8", "utf8-bom", "crlf", "cr-and-nul", "utf16", "non-ascii"],
)
def test_bytes_are_cleaned_as_the_text_decode_reads(data: bytes) -> None:
    from cleaner import explain

    assert clean(data) == clean(decode(data, "x"))
    assert explain(data).removals == explain(decode(data, "x")).removals
    assert explain(data).utf8 == clean(decode(data, "x")).encode()


def test_bytes_that_are_not_text_raise_decode_errors_as_files_do() -> None:
    for data in [b"caf\xe9 au lait\n", PNG, b"ok\n" + CESU_EMOJI]:
        with pytest.raises(DecodeError) as from_bytes:
            clean(data)
        with pytest.raises(DecodeError) as from_decode:
            decode(data, "<bytes>")
        assert str(from_bytes.value) == str(from_decode.value)


@pytest.mark.parametrize("chunk", [1, 2, 3, 4, 5, 7, 1 << 20])
def test_utf8_is_checked_a_slice_at_a_time_with_decodes_offsets(monkeypatch: pytest.MonkeyPatch, chunk: int) -> None:
    from cleaner import inputs

    monkeypatch.setattr(inputs, "CHECK_CHUNK_BYTES", chunk)
    text = "aé€😀\n".encode()
    cases = [text * 3, text + b"\xe9" + text, text + b"\xf0\x9f\x98" + text, text + b"\x80\x80\x80\x80", CESU_EMOJI]
    for data in cases + [text[:i] + b"\xff" + text[i:] for i in range(len(text))]:
        try:
            data.decode("utf-8")
            expected = None
        except UnicodeDecodeError as exc:
            expected = exc.start
        assert inputs.first_bad_utf8(data) == expected, data


# Peak memory of a child that cleans one file with the command (the read included). VmHWM,
# not ru_maxrss: Linux carries ru_maxrss over exec from the forked parent (pytest).
MEASURE_FILE = """
import re, sys
from pathlib import Path
from cleaner.cli import main
try:
    main([sys.argv[1]], standalone_mode=False)
finally:
    peak = int(re.search(r"VmHWM:\\s*(\\d+) kB", Path("/proc/self/status").read_text()).group(1)) * 1024
    sys.stderr.write(f"{peak}\\n")
"""
# A text file of this many bytes is cleaned in a child process to measure its memory.
BIG_FILE_BYTES = 16_000_000
# Cleaning a text file may take this many times its size in memory, beyond the command's own
# (measured 9.7 when this test was added, 7.1 after the page's columns were packed, 6.2 once
# the confirming pass took the columns over: see docs/core.md, "Plain text stays UTF-8" and
# the notes after it).
MAX_MEMORY_PER_FILE_BYTE = 8


def peak_file_memory(path: Path) -> int:
    done = subprocess.run(
        [sys.executable, "-c", MEASURE_FILE, str(path)], capture_output=True, timeout=BIG_LINE_SECONDS
    )
    assert done.returncode == 0, done.stderr.decode()[-500:]
    return int(done.stderr.decode().split()[-1])


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
def test_a_large_text_file_stays_within_a_few_times_its_size(tmp_path: Path) -> None:
    # Prose with an emoji, so that a str of it would take four bytes a character.
    paragraph = f"{PROSE} The minister said the talks would go on into the night 😀.\n\n"
    big, tiny = tmp_path / "big.txt", tmp_path / "tiny.txt"
    big.write_text(f"{CHROME}\n" + paragraph * (BIG_FILE_BYTES // len(paragraph.encode())), encoding="utf-8")
    tiny.write_text(PAGE, encoding="utf-8")
    # Measured: see MAX_MEMORY_PER_FILE_BYTE.
    growth = (peak_file_memory(big) - peak_file_memory(tiny)) / big.stat().st_size
    assert growth <= MAX_MEMORY_PER_FILE_BYTE, f"{growth:.1f} times the file"


@pytest.mark.parametrize(
    "start",
    [b"", codecs.BOM_UTF8, "\u00a0".encode(), "\u3000\n".encode(), ("<!-- " + "ж" * 2100 + " -->").encode()],
    ids=["plain", "bom", "nbsp", "ideographic-space", "long-comment"],
)
def test_bytes_and_their_text_are_told_html_alike(start: bytes) -> None:
    from cleaner import explain_any
    from cleaner.inputs import looks_like_html

    page = start + b"<html><body><nav>Home | News</nav><article><p>" + PROSE.encode() + b"</p></article></body></html>"
    assert looks_like_html(page) == looks_like_html(decode(page, "x")) is True
    assert explain_any(page).text == explain_any(decode(page, "x")).text


def test_html_in_utf16_is_told_by_its_byte_order_mark() -> None:
    from cleaner.inputs import looks_like_html

    assert looks_like_html(codecs.BOM_UTF16_LE + "<!doctype html><html>".encode("utf-16-le"))


def test_bytes_like_objects_are_cleaned_as_bytes() -> None:
    data = PAGE.encode()
    assert clean(bytearray(data)) == clean(memoryview(data)) == clean(data) == CLEAN_PAGE
