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

import concurrent.futures
import contextlib
import errno
import functools
import gzip
import io
import itertools
import json
import multiprocessing
import os
import re
import signal
import time
import zlib
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, TextIO, TypeVar, cast

import cleaner
from cleaner import outputs
from cleaner.errors import CleanerError
from cleaner.inputs import utf8_problem
from cleaner.messages import display_name, plural
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
# Redraw the progress line at most this often (seconds): often enough to look live.
PROGRESS_INTERVAL = 0.2
GZIP_SUFFIX = ".gz"
GZIP_MAGIC = b"\x1f\x8b"
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
# What json.loads accepts besides strings and numbers; "-Infinity" before any number is tried.
JSON_LITERALS = ("true", "false", "null", "NaN", "Infinity", "-Infinity")
# "-12.5e+3": the number grammar of json.scanner.
JSON_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?")

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

    def __post_init__(self) -> None:
        """Refuse two options naming one field: one would overwrite the other in every record."""
        named = {
            "--field": self.field,
            "--removals-field": self.removals_field,
            "--language-field": self.language_field,
        }
        if self.html_field != self.field:  # cleaning the HTML into its own field replaces it on purpose
            named["--html-field"] = self.html_field
        given = [(option, name) for option, name in named.items() if name is not None]
        for i, (option, name) in enumerate(given):
            for earlier, other in given[:i]:
                if name == other:
                    raise CorpusUsageError(f"{earlier} and {option} both name the field {name!r}; give each its own")

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
    #: Every error reported: bad records, and files that could not be read (or ended early).
    errors: int = 0
    bytes_in: int = 0
    bytes_removed: int = 0

    def format(self, unit: str = "record") -> str:
        share = f" ({self.bytes_removed / self.bytes_in:.1%})" if self.bytes_in else ""
        return (
            f"cleaner: {plural(self.records_in, unit)} in, {self.records_out:,} out, {plural(self.errors, 'error')}, "
            f"{self.bytes_removed:,} of {plural(self.bytes_in, 'byte')} removed{share}"
        )

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True, slots=True)
class Member:
    """A top-level member of a JSON object: its value and the value's span in the line."""

    value: Any
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ScannedObject:
    """The top-level members of a record, where its ``}`` is, and the keys it repeats."""

    members: dict[str, Member]
    close: int
    repeated: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Unparsed:
    """A valid JSON value the standard library will not build (too many digits, too deep): kept as written."""

    #: "an object", "an array" or "a number".
    kind: str


# --------------------------------------------------------------------------
# one record
# --------------------------------------------------------------------------


def explain_value(value: str | bytes, settings: Settings) -> Result:
    return cleaner.explain_any(value, settings.options, mode=settings.value_mode)


def clean_line(raw: bytes, settings: Settings, number: int = 0) -> Outcome:
    """Clean the record on one input line; on any error the line comes back unchanged.

    A record can be huge (a 50 MB page): each copy of it is let go as soon as it is
    no longer needed, and the line is decoded a second time for the splice rather
    than held while the text is cleaned (memory: a few times the record's size).
    """
    if not raw or raw.isspace():
        return Outcome(number, raw, is_record=False)
    try:
        source, spans, close = read_record(raw, settings)
        result = None if source is None else explain_value(source, settings)
    except RecordError as exc:
        return Outcome(number, raw, error=str(exc))
    # One rule bug must not end hours of corpus work: the record is reported and kept.
    except Exception as exc:
        return Outcome(number, raw, error=f"cleaning failed: {type(exc).__name__}: {exc}")
    bytes_in = 0 if source is None else utf8_length(source)
    bytes_removed = 0 if source is None or result is None else removed_bytes(source, result.text)
    del source
    edits = edits_for(result, settings)
    del result
    line = splice(decode_line(raw), spans, close, edits)
    del edits
    return Outcome(number, line.encode("utf-8"), bytes_in=bytes_in, bytes_removed=bytes_removed)


def read_record(raw: bytes, settings: Settings) -> tuple[str | None, dict[str, tuple[int, int]], int]:
    """The text to clean (None for null), where each member's value is, and where the ``}`` is."""
    scanned = scan_object(decode_line(raw))
    refuse_repeated(scanned, settings)
    spans = {key: (member.start, member.end) for key, member in scanned.members.items()}
    return string_member(scanned.members, settings.source_field), spans, scanned.close


def decode_line(raw: bytes) -> str:
    """The line without its newline; decoded from a view, so that no copy of the bytes is made."""
    try:
        return str(memoryview(raw)[: len(raw) - raw.endswith(b"\n")], "utf-8")
    except UnicodeDecodeError as exc:
        raise RecordError(utf8_problem(raw, exc.start)) from None


