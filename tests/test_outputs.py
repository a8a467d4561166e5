"""Output targets and standard streams: nothing clobbered, nothing lost silently (issue 14).

``-o`` and ``--output-dir`` replace a regular file atomically and write anything else in
place; an output that is an input is refused before anything is written; a killed run
leaves no temporary file and no worker; a full or closed stdout, or a closed stdin, is one
line on stderr and exit status 1 in every mode. Rows about real descriptors and signals
run the console script's entry point in a subprocess.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import signal
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from cleaner import corpus, outputs
from cleaner.cli import main
from cleaner.outputs import WholeWrites

PROSE = "The talks ended on Sunday with a joint statement from both leaders."
PAGE = f"Open in App\n{PROSE}\n"
RECORD = json.dumps({"text": PAGE}) + "\n"
CLEAN_RECORD = json.dumps({"text": f"{PROSE}\n"}) + "\n"
ENTRY = [sys.executable, "-c", "from cleaner.cli import run; run()"]
# Hang guard for the subprocess rows, not a speed test.
PROCESS_SECONDS = 120
# Each mode that writes to stdout, as (arguments, input file content).
STDOUT_MODES = {
    "text": ([], PAGE),
    "json": (["--format", "json"], PAGE),
    "jsonl-j1": (["--jsonl", "-j", "1"], RECORD * 3),
    "jsonl-j2": (["--jsonl", "-j", "2"], RECORD * 3),
}


def run(*args: str, stdin: str | bytes | None = None) -> Result:
    return CliRunner().invoke(main, list(args), input=stdin)


@pytest.fixture
def records(tmp_path: Path) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text(RECORD * 3, encoding="utf-8")
    return path


def assert_untouched(path: Path, content: str) -> None:
    assert path.read_text(encoding="utf-8") == content
    assert not [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")], "no temporary file left"


# -- output targets ---------------------------------------------------------------


def test_fifo_output_is_written_in_place(tmp_path: Path, records: Path) -> None:
    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    result = run("--jsonl", "-j", "1", "-q", str(records), "-o", str(fifo))
    if reader.is_alive() and stat.S_ISFIFO(fifo.lstat().st_mode):
        with contextlib.suppress(OSError):  # ENXIO: the reader was done after all
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))  # unblocks a reader still waiting
    reader.join(timeout=PROCESS_SECONDS)
    assert result.exit_code == 0, result.stderr
    assert received == [CLEAN_RECORD.encode() * 3]
    assert stat.S_ISFIFO(fifo.lstat().st_mode), "the FIFO is still a FIFO"


def test_dev_null_output_stays_a_device(records: Path) -> None:
    result = run("--jsonl", "-j", "1", "-q", str(records), "-o", os.devnull)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_device_is_one_line_no_space(records: Path) -> None:
    result = run("--jsonl", "-j", "1", str(records), "-o", "/dev/full")
    assert result.exit_code == 1
    assert result.stderr == "cleaner: /dev/full: cannot write: No space left on device\n"
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_symlink_output_writes_its_target_and_keeps_the_link(tmp_path: Path, records: Path) -> None:
    target = tmp_path / "real.jsonl"
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "link.jsonl"
    link.symlink_to(target.name)
    result = run("--jsonl", "-j", "1", "-q", str(records), "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == target.name
    assert target.read_text(encoding="utf-8") == CLEAN_RECORD * 3


def test_dash_output_is_stdout(records: Path, tmp_path: Path) -> None:
    result = run("--jsonl", "-j", "1", "-q", str(records), "-o", "-")
    assert (result.exit_code, result.stdout) == (0, CLEAN_RECORD * 3)
    assert not (Path.cwd() / "-").exists() and not (tmp_path / "-").exists()


def _same_path(tmp_path: Path, source: Path) -> Path:
    return source


def _hard_link(tmp_path: Path, source: Path) -> Path:
    other = tmp_path / "other-name.jsonl"
    os.link(source, other)
    return other


def _symlink(tmp_path: Path, source: Path) -> Path:
    other = tmp_path / "link.jsonl"
    other.symlink_to(source)
    return other


def _dotted_path(tmp_path: Path, source: Path) -> Path:
    return source.parent / "." / source.name


@pytest.mark.parametrize("alias", [_same_path, _hard_link, _symlink, _dotted_path])
def test_output_that_is_the_input_is_refused_before_writing(tmp_path: Path, records: Path, alias) -> None:  # type: ignore[no-untyped-def]
    output = alias(tmp_path, records)
    result = run("--jsonl", "-j", "1", str(records), "-o", str(output))
    assert result.exit_code == 1
    assert result.stderr == f"cleaner: {output}: is the input {records}; refusing to overwrite an input\n"
    assert_untouched(records, RECORD * 3)


def test_gzip_output_that_is_the_gzip_input_is_refused(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl.gz"
    source.write_bytes(gzip.compress(RECORD.encode()))
    before = source.read_bytes()
    result = run("--jsonl", "-j", "1", str(tmp_path / "x.jsonl"), str(source), "-o", str(source))
    assert result.exit_code == 1 and "refusing to overwrite an input" in result.stderr
    assert source.read_bytes() == before


def test_output_that_is_stdin_is_refused(records: Path) -> None:
    with records.open("rb") as stdin:
        done = subprocess.run(
            [*ENTRY, "--jsonl", "-j", "1", "-o", str(records)],
            stdin=stdin,
            capture_output=True,
            timeout=PROCESS_SECONDS,
        )
    assert done.returncode == 1
    assert done.stderr == f"cleaner: {records}: is the input <stdin>; refusing to overwrite an input\n".encode()
    assert_untouched(records, RECORD * 3)


def test_output_dir_target_that_is_another_input_is_refused(tmp_path: Path) -> None:
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text(PAGE, encoding="utf-8")
    second.write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.txt").symlink_to(second)  # writing a's output would overwrite the input b
    result = run("-j", "1", "-q", "--output-dir", str(out), str(first), str(second))
    assert result.exit_code == 1
    assert f"cleaner: {out / 'a.txt'}: is the input {second}; refusing to overwrite an input\n" in result.stderr
    assert second.read_text(encoding="utf-8") == PAGE


def test_existing_output_keeps_its_permissions_and_owner(tmp_path: Path, records: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    owner = (out.stat().st_uid, out.stat().st_gid)
    if os.geteuid() == 0:
        owner = (1234, 5678)
        os.chown(out, *owner)
    result = run("--jsonl", "-j", "1", "-q", str(records), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.read_text(encoding="utf-8") == CLEAN_RECORD * 3
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert (out.stat().st_uid, out.stat().st_gid) == owner


def test_new_output_gets_the_usual_permissions(tmp_path: Path, records: Path) -> None:
    out = tmp_path / "new.jsonl"
    mask = os.umask(0o027)
    try:
        result = run("--jsonl", "-j", "1", "-q", str(records), "-o", str(out))
    finally:
        os.umask(mask)
    assert result.exit_code == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


# -- killed runs ------------------------------------------------------------------


def children_of(pid: int) -> set[int]:
    found = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.add(int(entry.name))
    return found


def is_running(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def worker_threads(pid: int) -> int:
    """Threads of process ``pid`` besides its main thread."""
    return len(list((Path("/proc") / str(pid) / "task").iterdir())) - 1


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)], ids=["term", "int"])
@pytest.mark.parametrize(
    "workers",
    # Records the core cleans on their bytes run on threads; with a removals field, on processes.
    ["threads", "processes"],
)
def test_killed_run_leaves_no_temp_file_worker_or_traceback(
    tmp_path: Path, signum: int, status: int, workers: str
) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    more = ["--removals-field", "r"] if workers == "processes" else []
    process = subprocess.Popen(
        [*ENTRY, "--jsonl", "-j", "2", *more, "-o", str(out)],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stdin is not None and process.stderr is not None
    # Records keep arriving and stdin stays open: the run is mid-way, its workers busy.
    process.stdin.write(RECORD.encode() * corpus.CHUNK_RECORDS * 20)
    process.stdin.flush()
    deadline = time.monotonic() + PROCESS_SECONDS

    def started() -> bool:
        running = len(children_of(process.pid)) if workers == "processes" else worker_threads(process.pid)
        return running >= 2 and bool(list(tmp_path.glob(".out.jsonl.*.tmp")))

    while not started():
        assert time.monotonic() < deadline, "the run never started its workers and its temporary file"
        time.sleep(0.05)
    children = children_of(process.pid)
    process.send_signal(signum)
    assert process.wait(timeout=PROCESS_SECONDS) == status
    process.stdin.close()
    assert process.stderr.read().strip() == b"", "no traceback (Ctrl-C's newline aside)"
    assert_untouched(out, "previous run\n")
    while any(map(is_running, children)):
        assert time.monotonic() < deadline, "a worker outlived the run"
        time.sleep(0.05)


# -- standard streams -------------------------------------------------------------


def shell_run(redirect: str, args: list[str]) -> subprocess.CompletedProcess[bytes]:
    """The command with a shell redirection applied (`>&-`, `>/dev/full`, `<&-`)."""
    return subprocess.run(
        ["sh", "-c", f'exec "$@" {redirect}', "sh", *ENTRY, *args],
        capture_output=True,
        timeout=PROCESS_SECONDS,
    )


def assert_one_error_line(done: subprocess.CompletedProcess[bytes], message: bytes) -> None:
    assert done.returncode == 1
    lines = done.stderr.decode("utf-8").splitlines()
    assert lines[0].encode() == message, lines
    assert all(line.startswith("cleaner: 0 records in") for line in lines[1:]), "only a summary may follow"
    assert b"Traceback" not in done.stderr


@pytest.mark.parametrize("mode", STDOUT_MODES)
@pytest.mark.parametrize(
    ("redirect", "message"),
    [
        (">/dev/full", b"cleaner: <stdout>: cannot write: No space left on device"),
        (">&-", b"cleaner: <stdout>: cannot write: it is closed"),
    ],
    ids=["full", "closed"],
)
def test_stdout_full_or_closed_is_one_line(tmp_path: Path, mode: str, redirect: str, message: bytes) -> None:
    if redirect == ">/dev/full" and not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    args, content = STDOUT_MODES[mode]
    (tmp_path / "input").write_text(content * 2000, encoding="utf-8")
    assert_one_error_line(shell_run(redirect, [*args, str(tmp_path / "input")]), message)


@pytest.mark.parametrize("mode", STDOUT_MODES)
def test_closed_stdin_is_one_line(mode: str) -> None:
    args, _ = STDOUT_MODES[mode]
    done = shell_run("<&-", args)
    message = b"cleaner: <stdin>: " + (b"line 1: " if "--jsonl" in args else b"") + b"cannot read: it is closed"
    assert_one_error_line(done, message)
    assert done.stdout == b""


def test_closed_stdout_does_not_matter_when_output_goes_to_a_file(tmp_path: Path) -> None:
    (tmp_path / "in.jsonl").write_text(RECORD, encoding="utf-8")
    done = shell_run(">&-", ["--jsonl", "-j", "1", "-q", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl")])
    assert (done.returncode, done.stderr) == (0, b"")
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8") == CLEAN_RECORD


@pytest.mark.parametrize("args", [["--list-rules"], ["--version"]])
def test_listings_to_a_full_stdout_are_one_line(args: list[str]) -> None:
    if not os.path.exists("/dev/full"):
        pytest.skip("needs /dev/full")
    done = shell_run(">/dev/full", args)
    assert done.returncode == 1
    assert done.stderr == b"cleaner: <stdout>: cannot write: No space left on device\n"


# -- short writes -----------------------------------------------------------------


class ShortWrites(io.RawIOBase):
    """A stream that takes at most three bytes a call, then fails, as a pipe whose reader left."""

    def __init__(self, capacity: int) -> None:
        self.taken = bytearray()
        self.capacity = capacity

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        if len(self.taken) >= self.capacity:
            raise BrokenPipeError(32, "Broken pipe")
        chunk = bytes(data[:3])
        self.taken += chunk
        return len(chunk)


def test_whole_writes_writes_every_byte_or_raises() -> None:
    roomy = ShortWrites(capacity=100)
    assert WholeWrites(roomy).write(b"0123456789") == 10
    assert bytes(roomy.taken) == b"0123456789"
    with pytest.raises(BrokenPipeError):
        WholeWrites(ShortWrites(capacity=4)).write(b"0123456789")


@pytest.mark.parametrize("args", [[], ["--format", "json"]], ids=["text", "json"])
def test_one_large_output_into_a_closed_pipe_is_not_success(tmp_path: Path, args: list[str]) -> None:
    # One write of megabytes: the system takes part of it, then the reader is gone.
    page = tmp_path / "page.txt"
    page.write_text("".join(f"Paragraph {i}: {PROSE}\n" for i in range(40_000)), encoding="utf-8")
    cleaner = subprocess.Popen([*ENTRY, *args, str(page)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert cleaner.stdout is not None and cleaner.stderr is not None
    head = subprocess.run(["head", "-c", "10"], stdin=cleaner.stdout, capture_output=True, timeout=PROCESS_SECONDS)
    cleaner.stdout.close()
    assert cleaner.wait(timeout=PROCESS_SECONDS) == 1, "a reader that left early: status 1, as documented"
    assert len(head.stdout) == 10
    assert cleaner.stderr.read() == b""


def test_an_idle_worker_keeps_the_default_sigterm_and_a_writing_one_removes_its_temporary(tmp_path: Path) -> None:
    # A Python SIGTERM handler runs only between bytecodes: a pool worker waiting for a task
    # on the lock its stopping pool holds would never run it, and the pool would wait for
    # ever (seen as a hung test run). Workers keep the default action, an immediate end,
    # except while a temporary output file exists, when SIGTERM is a SystemExit that removes it.
    previous = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, outputs.exit_on_sigterm)  # as the command's process has it
        corpus.prepare_worker()
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
        target = tmp_path / "out.txt"
        with pytest.raises(SystemExit), outputs.open_output(target, None) as out:
            out.write(b"partial")
            assert signal.getsignal(signal.SIGTERM) is outputs.exit_on_sigterm
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)  # the handler interrupts this
        assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
        assert list(tmp_path.iterdir()) == [], "no temporary file and no output left"
    finally:
        signal.signal(signal.SIGTERM, previous)
        signal.signal(signal.SIGINT, signal.default_int_handler)
