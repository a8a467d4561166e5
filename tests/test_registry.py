import re
from pathlib import Path

import pytest

from cleaner import explain, registry
from cleaner.errors import UnknownRuleError
from cleaner.registry import RuleInfo

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "rules"
RULES = registry.ALL_RULES


def test_codes_are_unique_and_in_pipeline_order() -> None:
    codes = [r.code for r in RULES]
    assert len(set(codes)) == len(codes)
    assert codes == sorted(codes)


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_is_well_formed(rule: RuleInfo) -> None:
    assert re.fullmatch(r"C[1239]\d\d", rule.code)
    assert re.fullmatch(r"[a-z]+(?:-[a-z]+)*", rule.name)
    assert 0 < len(rule.summary()) <= 72
    sections = {section for section, _ in rule.examples()}
    assert sections == {"Removed", "Kept"}, "docstring needs a Removed: and a Kept: example"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_removes_and_keeps_fixtures(rule: RuleInfo) -> None:
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


def _removed_lines(rule: RuleInfo, text: str, input_format: str = "auto") -> set[str]:
    lines = text.split("\n")
    removals = explain(text, select=[rule.code], input_format=input_format).removals
    return {lines[n - 1].strip() for r in removals for n in range(r.start, r.end + 1)} - {""}


@pytest.mark.parametrize("rule", [r for r in RULES if r.line_local], ids=lambda r: r.code)
def test_line_local_rules_judge_each_line_alone(rule: RuleInfo) -> None:
    # Later pipeline passes skip these rules (the core's pipeline): that is only right if a
    # line's fate never depends on its neighbours. Every fixture page, whole and line by line
    # (each line read in the page's own format: one markdown line alone is not detected as markdown).
    pages = [p for p in FIXTURES.glob("*/*.txt") if not p.name.endswith(".expected.txt")]
    for page in pages:
        text = page.read_text(encoding="utf-8")
        layout = explain(text, select=[rule.code]).input_format
        alone = set().union(*(_removed_lines(rule, line, layout) for line in text.split("\n")))
        assert _removed_lines(rule, text) == alone, page.name


def test_some_rules_are_line_local_and_the_position_rules_are_not() -> None:
    local = {r.code for r in RULES if r.line_local}
    assert {"C101", "C106", "C302"} <= local
    assert not local & {"C107", "C201", "C202", "C203", "C901", "C910"}


def test_the_position_rule_is_read_from_the_core() -> None:
    assert [r.code for r in RULES if r.position] == [registry.POSITION_RULE] == ["C910"]


def test_comment_headings_end_the_body() -> None:
    assert [r.code for r in RULES if r.ends_body] == ["C104"]


def test_summary_doc_body_and_examples_come_from_the_doc() -> None:
    rule = registry.get("related-list")
    assert rule.doc.startswith(rule.summary() + "\n")
    assert rule.summary() == "Related-article headings and the list of headlines that follows them."
    assert rule.doc_body().startswith("Removed:") or "\nRemoved:\n" in rule.doc_body()
    assert ("Kept", "Related studies have reached the same conclusion about the rise in sea levels.") in rule.examples()
    removed = next(text for section, text in rule.examples() if section == "Removed")
    assert removed.split("\n")[0] == "Related Stories"


def test_unknown_rule_message() -> None:
    with pytest.raises(UnknownRuleError, match=r"^unknown rule 'nope'; `cleaner --list-rules` lists them$"):
        registry.get("nope")


def test_rules_are_frozen() -> None:
    with pytest.raises(AttributeError):
        RULES[0].code = "C999"  # type: ignore[misc]