def string_member(members: dict[str, Member], name: str) -> str | None:
    """The string in field ``name``, or None for null: no text, as the Ray adapter reads it."""
    if name not in members:
        raise RecordError(f"no field {name!r}")
    value = members[name].value
    if value is not None and not isinstance(value, str):
        raise RecordError(f"field {name!r} is {type_name(value)}, not a string")
    return value


def type_name(value: Any) -> str:
    return value.kind if isinstance(value, Unparsed) else JSON_TYPE_NAMES.get(type(value), "a string")


def refuse_repeated(scanned: ScannedObject, settings: Settings) -> None:
    """A field read or written twice in one record: which copy is the text is anyone's guess."""
    touched = (settings.source_field, settings.field, settings.removals_field, settings.language_field)
    for name in touched:
        if name in scanned.repeated:
            raise RecordError(f"field {name!r} appears more than once")


def scan_object(line: str) -> ScannedObject:
    """The top-level members of the JSON object on ``line``, where its ``}`` is, and its repeated keys.

    Values are decoded with the standard library's scanner, so what is valid
    here is what ``json.loads`` accepts, and more: valid JSON it refuses to
    build is :class:`Unparsed` (see :func:`decode_value`). A repeated key keeps
    its last value, as there, and is listed in ``repeated``.
    """
    idx = skip_space(line, 0)
    if line[idx : idx + 1] != "{":
        value, _ = decode_value(line, idx)
        raise RecordError(f"the record is {type_name(value)}, not a JSON object")
    members: dict[str, Member] = {}
    repeated: set[str] = set()
    idx = skip_space(line, idx + 1)
    if line[idx : idx + 1] == "}":
        return ScannedObject(members, check_end(line, idx))
    while True:
        key, idx = member_key(line, idx)
        start = skip_space(line, idx)
        value, idx = decode_value(line, start)
        if key in members:
            repeated.add(key)
        members[key] = Member(value, start, idx)
        idx = skip_space(line, idx)
        if line[idx : idx + 1] == "}":
            return ScannedObject(members, check_end(line, idx), frozenset(repeated))
        if line[idx : idx + 1] != ",":
            raise invalid_json("expecting ',' or '}'", idx)
        idx = skip_space(line, idx + 1)


def member_key(line: str, idx: int) -> tuple[str, int]:
    """The key starting at ``idx`` and where its value may start, past the ``:``."""
    if line[idx : idx + 1] != '"':
        raise invalid_json("expecting a property name in double quotes", idx)
    key, idx = decode_string(line, idx)
    idx = skip_space(line, idx)
    if line[idx : idx + 1] != ":":
        raise invalid_json("expecting ':'", idx)
    return key, idx + 1


def skip_space(line: str, idx: int) -> int:
    while idx < len(line) and line[idx] in JSON_WHITESPACE:
        idx += 1
    return idx


def decode_value(line: str, idx: int) -> tuple[Any, int]:
    """The JSON value at ``idx`` and its end.

    Valid JSON the standard library refuses to build (an integer of more than 4,300
    digits, nesting deeper than the recursion limit) is checked by :func:`skip_value`
    instead and comes back :class:`Unparsed`: the record keeps it as written.
    """
    try:
        return _DECODER.raw_decode(line, idx)
    except json.JSONDecodeError as exc:
        raise invalid_json(exc.msg.lower(), exc.pos) from None
    except (ValueError, RecursionError):
        kind = {"{": "an object", "[": "an array"}.get(line[idx], "a number")
        return Unparsed(kind), skip_value(line, idx)


def decode_string(line: str, idx: int) -> tuple[str, int]:
    """The JSON string at ``idx`` (a string never hits the decoder's limits) and its end."""
    try:
        value: str
        value, end = _DECODER.raw_decode(line, idx)
    except json.JSONDecodeError as exc:
        raise invalid_json(exc.msg.lower(), exc.pos) from None
    return value, end


