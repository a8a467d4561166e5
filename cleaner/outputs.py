"""Where clean output goes, and how it is written without destroying anything.

:func:`open_output` is the one way every mode opens its output:

* standard output (no path, or ``-``), whose write errors become one line;
* a regular file, or a new path, written to a temporary file beside it and renamed over
  it only when the run succeeds, so a failed or killed run leaves the old file as it
  was; the new file keeps the old one's permissions and owner. A symlink to a file is
  followed: its target is replaced and the link stays;
* anything else (a device such as ``/dev/null``, a FIFO, a terminal) opened and written
  in place: renaming a regular file over ``/dev/null`` would replace the device.

:func:`refuse_inputs` refuses an output that is one of the inputs (the same inode, under
any name) before anything is read or written. Write errors are :class:`OutputError`,
one line naming the output. A SIGTERM ends a run as a SystemExit (:func:`exit_on_sigterm`),
so that the temporary file is removed on the way out, as it is after Ctrl-C.
"""

from __future__ import annotations

import contextlib
import os
import signal
import stat
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import FrameType
from typing import IO, cast

from cleaner.errors import CleanerError
from cleaner.messages import STDOUT_NAME, display_name

GZIP_SUFFIX = ".gz"
# gzip's own command-line default: level 9 costs about 3x the time for ~2% smaller files.
GZIP_LEVEL = 6
# The exit status of a process that SIGTERM ended, as a shell reports it.
SIGTERM_STATUS = 128 + signal.SIGTERM

FileId = tuple[int, int]


class OutputError(CleanerError):
    """Output that cannot be written, or must not be: one line naming the output."""


def cannot_write(name: str, exc: OSError) -> OutputError:
    return OutputError(f"{display_name(name)}: cannot write: {exc.strerror or exc}")


@contextlib.contextmanager
def open_output(path: Path | None, stdout: IO[bytes] | None) -> Iterator[IO[bytes]]:
    """A binary stream to ``path`` (``None`` or ``-``: ``stdout``; None there means it is closed).

    Gzip-compressed when the path ends in ``.gz``. A write error, or a closed
    stdout, raises :class:`OutputError`; a reader that went away (``| head``)
    raises ``BrokenPipeError`` as it is, for the caller's quiet exit.
    """
    if path is None or str(path) == "-":
        with _stdout(stdout) as out:
            yield cast(IO[bytes], WholeWrites(out))
        return
    info = _stat(path)
    if info is not None and not stat.S_ISREG(info.st_mode):
        with _in_place(path) as out:
            yield out
        return
    with _atomic(Path(os.path.realpath(path)), info, shown=str(path)) as out:
        yield out


class WholeWrites:
    """A binary stream whose ``write`` writes every byte or raises.

    ``BufferedWriter.write`` returns a short count, without raising, when the system
    fails part way through a large write (the reader of a pipe gone, a disk full): the
    rest would be lost silently, and the run would end with status 0. Here the rest is
    written again, and the second attempt raises the error.
    """

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def write(self, data: bytes | memoryview) -> int:
        view = memoryview(data).cast("B")
        total = view.nbytes
        while view:
            view = view[self._stream.write(view) or 0 :]
        return total

    def flush(self) -> None:
        self._stream.flush()


@contextlib.contextmanager
def _stdout(stdout: IO[bytes] | None) -> Iterator[IO[bytes]]:
    if stdout is None:
        raise OutputError(f"{STDOUT_NAME}: cannot write: it is closed")
    try:
        yield stdout
        stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        silence(stdout)
        raise cannot_write(STDOUT_NAME, exc) from None


@contextlib.contextmanager
def _in_place(path: Path) -> Iterator[IO[bytes]]:
    """A device, FIFO or terminal: opened and written, never replaced."""
    try:
        with open(path, "wb") as raw, _maybe_gzip(path, cast(IO[bytes], WholeWrites(raw))) as out:
            yield out
    except OSError as exc:
        raise cannot_write(str(path), exc) from None


@contextlib.contextmanager
def _atomic(path: Path, old: os.stat_result | None, shown: str) -> Iterator[IO[bytes]]:
    """Write to a temporary file beside ``path``, renamed over it only when the block succeeds."""
    import tempfile

    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise cannot_write(shown, exc) from None
    try:
        with os.fdopen(fd, "wb") as raw, _maybe_gzip(path, cast(IO[bytes], WholeWrites(raw))) as out:
            yield out
        _take_over_metadata(tmp, old)
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError) and not isinstance(exc, BrokenPipeError):
            raise cannot_write(shown, exc) from None
        raise


@contextlib.contextmanager
def _maybe_gzip(path: Path, raw: IO[bytes]) -> Iterator[IO[bytes]]:
    if not path.name.endswith(GZIP_SUFFIX):
        yield raw
        return
    import gzip

    name = path.name.removesuffix(GZIP_SUFFIX)
    with gzip.GzipFile(filename=name, mode="wb", fileobj=raw, compresslevel=GZIP_LEVEL) as zipped:
        yield cast(IO[bytes], zipped)  # typeshed types GzipFile apart from IO


def _take_over_metadata(tmp: str, old: os.stat_result | None) -> None:
    """The old file's permissions and owner for its replacement; a new file's as ``open`` gives them."""
    if old is None:
        os.chmod(tmp, 0o666 & ~current_umask())
        return
    os.chmod(tmp, stat.S_IMODE(old.st_mode))
    # Only root may give a file away; anyone may keep their own. Where it cannot be
    # kept, the file is owned by whoever ran the command, as after `cp`.
    with contextlib.suppress(PermissionError):
        os.chown(tmp, old.st_uid, old.st_gid)


def _stat(path: Path) -> os.stat_result | None:
    try:
        return os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except OSError as exc:
        raise cannot_write(str(path), exc) from None


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def input_ids(sources: Iterable[str], stdin: IO[bytes] | None) -> dict[FileId, str]:
    """The identity (device, inode) of each regular-file input that exists; "-" is ``stdin``."""
    found: dict[FileId, str] = {}
    for source in sources:
        try:
            info = os.fstat(stdin.fileno()) if source == "-" and stdin is not None else os.stat(source)
        except (OSError, ValueError):  # ValueError: a stream without a file descriptor
            continue
        if stat.S_ISREG(info.st_mode):
            found.setdefault((info.st_dev, info.st_ino), source)
    return found


def refuse_inputs(output: Path | None, inputs: dict[FileId, str]) -> None:
    """Raise :class:`OutputError` if ``output`` is one of the ``inputs`` (see :func:`input_ids`)."""
    if output is None or str(output) == "-":
        return
    info = _stat(output)
    source = info and inputs.get((info.st_dev, info.st_ino))
    if source:
        raise OutputError(
            f"{display_name(str(output))}: is the input {display_name(source)}; refusing to overwrite an input"
        )


def silence(stream: IO[bytes] | IO[str]) -> None:
    """Point ``stream``'s file descriptor at /dev/null, so that the interpreter's last flush
    of what it still holds cannot fail again (a stream without a descriptor is left alone)."""
    try:
        fd = stream.fileno()
    except (OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    with contextlib.suppress(OSError):
        os.dup2(devnull, fd)
    os.close(devnull)


def exit_on_sigterm(signum: int, frame: FrameType | None) -> None:
    """A SIGTERM handler: leave as a SystemExit, so that ``finally`` blocks remove temporary files."""
    raise SystemExit(SIGTERM_STATUS)
