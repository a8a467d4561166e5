"""Quality benchmark: cleaner beside raw text, C4's line rules, jusText and trafilatura on the dev sets.

Run from the project root::

    python benchmarks/quality.py                       # both datasets, every system
    python benchmarks/quality.py --dataset scrapinghub --systems cleaner,c4 --worst 5
    python benchmarks/quality.py --by-rule --format markdown
    python benchmarks/quality.py --converter html2text --fold both --systems cleaner,c4
    python benchmarks/quality.py --systems trafilatura,cleaner-html --fold both --by-language

``--converter`` makes every page's text from its HTML with another converter (markdown
from html2text or markdownify, one text node a line, one block a line; see
``converters.py``), so every text system reads the same converted text; a markdown output
is scored by its visible text. ``--fold 1|2|both`` scores the pages of one fold, or each
fold in its own table, the folds split by site. ``--by-language`` adds each system's
scores on each language's pages (trafilatura-dev's labels) after every table.

For each dataset, every system runs in this one process on the same pages and
is scored with the dataset's own ``metrics.py``: scrapinghub-dev with the
shingle metric, trafilatura-dev with the segment metric (plus accuracy).
Only the system's call is timed (after one untimed warm-up call); MB/s counts
the UTF-8 size of what the system reads: the raw text for text systems, the
decoded HTML for HTML systems.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import hashlib
import logging
import os
import platform
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import justext
import trafilatura

# Measure the checkout this script lives in, not whichever copy is installed: an
# editable install can point at another clone or worktree (a CI run re-points it).
# First, before any module here imports cleaner.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from baselines import c4_filter, justext_html, justext_lines
from converters import CONVERTERS, MARKDOWN_CONVERTERS, convert, fold, visible_text
from quality_data import DATASETS, DEFAULT_DATA, ROOT, Dataset, Page, Scores
from quality_diagnostics import by_rule, explain, html_losses, worst

import cleaner

MB = 1e6
DEFAULT_BOOTSTRAP = 1000


# --------------------------------------------------------------------------
# systems
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class System:
    """A row of the table: how to run it on a page, and what it reads."""

    key: str
    label: str
    input: str  # "text" (the raw text) or "HTML"
    run: Callable[[Dataset, Page], str | None]
    timed: bool = True

    def source(self, page: Page) -> str:
        return page.raw if self.input == "text" else page.html


def raw_text(dataset: Dataset, page: Page) -> str:
    return page.raw


#: cleaner's input_format for the text systems' input (``--input-format``).
INPUT_FORMAT = {"name": "auto"}


def cleaner_text(dataset: Dataset, page: Page) -> str:
    if INPUT_FORMAT["name"] == "auto":
        return cleaner.clean(page.raw, keep_headline=False)
    return cleaner.clean(page.raw, keep_headline=False, input_format=INPUT_FORMAT["name"])


def justext_text(dataset: Dataset, page: Page) -> str:
    return justext_lines(page.raw, dataset.text_stoplist(page))


def c4_text(dataset: Dataset, page: Page) -> str:
    return c4_filter(page.raw)


def trafilatura_html(dataset: Dataset, page: Page) -> str | None:
    return trafilatura.extract(page.html, include_comments=False, include_tables=True)


def justext_on_html(dataset: Dataset, page: Page) -> str:
    return justext_html(page.html, dataset.html_stoplist(page))


def cleaner_html(dataset: Dataset, page: Page) -> str:
    return cleaner.clean_html(page.html, keep_headline=False)


SYSTEMS: list[System] = [
    System("raw", "raw", "text", raw_text, timed=False),
    System("cleaner", "cleaner (text)", "text", cleaner_text),
    System("justext", "jusText (text)", "text", justext_text),
    System("c4", "C4 rules (text)", "text", c4_text),
    System("trafilatura", "trafilatura (HTML)", "HTML", trafilatura_html),
    System("justext-html", "jusText (HTML)", "HTML", justext_on_html),
]
if hasattr(cleaner, "clean_html"):
    SYSTEMS.append(System("cleaner-html", "cleaner (HTML)", "HTML", cleaner_html))


@dataclass(frozen=True)
class Run:
    """One system's outputs on a dataset, with the time and input size of each page."""

    system: System
    outputs: list[str]
    page_seconds: list[float]
    page_megabytes: list[float]

    @property
    def seconds(self) -> float:
        return sum(self.page_seconds)

    @property
    def megabytes(self) -> float:
        return sum(self.page_megabytes)

    def pages(self, numbers: Sequence[int]) -> Run:
        """This run on the pages at ``numbers`` (indices into the dataset's pages) only."""
        return Run(
            self.system,
            [self.outputs[i] for i in numbers],
            [self.page_seconds[i] for i in numbers],
            [self.page_megabytes[i] for i in numbers],
        )