def skip_value(line: str, idx: int) -> int:
    """The end of the JSON value at ``idx``, checked as ``json.loads`` would, without building it.

    A loop with a stack of open brackets instead of recursion, and numbers matched
    rather than converted: no depth or size limit beyond the line's own length.
    """
    closers: list[str] = []
    while True:
        idx = skip_space(line, idx)
        char = line[idx : idx + 1]
        if char in ("{", "["):
            closer = "}" if char == "{" else "]"
            idx = skip_space(line, idx + 1)
            if line[idx : idx + 1] != closer:
                closers.append(closer)
                if closer == "}":
                    _, idx = member_key(line, idx)
                continue
            idx += 1
        else:
            idx = skip_scalar(line, idx)
        while closers:
            idx = skip_space(line, idx)
            if line[idx : idx + 1] == closers[-1]:
                closers.pop()
                idx += 1
            elif line[idx : idx + 1] == ",":
                idx = skip_space(line, idx + 1)
                if closers[-1] == "}":
                    _, idx = member_key(line, idx)
                break
            else:
                raise invalid_json(f"expecting ',' or '{closers[-1]}'", idx)
        if not closers:
            return idx


def skip_scalar(line: str, idx: int) -> int:
    """The end of the string, number or literal at ``idx``."""
    if line[idx : idx + 1] == '"':
        return decode_string(line, idx)[1]
    literal = next((word for word in JSON_LITERALS if line.startswith(word, idx)), None)
    if literal is not None:
        return idx + len(literal)
    number = JSON_NUMBER.match(line, idx)
    if number is None:
        raise invalid_json("expecting value", idx)
    return number.end()


def check_end(line: str, close: int) -> int:
    if skip_space(line, close + 1) != len(line):
        raise invalid_json("extra data after the object", close + 1)
    return close


def invalid_json(message: str, idx: int) -> RecordError:
    return RecordError(f"not valid JSON: {message} (column {idx + 1})")


def edits_for(result: Result | None, settings: Settings) -> list[tuple[str, str]]:
    """(field, JSON value) pairs to write into the record, in the order they are added.

    A null text (``result`` None) gives null in every field written, as in the Ray adapter.
    """
    edits = [(settings.field, dump_json(result and result.text))]
    if settings.removals_field is not None:
        edits.append((settings.removals_field, dump_json(result and [r.to_dict() for r in result.removals])))
    if settings.language_field is not None:
        from cleaner import language

        edits.append((settings.language_field, dump_json(result and language.detect(result.text))))
    return edits


def splice(line: str, spans: dict[str, tuple[int, int]], close: int, edits: Sequence[tuple[str, str]]) -> str:
    """``line`` with each edited field's value (at ``spans[field]``) replaced, or the field appended at the end."""
    replaced = sorted((*spans[k], v) for k, v in edits if k in spans)
    appended = "".join(
        f"{', ' if spans or i else ''}{dump_json(k)}: {v}" for i, (k, v) in enumerate(edits) if k not in spans
    )
    tail = max((end for _, end in spans.values()), default=close)
    pieces: list[str] = []
    pos = 0
    for start, end, value in [*replaced, (tail, tail, appended)]:
        pieces += [line[pos:start], value]
        pos = end
    pieces += [line[pos:], "\n"]
    return "".join(pieces)


def dump_json(value: Any) -> str:
    """``value`` as JSON, non-ASCII kept readable unless it holds a lone surrogate."""
    text = json.dumps(value, ensure_ascii=False)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(value)
    return text


def utf8_length(text: str) -> int:
    """Bytes of ``text`` in UTF-8, counted a block at a time rather than from one copy of it all."""
    if text.isascii():
        return len(text)
    return sum(
        len(text[i : i + CHUNK_BYTES].encode("utf-8", "surrogatepass")) for i in range(0, len(text), CHUNK_BYTES)
    )


def removed_bytes(source: str, clean: str) -> int:
    """How much shorter the clean text is; never negative (cleaning adds a missing final newline)."""
    return max(0, utf8_length(source) - utf8_length(clean))


def clean_chunk(settings: Settings, chunk: Chunk) -> ChunkResult:
    """Clean every line of a chunk: the unit of work sent to a worker process.

    The core cleans the records it can on their bytes, in one call (:func:`fast_records`);
    :func:`clean_line` takes the others, and reports what is wrong with them.
    """
    fast = fast_records(settings, chunk.lines)
    outcomes = tuple(
        clean_line(raw, settings, number)
        if done is None
        else Outcome(number, done[0], bytes_in=done[1], bytes_removed=done[2])
        for number, raw, done in zip(itertools.count(chunk.first_line), chunk.lines, fast)
    )
    nbytes = sum(map(len, chunk.lines))
    return ChunkResult(chunk.source, chunk.first_line, nbytes, outcomes, chunk.read_error)


