"""Corpus mode's fast path (the core cleaning a record on its bytes) against the slow path.

:func:`corpus.clean_line` is the specification. For every record the core takes, the line
it writes and the bytes it counts must be clean_line's; every record it declines goes to
clean_line, so errors keep their words. The records are the repository's pages in every
spelling of JSON that json.dumps would not write, and the kinds of record the fast path
must decline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import corpus
from cleaner.options import Options

ROOT = Path(__file__).resolve().parent.parent
PAGES = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))] + [
    p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))[:150]
]
PROSE = "The talks ended on Sunday with a joint statement from both leaders."
MARKDOWN = (
    "# The talks\n\n* [Home](/)\n* [News](/news)\n\n"
    f"The [talks](https://example.org/t) ended on Sunday with a **joint** statement.\n\n{PROSE}\n"
)
# The same record written in ways a scraper might: ASCII escapes, spaces, CRLF, other fields.
SPELLINGS = [
    lambda text: json.dumps({"text": text}) + "\n",
    lambda text: json.dumps({"id": 7, "text": text, "url": "https://example.org/a"}, ensure_ascii=False) + "\n",
    lambda text: '{ "meta" : {"n": [1, 2.50, -0.0e+1, true, null]} ,\t"text" :' + json.dumps(text) + " }\r\n",
    lambda text: '{"te\\u0078t": ' + json.dumps(text, ensure_ascii=False) + ', "big": ' + "9" * 5000 + "}",
]
DECLINED = [
    "\n",
    "  \t\n",
    "[1, 2]\n",
    '{"text": "a"} trailing\n',
    '{"text": "a", "text": "b"}\n',
    '{"id": 1, "id": 2, "text": "Open in App\\nThe talks ended on Sunday."}\n',
    '{"body": "a"}\n',
    '{"text": null}\n',
    '{"text": 12}\n',
    '{"text": "\\ud800 Open in App"}\n',
    '{"text": "a", "n": NaN}\n',
    '{"text": "<!DOCTYPE html><html><body><p>Hello</p></body></html>"}\n',
    '{"text": "x"\n',
]


def both_ways(lines: list[bytes], settings: corpus.Settings) -> tuple[tuple[corpus.Outcome, ...], list[corpus.Outcome]]:
    fast = corpus.clean_chunk(settings, corpus.Chunk("<test>", 1, tuple(lines))).outcomes
    slow = [corpus.clean_line(raw, settings, 1 + i) for i, raw in enumerate(lines)]
    return fast, slow


@pytest.mark.parametrize("spelling", range(len(SPELLINGS)))
def test_the_fast_path_writes_what_clean_line_writes(spelling: int) -> None:
    lines = [SPELLINGS[spelling](page).encode() for page in PAGES]
    fast, slow = both_ways(lines, corpus.Settings())
    assert fast == tuple(slow)
    taken = corpus.fast_records(corpus.Settings(), lines)
    assert all(done is not None for done in taken), "the core takes every ordinary record"


@pytest.mark.parametrize(
    "options",
    [
        Options(keep_headline=False),
        Options(ignore=("C910",)),
        Options(select=("C101", "C103")),
        Options(input_format="markdown"),
        Options(input_format="nodes"),
        Options(mode="text"),
        Options(output_format="text"),
    ],
    ids=repr,
)
def test_every_option_is_passed_to_the_core(options: Options) -> None:
    lines = [SPELLINGS[1](page).encode() for page in [*PAGES[:40], MARKDOWN]]
    fast, slow = both_ways(lines, corpus.Settings(options=options))
    assert fast == tuple(slow)


def test_a_markdown_record_asked_for_as_visible_text_goes_the_slow_way() -> None:
    lines = [SPELLINGS[0](MARKDOWN).encode(), SPELLINGS[0](f"Open in App\n{PROSE}\n").encode()]
    visible = corpus.Settings(options=Options(output_format="text"))
    taken = corpus.fast_records(visible, lines)
    assert taken[0] is None
    assert taken[1] is not None
    fast, slow = both_ways(lines, visible)
    assert fast == tuple(slow)
    assert b"[talks]" not in fast[0].data


@pytest.mark.parametrize("raw", DECLINED)
def test_records_the_core_declines_go_to_clean_line_and_keep_their_errors(raw: str) -> None:
    lines = [raw.encode()]
    assert corpus.fast_records(corpus.Settings(), lines) == [None]
    fast, slow = both_ways(lines, corpus.Settings())
    assert fast == tuple(slow)


def test_bytes_that_are_not_utf8_go_to_clean_line() -> None:
    lines = [b'{"text": "caf\xe9"}\n']
    assert corpus.fast_records(corpus.Settings(), lines) == [None]
    fast, slow = both_ways(lines, corpus.Settings())
    assert fast == tuple(slow)
    assert fast[0].error is not None


@pytest.mark.parametrize(
    "settings_",
    [
        corpus.Settings(removals_field="removals"),
        corpus.Settings(language_field="lang"),
        corpus.Settings(html_field="html", field="text"),
        corpus.Settings(options=Options(mode="html")),
    ],
    ids=["removals", "language", "html-field", "html-mode"],
)
def test_records_that_write_more_than_the_text_go_the_slow_way(settings_: corpus.Settings) -> None:
    lines = [SPELLINGS[0](f"Open in App\n{PROSE}\n").encode()]
    assert list(corpus.fast_records(settings_, lines)) == [None]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(), min_size=1, max_size=6), st.sampled_from(range(len(SPELLINGS))))
def test_any_text_comes_out_as_clean_line_writes_it(texts: list[str], spelling: int) -> None:
    raw = SPELLINGS[spelling]("\n".join(texts))
    lines = [raw.encode("utf-8", "surrogatepass")]
    fast, slow = both_ways(lines, corpus.Settings())
    assert fast == tuple(slow)


# Any JSON a scraper may write around the text: nested values, keys in any order, with or
# without the field, other spellings of numbers and strings (escapes, spaces, newlines).
JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=20),
)
JSON_VALUES = st.recursive(
    JSON_LEAVES,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)
SPACES = st.sampled_from(["", " ", "  ", "\t", "\r", " \n "[:2]])


def written(value: object, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(st.text(max_size=6), JSON_VALUES, max_size=5),
    st.one_of(st.none(), st.text(max_size=200), st.sampled_from(PAGES[:10])),
    st.integers(min_value=0, max_value=5),
    st.booleans(),
    SPACES,
    SPACES,
)
def test_any_record_around_the_text_comes_out_as_clean_line_writes_it(
    others: dict[str, object], text: str | None, at: int, ascii_only: bool, before: str, after: str
) -> None:
    members = [(k, v) for k, v in others.items() if k != "text"]
    if text is not None:
        members.insert(min(at, len(members)), ("text", text))
    body = ",".join(f"{before}{written(k, ascii_only)}{after}:{before}{written(v, ascii_only)}" for k, v in members)
    raw = f"{before}{{{body}{after}}}{after}\n".encode("utf-8", "surrogatepass")
    fast, slow = both_ways([raw], corpus.Settings())
    assert fast == tuple(slow)


def test_a_field_name_that_is_not_utf8_is_reported_as_missing() -> None:
    settings_ = corpus.Settings(field="t\udcffxt")
    lines = [SPELLINGS[0](PROSE).encode()]
    assert not corpus.takes_fast_path(settings_)
    (outcome,) = corpus.clean_chunk(settings_, corpus.Chunk("<test>", 1, tuple(lines))).outcomes
    assert outcome.error is not None and "no field" in outcome.error
    assert outcome.data == lines[0]


def test_threads_drop_queued_chunks_when_the_reader_stops() -> None:
    """Ctrl-C, SIGTERM or a closed output: only the chunks being cleaned are finished."""
    import threading
    import time

    started: list[int] = []
    gate = threading.Event()

    def slow(item: int) -> int:
        started.append(item)
        gate.wait(5)
        return item

    jobs = 2
    results = corpus.ordered_map(slow, iter(range(100)), jobs, threads=True)
    first = threading.Thread(target=lambda: next(results))
    first.start()
    time.sleep(0.2)  # the window fills: jobs running, the rest queued
    gate.set()
    first.join()
    results.close()
    time.sleep(0.2)
    assert len(started) <= jobs * corpus.WINDOW_PER_JOB + 1 < 100
    ran = len(started)
    time.sleep(0.3)
    assert len(started) == ran, "no queued chunk starts after the reader stopped"
