"""Golden-file regression tests for cleaned pages (the ``pytest11`` plugin).

Inert until a folder is named, in the ini option ``cleaner_golden_dirs`` or
with ``--cleaner-golden-dir``. In each such folder (recursively) every page
``<name>.txt`` (or ``<name>.html``, cleaned in HTML mode) is one test item
named ``<name>``, paired with its expectation:

* ``<name>.expected.txt`` — the clean text the page must produce;
* ``<name>.json`` — optional: the removals, ``{"removals": [{"code", "text"}], "first_lines": [...]}``
  (the older ``{"removals": [{"code", "lines", "text"}]}`` is read too; ``--cleaner-migrate``
  rewrites it).

A ``cleaner.toml`` in a folder sets how its pages are cleaned: the keys of
:class:`cleaner.Options` (``select``, ``ignore``, ``keep_headline``, ``mode``), as
``cleaner --config`` reads them; the nearest one up the tree, inside the golden
folder, wins. ``pytest --cleaner-update`` writes or refreshes
expectations; a missing one fails with a message saying so, and is never
written silently, nor through a symlink to outside the golden folder. An
expectation without its page fails too, and so does a page without a name
(``.txt``) or one that is a symlink to outside the golden folder.

The cleaner itself is imported only when a page runs.
"""

from __future__ import annotations

import difflib
import itertools
import json
import os
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pytest

if TYPE_CHECKING:
    from cleaner.options import Options
    from cleaner.result import Result

EXPECTED_SUFFIX = ".expected.txt"
REMOVALS_SUFFIX = ".json"
SETTINGS_FILE = "cleaner.toml"
PAGE_SUFFIXES = (".txt", ".html")
# Unchanged lines shown around each change in the clean-text diff.
DIFF_CONTEXT_LINES = 2
# Columns a failure report's noted lines fit in, so that notes stay on screen in an 80-column terminal.
DIFF_WIDTH = 80
# Characters of a noted line kept however long its note, so that the line stays recognisable.
MIN_LINE_CHARS = 24
# Characters shown before an edit that lies beyond a noted line's width, which is then cut at the front too.
LEAD_CHARS = 12
NOTE_MARK = "    <- "
UPDATE_HINT = "If the change is intended: pytest --cleaner-update, then review and commit the diff"
REFORMATTED = "same removals, rewritten in the current format"
REMOVALS_HEADER = "removals (- expected, + actual, ~ rule changed; code, line, first line of text):"

GOLDEN_DIRS = pytest.StashKey[tuple[Path, ...]]()
UPDATES = pytest.StashKey[list["Update"]]()


class Row(NamedTuple):
    """A removal as the golden files record it: first and last line (1-based), rule code, text."""

    start: int
    end: int
    code: str
    text: str

    @property
    def span(self) -> str:
        return f"{self.start}" if self.start == self.end else f"{self.start}-{self.end}"


