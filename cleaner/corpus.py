"""Corpus mode: clean one field of every JSON Lines record, on every core.

A record goes out as it came in, byte for byte, except the cleaned field
(and the optional removals field): the members of each object are located
by scanning the line, and only the value of the cleaned field is replaced,
so key order, number spelling and escapes of every other field are kept.

Records are read in chunks and handed to worker processes through a bounded
window of pending chunks, consumed in input order: memory stays flat however
long the input, and the output of ``jobs=N`` is the output of ``jobs=1``.
Nothing here imports click; ``cli.py`` wires options to :func:`run_jsonl`
and :func:`run_batch`.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import json
import multiprocessing
import os
import signal
import tempfile
import time
import zlib
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import IO, Any, Literal, TextIO, TypeVar, cast

import cleaner
from cleaner.errors import CleanerError
from cleaner.options import DEFAULT, Mode, Options
from cleaner.result import Result

OnError = Literal["keep", "skip", "fail"]
ON_ERROR_CHOICES: tuple[OnError, ...] = ("keep", "skip", "fail")

# A chunk closes at this many records or bytes, whichever comes first: big enough that
# pickling and queueing cost little beside cleaning (~20 ms a page), small enough that
# every worker gets many chunks even from a small file.
CHUNK_RECORDS = 32
CHUNK_BYTES = 1 << 20
# Chunks in flight per worker: two keep a worker busy while the next one is queued; the
# rest absorb uneven chunk times. Bounds memory to about jobs * 4 * CHUNK_BYTES of input.
WINDOW_PER_JOB = 4
# gzip's own command-line default: level 9 costs about 3x the time for ~2% smaller files.
GZIP_LEVEL = 6
# Redraw the progress line at most this often (seconds): often enough to look live.
PROGRESS_INTERVAL = 0.2
GZIP_SUFFIX = ".gz"
UTF8_BOM = b"\xef\xbb\xbf"
JSON_WHITESPACE = " \t\n\r"
JSON_TYPE_NAMES: dict[type, str] = {
    dict: "an object",
    list: "an array",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}
_DECODER = json.JSONDecoder()

T = TypeVar("T")
R = TypeVar("R")


class CorpusError(CleanerError):
    """A corpus run that must stop: ``--on-error fail`` met an error, or output failed."""


class CorpusUsageError(CleanerError, ValueError):
    """Options that cannot work together, or a feature this installation lacks."""


class RecordError(ValueError):
    """Why one input line could not be cleaned; the message reads after "FILE:LINE: "."""


@dataclass(frozen=True, slots=True)
class Settings:
    """How each record is cleaned: which field, from what, and what is added."""

    field: str = "text"
    html_field: str | None = None
    removals_field: str | None = None
    #: Adds the clean text's language (a jusText stoplist name, or null) in this field.
    language_field: str | None = None
    #: How each value is cleaned: rules, headline, and how it is read (--html/--text).
    options: Options = DEFAULT

    @property
    def source_field(self) -> str:
        """The field read: the HTML field when there is one, else the cleaned field."""
        return self.html_field or self.field

    @property
    def value_mode(self) -> Mode:
        """How values are read: HTML with --html-field or --html, text with --text, else as they look."""
        return "html" if self.html_field is not None else self.options.mode


@dataclass(frozen=True, slots=True)
class Outcome:
    """One input line after cleaning: the bytes to write, or why it failed."""

    line: int
    data: bytes
    error: str | None = None
    is_record: bool = True
    bytes_in: int = 0
    bytes_removed: int = 0


@dataclass(frozen=True, slots=True)
class Chunk:
    """Consecutive lines of one source; ``read_error`` ends the source early."""

    source: str
    first_line: int
    lines: tuple[bytes, ...] = ()
    read_error: str | None = None


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """What a worker sends back: the outcomes, and what the parent reports about the chunk."""

    source: str
    first_line: int
    nbytes: int
    outcomes: tuple[Outcome, ...]
    read_error: str | None = None


@dataclass(slots=True)
class Summary:
    """Counts for the closing line on stderr."""

    records_in: int = 0
    records_out: int = 0
    errors: int = 0
    failed_sources: int = 0
    bytes_in: int = 0
    bytes_removed: int = 0

    def format(self, unit: str = "records") -> str:
        share = f" ({self.bytes_removed / self.bytes_in:.1%})" if self.bytes_in else ""
        return (
            f"cleaner: {self.records_in:,} {unit} in, {self.records_out:,} out, {self.errors:,} errors, "
            f"{self.bytes_removed:,} of {self.bytes_in:,} bytes removed{share}"
        )

    @property
    def ok(self) -> bool:
        return not self.errors and not self.failed_sources


@dataclass(frozen=True, slots=True)
class Member:
    """A top-level member of a JSON object: its value and the value's span in the line."""

    value: Any
    start: int
    end: int


