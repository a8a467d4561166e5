import re
from pathlib import Path

import pytest

from cleaner import registry
from cleaner.document import Document
from cleaner.errors import UnknownRuleError
from cleaner.rules.base import Rule

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "rules"
RULES = registry.ALL_RULES


def test_codes_are_unique_and_in_pipeline_order() -> None:
    codes = [r.code for r in RULES]
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_well_formed(rule: type[Rule]) -> None:
    assert re.fullmatch(r"C[1239]\d\d", rule.code)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
    assert rule.__name__ == "".join(part.capitalize() for part in rule.name.split("-"))
    assert 0 < len(rule.summary()) <= 72
    sections = {section for section, _ in rule.examples()}
    assert sections == {"Removed", "Kept"}, "docstring needs a Removed: and a Kept: example"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_removes_and_keeps_fixtures(rule: type[Rule]) -> None:
    cases = [p.name for p in (FIXTURES / rule.code).glob("*.txt") if not p.name.endswith(".expected.txt")]
    assert any(c.startswith("removes_") for c in cases), f"fixtures/rules/{rule.code} needs a removes_ case"
    assert any(c.startswith("keeps_") for c in cases), f"fixtures/rules/{rule.code} needs a keeps_ case"


def test_lookup_by_code_or_name() -> None:
    assert registry.get("c101") is registry.get("open-in-app")


def test_unknown_rule_raises() -> None:
    with pytest.raises(UnknownRuleError):
        registry.get("C999")


def test_select_and_ignore() -> None:
    assert registry.active_rules(select=["C101", "C102"], ignore=["follow-share"]) == (registry.get("C101"),)


def _removed_lines(rule: type[Rule], text: str) -> set[str]:
    doc = Document.from_text(text)
    return {doc.line(n).stripped for r in rule().find(doc) for n in range(r.start, r.end + 1)} - {""}


@pytest.mark.parametrize("rule", [r for r in RULES if r.line_local], ids=lambda r: r.code)
def test_line_local_rules_judge_each_line_alone(rule: type[Rule]) -> None:
    # Later pipeline passes skip these rules (cleaner/pipeline.py): that is only right if a
    # line's fate never depends on its neighbours. Every fixture page, whole and line by line.
    pages = [p for p in FIXTURES.glob("*/*.txt") if not p.name.endswith(".expected.txt")]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        alone = set().union(*(_removed_lines(rule, line) for line in text.split("\n")))
        assert _removed_lines(rule, text) == alone, page.name


def test_some_rules_are_line_local_and_the_position_rules_are_not() -> None:
    local = {r.code for r in RULES if r.line_local}
    assert {"C101", "C106", "C302"} <= local
    assert not local & {"C107", "C201", "C202", "C203", "C901", "C910"}