class GoldenError(Exception):
    """A golden failure about one file, reported as its message without a traceback."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{shown(self.path)}: {self.message}"


def shown(path: Path) -> Path:
    """``path`` relative to the working directory when inside it, as pytest shows paths."""
    cwd = Path.cwd()
    return path.relative_to(cwd) if path.is_relative_to(cwd) else path


def absolute(path: Path) -> Path:
    """``path`` made absolute without following symlinks (``..`` folded as the shell would)."""
    return Path(os.path.normpath(path.absolute()))


def is_within(path: Path, folder: Path) -> bool:
    """Whether ``path`` is inside ``folder``, as named or once symlinks are followed."""
    return absolute(path).is_relative_to(absolute(folder)) or path.resolve().is_relative_to(folder.resolve())


def escapes(path: Path, root: Path) -> Path | None:
    """Where ``path`` really is, when a symlink takes it outside ``root``; None when it stays inside."""
    target = path.resolve()
    return None if target.is_relative_to(root.resolve()) else target


# -- options and collection ---------------------------------------------------


def pytest_addoption(parser: pytest.Parser) -> None:
    group = parser.getgroup("cleaner", "golden tests of cleaned pages")
    group.addoption(
        "--cleaner-golden-dir",
        action="append",
        default=[],
        metavar="DIR",
        help="folder of pages and expectations to test (repeatable; adds to the ini option)",
    )
    group.addoption(
        "--cleaner-update",
        action="store_true",
        default=False,
        help="write or refresh the expectations of the collected pages instead of failing",
    )
    group.addoption(
        "--cleaner-migrate",
        action="store_true",
        default=False,
        help="rewrite removals files in the older format (line numbers in every entry) in the current one",
    )
    parser.addini("cleaner_golden_dirs", "folders of golden pages for cleaner", type="paths", default=[])


def pytest_configure(config: pytest.Config) -> None:
    from_ini = [Path(p) for p in config.getini("cleaner_golden_dirs")]
    from_cli = [config.invocation_params.dir / p for p in config.getoption("cleaner_golden_dir")]
    config.stash[GOLDEN_DIRS] = tuple(absolute(p) for p in (*from_ini, *from_cli))
    config.stash[UPDATES] = []


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if not file_path.name.endswith((*PAGE_SUFFIXES, REMOVALS_SUFFIX)):
        return None
    root = golden_root(parent.config, file_path)
    if root is None or not (is_page(file_path) or is_unnamed_page(file_path) or is_orphan(file_path)):
        return None
    return GoldenFile.from_parent(parent, path=file_path, root=root)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    updates = config.stash.get(UPDATES, [])
    written = sum(len(update.written) for update in updates)
    if written:
        files = "file" if written == 1 else "files"
        terminalreporter.write_sep("-", f"cleaner: wrote {written} expectation {files}; review and commit them")
        for update in updates:
            terminalreporter.write_line(f"{shown(update.page)}: {update.summary}")


def golden_root(config: pytest.Config, path: Path) -> Path | None:
    """The innermost configured golden folder holding ``path``, if any."""
    holders = [d for d in config.stash.get(GOLDEN_DIRS, ()) if is_within(path, d)]
    return max(holders, key=lambda d: len(d.parts)) if holders else None


def is_page(path: Path) -> bool:
    return path.suffix in PAGE_SUFFIXES and not path.name.endswith(EXPECTED_SUFFIX)


def is_unnamed_page(path: Path) -> bool:
    """``.txt`` or ``.html``: a page whose name is only its extension (Python calls it a stem)."""
    return path.name in PAGE_SUFFIXES


def page_stem(page: Path) -> str:
    return page.name[: -len(page.suffix)]


def expectation_stem(path: Path) -> str | None:
    """The stem of the page an expectation file belongs to, or None for other files."""
    for suffix in (EXPECTED_SUFFIX, REMOVALS_SUFFIX):
        if path.name.endswith(suffix):
            return path.name[: -len(suffix)]
    return None


def sibling_pages(folder: Path, stem: str) -> list[Path]:
    return [p for p in (folder / f"{stem}{s}" for s in PAGE_SUFFIXES) if p.is_file()]


def is_orphan(path: Path) -> bool:
    stem = expectation_stem(path)
    return stem is not None and not sibling_pages(path.parent, stem)


class GoldenFile(pytest.File):
    """A page (one item named after it), or an orphaned expectation or unnamed page (one failing item)."""

    def __init__(self, *, root: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.root = root

    def collect(self) -> Iterator[pytest.Item]:
        if is_unnamed_page(self.path):
            yield UnnamedPageItem.from_parent(self, name=self.path.name)
        elif is_page(self.path):
            yield GoldenItem.from_parent(self, name=page_stem(self.path), root=self.root)
        else:
            yield OrphanItem.from_parent(self, name=self.path.name)


class _ReportedItem(pytest.Item):
    """An item whose expected failures print their message alone."""

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, GoldenError):
            return str(excinfo.value)
        # A bug, not a golden mismatch: show its traceback from here on, without pytest's frames.
        return str(excinfo.getrepr(style="short", tbfilter=_from_plugin))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"cleaner golden: {self.name}"


def _from_plugin(excinfo: pytest.ExceptionInfo[BaseException]) -> Any:
    return excinfo.traceback.cut(path=__file__)


class OrphanItem(_ReportedItem):
    def runtest(self) -> None:
        raise GoldenError(self.path, "no page (.txt or .html) beside this expectation; delete it or add the page")


class UnnamedPageItem(_ReportedItem):
    def runtest(self) -> None:
        raise GoldenError(self.path, f"a page needs a name: rename it to <name>{self.path.name}")


class GoldenItem(_ReportedItem):
    def __init__(self, *, root: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.root = root

    def runtest(self) -> None:
        case = Case(self.path, self.root)
        case.check_page()
        result = clean_page(self.path, folder_options(self.path.parent, self.root))
        migrate = bool(self.config.getoption("cleaner_migrate"))
        if self.config.getoption("cleaner_update"):
            self.record(case.update(result, migrate))
        else:
            self.record(case.migrate() if migrate else None)
            case.compare(result)

    def record(self, update: Update | None) -> None:
        if update is not None:
            self.config.stash[UPDATES].append(update)


# -- settings -----------------------------------------------------------------


def folder_options(folder: Path, root: Path) -> Options:
    """How the pages of ``folder`` are cleaned: the nearest ``cleaner.toml`` from
    ``folder`` up to ``root``, or the defaults. It holds the keys of
    :class:`cleaner.Options`, as ``cleaner --config`` reads them."""
    from cleaner import Options

    for candidate in (folder, *folder.parents):
        if not is_within(candidate, root):
            break
        path = candidate / SETTINGS_FILE
        if path.is_file():
            return load_options(path)
    return Options()


def load_options(path: Path) -> Options:
    from cleaner import CleanerError, Options

    try:
        return Options.from_mapping(read_toml(path))
    except CleanerError as exc:
        raise GoldenError(path, str(exc)) from None


def read_toml(path: Path) -> dict[str, Any]:
    text = decode(path, path.read_bytes())
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GoldenError(path, f"not valid TOML: {exc}") from None


# -- running a page -----------------------------------------------------------


def clean_page(page: Path, options: Options) -> Result:
    """The page cleaned; in mode "auto" a ``.html`` page is read as HTML and any other as text."""
    import cleaner  # lazily: the plugin loads in every pytest run where cleaner is installed

    raw = page.read_bytes()
    if options.mode == "html" or (options.mode == "auto" and page.suffix == ".html"):
        return cleaner.explain_html(raw, options)
    return cleaner.explain(decode(page, raw), options)


def decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GoldenError(path, f"not valid UTF-8 (byte {exc.start})") from None


@dataclass(frozen=True)
class Update:
    """The expectation files ``--cleaner-update`` or ``--cleaner-migrate`` wrote for one page, and why."""

    page: Path
    written: tuple[Path, ...]
    summary: str


@dataclass(frozen=True)
class Case:
    """A page in its golden folder, and the paths of its expectation files."""

    page: Path
    root: Path

    @property
    def expected_path(self) -> Path:
        return self.page.with_name(page_stem(self.page) + EXPECTED_SUFFIX)

    @property
    def removals_path(self) -> Path:
        return self.page.with_name(page_stem(self.page) + REMOVALS_SUFFIX)

    def check_page(self) -> None:
        """The page is inside its golden folder, and no other page shares its expectations."""
        target = escapes(self.page, self.root)
        if target is not None:
            raise GoldenError(
                self.page, f"leads through a symlink to {target}, outside the golden folder; copy the page in instead"
            )
        pages = sibling_pages(self.page.parent, page_stem(self.page))
        if len(pages) > 1:
            names = " and ".join(p.name for p in pages)
            raise GoldenError(self.page, f"{names} would share {self.expected_path.name}; rename one")

    def update(self, result: Result, migrate: bool) -> Update | None:
        """Write the expectations that differ from ``result``, keeping the removals file's format unless migrating."""
        try:
            old_text = self.expected_text() if self.expected_path.is_file() else None
            old = self.expected_removals()
        except GoldenError:  # unreadable: replaced whole, and summarised as new
            old_text, old = None, None
        rows = removal_rows(result)
        keep_old_format = old is not None and old.old_format and not migrate
        written = [
            path
            for path, content in (
                (self.expected_path, result.text),
                (self.removals_path, removals_json(rows, old_format=keep_old_format)),
            )
            if self.write(path, content)
        ]
        if not written:
            return None
        return Update(self.page, tuple(written), update_summary(old_text, old.rows if old else None, result.text, rows))

    def migrate(self) -> Update | None:
        """Rewrite an older-format removals file in the current format, with the same removals."""
        old = self.expected_removals()
        if old is None or not old.old_format or not self.write(self.removals_path, removals_json(old.rows)):
            return None
        return Update(self.page, (self.removals_path,), REFORMATTED)

    def write(self, path: Path, content: str) -> bool:
        """Write ``content`` unless ``path`` has it already; never through a symlink out of the golden folder."""
        if has_content(path, content):
            return False
        target = escapes(path, self.root)
        if target is not None:
            raise GoldenError(path, f"leads through a symlink to {target}, outside the golden folder; not written")
        try:
            path.resolve().write_text(content, encoding="utf-8", newline="")
        except OSError as exc:
            raise GoldenError(path, f"cannot write it: {exc.strerror or exc}") from None
        return True

    def compare(self, result: Result) -> None:
        """Fail with a text diff and a removals diff if ``result`` is not expected."""
        if not self.expected_path.is_file():
            raise GoldenError(
                self.page,
                f"no expectation {self.expected_path.name}; "
                "run `pytest --cleaner-update` to write it, then review and commit it",
            )
        expected = self.expected_text()
        removals = self.expected_removals()
        expected_rows = removals.rows if removals else None
        actual_rows = removal_rows(result)
        problems = []
        if expected != result.text:
            problems.append(text_diff(expected, result, expected_rows or []))
        if expected_rows is not None and expected_rows != actual_rows:
            problems.append(removals_diff(expected_rows, actual_rows))
        if problems:
            raise GoldenError(self.page, "\n\n".join(["clean output changed", *problems, UPDATE_HINT]))

    def expected_text(self) -> str:
        return decode(self.expected_path, self.expected_path.read_bytes())

    def expected_removals(self) -> Removals | None:
        """The removals file's content, or None when the page has none."""
        path = self.removals_path
        return read_removals(path, decode(path, path.read_bytes())) if path.is_file() else None


