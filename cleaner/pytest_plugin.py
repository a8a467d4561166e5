"""Golden-file regression tests for cleaned pages (the ``pytest11`` plugin).

Inert until a folder is named, in the ini option ``cleaner_golden_dirs`` or
with ``--cleaner-golden-dir``. In each such folder (recursively) every page
``<name>.txt`` (or ``<name>.html``, cleaned in HTML mode) is one test, paired
with its expectation:

* ``<name>.expected.txt`` — the clean text the page must produce;
* ``<name>.json`` — optional: the removals, ``{"removals": [{"code", "lines", "text"}]}``.

A ``cleaner.toml`` in a folder sets how its pages are cleaned (``select``,
``ignore``, ``keep_headline``, ``mode``); the nearest one up the tree wins.
``pytest --cleaner-update`` writes or refreshes expectations; a missing one
fails with a message saying so, and is never written silently.
"""

from __future__ import annotations

import difflib
import json
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

EXPECTED_SUFFIX = ".expected.txt"
REMOVALS_SUFFIX = ".json"
SETTINGS_FILE = "cleaner.toml"
PAGE_SUFFIXES = (".txt", ".html")


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


def _golden_dirs(config: pytest.Config) -> list[Path]:
    dirs = [Path(p) for p in config.getini("cleaner_golden_dirs")]
    dirs += [Path(p).resolve() for p in config.getoption("cleaner_golden_dir")]
    return [d.resolve() for d in dirs]


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    dirs = _golden_dirs(parent.config)
    if not dirs or not any(file_path.is_relative_to(d) for d in dirs):
        return None
    if _is_page(file_path) or _page_of(file_path) is not None:
        return GoldenFile.from_parent(parent, path=file_path)
    return None


def _is_page(path: Path) -> bool:
    return path.suffix in PAGE_SUFFIXES and not path.name.endswith(EXPECTED_SUFFIX)


def _page_of(path: Path) -> str | None:
    """The page stem an expectation file belongs to, or None for other files."""
    if path.name.endswith(EXPECTED_SUFFIX):
        return path.name[: -len(EXPECTED_SUFFIX)]
    if path.suffix == REMOVALS_SUFFIX:
        return path.name[: -len(REMOVALS_SUFFIX)]
    return None


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    keep_headline: bool = True
    mode: str = "auto"  # "text", "html" or "auto" (by file extension)

    @classmethod
    def for_folder(cls, folder: Path) -> Settings:
        for candidate in (folder, *folder.parents):
            path = candidate / SETTINGS_FILE
            if path.is_file():
                data = tomllib.loads(path.read_text(encoding="utf-8"))
                return cls(
                    select=tuple(data.get("select", ())),
                    ignore=tuple(data.get("ignore", ())),
                    keep_headline=bool(data.get("keep_headline", True)),
                    mode=str(data.get("mode", "auto")),
                )
        return cls()


class GoldenFile(pytest.File):
    def collect(self) -> Iterator[pytest.Item]:
        stem = _page_of(self.path)
        if stem is None:
            yield GoldenItem.from_parent(self, name=self.path.stem, page=self.path)
        elif not any((self.path.parent / f"{stem}{s}").is_file() for s in PAGE_SUFFIXES):
            yield OrphanItem.from_parent(self, name=self.path.name)


class GoldenError(Exception):
    """A golden mismatch, reported without a traceback."""


@dataclass
class _Case:
    page: Path
    settings: Settings
    expected_path: Path = field(init=False)
    removals_path: Path = field(init=False)

    def __post_init__(self) -> None:
        stem = self.page.name[: -len(self.page.suffix)]
        self.expected_path = self.page.with_name(stem + EXPECTED_SUFFIX)
        self.removals_path = self.page.with_name(stem + REMOVALS_SUFFIX)

    def run(self) -> Any:
        import cleaner

        raw = self.page.read_bytes()
        is_html = self.settings.mode == "html" or (self.settings.mode == "auto" and self.page.suffix == ".html")
        options = {
            "keep_headline": self.settings.keep_headline,
            "select": self.settings.select,
            "ignore": self.settings.ignore,
        }
        if is_html:
            return cleaner.explain_html(raw, **options)  # type: ignore[attr-defined]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise GoldenError(f"{self.page}: not valid UTF-8 ({exc.reason} at byte {exc.start})") from None
        return cleaner.explain(text, **options)


