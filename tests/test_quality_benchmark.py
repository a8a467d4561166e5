"""The quality benchmark's per-language table and per-fold timing (``benchmarks/quality.py``)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
quality = pytest.importorskip("quality")
from quality_data import Page, Scores  # noqa: E402


class TwoLanguages:
    """A stand-in dataset: pages whose id starts with their language; a page's output
    scores 1 when it is the page's id, else 0."""

    key = "trafilatura"
    folder_name = "toy-dev"

    def __init__(self, pages: Sequence[Page]) -> None:
        self.pages = list(pages)

    def language(self, page: Page) -> str | None:
        return page.id.split("-")[0] or None

    def subset(self, pages: Sequence[Page]) -> TwoLanguages:
        return TwoLanguages(pages)

    def score(self, outputs: Sequence[str], n_bootstrap: int) -> Scores:
        right = sum(out == page.id for page, out in zip(self.pages, outputs, strict=True)) / len(self.pages)
        return Scores(right, right, right, None, right)


def page(page_id: str) -> Page:
    return Page(page_id, raw="", html="")


def run(key: str, outputs: list[str]) -> quality.Run:
    system = next(s for s in quality.SYSTEMS if s.key == key)
    return quality.Run(system, outputs, [1.0] * len(outputs), [0.5] * len(outputs))


def test_each_language_has_a_row_per_system_with_its_page_count_most_pages_first() -> None:
    dataset = TwoLanguages([page("pl-1"), page("fr-1"), page("pl-2"), page("-3")])
    runs = [run("trafilatura", ["x", "fr-1", "x", "x"]), run("cleaner-html", ["pl-1", "x", "pl-2", "x"])]
    args = quality.parse_args(["--digits", "2", "--bootstrap", "0"])
    table = quality.language_table(dataset, runs, args).split("\n")
    rows = [line.split() for line in table[4:]]
    assert table[0] == "toy-dev: by language"
    assert rows == [
        ["pl", "2", "trafilatura", "(HTML)", "0.00", "0.00", "0.00", "-", "0.00"],
        ["pl", "2", "cleaner", "(HTML)", "1.00", "1.00", "1.00", "-", "1.00"],
        ["fr", "1", "trafilatura", "(HTML)", "1.00", "1.00", "1.00", "-", "1.00"],
        ["fr", "1", "cleaner", "(HTML)", "0.00", "0.00", "0.00", "-", "0.00"],
    ]


def test_pages_without_language_labels_are_said_to_have_none() -> None:
    args = quality.parse_args(["--bootstrap", "0"])
    table = quality.language_table(TwoLanguages([page("-1")]), [run("trafilatura", ["x"])], args)
    assert table == "toy-dev: by language: the pages have no language labels"


def test_a_folds_speed_counts_its_own_pages_and_time() -> None:
    whole = quality.Run(run("trafilatura", []).system, ["a", "b", "c"], [1.0, 2.0, 5.0], [0.1, 0.2, 0.3])
    part = whole.pages([0, 2])
    assert (part.outputs, part.seconds, part.megabytes) == (["a", "c"], 6.0, pytest.approx(0.4))
    row = quality.score_row(part, Scores(1, 1, 1, None), docs=2, with_accuracy=False)
    assert row[-2:] == ["0.3", "0.07"]


def test_a_pages_segment_f1_counts_its_with_and_without_segments() -> None:
    from types import SimpleNamespace

    from quality_data import TrafilaturaDev

    dataset = TrafilaturaDev.__new__(TrafilaturaDev)
    dataset.metrics = SimpleNamespace(ws_norm=lambda text: " ".join(text.split()))
    dataset.gold = {"a": {"with": ["the council met", "on Tuesday"], "without": ["Share this"]}, "b": {}}
    assert dataset.page_f1(page("a"), "The council met\non  Tuesday.") == pytest.approx(2 / 3)  # tp 1, fn 1
    assert dataset.page_f1(page("a"), "the council met on Tuesday") == 1.0
    assert dataset.page_f1(page("a"), "the council met on Tuesday. Share this") == pytest.approx(4 / 5)
    assert dataset.page_f1(page("b"), "anything") == 1.0


def test_html_losses_needs_both_systems() -> None:
    with pytest.raises(SystemExit):
        quality.parse_args(["--systems", "cleaner-html", "--html-losses"])
    assert quality.parse_args(["--systems", "trafilatura,cleaner-html", "--html-losses"]).html_losses