# --------------------------------------------------------------------------
# one record
# --------------------------------------------------------------------------


def explain_value(value: str, settings: Settings) -> Result:
    return cleaner.explain_any(value, settings.options, mode=settings.value_mode)


def clean_line(raw: bytes, settings: Settings, number: int = 0) -> Outcome:
    """Clean the record on one input line; on any error the line comes back unchanged."""
    if not raw.strip():
        return Outcome(number, raw, is_record=False)
    try:
        text = decode_line(raw)
        members, close = scan_object(text)
        source = string_member(members, settings.source_field)
        result = explain_value(source, settings)
    except RecordError as exc:
        return Outcome(number, raw, error=str(exc))
    # One rule bug must not end hours of corpus work: the record is reported and kept.
    except Exception as exc:
        return Outcome(number, raw, error=f"cleaning failed: {type(exc).__name__}: {exc}")
    line = splice(text, members, close, edits_for(result, settings))
    bytes_in = utf8_length(source)
    return Outcome(number, line.encode("utf-8"), bytes_in=bytes_in, bytes_removed=bytes_in - utf8_length(result.text))


def decode_line(raw: bytes) -> str:
    try:
        return raw.decode("utf-8").rstrip("\n")
    except UnicodeDecodeError as exc:
        raise RecordError(f"not valid UTF-8 (byte {exc.start + 1})") from None


def string_member(members: dict[str, Member], name: str) -> str:
    if name not in members:
        raise RecordError(f"no field {name!r}")
    value = members[name].value
    if not isinstance(value, str):
        raise RecordError(f"field {name!r} is {JSON_TYPE_NAMES.get(type(value), 'not a string')}, not a string")
    return value


def scan_object(line: str) -> tuple[dict[str, Member], int]:
    """The top-level members of the JSON object on ``line``, and where its ``}`` is.

    Values are decoded with the standard library's scanner, so what is valid
    here is what ``json.loads`` accepts; a repeated key keeps its last value,
    as there.
    """
    idx = skip_space(line, 0)
    if line[idx : idx + 1] != "{":
        value, _ = decode_value(line, idx)
        raise RecordError(f"the record is {JSON_TYPE_NAMES.get(type(value), 'a string')}, not a JSON object")
    members: dict[str, Member] = {}
    idx = skip_space(line, idx + 1)
    if line[idx : idx + 1] == "}":
        return members, check_end(line, idx)
    while True:
        if line[idx : idx + 1] != '"':
            raise invalid_json("expecting a property name in double quotes", idx)
        key, idx = decode_value(line, idx)
        idx = skip_space(line, idx)
        if line[idx : idx + 1] != ":":
            raise invalid_json("expecting ':'", idx)
        start = skip_space(line, idx + 1)
        value, idx = decode_value(line, start)
        members[key] = Member(value, start, idx)
        idx = skip_space(line, idx)
        if line[idx : idx + 1] == "}":
            return members, check_end(line, idx)
        if line[idx : idx + 1] != ",":
            raise invalid_json("expecting ',' or '}'", idx)
        idx = skip_space(line, idx + 1)


def skip_space(line: str, idx: int) -> int:
    while idx < len(line) and line[idx] in JSON_WHITESPACE:
        idx += 1
    return idx


def decode_value(line: str, idx: int) -> tuple[Any, int]:
    try:
        return _DECODER.raw_decode(line, idx)
    except json.JSONDecodeError as exc:
        raise invalid_json(exc.msg.lower(), exc.pos) from None


def check_end(line: str, close: int) -> int:
    if skip_space(line, close + 1) != len(line):
        raise invalid_json("extra data after the object", close + 1)
    return close


def invalid_json(message: str, idx: int) -> RecordError:
    return RecordError(f"not valid JSON: {message} (column {idx + 1})")


def edits_for(result: Result, settings: Settings) -> list[tuple[str, str]]:
    """(field, JSON value) pairs to write into the record, in the order they are added."""
    edits = [(settings.field, dump_json(result.text))]
    if settings.removals_field is not None:
        edits.append((settings.removals_field, dump_json([r.to_dict() for r in result.removals])))
    if settings.language_field is not None:
        from cleaner import language

        edits.append((settings.language_field, dump_json(language.detect(result.text))))
    return edits


