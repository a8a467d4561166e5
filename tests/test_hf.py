"""The Hugging Face datasets recipe: ``Dataset.map(CleanBatch(...), batched=True)`` on a small in-memory dataset."""

from pathlib import Path

import pytest

datasets = pytest.importorskip("datasets", reason="the cleaner-chrome[datasets] extra is not installed")

import cleaner  # noqa: E402
from cleaner.hf import CleanBatch, ColumnError  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PAGES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))[:3]]
OPTIONS = cleaner.Options(keep_headline=False, ignore=("byline",))
HTML = (
    "<!DOCTYPE html><html><head><title>Council approves budget</title></head><body><article>"
    "<h1>Council approves budget</h1>"
    + "<p>The council approved the new budget on Tuesday after a long debate about the old bridge.</p>" * 3
    + "</article></body></html>"
)


def test_map_cleans_the_column_and_keeps_every_row() -> None:
    ds = datasets.Dataset.from_dict({"id": [0, 1, 2, 3], "text": [*PAGES, None]})
    out = ds.map(CleanBatch(OPTIONS, removals_column="removals"), batched=True, batch_size=2)
    assert out.column_names == ["id", "text", "removals"]
    assert out["id"] == [0, 1, 2, 3]
    expected = [cleaner.explain(page, OPTIONS) for page in PAGES]
    assert expected != [cleaner.explain(page) for page in PAGES]
    assert out["text"] == [*(r.text for r in expected), None]
    assert out["removals"] == [*([x.to_dict() for x in r.removals] for r in expected), None]


def test_map_cleans_an_html_column_into_the_text_column() -> None:
    ds = datasets.Dataset.from_dict({"html": [HTML, None], "text": [None, "kept as it was"]})
    out = ds.map(CleanBatch(OPTIONS, html_column="html"), batched=True)
    assert out["html"] == [HTML, None]
    assert out["text"] == [cleaner.clean_html(HTML, OPTIONS), "kept as it was"]
    assert "Council approves budget" not in out["text"][0]


def test_equal_functions_hash_alike_for_the_cache() -> None:
    from datasets.fingerprint import Hasher

    assert Hasher.hash(CleanBatch(OPTIONS)) == Hasher.hash(
        CleanBatch(cleaner.Options(keep_headline=False, ignore=["byline"]))
    )
    assert Hasher.hash(CleanBatch(OPTIONS)) != Hasher.hash(CleanBatch())


@pytest.mark.parametrize(
    ("batch", "function", "message"),
    [
        ({"body": ["x"]}, CleanBatch(), "no column 'text'; the dataset has body"),
        ({"text": [1]}, CleanBatch(), "column 'text' holds int values, not strings"),
        ({"html": [b"<p>x</p>", 2]}, CleanBatch(html_column="html"), "column 'html' holds int values, not HTML"),
    ],
)
def test_a_bad_column_is_named(batch: dict[str, list[object]], function: CleanBatch, message: str) -> None:
    with pytest.raises(ColumnError, match=message):
        function(batch)