def run_system(dataset: Dataset, system: System) -> Run:
    """Run ``system`` on every page, timing only its calls (after one warm-up call)."""
    if dataset.pages:
        system.run(dataset, dataset.pages[0])
    outputs, seconds = [], []
    for page in dataset.pages:
        start = time.perf_counter()
        output = system.run(dataset, page)
        seconds.append(time.perf_counter() - start)
        outputs.append(output or "")
    megabytes = [len(system.source(page).encode("utf-8")) / MB for page in dataset.pages]
    return Run(system, outputs, seconds, megabytes)


def save_outputs(directory: Path, dataset: Dataset, run: Run) -> None:
    folder = directory / dataset.folder_name / run.system.key
    folder.mkdir(parents=True, exist_ok=True)
    for page, output in zip(dataset.pages, run.outputs, strict=True):
        (folder / f"{page.id}.txt").write_text(output, encoding="utf-8")


# --------------------------------------------------------------------------
# tables
# --------------------------------------------------------------------------


def render(header: Sequence[str], rows: Sequence[Sequence[str]], fmt: str, left: int = 1) -> str:
    """A table as aligned plain text or as Markdown; the first ``left`` columns are left-aligned."""
    if fmt == "markdown":
        rule = ["---" if i < left else "---:" for i in range(len(header))]
        return "\n".join("| " + " | ".join(r) + " |" for r in [header, rule, *rows])
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        parts = [c.ljust(w) if i < left else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths, strict=True))]
        return "  ".join(parts).rstrip()

    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)])


def score_row(run: Run, scores: Scores, docs: int, with_accuracy: bool, digits: int = 3) -> list[str]:
    std = f"{scores.f1_std:.3f}" if scores.f1_std is not None else "-"
    figures = [f"{scores.precision:.{digits}f}", f"{scores.recall:.{digits}f}", f"{scores.f1:.{digits}f}", std]
    if with_accuracy:
        figures.append(f"{scores.accuracy:.{digits}f}")
    if run.system.timed and run.seconds > 0:
        speed = [f"{docs / run.seconds:,.1f}", f"{run.megabytes / run.seconds:,.2f}"]
    else:
        speed = ["-", "-"]
    return [run.system.label, run.system.input, *figures, *speed]


def score_table(
    dataset: Dataset, runs: Sequence[Run], n_bootstrap: int, fmt: str, digits: int = 3, caption: str = ""
) -> str:
    with_accuracy = dataset.key == "trafilatura"
    header = ["system", "input", "precision", "recall", "F1", "± F1"]
    header += ["accuracy"] * with_accuracy + ["docs/s", "MB/s"]
    rows = [
        score_row(r, dataset.score(r.outputs, n_bootstrap), len(dataset.pages), with_accuracy, digits) for r in runs
    ]
    title = f"{dataset.folder_name}{caption}: {len(dataset.pages)} pages, {dataset.metric_name}"
    if n_bootstrap:
        title += f"; ± F1 = bootstrap std over {n_bootstrap} page resamples"
    return title + "\n\n" + render(header, rows, fmt, left=2)


