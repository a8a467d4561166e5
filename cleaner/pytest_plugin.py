"""Golden-file regression tests for cleaned pages (the ``pytest11`` plugin).

Inert until a folder is named, in the ini option ``cleaner_golden_dirs`` or
with ``--cleaner-golden-dir``. In each such folder (recursively) every page
``<name>.txt`` (or ``<name>.html``, cleaned in HTML mode) is one test item
named ``<name>``, paired with its expectation:

* ``<name>.expected.txt`` — the clean text the page must produce;
* ``<name>.json`` — optional: the removals, ``{"removals": [{"code", "lines", "text"}]}``.

A ``cleaner.toml`` in a folder sets how its pages are cleaned (``select``,
``ignore``, ``keep_headline``, ``mode``); the nearest one up the tree, inside
the golden folder, wins. ``pytest --cleaner-update`` writes or refreshes
expectations; a missing one fails with a message saying so, and is never
written silently. An expectation without its page fails too.

The cleaner itself is imported only when a page runs.
"""

from __future__ import annotations

import difflib
import json
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import pytest

if TYPE_CHECKING:
    from cleaner.result import Result

EXPECTED_SUFFIX = ".expected.txt"
REMOVALS_SUFFIX = ".json"
SETTINGS_FILE = "cleaner.toml"
PAGE_SUFFIXES = (".txt", ".html")
MODES = ("auto", "text", "html")
# Unchanged lines shown around each change in the clean-text diff.
DIFF_CONTEXT_LINES = 2
# Characters of a removal's first line shown in the removal table, about one terminal row.
TABLE_TEXT_CHARS = 70
UPDATE_HINT = "If the change is intended: pytest --cleaner-update, then review and commit the diff"

#: A removal as the golden files record it: code, first line, last line, text.
Row = tuple[str, int, int, str]

T = TypeVar("T")

GOLDEN_DIRS = pytest.StashKey[tuple[Path, ...]]()
WRITTEN = pytest.StashKey[list[Path]]()


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
    parser.addini("cleaner_golden_dirs", "folders of golden pages for cleaner", type="paths", default=[])


def pytest_configure(config: pytest.Config) -> None:
    from_ini = [Path(p) for p in config.getini("cleaner_golden_dirs")]
    from_cli = [config.invocation_params.dir / p for p in config.getoption("cleaner_golden_dir")]
    config.stash[GOLDEN_DIRS] = tuple(p.resolve() for p in (*from_ini, *from_cli))
    config.stash[WRITTEN] = []


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    if not file_path.name.endswith((*PAGE_SUFFIXES, REMOVALS_SUFFIX)):
        return None
    root = golden_root(parent.config, file_path)
    if root is None or not (is_page(file_path) or is_orphan(file_path)):
        return None
    return GoldenFile.from_parent(parent, path=file_path, root=root)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter, config: pytest.Config) -> None:
    written = config.stash.get(WRITTEN, [])
    if written:
        terminalreporter.write_sep("-", f"cleaner: wrote {len(written)} expectation files; review and commit them")
        for path in written:
            terminalreporter.write_line(str(shown(path)))


def golden_root(config: pytest.Config, path: Path) -> Path | None:
    """The innermost configured golden folder holding ``path``, if any."""
    dirs = config.stash.get(GOLDEN_DIRS, ())
    if not dirs:
        return None
    resolved = path.resolve()
    holders = [d for d in dirs if resolved.is_relative_to(d)]
    return max(holders, key=lambda d: len(d.parts)) if holders else None


