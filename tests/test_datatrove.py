"""The datatrove step: CleanText on its own, and the example pipeline on datatrove's local executor."""

import gzip
import importlib.util
import json
from pathlib import Path

import pytest

pytest.importorskip("datatrove", reason="the cleaner-chrome[datatrove] extra is not installed")

from datatrove.data import Document

import cleaner
from cleaner.datatrove import CHANGED, FAILED, METADATA_KEY, REMOVED_LINES, CleanText

ROOT = Path(__file__).resolve().parent.parent
PAGES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
OPTIONS = cleaner.Options(keep_headline=False, ignore=("byline",))


def counts(result: cleaner.Result) -> dict[str, int]:
    found: dict[str, int] = {}
    for removal in result.removals:
        found[removal.code] = found.get(removal.code, 0) + 1
    return found


def total(step: CleanText, label: str) -> int:
    """The sum of a statistic of ``step``, as datatrove's stats.json reports it."""
    found: int = step.stats.stats[label].total
    return found


def documents() -> list[Document]:
    return [Document(text=page, id=str(i), metadata={"url": f"u{i}"}) for i, page in enumerate(PAGES)]


def test_step_cleans_in_place_records_removals_and_drops_nothing() -> None:
    step = CleanText(OPTIONS)
    out = list(step.run(iter(documents())))
    expected = [cleaner.explain(page, OPTIONS) for page in PAGES]
    assert [doc.id for doc in out] == [str(i) for i in range(len(PAGES))]
    assert [doc.text for doc in out] == [r.text for r in expected]
    assert [doc.metadata for doc in out] == [{"url": f"u{i}", METADATA_KEY: counts(r)} for i, r in enumerate(expected)]
    assert any(counts(r) for r in expected) and "C107" not in {r.code for e in expected for r in e.removals}
    for code in {r.code for e in expected for r in e.removals}:
        assert total(step, code) == sum(counts(r).get(code, 0) for r in expected)
    assert total(step, "total") == total(step, "forwarded") == len(PAGES)
    assert total(step, CHANGED) == sum(r.text != page for r, page in zip(expected, PAGES, strict=True))
    assert total(step, REMOVED_LINES) == sum(x.end - x.start + 1 for r in expected for x in r.removals)


def test_keywords_change_single_options() -> None:
    assert CleanText(OPTIONS, keep_headline=True).options == OPTIONS.replace(keep_headline=True)


def test_a_document_whose_cleaning_fails_goes_on_unchanged(monkeypatch: pytest.MonkeyPatch) -> None:
    def explain_any(text: str, options: cleaner.Options) -> cleaner.Result:
        if text == PAGES[1]:
            raise cleaner.CleanerError("the core failed: two removals claim line 3")
        return cleaner.explain(text, options)

    monkeypatch.setattr("cleaner.datatrove.explain_any", explain_any)
    step = CleanText()
    out = list(step.run(iter(documents())))
    assert len(out) == len(PAGES)
    assert out[1].text == PAGES[1] and METADATA_KEY not in out[1].metadata
    assert out[0].text == cleaner.clean(PAGES[0])
    assert total(step, FAILED) == 1


def run_example(*argv: str) -> None:
    spec = importlib.util.spec_from_file_location("datatrove_pipeline", ROOT / "examples" / "datatrove_pipeline.py")
    assert spec is not None and spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    example.main(list(argv))


def test_example_pipeline_on_the_local_executor(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    rows = [{"id": str(i), "text": page, "url": f"u{i}"} for i, page in enumerate(PAGES)]
    (pages / "part.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    config = tmp_path / "cleaner.toml"
    config.write_text('keep_headline = false\nignore = ["byline"]\n', encoding="utf-8")
    logs = tmp_path / "logs"
    run_example(str(pages), str(tmp_path / "clean"), "--config", str(config), "--logging-dir", str(logs))
    with gzip.open(tmp_path / "clean" / "00000.jsonl.gz", "rt", encoding="utf-8") as handle:
        out = [json.loads(line) for line in handle]
    expected = [cleaner.explain(page, OPTIONS) for page in PAGES]
    assert [row["id"] for row in out] == [row["id"] for row in rows]
    assert [row["text"] for row in out] == [r.text for r in expected]
    assert [row["metadata"][METADATA_KEY] for row in out] == [counts(r) for r in expected]
    assert [row["metadata"]["url"] for row in out] == [row["url"] for row in rows]
    step_stats = next(s for s in json.loads((logs / "stats.json").read_text()) if s["name"] == str(CleanText()))
    codes = {r.code for e in expected for r in e.removals}
    assert codes and codes <= set(step_stats["stats"])