def has_content(path: Path, text: str) -> bool:
    return path.is_file() and path.read_bytes() == text.encode("utf-8")


# -- the golden files' format ---------------------------------------------------
#
# {"removals": [{"code": …, "text": …}, …], "first_lines": [n, …]}: one removal per line,
# in page order, and the line each starts on in a list of their own, on one line. A line
# inserted into the page changes that one line of the file (and adds a removal, if a rule
# removes it), where line numbers in every entry would rewrite every entry after it. The
# last line of a removal follows from its text: it has one line per "\n".


@dataclass(frozen=True)
class Removals:
    """A removals file's rows, and whether it is in the older format (line numbers in each entry)."""

    rows: list[Row]
    old_format: bool


def read_removals(path: Path, text: str) -> Removals:
    try:
        data = json.loads(text)
        entries = data["removals"]
        if "first_lines" in data:
            starts = data["first_lines"]
            if len(starts) != len(entries):
                raise ValueError(f"{len(entries)} removals but {len(starts)} first_lines")
            spans = [(start, start + entry["text"].count("\n")) for start, entry in zip(starts, entries, strict=True)]
        else:
            spans = [(entry["lines"][0], entry["lines"][1]) for entry in entries]
        rows = [Row(start, end, e["code"], e["text"]) for (start, end), e in zip(spans, entries, strict=True)]
    except (ValueError, KeyError, IndexError, TypeError, AttributeError) as exc:
        raise GoldenError(path, f"not a removals file ({type(exc).__name__}: {exc})") from None
    return Removals(sorted(rows), old_format=bool(entries) and "first_lines" not in data)