def removals_json(result: Any) -> str:
    """The removals file: one removal per line, sorted by line, non-ASCII kept, final newline.

    One line per removal keeps a review diff to the removals that changed.
    """
    rows = [
        json.dumps({"code": r.code, "lines": [r.start, r.end], "text": r.text}, ensure_ascii=False)
        for r in result.removals
    ]
    body = ",\n".join(f"    {row}" for row in rows)
    return f'{{\n  "removals": [\n{body}\n  ]\n}}\n' if rows else '{\n  "removals": []\n}\n'


class GoldenItem(pytest.Item):
    def __init__(self, *, page: Path, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = _Case(page, Settings.for_folder(page.parent))

    def runtest(self) -> None:
        case = self.case
        result = case.run()
        actual_removals = removals_json(result)
        if self.config.getoption("cleaner_update"):
            case.expected_path.write_text(result.text, encoding="utf-8")
            case.removals_path.write_text(actual_removals, encoding="utf-8")
            return
        if not case.expected_path.is_file():
            raise GoldenError(
                f"no expectation {case.expected_path.name} for {case.page.name}; "
                "run `pytest --cleaner-update` to write it, then review and commit it"
            )
        expected = case.expected_path.read_text(encoding="utf-8")
        problems = []
        if expected != result.text:
            problems.append(text_diff(expected, result))
        if case.removals_path.is_file():
            expected_removals = case.removals_path.read_text(encoding="utf-8")
            if expected_removals != actual_removals:
                problems.append(removals_diff(json.loads(expected_removals)["removals"], result))
        if problems:
            raise GoldenError("\n\n".join(problems) + "\n\nIf the change is intended: pytest --cleaner-update")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, GoldenError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"golden: {self.name}"


class OrphanItem(pytest.Item):
    def runtest(self) -> None:
        raise GoldenError(f"{self.path.name} has no page (.txt or .html) beside it: delete it or add the page")

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        return str(excinfo.value)

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"orphaned expectation: {self.name}"


def _removed_by(result: Any) -> dict[str, str]:
    """Removed line text -> the code and name of the rule that removed it."""
    owners: dict[str, str] = {}
    for removal in result.removals:
        for line in removal.text.split("\n"):
            if line.strip():
                owners.setdefault(line.rstrip(), f"{removal.code} {removal.name}")
    return owners


def text_diff(expected: str, result: Any) -> str:
    """Unified diff of the clean text, each changed line annotated with its cause."""
    owners = _removed_by(result)
    lines = ["clean text differs (- expected, + actual):"]
    for line in difflib.unified_diff(
        expected.splitlines(), result.text.splitlines(), "expected", "actual", lineterm="", n=2
    ):
        if line.startswith("-") and not line.startswith("---") and line[1:].strip():
            cause = owners.get(line[1:].rstrip(), "not in the input any more")
            lines.append(f"{line}    <- removed by {cause}")
        elif line.startswith("+") and not line.startswith("+++") and line[1:].strip():
            lines.append(f"{line}    <- kept: no rule removed it")
        else:
            lines.append(line)
    return "\n".join(lines)


def removals_diff(expected: list[dict[str, Any]], result: Any) -> str:
    """Expected-versus-actual removal table, only the rows that differ."""
    actual = {(r.code, r.start, r.end): r.text for r in result.removals}
    wanted = {(r["code"], r["lines"][0], r["lines"][1]): r["text"] for r in expected}
    rows = ["removals differ (code, lines, text):"]
    for key in sorted(set(actual) | set(wanted), key=lambda k: (k[1], k[0])):
        if key in actual and key in wanted:
            continue
        mark = "- expected only" if key in wanted else "+ actual only  "
        text = (wanted.get(key) or actual.get(key) or "").split("\n")[0][:70]
        rows.append(f"{mark}  {key[0]}  {key[1]}-{key[2]}  {text}")
    return "\n".join(rows)
