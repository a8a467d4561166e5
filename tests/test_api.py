from pathlib import Path

import pytest

import cleaner

ROOT = Path(__file__).resolve().parent.parent
CLEAN_SEED = ROOT / "seeds" / "001_a5e766ccf26536aa.txt"


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(any(line == other for other in it) for line in short)


def test_clean_article_goes_through_untouched() -> None:
    raw = CLEAN_SEED.read_text(encoding="utf-8")
    result = cleaner.explain(raw)
    assert result.removals == ()
    assert result.text == raw.strip("\n") + "\n"


def test_output_lines_come_from_the_input_in_order(seed_text: str) -> None:
    out = cleaner.clean(seed_text).splitlines()
    assert _is_subsequence([line for line in out if line], [line.rstrip() for line in seed_text.split("\n")])


def test_every_removed_line_is_explained(seed_text: str) -> None:
    result = cleaner.explain(seed_text)
    lines = seed_text.split("\n")
    for removal in result.removals:
        assert removal.text == "\n".join(lines[removal.start - 1 : removal.end])
    kept = {line.rstrip() for line in result.text.split("\n")}
    explained = {n for r in result.removals for n in range(r.start, r.end + 1)}
    for number, line in enumerate(lines, 1):
        if line.strip() and line.rstrip() not in kept:
            assert number in explained


def test_body_only_drops_the_headline() -> None:
    raw = (ROOT / "seeds" / "004_d2a5567b2d8e0d99.txt").read_text(encoding="utf-8")
    headline = "South Korea, Japan agree to boost ties as challenges mount"
    assert cleaner.clean(raw).startswith(headline)
    body = cleaner.explain(raw, keep_headline=False)
    assert headline not in body.text
    assert [r.code for r in body.removals if r.start == 1] == ["C901"]


def test_cleaning_is_idempotent(seed_text: str) -> None:
    once = cleaner.clean(seed_text)
    assert cleaner.clean(once) == once


def test_empty_input() -> None:
    assert cleaner.explain("") == cleaner.Result("", ())


@pytest.mark.parametrize("mark", ["\u200b", "\u2060", "\ufeff", "\u00ad"])
def test_an_invisible_character_hides_no_chrome_line(mark: str) -> None:
    article = "The council approved the new tram line on Tuesday after a debate that lasted six hours."
    result = cleaner.explain(f"{article}\n\n{mark}Follow us on Facebook\n\n{article}\n")
    assert [(r.code, r.text) for r in result.removals] == [("C102", f"{mark}Follow us on Facebook")]
    assert result.text == f"{article}\n\n{article}\n"


@pytest.mark.parametrize("text", ["Open in App\nThe talks ended on Sunday.\n", b"Open in App\nThe talks ended.\n"])
def test_results_and_removals_pickle(text: str | bytes) -> None:
    import pickle

    result = cleaner.explain(text)
    copy = pickle.loads(pickle.dumps(result))
    assert copy == result
    assert (copy.input_format, copy.blank_separated) == (result.input_format, result.blank_separated)
    assert pickle.loads(pickle.dumps(result.removals[0])) == result.removals[0]