def removal_rows(result: Result) -> list[Row]:
    return sorted(Row(r.start, r.end, r.code, r.text) for r in result.removals)


def removals_json(rows: Sequence[Row], old_format: bool = False) -> str:
    """The removals file: one removal per line, in page order, non-ASCII kept, final newline."""
    ordered = sorted(rows)
    if not ordered:
        return '{\n  "removals": []\n}\n'
    if old_format:
        entries = [{"code": r.code, "lines": [r.start, r.end], "text": r.text} for r in ordered]
        tail = ""
    else:
        entries = [{"code": r.code, "text": r.text} for r in ordered]
        tail = f',\n  "first_lines": {json.dumps([r.start for r in ordered])}'
    body = ",\n".join(f"    {json.dumps(entry, ensure_ascii=False)}" for entry in entries)
    return f'{{\n  "removals": [\n{body}\n  ]{tail}\n}}\n'


# -- comparing removals -----------------------------------------------------------


class Change(NamedTuple):
    """A removal only one side has ("-" expected, "+" actual), or whose rule changed ("~")."""

    mark: str
    row: Row  # the actual removal, or the expected one for "-"
    was: str = ""  # the expected rule, for "~"


@dataclass(frozen=True)
class RemovalChanges:
    """How removals changed, matched by their text: changes in page order, and the shifts of the rest."""

    changes: list[Change]
    moves: Counter[int]  # line shift -> how many otherwise unchanged removals shifted by it

    @classmethod
    def between(cls, expected: Sequence[Row], actual: Sequence[Row]) -> RemovalChanges:
        texts = difflib.SequenceMatcher(None, [r.text for r in expected], [r.text for r in actual], autojunk=False)
        changes: list[Change] = []
        moves: Counter[int] = Counter()
        for tag, i1, i2, j1, j2 in texts.get_opcodes():
            if tag != "equal":
                changes += [Change("-", row) for row in expected[i1:i2]]
                changes += [Change("+", row) for row in actual[j1:j2]]
                continue
            for old, new in zip(expected[i1:i2], actual[j1:j2], strict=True):
                if old.code != new.code:
                    changes.append(Change("~", new, old.code))
                elif old.start != new.start:
                    moves[new.start - old.start] += 1
        return cls(changes, moves)

    def count(self, mark: str) -> int:
        return sum(change.mark == mark for change in self.changes)


