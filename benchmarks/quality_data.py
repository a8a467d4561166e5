"""The two development sets of the quality benchmark, their pages and their metrics.

Each folder under the data directory ships a stand-alone ``metrics.py``; it is
imported from there (never copied), so the scores are the datasets' own.
"""

from __future__ import annotations

import copy
import gzip
import importlib.util
import json
from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import Any

from baselines import best_stoplist, english_stoplist, union_stoplist
from trafilatura.utils import decode_file

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "benchdata"
#: A line counts as article text if at least this share of its shingles is in the gold.
GOLD_SHARE = 0.5


@dataclass(frozen=True)
class Page:
    """One page: its id, the raw scraped text (or another converter's text) and the decoded HTML."""

    id: str
    raw: str
    html: str
    url: str = ""

    @cached_property
    def lines(self) -> list[str]:
        """The raw text split on newlines; line ``n`` (1-based) is ``lines[n - 1]``."""
        return self.raw.split("\n")


@dataclass(frozen=True)
class Scores:
    """Corpus scores of one system on one dataset."""

    precision: float
    recall: float
    f1: float
    f1_std: float | None
    accuracy: float | None = None


def load_metrics(folder: Path) -> ModuleType:
    """Import ``folder/metrics.py`` under a unique module name."""
    spec = importlib.util.spec_from_file_location(f"metrics_{folder.name.replace('-', '_')}", folder / "metrics.py")
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {folder / 'metrics.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read_json(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


class Dataset(ABC):
    """A folder of ``raw/<id>.txt`` and ``html/<id>.html.gz`` with a gold file and ``metrics.py``."""

    #: Folder name under the data directory.
    folder_name: str
    #: Short name for ``--dataset``.
    key: str
    #: What the metric is, for the table title.
    metric_name: str
    #: Names of the two line labels of :meth:`labelled_lines` (article side first).
    label_names: tuple[str, str]

    def __init__(self, data_dir: Path, limit: int | None = None) -> None:
        self.folder = data_dir / self.folder_name
        self.metrics = load_metrics(self.folder)
        self.gold = read_json(self.folder / self.gold_file)
        self.pages = [self._load_page(page_id) for page_id in sorted(self.gold)[:limit]]

    @property
    @abstractmethod
    def gold_file(self) -> str: ...

    @abstractmethod
    def decode_html(self, data: bytes) -> str:
        """The page's HTML as text, decoded as the raw text was made from it."""

    @abstractmethod
    def text_stoplist(self, page: Page) -> frozenset[str]:
        """Stoplist for jusText over the raw text's lines."""

    @abstractmethod
    def html_stoplist(self, page: Page) -> frozenset[str]:
        """Stoplist for jusText over the HTML."""

    @abstractmethod
    def score(self, outputs: Sequence[str], n_bootstrap: int) -> Scores:
        """Corpus scores of one output per page (in page order)."""

    @abstractmethod
    def labelled_lines(self, page: Page) -> tuple[set[int], set[int]]:
        """Line numbers known to be article text and known to be chrome, by the gold."""

    @abstractmethod
    def page_f1(self, page: Page, output: str) -> float:
        """F1 of one page's output, by the dataset's metric."""

    def language(self, page: Page) -> str | None:
        """The page's language (ISO 639 code) as the gold labels it; None if unlabelled."""
        label = self.gold[page.id].get("lang")
        return str(label) if label else None

    def _load_page(self, page_id: str) -> Page:
        raw = (self.folder / "raw" / f"{page_id}.txt").read_text(encoding="utf-8")
        html = self.decode_html(gzip.decompress((self.folder / "html" / f"{page_id}.html.gz").read_bytes()))
        return Page(page_id, raw, html, str(self.gold[page_id].get("url", "")))

    def subset(self, pages: Sequence[Page]) -> Dataset:
        """This dataset with only ``pages`` (for scoring one fold)."""
        part = copy.copy(self)
        part.pages = list(pages)
        return part


class ScrapinghubDev(Dataset):
    """88 article pages with a gold article body; shingle P/R/F1."""

    folder_name = "scrapinghub-dev"
    key = "scrapinghub"
    metric_name = "shingle metric, page-averaged P and R"
    label_names = ("in gold", "not in gold")
    gold_file = "ground-truth.json"

    def decode_html(self, data: bytes) -> str:
        return data.decode("utf-8")

    def text_stoplist(self, page: Page) -> frozenset[str]:
        return english_stoplist()

    def html_stoplist(self, page: Page) -> frozenset[str]:
        return english_stoplist()

    def article(self, page: Page) -> str:
        text: str = self.gold[page.id]["articleBody"]
        return text

    def score(self, outputs: Sequence[str], n_bootstrap: int) -> Scores:
        pairs = [(self.article(page), out) for page, out in zip(self.pages, outputs, strict=True)]
        res = self.metrics.shingle_score(pairs, n_bootstrap)
        return Scores(res["precision"], res["recall"], res["f1"], res.get("f1_std"))

    def page_scores(self, page: Page, output: str) -> tuple[float, float, float]:
        """Precision, recall and F1 of one page (an empty output scores 0)."""
        tp, fp, fn = self.metrics.shingle_counts(self.article(page), output)
        p = self.metrics.page_precision(tp, fp, fn) if tp + fp > 0 else 0.0
        r = self.metrics.page_recall(tp, fp, fn)
        return p, r, 2 * p * r / (p + r) if p + r > 0 else 0.0

    def page_f1(self, page: Page, output: str) -> float:
        return self.page_scores(page, output)[2]

    def labelled_lines(self, page: Page) -> tuple[set[int], set[int]]:
        """Lines in the gold (most of their shingles are), and lines not in it.

        A line of one word that occurs in the gold is in neither set: one word
        is too weak a sign ("* India" in a menu, "India" in the article).
        """
        gold = GoldNgrams(self.metrics.tokens(self.article(page)))
        in_gold: set[int] = set()
        not_in_gold: set[int] = set()
        for number, line in enumerate(page.lines, start=1):
            tokens = self.metrics.tokens(line)
            share = gold.share(tokens)
            if share is None:
                continue
            if share < GOLD_SHARE:
                not_in_gold.add(number)
            elif len(tokens) > 1:
                in_gold.add(number)
        return in_gold, not_in_gold


class TrafilaturaDev(Dataset):
    """519 pages with hand-picked "with" and "without" segments; segment P/R/F1 and accuracy."""

    folder_name = "trafilatura-dev"
    key = "trafilatura"
    metric_name = "segment metric, micro-averaged"
    label_names = ("with", "without")
    gold_file = "segments.json"

    def decode_html(self, data: bytes) -> str:
        html: str = decode_file(data)
        return html

    def text_stoplist(self, page: Page) -> frozenset[str]:
        return best_stoplist(page.raw)

    def html_stoplist(self, page: Page) -> frozenset[str]:
        return union_stoplist()

    def segments(self, page: Page) -> tuple[list[str], list[str]]:
        """The page's "with" and "without" segments."""
        record = self.gold[page.id]
        return record.get("with", []), record.get("without", [])

    def is_present(self, segment: str, output: str) -> bool:
        """The metric's test: the normalised segment is a substring of the normalised output."""
        normalise = self.metrics.ws_norm
        return bool(normalise(segment) in normalise(output))

    def score(self, outputs: Sequence[str], n_bootstrap: int) -> Scores:
        items = [(*self.segments(page), out) for page, out in zip(self.pages, outputs, strict=True)]
        res = self.metrics.segment_score(items, n_bootstrap)
        return Scores(res["precision"], res["recall"], res["f1"], res.get("f1_std"), res["accuracy"])

    def page_f1(self, page: Page, output: str) -> float:
        """The segment F1 of one page, 2tp / (2tp + fp + fn); 1 for a page without segments."""
        with_segments, without_segments = self.segments(page)
        tp = sum(self.is_present(s, output) for s in with_segments)
        fp = sum(self.is_present(s, output) for s in without_segments)
        errors = 2 * tp + fp + len(with_segments) - tp
        return 2 * tp / errors if errors else 1.0

    def locator(self, page: Page) -> SegmentLocator:
        return SegmentLocator(page.lines, self.metrics.ws_norm)

    def labelled_lines(self, page: Page) -> tuple[set[int], set[int]]:
        """Lines holding part of a "with" segment, and of a "without" segment."""
        locate = self.locator(page)
        with_segments, without_segments = self.segments(page)
        return (
            {n for s in with_segments for span in locate(s) for n in range(span[0], span[1] + 1)},
            {n for s in without_segments for span in locate(s) for n in range(span[0], span[1] + 1)},
        )


DATASETS: dict[str, type[Dataset]] = {cls.key: cls for cls in (ScrapinghubDev, TrafilaturaDev)}


class GoldNgrams:
    """Which token n-grams (n = 1..4) occur in a gold text."""

    def __init__(self, gold_tokens: list[str]) -> None:
        self.tokens = gold_tokens
        self._sets: dict[int, set[tuple[str, ...]]] = {}

    def _ngrams(self, n: int) -> set[tuple[str, ...]]:
        if n not in self._sets:
            self._sets[n] = set(ngrams(self.tokens, n))
        return self._sets[n]

    def share(self, tokens: list[str]) -> float | None:
        """Share of the 4-grams of ``tokens`` (all of them if fewer) found in the gold; None if no tokens."""
        if not tokens:
            return None
        n = min(4, len(tokens))
        grams = ngrams(tokens, n)
        found = self._ngrams(n)
        return sum(g in found for g in grams) / len(grams)


def ngrams(tokens: list[str], n: int) -> list[tuple[str, ...]]:
    return [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]


class SegmentLocator:
    """Finds segments in a page's raw text as the metric sees it (whitespace-normalised).

    The non-blank lines are normalised and joined by single spaces, as the
    metric normalises a text that keeps them all; each character remembers
    its line, so a match maps back to a span of line numbers.
    """

    def __init__(self, lines: Sequence[str], normalise: Any) -> None:
        self.normalise = normalise
        parts: list[str] = []
        self.owners: list[int] = []
        for number, line in enumerate(lines, start=1):
            text = normalise(line)
            if text:
                if parts:
                    parts.append(" ")
                    self.owners.append(number)
                parts.append(text)
                self.owners.extend([number] * len(text))
        self.text = "".join(parts)

    def __call__(self, segment: str) -> list[tuple[int, int]]:
        """The (first line, last line) of every occurrence of ``segment``."""
        needle = self.normalise(segment)
        spans = []
        start = self.text.find(needle) if needle else -1
        while start >= 0:
            spans.append((self.owners[start], self.owners[start + len(needle) - 1]))
            start = self.text.find(needle, start + 1)
        return spans
