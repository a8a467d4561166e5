"""The call into the compiled core: lone surrogates, core failures, and the core's type stub."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import cleaner
from cleaner import _core, engine, registry
from cleaner.errors import CleanerError, CoreError

ROOT = Path(__file__).resolve().parent.parent
PROSE = "The talks ended on Sunday with a joint statement from both leaders after a week of meetings."


def test_lone_surrogates_are_kept_and_quoted_as_they_were() -> None:
    text = f"Open in App \ud800\nOpen in App\n{PROSE} \udfff\n\ud83d\n"
    result = cleaner.explain(text)
    assert result.text == f"Open in App \ud800\n{PROSE} \udfff\n\ud83d\n"
    assert [(r.code, r.start, r.text) for r in result.removals] == [("C101", 2, "Open in App")]


def test_private_use_characters_beside_surrogates_stay_themselves() -> None:
    first_block = chr(engine.PRIVATE_FIRST + engine.SURROGATE_COUNT // 2)  # where a surrogate would stand in
    text = f"{PROSE} \ud800 {first_block}\nFollow Us {first_block}\n\udc00\n"
    result = cleaner.explain(text)
    assert result.text == f"{PROSE} \ud800 {first_block}\nFollow Us {first_block}\n\udc00\n"


def test_surrogates_in_a_known_headline() -> None:
    headline = "Leaders agree \ud800 on trade"
    result = cleaner.explain(f"{headline}\n{PROSE}\n", keep_headline=False, headline=headline)
    assert result.text == f"{PROSE}\n"
    assert [(r.code, r.text) for r in result.removals] == [("C901", headline)]


def test_a_text_using_every_stand_in_block_is_refused() -> None:
    every_block = "".join(chr(engine.PRIVATE_FIRST + b * engine.SURROGATE_COUNT) for b in engine.STAND_IN_BLOCKS)
    with pytest.raises(CleanerError, match="lone surrogates"):
        cleaner.explain(f"{every_block}\ud800\n")


class PanicException(BaseException):
    """Stands for pyo3's exception: same name and module."""


PanicException.__module__ = "pyo3_runtime"


class PanickingCore:
    def explain(self, *args: object) -> None:
        raise PanicException("C999 removes line 2, already removed by C101")


def test_a_core_panic_is_a_cleaner_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "_core", PanickingCore())
    with pytest.raises(CoreError, match="already removed by C101") as caught:
        cleaner.explain("Open in App\n")
    assert isinstance(caught.value, CleanerError) and isinstance(caught.value.__cause__, PanicException)


def test_other_base_exceptions_pass_through(monkeypatch: pytest.MonkeyPatch) -> None:
    class InterruptedCore:
        def explain(self, *args: object) -> None:
            raise KeyboardInterrupt

    monkeypatch.setattr(engine, "_core", InterruptedCore())
    with pytest.raises(KeyboardInterrupt):
        cleaner.explain("Open in App\n")


def test_rules_given_out_of_order_run_in_pipeline_order() -> None:
    text = f"Open in App\nFollow Us\n{PROSE}\n"
    rules = [registry.get("C102"), registry.get("C101")]
    assert engine.run(text, rules) == engine.run(text, list(reversed(rules)))


def _annotated_names(body: list[ast.stmt]) -> set[str]:
    return {node.target.id for node in body if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name)}


STUB = ast.parse((ROOT / "cleaner" / "_core.pyi").read_text(encoding="utf-8"))


def test_the_stub_declares_what_the_core_exports() -> None:
    declared = {node.name for node in STUB.body if isinstance(node, ast.FunctionDef)} | _annotated_names(STUB.body)
    assert declared == {name for name in dir(_core) if not name.startswith("_")}


def test_the_rule_table_has_the_keys_the_stub_declares() -> None:
    row = next(node for node in STUB.body if isinstance(node, ast.ClassDef) and node.name == "_RuleRow")
    assert all(set(entry) == _annotated_names(row.body) for entry in _core.rule_table())


def _python_fingerprint(text: str) -> str:
    """The definition the core's fingerprint was ported from (cleaner/text.py before the core)."""
    import re
    import unicodedata

    folded = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[\W_]+", " ", folded).strip()


def test_fingerprint_reads_every_character_as_python_does() -> None:
    # Every code point between two letters: case folding, NFKD (only for characters Python's
    # Unicode version knows) and which characters are word characters.
    from cleaner.engine import fingerprint

    differ = [hex(cp) for cp in range(0x110000) if fingerprint(text := f"a{chr(cp)}b") != _python_fingerprint(text)]
    assert differ == []


def test_fingerprint_takes_lone_surrogates() -> None:
    from cleaner.engine import fingerprint

    assert fingerprint("Title\ud83d here") == _python_fingerprint("Title\ud83d here") == "title here"


def test_removals_made_on_first_read_equal_those_given_whole() -> None:
    raw = _core.explain(f"Open in App\n{PROSE}\nFollow Us\n", [r.code for r in registry.ALL_RULES])
    lazy = engine.result_of(raw, "auto")
    whole = cleaner.Result(raw[0], tuple(cleaner.Removal(*r) for r in raw[1]), "text", raw[3])
    assert lazy == whole
    assert lazy.removals is lazy.removals  # made once
    assert [(r.code, r.start, r.text) for r in lazy.removals] == [("C101", 1, "Open in App"), ("C102", 3, "Follow Us")]


def test_word_count_counts_chinese_and_japanese_two_characters_a_word() -> None:
    from cleaner.engine import word_count

    assert word_count("The talks ended on Sunday.") == 5
    assert word_count("子どもへの虐待をなくす") == 6  # one whitespace word, and 11 characters at two a word
    assert word_count("NHK 子ども\ud83d here") == 4  # a lone surrogate is no word character