def splice(line: str, members: dict[str, Member], close: int, edits: Sequence[tuple[str, str]]) -> str:
    """``line`` with each edited field's value replaced, or the field appended at the end."""
    replaced = sorted((members[k].start, members[k].end, v) for k, v in edits if k in members)
    appended = "".join(
        f"{', ' if members or i else ''}{dump_json(k)}: {v}" for i, (k, v) in enumerate(edits) if k not in members
    )
    tail = max((m.end for m in members.values()), default=close)
    pieces: list[str] = []
    pos = 0
    for start, end, value in [*replaced, (tail, tail, appended)]:
        pieces += [line[pos:start], value]
        pos = end
    pieces.append(line[pos:])
    return "".join(pieces) + "\n"


def dump_json(value: Any) -> str:
    """``value`` as JSON, non-ASCII kept readable unless it holds a lone surrogate."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value)
    return text


def utf8_length(text: str) -> int:
    return len(text.encode("utf-8", "surrogatepass"))


def clean_chunk(settings: Settings, chunk: Chunk) -> ChunkResult:
    """Clean every line of a chunk: the unit of work sent to a worker process."""
    outcomes = tuple(clean_line(raw, settings, chunk.first_line + i) for i, raw in enumerate(chunk.lines))
    nbytes = sum(map(len, chunk.lines))
    return ChunkResult(chunk.source, chunk.first_line, nbytes, outcomes, chunk.read_error)


# --------------------------------------------------------------------------
# reading and writing
# --------------------------------------------------------------------------


def open_input(source: str, stdin: IO[bytes]) -> IO[bytes]:
    if source == "-":
        return stdin
    if source.endswith(GZIP_SUFFIX):
        return cast(IO[bytes], gzip.open(source, "rb"))  # typeshed types GzipFile apart from IO
    return open(source, "rb")


def display_name(source: str) -> str:
    return "<stdin>" if source == "-" else source


def read_chunks(source: str, stdin: IO[bytes]) -> Iterator[Chunk]:
    """The lines of ``source`` in chunks; an unreadable source ends with a ``read_error`` chunk.

    Errors are chunks rather than exceptions so that the records read before
    them, still in flight in the workers, are written first.
    """
    name = display_name(source)
    number = 1
    lines: list[bytes] = []
    size = 0
    try:
        with contextlib.ExitStack() as stack:
            handle = open_input(source, stdin)
            if handle is not stdin:
                stack.enter_context(handle)
            for raw in handle:
                if number + len(lines) == 1:
                    raw = raw.removeprefix(UTF8_BOM)
                lines.append(raw)
                size += len(raw)
                if len(lines) >= CHUNK_RECORDS or size >= CHUNK_BYTES:
                    yield Chunk(name, number, tuple(lines))
                    number, lines, size = number + len(lines), [], 0
    except (OSError, EOFError, ValueError, zlib.error) as exc:
        yield Chunk(name, number, tuple(lines))
        yield Chunk(name, number + len(lines), read_error=describe_read_error(exc))
        return
    if lines:
        yield Chunk(name, number, tuple(lines))


def describe_read_error(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    if isinstance(exc, EOFError):
        return "compressed input ends early (truncated file?)"
    return str(exc) or type(exc).__name__


@contextlib.contextmanager
def atomic_output(path: Path) -> Iterator[IO[bytes]]:
    """A binary stream that replaces ``path`` only when the block ends without error.

    Gzip-compressed when ``path`` ends in ``.gz``. The temporary file sits
    beside the target, so the final rename never crosses file systems.
    """
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as exc:
        raise cannot_write(path, exc) from None
    try:
        with os.fdopen(fd, "wb") as raw:
            if path.name.endswith(GZIP_SUFFIX):
                with gzip.GzipFile(
                    filename=path.name.removesuffix(GZIP_SUFFIX), mode="wb", fileobj=raw, compresslevel=GZIP_LEVEL
                ) as zipped:
                    yield cast(IO[bytes], zipped)
            else:
                yield raw
        os.chmod(tmp, 0o666 & ~current_umask())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise cannot_write(path, exc) from None
        raise


def cannot_write(path: Path, exc: OSError) -> CorpusError:
    return CorpusError(f"{path}: cannot write: {exc.strerror or exc}")


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --------------------------------------------------------------------------
# parallel map and progress
# --------------------------------------------------------------------------


def default_jobs() -> int:
    return os.cpu_count() or 1


def ordered_map(func: Callable[[T], R], items: Iterable[T], jobs: int) -> Generator[R, None, None]:
    """``map(func, items)`` on ``jobs`` processes: results in input order, few items in flight.

    ``Pool.imap`` would read ``items`` to the end as fast as it can; here at
    most ``jobs * WINDOW_PER_JOB`` items are pending, so memory stays flat.
    """
    if jobs <= 1:
        yield from map(func, items)
        return
    with multiprocessing.Pool(jobs, initializer=ignore_sigint) as pool:
        pending: deque[AsyncResult[R]] = deque()
        for item in items:
            if len(pending) >= jobs * WINDOW_PER_JOB:
                yield pending.popleft().get()
            pending.append(pool.apply_async(func, (item,)))
        while pending:
            yield pending.popleft().get()


def ignore_sigint() -> None:
    """Workers leave Ctrl-C to the parent, which stops them: one message, no tracebacks."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@dataclass(slots=True)
