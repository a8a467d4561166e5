"""The Ray Data adapter: batches on their own, then a dataset on a local Ray started here."""

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("ray", reason="the cleaner-chrome[ray] extra is not installed")
pa = pytest.importorskip("pyarrow")

import ray  # noqa: E402

import cleaner  # noqa: E402
from cleaner.ray_data import ColumnError, clean_batch, clean_dataset  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))[:4]
PAGES = [p.read_text(encoding="utf-8") for p in SEEDS]
HTML = (
    "<!DOCTYPE html><html><head><title>Council approves budget</title></head><body><nav>Home | News</nav>"
    "<article><h1>Council approves budget</h1>"
    + "<p>The council approved the new budget on Tuesday after a long debate about the old bridge.</p>" * 3
    + "</article></body></html>"
)
OPTIONS = cleaner.Options(keep_headline=False, ignore=("byline", "C910"))


def test_batch_cleans_the_column_and_keeps_the_rest() -> None:
    batch = pa.table({"id": [1, 2, 3], "text": [PAGES[0], None, PAGES[1]], "url": ["a", "b", "c"]})
    out = clean_batch(batch, removals_column="removals")
    assert out.column_names == ["id", "text", "url", "removals"]
    assert out.column("id").to_pylist() == [1, 2, 3]
    assert out.column("url").to_pylist() == ["a", "b", "c"]
    expected = [cleaner.explain(PAGES[0]), None, cleaner.explain(PAGES[1])]
    assert out.column("text").to_pylist() == [r and r.text for r in expected]
    assert out.column("removals").to_pylist() == [[x.to_dict() for x in r.removals] if r else None for r in expected]


def test_batch_body_only_and_an_existing_removals_column() -> None:
    batch = pa.table({"removals": ["old"], "body": [PAGES[2]]})
    out = clean_batch(batch, column="body", keep_headline=False, removals_column="removals")
    assert out.column_names == ["removals", "body"]
    assert out.column("body").to_pylist() == [cleaner.clean(PAGES[2], keep_headline=False)]


def test_batch_takes_options() -> None:
    batch = pa.table({"text": PAGES})
    out = clean_batch(batch, OPTIONS, removals_column="removals")
    expected = [cleaner.explain(page, OPTIONS) for page in PAGES]
    assert expected != [cleaner.explain(page) for page in PAGES]
    assert out.column("text").to_pylist() == [r.text for r in expected]
    assert out.column("removals").to_pylist() == [[x.to_dict() for x in r.removals] for r in expected]


def test_batch_cleans_an_html_column_into_the_text_column() -> None:
    batch = pa.table({"html": [HTML.encode(), None, HTML.encode()], "text": ["old", "kept", None]})  # bytes
    out = clean_batch(batch, OPTIONS, html_column="html", removals_column="removals")
    expected = cleaner.explain_html(HTML, OPTIONS)
    assert "Council approves budget" not in expected.text and "approved the new budget" in expected.text
    assert out.column("text").to_pylist() == [expected.text, "kept", expected.text]
    assert out.column("html").equals(batch.column("html"))
    assert out.column("removals").to_pylist()[1] is None


def test_batch_follows_the_mode() -> None:
    out = clean_batch(pa.table({"text": [HTML]}), cleaner.Options(mode="text"))
    assert out.column("text").to_pylist() == [cleaner.clean(HTML)]
    assert clean_batch(pa.table({"text": [HTML]})).column("text").to_pylist() == [cleaner.clean_html(HTML)]


@pytest.mark.parametrize(
    ("table", "message"),
    [({"body": ["x"]}, "no column 'text'"), ({"text": [1]}, "holds int64"), ({"text": [b"x"]}, "holds binary")],
)
def test_batch_names_a_bad_column(table: dict[str, list[object]], message: str) -> None:
    with pytest.raises(ColumnError, match=message):
        clean_batch(pa.table(table))


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    """One single-CPU Ray for the module: starting it costs far more than the work."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray.init(num_cpus=1, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


@pytest.mark.usefixtures("local_ray")
def test_dataset_on_local_ray_keeps_every_row() -> None:
    rows = [{"id": i, "text": page, "lang": "en"} for i, page in enumerate(PAGES)]
    ds = clean_dataset(ray.data.from_items(rows), removals_column="removals", batch_size=2)
    out = sorted(ds.take_all(), key=lambda row: row["id"])
    assert [row["id"] for row in out] == list(range(len(PAGES)))
    for row, page in zip(out, PAGES, strict=True):
        expected = cleaner.explain(page)
        assert row["text"] == expected.text
        assert row["lang"] == "en"
        assert [dict(r, lines=list(r["lines"])) for r in row["removals"]] == [r.to_dict() for r in expected.removals]


@pytest.mark.usefixtures("local_ray")
def test_dataset_on_local_ray_takes_options_and_an_html_column() -> None:
    rows = [{"id": i, "html": HTML if i % 2 else None, "text": page} for i, page in enumerate(PAGES)]
    ds = clean_dataset(ray.data.from_items(rows), "text", OPTIONS, html_column="html", batch_size=2)
    out = sorted(ds.take_all(), key=lambda row: row["id"])
    clean_html = cleaner.clean_html(HTML, OPTIONS)
    assert [row["text"] for row in out] == [clean_html if i % 2 else page for i, page in enumerate(PAGES)]
