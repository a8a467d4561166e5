"""Every rule's documented examples run through that rule alone."""

import pytest

from cleaner import explain, registry
from cleaner.registry import RuleInfo

CONTEXT = "= "
CASES = [
    pytest.param(rule, section, text, id=f"{rule.code}-{section}-{i}")
    for rule in registry.ALL_RULES
    for i, (section, text) in enumerate(rule.examples())
]


@pytest.mark.parametrize(("rule", "section", "example"), CASES)
def test_documented_example(rule: RuleInfo, section: str, example: str) -> None:
    lines = example.split("\n")
    text = "\n".join(line.removeprefix(CONTEXT) for line in lines)
    result = explain(text, select=[rule.code], keep_headline=False)
    removed = {n for r in result.removals for n in range(r.start, r.end + 1) if lines[n - 1].strip()}
    if section == "Kept":
        expected: set[int] = set()
    else:
        expected = {i for i, line in enumerate(lines, 1) if line.strip() and not line.startswith(CONTEXT)}
    assert removed == expected


def test_every_rule_has_examples() -> None:
    assert all(rule.examples() for rule in registry.ALL_RULES)