def takes_fast_path(settings: Settings) -> bool:
    """True if the core may clean records on their bytes (:func:`fast_records`): the text field
    is read as text and written alone, with no removals, language or HTML field."""
    if settings.html_field or settings.removals_field or settings.language_field or settings.value_mode == "html":
        return False
    from cleaner.engine import has_surrogates

    # A field name from a command line that is not UTF-8 (a surrogate escape) names no key the
    # core can compare: clean_line reports the missing field.
    return not has_surrogates(settings.field)


def fast_records(settings: Settings, lines: Sequence[bytes]) -> Sequence[tuple[bytes, int, int] | None]:
    """Per line, the record as :func:`clean_line` would write it (with the field's bytes in and
    removed), cleaned by the core on the record's bytes; None where :func:`clean_line` must
    take it. The core handles the common record: the text field cleaned as text, nothing else
    written. It declines what it cannot do exactly as :func:`clean_line` does (see
    ``cleaner_core::jsonl``); tests compare the two on every kind of record.
    """
    if not takes_fast_path(settings):
        return (None,) * len(lines)
    from cleaner import _core, registry

    options = settings.options
    codes = [rule.code for rule in registry.active_rules(options.select, options.ignore)]
    return _core.clean_records(
        lines,
        settings.field,
        codes,
        keep_headline=options.keep_headline,
        input_format=options.input_format,
        sniff_html=settings.value_mode == "auto",
        visible_output=options.output_format == "text",
    )


# --------------------------------------------------------------------------
# reading and writing
# --------------------------------------------------------------------------


def standard_input(stdin: IO[bytes] | None) -> IO[bytes]:
    """``stdin`` ("-"), able to peek; None means the process was started with it closed."""
    if stdin is None:
        raise OSError(errno.EBADF, "cannot read: it is closed")
    # peek() looks at the first bytes without consuming them; a BytesIO cannot.
    return stdin if hasattr(stdin, "peek") else cast(IO[bytes], io.BufferedReader(cast(Any, stdin)))


def gunzipped(handle: IO[bytes]) -> IO[bytes]:
    """``handle``, decompressed when it starts with gzip's magic bytes, whatever its name."""
    if handle.peek(len(GZIP_MAGIC))[: len(GZIP_MAGIC)] == GZIP_MAGIC:  # type: ignore[attr-defined]
        return cast(IO[bytes], gzip.GzipFile(fileobj=handle, mode="rb"))  # typeshed types GzipFile apart from IO
    return handle


def read_chunks(source: str, stdin: IO[bytes] | None) -> Iterator[Chunk]:
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
            handle = standard_input(stdin) if source == "-" else stack.enter_context(open(source, "rb"))
            for raw in gunzipped(handle):
                # A BOM starts a file, but files are concatenated (`cat a.jsonl b.jsonl`): a
                # BOM is never part of a JSON record, so it is dropped wherever a line starts.
                lines.append(raw.removeprefix(UTF8_BOM))
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


# --------------------------------------------------------------------------
# parallel map and progress
# --------------------------------------------------------------------------


def default_jobs() -> int:
    return os.cpu_count() or 1


def ordered_map(
    func: Callable[[T], R], items: Iterable[T], jobs: int, *, threads: bool = False
) -> Generator[R, None, None]:
    """``map(func, items)`` on ``jobs`` processes (or threads): results in input order, few
    items in flight.

    ``Pool.imap`` would read ``items`` to the end as fast as it can; here at
    most ``jobs * WINDOW_PER_JOB`` items are pending, so memory stays flat. Threads suit
    work done in the core without the GIL (:func:`fast_records`): no pickling, one copy of
    the compiled patterns, and about a third less CPU time than processes on two cores.
    """
    if jobs <= 1:
        yield from map(func, items)
        return
    if threads:
        executor = concurrent.futures.ThreadPoolExecutor(jobs, thread_name_prefix="cleaner")
        try:
            yield from _in_order((executor.submit(func, item).result for item in items), jobs)
        finally:
            # Ctrl-C, SIGTERM, a closed output or --on-error fail: queued chunks are dropped,
            # and only the chunks the threads are cleaning are finished (at exit).
            executor.shutdown(wait=False, cancel_futures=True)
        return
    with multiprocessing.Pool(jobs, initializer=prepare_worker) as pool:
        yield from _in_order((pool.apply_async(func, (item,)).get for item in items), jobs)


def _in_order(submitted: Iterator[Callable[[], R]], jobs: int) -> Generator[R, None, None]:
    """The results of submitted work in order, submitting at most ``jobs * WINDOW_PER_JOB``
    ahead of the result being waited for (``submitted`` submits as it is iterated)."""
    pending: deque[Callable[[], R]] = deque()
    for result in submitted:
        pending.append(result)
        if len(pending) > jobs * WINDOW_PER_JOB:
            yield pending.popleft()()
    while pending:
        yield pending.popleft()()