def removals_diff(expected: Sequence[Row], actual: Sequence[Row]) -> str:
    """The removals added, dropped or given to another rule, then one line for those that only moved."""
    found = RemovalChanges.between(expected, actual)
    lines = [REMOVALS_HEADER, *(change_line(change) for change in found.changes)]
    if found.moves:
        lines.append(f"  {moves_phrase(found.moves)}")
    return "\n".join(lines)


def change_line(change: Change) -> str:
    code = f"{change.was} -> {change.row.code}" if change.was else change.row.code
    prefix = f"{change.mark} {code}  {change.row.span}  "
    return prefix + clip(change.row.text.split("\n")[0], DIFF_WIDTH - columns(prefix))


def moves_phrase(moves: Counter[int]) -> str:
    """``12 removals moved by +1 line``, or ``3 removals moved: 2 by +1 line, 1 by -2 lines``."""
    moved = f"{plural(sum(moves.values()), 'removal')} moved"
    if len(moves) == 1:
        (shift,) = moves
        return f"{moved} {shift_phrase(shift)}"
    return f"{moved}: " + ", ".join(f"{moves[shift]} {shift_phrase(shift)}" for shift in sorted(moves))


def shift_phrase(shift: int) -> str:
    return f"by {shift:+d} line{'' if abs(shift) == 1 else 's'}"


def update_summary(old_text: str | None, old_rows: list[Row] | None, text: str, rows: list[Row]) -> str:
    """One line on what an update changed: clean-text lines gained and lost, removals added, dropped, moved."""
    if old_text is None:
        return f"new expectation: {plural(len(text_lines(text)), 'text line')}, {plural(len(rows), 'removal')}"
    if (old_text, old_rows) == (text, rows):
        return REFORMATTED
    gained, lost = lines_gained_and_lost(text_lines(old_text), text_lines(text))
    text_changes = [f"{plural(count, 'line')} {what}" for what, count in (("gained", gained), ("lost", lost)) if count]
    parts = [f"text: {', '.join(text_changes)}" if text_changes else "text unchanged"]
    if old_rows is None:
        parts.append(f"new removals file: {plural(len(rows), 'removal')}")
    else:
        found = RemovalChanges.between(old_rows, rows)
        counts = {"added": found.count("+"), "dropped": found.count("-"), "rule changed": found.count("~")}
        named = [f"{count} {what}" for what, count in counts.items() if count]
        parts.append(f"removals: {', '.join(named)}" if named else "removals unchanged")
        if found.moves:
            parts.append(moves_phrase(found.moves))
    return "; ".join(parts)