def is_page(path: Path) -> bool:
    return path.suffix in PAGE_SUFFIXES and not path.name.endswith(EXPECTED_SUFFIX)


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
    """A page (one item named after it) or an orphaned expectation (one failing item)."""

    def __init__(self, *, root: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.root = root

    def collect(self) -> Iterator[pytest.Item]:
        if is_page(self.path):
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


class GoldenItem(_ReportedItem):
    def __init__(self, *, root: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.root = root

    def runtest(self) -> None:
        case = Case(self.path)
        case.check_unique()
        result = clean_page(self.path, Settings.for_folder(self.path.parent, self.root))
        if self.config.getoption("cleaner_update"):
            self.config.stash[WRITTEN].extend(case.write(result))
        else:
            case.compare(result)


# -- settings -----------------------------------------------------------------


@dataclass(frozen=True)
class Settings:
    """How the pages of one folder are cleaned, from its ``cleaner.toml``."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    keep_headline: bool = True
    mode: str = "auto"  # "text", "html", or "auto": by the page's extension

    @classmethod
    def for_folder(cls, folder: Path, root: Path) -> Settings:
        """The nearest ``cleaner.toml`` from ``folder`` up to ``root``, or the defaults."""
        for candidate in (folder, *folder.parents):
            path = candidate / SETTINGS_FILE
            if path.is_file():
                return cls.load(path)
            if candidate == root:
                break
        return cls()

    @classmethod
    def load(cls, path: Path) -> Settings:
        data = read_toml(path)
        known = sorted(f.name for f in fields(cls))
        for key in data:
            if key not in known:
                raise GoldenError(path, f"unknown key {key!r}; known keys: {', '.join(known)}")
        return cls(
            select=rule_keys(path, data, "select"),
            ignore=rule_keys(path, data, "ignore"),
            keep_headline=setting(path, data, "keep_headline", bool, cls.keep_headline),
            mode=mode_setting(path, data),
        )

    def is_html(self, page: Path) -> bool:
        return self.mode == "html" or (self.mode == "auto" and page.suffix == ".html")

    def options(self) -> dict[str, Any]:
        """Keyword arguments for ``explain``; select and ignore only when set."""
        options: dict[str, Any] = {"keep_headline": self.keep_headline}
        if self.select:
            options["select"] = self.select
        if self.ignore:
            options["ignore"] = self.ignore
        return options


def read_toml(path: Path) -> dict[str, Any]:
    text = decode(path, path.read_bytes())
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise GoldenError(path, f"not valid TOML: {exc}") from None


def setting(path: Path, data: dict[str, Any], key: str, kind: type[T], default: T) -> T:
    value = data.get(key, default)
    if not isinstance(value, kind):
        raise GoldenError(path, f"{key} must be a {kind.__name__}, not {value!r}")
    return value


def mode_setting(path: Path, data: dict[str, Any]) -> str:
    mode = setting(path, data, "mode", str, Settings.mode)
    if mode not in MODES:
        raise GoldenError(path, f"mode must be one of {', '.join(MODES)}, not {mode!r}")
    return mode


def rule_keys(path: Path, data: dict[str, Any], key: str) -> tuple[str, ...]:
    """A list of rule codes or names, each checked against the registry."""
    from cleaner import registry
    from cleaner.errors import UnknownRuleError

    values = setting(path, data, key, list, [])
    for value in values:
        if not isinstance(value, str):
            raise GoldenError(path, f'{key} must list rule codes or names, e.g. {key} = ["C101"]')
        try:
            registry.get(value)
        except UnknownRuleError as exc:
            raise GoldenError(path, f"{key}: {exc}") from None
    return tuple(values)


# -- running a page -----------------------------------------------------------


def clean_page(page: Path, settings: Settings) -> Result:
    import cleaner  # lazily: the plugin loads in every pytest run where cleaner is installed

    raw = page.read_bytes()
    if settings.is_html(page):
        return cleaner.explain_html(raw, **settings.options())
    return cleaner.explain(decode(page, raw), **settings.options())


def decode(path: Path, raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GoldenError(path, f"not valid UTF-8 (byte {exc.start})") from None


@dataclass(frozen=True)
class Case:
    """A page and the paths of its expectation files."""

    page: Path

    @property
    def expected_path(self) -> Path:
        return self.page.with_name(page_stem(self.page) + EXPECTED_SUFFIX)

    @property
    def removals_path(self) -> Path:
        return self.page.with_name(page_stem(self.page) + REMOVALS_SUFFIX)

    def check_unique(self) -> None:
        """Two pages with one stem (``a.txt``, ``a.html``) would share expectations."""
        pages = sibling_pages(self.page.parent, page_stem(self.page))
        if len(pages) > 1:
            names = " and ".join(p.name for p in pages)
            raise GoldenError(self.page, f"{names} would share {self.expected_path.name}; rename one")

    def write(self, result: Result) -> list[Path]:
        """Write the expectations that differ from ``result``; return their paths."""
        wanted = {self.expected_path: result.text, self.removals_path: removals_json(removal_rows(result))}
        changed = [path for path, text in wanted.items() if not has_content(path, text)]
        for path in changed:
            path.write_text(wanted[path], encoding="utf-8", newline="")
        return changed

    def compare(self, result: Result) -> None:
        """Fail with a text diff and a removal-table diff if ``result`` is not expected."""
        expected = self.expected_text()
        expected_rows = self.expected_rows()
        actual_rows = removal_rows(result)
        problems = []
        if expected != result.text:
            problems.append(text_diff(expected, result, expected_rows or []))
        if expected_rows is not None and expected_rows != actual_rows:
            problems.append(removals_diff(expected_rows, actual_rows))
        if problems:
            raise GoldenError(self.page, "\n\n".join(["clean output changed", *problems, UPDATE_HINT]))

    def expected_text(self) -> str:
        if not self.expected_path.is_file():
            raise GoldenError(
                self.page,
                f"no expectation {self.expected_path.name}; "
                "run `pytest --cleaner-update` to write it, then review and commit it",
            )
        return decode(self.expected_path, self.expected_path.read_bytes())

    def expected_rows(self) -> list[Row] | None:
        """The removals file's rows, or None when the page has none."""
        path = self.removals_path
        if not path.is_file():
            return None
        try:
            data = json.loads(decode(path, path.read_bytes()))
            return sorted((r["code"], r["lines"][0], r["lines"][1], r["text"]) for r in data["removals"])
        except (ValueError, KeyError, IndexError, TypeError) as exc:
            raise GoldenError(path, f"not a removals file ({type(exc).__name__}: {exc})") from None


def has_content(path: Path, text: str) -> bool:
    return path.is_file() and path.read_bytes() == text.encode("utf-8")


# -- the golden files' format ---------------------------------------------------


def removal_rows(result: Result) -> list[Row]:
    return sorted((r.code, r.start, r.end, r.text) for r in result.removals)


def removals_json(rows: Iterable[Row]) -> str:
    """The removals file: one removal per line, sorted by line, non-ASCII kept, final newline.

    One line per removal keeps a review diff to the removals that changed.
    """
    lines = [
        json.dumps({"code": code, "lines": [start, end], "text": text}, ensure_ascii=False)
        for code, start, end, text in sorted(rows, key=lambda row: (row[1], row[0]))
    ]
    if not lines:
        return '{\n  "removals": []\n}\n'
    body = ",\n".join(f"    {line}" for line in lines)
    return f'{{\n  "removals": [\n{body}\n  ]\n}}\n'


# -- failure reports ------------------------------------------------------------


def line_owners(rows: Iterable[tuple[str, str]]) -> dict[str, str]:
    """Each removed line (trailing space stripped) -> the rule that removed it, from (rule, text) pairs."""
    owners: dict[str, str] = {}
    for rule, text in rows:
        for line in text.split("\n"):
            if line.strip():
                owners.setdefault(line.rstrip(), rule)
    return owners


def text_diff(expected: str, result: Result, expected_rows: list[Row]) -> str:
    """Unified diff of the clean text, each changed line annotated with the rule behind it.

    A line only the expectation has was removed by a rule, or is no longer
    in the page; a line only the output has was removed by no rule (the
    removals file, when there is one, says which rule used to remove it).
    """
    removed_now = line_owners((f"{r.code} {r.name}", r.text) for r in result.removals)
    removed_before = line_owners((code, text) for code, _, _, text in expected_rows)
    diff = list(
        difflib.unified_diff(
            text_lines(expected), text_lines(result.text), "expected", "actual", lineterm="", n=DIFF_CONTEXT_LINES
        )
    )
    if not diff:
        has = "has" if expected.endswith("\n") else "lacks"
        return f"clean text differs only in its final newline, which the expectation {has}"
    header, body = diff[:2], diff[2:]  # "--- expected", "+++ actual", then hunks
    annotated = [annotate(line, removed_now, removed_before) for line in body]
    return "\n".join(["clean text (- expected, + actual):", *header, *annotated])


def text_lines(text: str) -> list[str]:
    """Lines split on ``"\\n"`` only; a final newline ends the last line rather than starting one."""
    return text.removesuffix("\n").split("\n")


def annotate(line: str, removed_now: dict[str, str], removed_before: dict[str, str]) -> str:
    """A diff line with the rule behind it, if it is a non-blank removed or added line."""
    key = line[1:].rstrip()
    if not key.strip() or line[0] not in "-+":
        return line
    if line[0] == "-":
        cause = f"removed by {removed_now[key]}" if key in removed_now else "no rule removed it (not in the page)"
        return f"{line}    <- {cause}"
    before = f" (expected: removed by {removed_before[key]})" if key in removed_before else ""
    return f"{line}    <- no rule removed it{before}"


def removals_diff(expected: list[Row], actual: list[Row]) -> str:
    """Expected-versus-actual removal table: the rows only one side has."""
    rows = ["removals (- expected, + actual; code, lines, first line of text):"]
    changed = [("-", row) for row in expected if row not in actual] + [
        ("+", row) for row in actual if row not in expected
    ]
    for mark, (code, start, end, text) in sorted(changed, key=lambda item: (item[1][1], item[0] != "-")):
        first = text.split("\n")[0][:TABLE_TEXT_CHARS]
        span = f"{start}" if start == end else f"{start}-{end}"
        rows.append(f"{mark} {code}  {span}  {first}")
    return "\n".join(rows)