def prepare_worker() -> None:
    """Workers leave Ctrl-C to the parent, which stops them: one message, no tracebacks.

    The parent stops them with SIGTERM, whose default action ends a worker at once, even
    one waiting for a task on a lock the stopping pool holds; while a worker writes an
    output's temporary file, SIGTERM is a SystemExit that removes it (``outputs``).
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


@dataclass(slots=True)
class Progress:
    """A status line on a terminal: records, MB read, rates, and the share done when known."""

    stream: TextIO
    total_bytes: int | None = None
    unit: str = "record"
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
        rate = f"{self.records / elapsed:,.0f} {self.unit}s/s  {mb / elapsed:,.1f} MB/s"
        line = f"{done}{plural(self.records, self.unit)}  {mb:,.1f} MB  {rate}"
        self.stream.write(f"\r{line}\x1b[K")
        self.stream.flush()

    def close(self) -> None:
        self.draw()
        self.stream.write("\n")
        self.stream.flush()


def make_progress(stream: TextIO, quiet: bool, total_bytes: int | None, unit: str = "record") -> Progress | None:
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
    stdin: IO[bytes] | None,
    stdout: IO[bytes] | None,
    stderr: TextIO,
) -> Summary:
    """Clean JSON Lines from ``sources`` ("-" is ``stdin``) into ``output`` or ``stdout``.

    Errors are reported on ``stderr`` as they are met; the summary is
    returned for the caller to print. Raises :class:`CorpusError` when
    ``on_error`` is "fail" and an error occurs, and :class:`~cleaner.outputs.OutputError`
    when the output cannot be written or is one of the inputs (before reading any).
    A closed ``stdin`` or ``stdout`` is None.
    """
    outputs.refuse_inputs(output, outputs.input_ids(sources, stdin))
    chunks = (chunk for source in sources for chunk in read_chunks(source, stdin))
    # The core cleans the common record without the GIL: threads then share the work.
    threads = takes_fast_path(settings)
    results = ordered_map(functools.partial(clean_chunk, settings), chunks, options.jobs, threads=threads)
    progress = make_progress(stderr, options.quiet, known_size(sources))
    summary = Summary()
    with contextlib.ExitStack() as stack:
        stack.enter_context(contextlib.closing(results))
        out = stack.enter_context(outputs.open_output(output, stdout))
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
        summary.errors += 1
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
    #: The whole message, naming the input or the output.
    error: str | None = None
    bytes_in: int = 0
    bytes_removed: int = 0


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
    """Count an unreadable file (in, and an error); False, to filter it out of the items."""
    summary.records_in += 1
    summary.errors += 1
    return False


def make_output_dir(output_dir: Path) -> None:
    try:
        output_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise outputs.cannot_write(str(output_dir), exc) from None


def clean_file(
    settings: Settings, inputs: dict[outputs.FileId, str], item: tuple[str, str | bytes, Path]
) -> FileOutcome:
    """Clean one text (UTF-8 text may stay in bytes) into its target file, unless that is one
    of the ``inputs``: a batch's unit of work."""
    name, text, target = item
    try:
        outputs.refuse_inputs(target, inputs)
        result = explain_value(text, settings)
        clean = result.utf8
        with outputs.open_output(target, None) as out:
            out.write(clean)
    except outputs.OutputError as exc:
        return FileOutcome(name, str(exc))
    except Exception as exc:
        return FileOutcome(name, f"{display_name(name)}: cleaning failed: {type(exc).__name__}: {exc}")
    bytes_in = len(text) if isinstance(text, bytes) else utf8_length(text)
    return FileOutcome(name, bytes_in=bytes_in, bytes_removed=max(0, bytes_in - len(clean)))


def run_batch(
    texts: Iterable[tuple[str, str | bytes | None]],
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
    progress = make_progress(stderr, options.quiet, None, unit="file")
    messages = Messages(stderr, progress)
    work = functools.partial(clean_file, settings, outputs.input_ids(targets, None))
    for outcome in ordered_map(work, items, options.jobs):
        summary.records_in += 1
        if outcome.error is not None:
            summary.errors += 1
            messages.report(outcome.error, options.on_error)
        else:
            summary.records_out += 1
            summary.bytes_in += outcome.bytes_in
            summary.bytes_removed += outcome.bytes_removed
        if progress:
            progress.update(1, outcome.bytes_in)
    if progress:
        progress.close()
    return summary