def lines_gained_and_lost(old: list[str], new: list[str]) -> tuple[int, int]:
    """How many lines only ``new`` has, and how many only ``old`` has, as a line diff counts them."""
    blocks = difflib.SequenceMatcher(None, old, new, autojunk=False).get_matching_blocks()
    common = sum(block.size for block in blocks)
    return len(new) - common, len(old) - common


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


# -- failure reports ------------------------------------------------------------


def line_owners(rows: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each removed line (trailing space stripped) -> the rule that removed it, from (rule, text) pairs."""
    owners: dict[str, str] = {}
    for rule, text in rows:
        for line in text.split("\n"):
            if line.strip():
                owners.setdefault(line.rstrip(), rule)
    return owners


def text_diff(expected: str, result: Result, expected_rows: Sequence[Row]) -> str:
    """Unified diff of the clean text, each changed line annotated with the rule behind it.

    A line only the expectation has was removed by a rule, or is no longer
    in the page; a line only the output has was removed by no rule (the
    removals file, when there is one, says which rule used to remove it).
    """
    removed_now = line_owners((f"{r.code} {r.name}", r.text) for r in result.removals)
    removed_before = line_owners((row.code, row.text) for row in expected_rows)
    diff = list(
        difflib.unified_diff(
            text_lines(expected), text_lines(result.text), "expected", "actual", lineterm="", n=DIFF_CONTEXT_LINES
        )
    )
    if not diff:
        has = "has" if expected.endswith("\n") else "lacks"
        return f"clean text differs only in its final newline, which the expectation {has}"
    header, body = diff[:2], diff[2:]  # "--- expected", "+++ actual", then hunks
    edits = first_differences(body)
    annotated = [annotate(line, removed_now, removed_before, edits.get(i, 0)) for i, line in enumerate(body)]
    return "\n".join(["clean text (- expected, + actual):", *header, *annotated])


def text_lines(text: str) -> list[str]:
    """Lines split on ``"\\n"`` only; a final newline ends the last line rather than starting one."""
    return text.removesuffix("\n").split("\n")


def first_differences(body: list[str]) -> dict[int, int]:
    """Where an edited line first differs from its other version: diff line index -> character index.

    A run of removed lines followed by a run of added ones pairs them in order, as an edit of each.
    """
    runs = [(mark, [i for i, _ in run]) for mark, run in itertools.groupby(enumerate(body), lambda item: item[1][:1])]
    found: dict[int, int] = {}
    for (mark, removed), (next_mark, added) in itertools.pairwise(runs):
        if (mark, next_mark) == ("-", "+"):
            for old, new in zip(removed, added, strict=False):
                found[old] = found[new] = shared_prefix(body[old], body[new])
    return found


def shared_prefix(a: str, b: str) -> int:
    """The index of the first character where ``a`` and ``b`` differ (past their diff marks)."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if i and x != y), min(len(a), len(b)))


def annotate(line: str, removed_now: dict[str, str], removed_before: dict[str, str], edit_at: int = 0) -> str:
    """A diff line with the rule behind it, if it is a non-blank removed or added line."""
    key = line[1:].rstrip()
    if not key.strip() or line[0] not in "-+":
        return line
    if line[0] == "-":
        cause = f"removed by {removed_now[key]}" if key in removed_now else "no rule removed it (not in the page)"
        return noted(line, cause, edit_at)
    before = f" (expected: removed by {removed_before[key]})" if key in removed_before else ""
    return noted(line, f"no rule removed it{before}", edit_at)


def noted(line: str, note: str, edit_at: int = 0) -> str:
    """``line`` then ``note``, within ``DIFF_WIDTH`` columns when possible: the line is cut with "…", never the note.

    An edit (at character ``edit_at``) the cut would hide stays in view: the line is cut at the front too.
    """
    suffix = NOTE_MARK + note
    width = max(MIN_LINE_CHARS, DIFF_WIDTH - columns(suffix))
    if columns(line[: edit_at + 1]) > width - 1:
        line = line[0] + "…" + line[edit_at - LEAD_CHARS :]
    return clip(line, width) + suffix


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` terminal columns, its last one "…", if it is wider."""
    if columns(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        used += columns(char)
        if used > width - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


def columns(text: str) -> int:
    """Terminal columns ``text`` takes: two for East Asian wide and full-width characters."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)