class Progress:
    """A status line on a terminal: records, MB read, rates, and the share done when known."""

    stream: TextIO
    total_bytes: int | None = None
    unit: str = "records"
    clock: Callable[[], float] = time.monotonic
    records: int = 0
    nbytes: int = 0
    started: float = field(init=False)
    drawn: float = field(init=False)

    def __post_init__(self) -> None:
        self.started = self.drawn = self.clock()

    def update(self, records: int, nbytes: int) -> None:
        self.records += records
        self.nbytes += nbytes
        if self.clock() - self.drawn >= PROGRESS_INTERVAL:
            self.draw()

    def draw(self) -> None:
        self.drawn = self.clock()
        elapsed = max(self.drawn - self.started, 1e-9)
        mb = self.nbytes / 1e6
        done = f"{self.nbytes / self.total_bytes:4.0%}  " if self.total_bytes else ""
        line = f"{done}{self.records:,} {self.unit}  {mb:,.1f} MB  {self.records / elapsed:,.0f} {self.unit}/s  {mb / elapsed:,.1f} MB/s"
        self.stream.write(f"\r{line}\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        self.draw()
        self.stream.write("\n")
        self.stream.flush()


def make_progress(stream: TextIO, quiet: bool, total_bytes: int | None, unit: str = "records") -> Progress | None:
    """A progress line only for a person watching: not with --quiet, not into a file or pipe."""
    if quiet or not stream.isatty():
        return None
    return Progress(stream, total_bytes, unit)


def known_size(sources: Sequence[str]) -> int | None:
    """Total input bytes when every source is an uncompressed file, for a percentage."""
    if any(s == "-" or s.endswith(GZIP_SUFFIX) for s in sources):
        return None
    try:
        return sum(os.path.getsize(s) for s in sources)
    except OSError:
        return None


# --------------------------------------------------------------------------
# JSON Lines
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How a run behaves, as opposed to how each record is cleaned."""

    jobs: int = 1
    on_error: OnError = "keep"
    quiet: bool = False


def run_jsonl(
    sources: Sequence[str],
    output: Path | None,
    settings: Settings,
    options: RunOptions,
    *,
    stdin: IO[bytes],
    stdout: IO[bytes],
    stderr: TextIO,
) -> Summary:
    """Clean JSON Lines from ``sources`` ("-" is ``stdin``) into ``output`` or ``stdout``.

    Errors are reported on ``stderr`` as they are met; the summary is
    returned for the caller to print. Raises :class:`CorpusError` when
    ``on_error`` is "fail" and an error occurs.
    """
    chunks = (chunk for source in sources for chunk in read_chunks(source, stdin))
    results = ordered_map(functools.partial(clean_chunk, settings), chunks, options.jobs)
    progress = make_progress(stderr, options.quiet, known_size(sources))
    summary = Summary()
    with contextlib.ExitStack() as stack:
        stack.enter_context(contextlib.closing(results))
        out = stdout if output is None else stack.enter_context(atomic_output(output))
        for result in results:
            write_chunk(result, out, summary, options.on_error, Messages(stderr, progress))
            if progress:
                progress.update(len(result.outcomes), result.nbytes)
        out.flush()
    if progress:
        progress.close()
    return summary


def write_chunk(result: ChunkResult, out: IO[bytes], summary: Summary, on_error: OnError, messages: Messages) -> None:
    if result.read_error is not None:
        summary.failed_sources += 1
        messages.report(f"{result.source}: line {result.first_line}: {result.read_error}", on_error)
    for outcome in result.outcomes:
        if not outcome.is_record:
            out.write(outcome.data)
            continue
        summary.records_in += 1
        if outcome.error is not None:
            summary.errors += 1
            messages.report(f"{result.source}:{outcome.line}: {outcome.error}", on_error)
            if on_error == "skip":
                continue
        out.write(outcome.data if outcome.data.endswith(b"\n") else outcome.data + b"\n")
        summary.records_out += 1
        summary.bytes_in += outcome.bytes_in
        summary.bytes_removed += outcome.bytes_removed


@dataclass(frozen=True, slots=True)
class Messages:
    """Error lines on stderr, drawn above the progress line when there is one."""

    stderr: TextIO
    progress: Progress | None = None

    def report(self, message: str, on_error: OnError) -> None:
        """Report an error, or stop the run with it under ``--on-error fail``."""
        if on_error == "fail":
            raise CorpusError(f"{message} (stopped: --on-error fail)")
        if self.progress:
            self.stderr.write("\r\x1b[K")
        self.stderr.write(f"cleaner: {message}\n")
        if self.progress:
            self.progress.draw()


# --------------------------------------------------------------------------
# plain-text batch
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileOutcome:
    name: str
    error: str | None = None
    bytes_in: int = 0
    bytes_removed: int = 0


def check_mode(jsonl: bool, output: Path | None, output_dir: Path | None, *, plain_text_only: bool) -> None:
    """Reject option mixes that would be ignored: each mode has its own outputs."""
    if jsonl and output_dir is not None:
        raise CorpusUsageError("--output-dir writes plain text; with --jsonl use -o/--output")
    if output is not None and not jsonl:
        raise CorpusUsageError("-o/--output needs --jsonl; for plain text use --output-dir or redirect stdout")
    if plain_text_only:
        raise CorpusUsageError(
            "--explain and --format json write to stdout; with --jsonl, add --removals-field instead"
        )


def batch_targets(names: Sequence[str], output_dir: Path) -> dict[str, Path]:
    """Each input's output path in ``output_dir``, keeping its file name."""
    if not names or "-" in names:
        raise CorpusUsageError("--output-dir needs FILE arguments, not standard input")
    targets = {name: output_dir / Path(name).name for name in names}
    seen: dict[Path, str] = {}
    for name, target in targets.items():
        if target in seen:
            raise CorpusUsageError(f"{seen[target]} and {name} would both be written to {target}")
        seen[target] = name
    return targets


def count_failed(summary: Summary) -> bool:
    """Count an unreadable source; False, to filter it out of the items."""
    summary.failed_sources += 1
    return False


def make_output_dir(output_dir: Path) -> None:
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise cannot_write(output_dir, exc) from None


def clean_file(settings: Settings, item: tuple[str, str, Path]) -> FileOutcome:
    """Clean one text into its target file: the unit of work of a batch."""
    name, text, target = item
    try:
        if target.exists() and target.samefile(name):
            return FileOutcome(name, "refusing to overwrite the input with its output")
        result = explain_value(text, settings)
        with atomic_output(target) as out:
            out.write(result.text.encode("utf-8"))
    except CorpusError as exc:
        return FileOutcome(name, str(exc))
    except Exception as exc:
        return FileOutcome(name, f"cleaning failed: {type(exc).__name__}: {exc}")
    bytes_in = utf8_length(text)
    return FileOutcome(name, bytes_in=bytes_in, bytes_removed=bytes_in - utf8_length(result.text))


def run_batch(
    texts: Iterable[tuple[str, str | None]],
    targets: dict[str, Path],
    settings: Settings,
    options: RunOptions,
    *,
    stderr: TextIO,
) -> Summary:
    """Clean each (name, text) into ``targets[name]``; files are the records of the summary.

    A text of None is a file the reader could not read and has reported.
    """
    summary = Summary()
    items = ((name, text, targets[name]) for name, text in texts if text is not None or count_failed(summary))
    progress = make_progress(stderr, options.quiet, None, unit="files")
    messages = Messages(stderr, progress)
    for outcome in ordered_map(functools.partial(clean_file, settings), items, options.jobs):
        summary.records_in += 1
        if outcome.error is not None:
            summary.errors += 1
            messages.report(f"{outcome.name}: {outcome.error}", options.on_error)
        else:
            summary.records_out += 1
            summary.bytes_in += outcome.bytes_in
            summary.bytes_removed += outcome.bytes_removed
        if progress:
            progress.update(1, outcome.bytes_in)
    if progress:
        progress.close()
    return summary