def language_table(dataset: Dataset, runs: Sequence[Run], args: argparse.Namespace, caption: str = "") -> str:
    """P/R/F1 of every run on each language's pages (most pages first), for ``--by-language``."""
    title = f"{dataset.folder_name}{caption}: by language"
    by_language: dict[str, list[int]] = {}
    for number, page in enumerate(dataset.pages):
        language = dataset.language(page)
        if language is not None:
            by_language.setdefault(language, []).append(number)
    if not by_language:
        return f"{title}: the pages have no language labels"
    with_accuracy = dataset.key == "trafilatura"
    header = ["language", "pages", "system", "precision", "recall", "F1", "± F1"] + ["accuracy"] * with_accuracy
    rows = []
    for language, numbers in sorted(by_language.items(), key=lambda item: (-len(item[1]), item[0])):
        part = dataset.subset([dataset.pages[n] for n in numbers])
        for run in (r.pages(numbers) for r in runs):
            scores = part.score(run.outputs, args.bootstrap)
            label, _, *figures, _, _ = score_row(run, scores, len(numbers), with_accuracy, args.digits)
            rows.append([language, str(len(numbers)), label, *figures])
    return title + "\n\n" + render(header, rows, args.format, left=3)


def cleaner_fingerprint() -> str:
    """A short hash of the cleaner package's source files, to notice edits during a run."""
    digest = hashlib.sha1()
    for path in sorted(Path(cleaner.__file__).parent.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            digest.update(str(path).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:10]


def environment() -> str:
    """When, with what and on what this was measured."""
    git = subprocess.run(
        ["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True, text=True, check=False
    ).stdout.strip()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{datetime.now():%Y-%m-%d %H:%M}, Python {platform.python_version()}, "
        f"cleaner {cleaner.__version__} (git {git or '?'}, source {cleaner_fingerprint()}), trafilatura {trafilatura.__version__}, "
        f"justext {getattr(justext, '__version__', '?')}; {os.cpu_count()} cores, load average {load}"
    )


# --------------------------------------------------------------------------
# command line
# --------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--dataset", choices=[*DATASETS, "all"], default="all", help="dataset(s) to run (default all)")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help=f"data directory (default {DEFAULT_DATA})")
    keys = ",".join(s.key for s in SYSTEMS)
    parser.add_argument("--systems", default=keys, help=f"comma-separated systems (default all: {keys})")
    parser.add_argument("--limit", type=int, help="only the first N pages of each dataset (sorted by id)")
    parser.add_argument("--save", type=Path, metavar="DIR", help="write outputs to DIR/<dataset>/<system>/<id>.txt")
    parser.add_argument("--worst", type=int, default=0, metavar="N", help="list cleaner (text)'s N worst pages")
    parser.add_argument("--by-rule", action="store_true", help="lines and words each cleaner rule removed")
    parser.add_argument(
        "--by-language", action="store_true", help="P/R/F1 of every system per language (trafilatura-dev's labels)"
    )
    parser.add_argument(
        "--html-losses",
        action="store_true",
        help="pages where cleaner (HTML) scores below trafilatura, and what it lost (needs both systems)",
    )
    parser.add_argument("--format", choices=["plain", "markdown"], default="plain", help="table format")
    parser.add_argument("--bootstrap", type=int, default=DEFAULT_BOOTSTRAP, help="resamples for ± F1 (0: none)")
    parser.add_argument("--digits", type=int, default=3, help="decimals of precision, recall, F1 and accuracy")
    parser.add_argument(
        "--converter",
        choices=CONVERTERS,
        default="inscriptis",
        help="how the text systems' input is made from the HTML",
    )
    parser.add_argument("--fold", choices=["1", "2", "both", "all"], default="all", help="pages of one fold (by site)")
    parser.add_argument("--cache", type=Path, metavar="DIR", help="keep converted texts in DIR between runs")
    parser.add_argument(
        "--input-format",
        choices=["auto", "markdown", "text", "nodes"],
        default="auto",
        help="cleaner (text)'s input_format (default auto: detected)",
    )
    args = parser.parse_args(argv)
    args.systems = select_systems(parser, args.systems)
    if args.html_losses and not {"trafilatura", "cleaner-html"} <= {s.key for s in args.systems}:
        parser.error("--html-losses compares trafilatura and cleaner-html: run both (--systems)")
    return args


def select_systems(parser: argparse.ArgumentParser, names: str) -> list[System]:
    by_key = {s.key: s for s in SYSTEMS}
    wanted = [n.strip() for n in names.split(",") if n.strip()]
    unknown = [n for n in wanted if n not in by_key]
    if unknown:
        parser.error(f"unknown system(s) {', '.join(unknown)}; choose from {', '.join(by_key)}")
    return [s for s in SYSTEMS if s.key in wanted]


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def converted(dataset: Dataset, name: str, cache: Path | None) -> Dataset:
    """``dataset`` with each page's text made by converter ``name`` from its HTML."""
    if name == "inscriptis":
        return dataset
    progress(f"{dataset.folder_name}: converting {len(dataset.pages)} pages with {name}")
    pages = []
    for page in dataset.pages:
        path = cache / name / dataset.folder_name / f"{page.id}.txt.gz" if cache else None
        if path is not None and path.exists():
            text = gzip.decompress(path.read_bytes()).decode("utf-8")
        else:
            text = convert(name, page.html, page.raw)
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_bytes(gzip.compress(text.encode("utf-8")))
        pages.append(dataclasses.replace(page, raw=text))
    return dataset.subset(pages)


def scored(run: Run, converter: str) -> Run:
    """``run`` as the metric reads it: a text system's markdown output reduced to its visible text."""
    if converter not in MARKDOWN_CONVERTERS or run.system.input != "text":
        return run
    return dataclasses.replace(run, outputs=[visible_text(out) for out in run.outputs])


def folds(dataset: Dataset, which: str) -> list[tuple[str, Dataset]]:
    """(caption, pages) of each table ``--fold`` asks for."""
    if which == "all":
        return [("", dataset)]
    numbers = [1, 2] if which == "both" else [int(which)]
    return [(f", fold {n}", dataset.subset([p for p in dataset.pages if fold(p.url) == n])) for n in numbers]


def run_dataset(dataset: Dataset, args: argparse.Namespace) -> Iterator[str]:
    """Run, score and diagnose one dataset; yields the report's blocks."""
    dataset = converted(dataset, args.converter, args.cache)
    runs = []
    for system in args.systems:
        progress(f"{dataset.folder_name}: {system.label} on {len(dataset.pages)} pages")
        runs.append(run_system(dataset, system))
        if args.save:
            save_outputs(args.save, dataset, runs[-1])
    caption = "" if args.converter == "inscriptis" else f", {args.converter} text"
    index = {page.id: i for i, page in enumerate(dataset.pages)}
    for fold_caption, part in folds(dataset, args.fold):
        part_runs = [scored(run, args.converter).pages([index[p.id] for p in part.pages]) for run in runs]
        yield score_table(part, part_runs, args.bootstrap, args.format, args.digits, caption + fold_caption)
        if args.by_language:
            yield language_table(part, part_runs, args, caption + fold_caption)
    if args.html_losses:
        outputs = {run.system.key: run.outputs for run in runs}
        yield "\n".join(html_losses(dataset, outputs["trafilatura"], outputs["cleaner-html"], lambda p: fold(p.url)))
    if args.worst or args.by_rule:
        progress(f"{dataset.folder_name}: cleaner.explain for the diagnostics")
        explained = [explain(page) for page in dataset.pages]
        if args.by_rule:
            header, rows = by_rule(dataset, explained)
            title = f"{dataset.folder_name}: what each rule removed (lines = non-blank lines; labels from the gold)"
            yield title + "\n\n" + render(header, rows, args.format)
        if args.worst:
            yield "\n".join(worst(dataset, explained, args.worst))


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    INPUT_FORMAT["name"] = args.input_format
    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # encoding guesses, empty extractions
    keys = list(DATASETS) if args.dataset == "all" else [args.dataset]
    source = cleaner_fingerprint()
    for key in keys:
        progress(f"loading {DATASETS[key].folder_name} from {args.data}")
        dataset = DATASETS[key](args.data, args.limit)
        for block in run_dataset(dataset, args):
            print(block + "\n", flush=True)
    print(f"measured {environment()}")
    if cleaner_fingerprint() != source:
        print(f"WARNING: cleaner's source changed during the run (was {source}); rows may mix versions")


if __name__ == "__main__":
    main()
