"""Rule sets and compositions: lookup, iteration, reading, and adding up."""

from __future__ import annotations

import pytest

import followup_rules as fr
from followup_rules.citations import Citation, Source
from followup_rules.rules import Advice, MinimumGap

CITE = Citation(Source("Test rules", "the tests"), "a passage")
GAP = MinimumGap("gap", days=7, citation=CITE)
THANKS = Advice("say-thanks", text="Say thanks.", citation=CITE)
MINE = fr.RuleSet("mine", [GAP, THANKS], version="2.1")


def test_a_rule_is_found_by_its_id() -> None:
    assert MINE.rule("gap") is GAP
    assert MINE.rule("say-thanks") is THANKS


def test_a_rule_set_iterates_over_its_rules_in_the_order_given() -> None:
    assert list(MINE) == [GAP, THANKS]
    assert list(fr.RuleSet("reversed", [THANKS, GAP])) == [THANKS, GAP]
    assert list(fr.rulesets.common.alone()) == []


@pytest.mark.parametrize("rules", [[], ()])
def test_a_rule_set_of_no_rules_is_refused_but_the_common_rules_alone(rules: list[object]) -> None:
    with pytest.raises(
        fr.RuleSetDefinitionError,
        match=r"^rule set 'empty' has no rules: expected at least one rule \(for the common rules "
        r"alone, fr\.rulesets\.common\.alone\(\)\)$",
    ):
        fr.RuleSet("empty", rules)
    alone = fr.rulesets.common.alone(business_days_only=False)
    assert (alone.name, alone.rules, alone.business_days_only) == ("common", (), False)


def test_a_rule_set_reads_as_its_name_version_and_one_rule_a_line() -> None:
    assert repr(MINE) == (
        "RuleSet('mine', version='2.1', rules=[\n"
        "    MinimumGap(id='gap', days=7),\n"
        "    Advice(id='say-thanks', text='Say thanks.', when=<When.ALWAYS: 'always'>, "
        "after_rejection=False),\n"
        "])"
    )


def test_adding_to_a_composition_is_order_free_and_drops_repeats() -> None:
    a = fr.RuleSet("a-rules", [THANKS])
    b = fr.RuleSet("b-rules", [GAP])
    c = fr.RuleSet("c-rules", [THANKS])
    left = (a + b) + c
    assert isinstance(left, fr.Composition)
    assert left == a + (b + c) == (c + b) + a == (b + c) + (a + b)
    assert left.parts == (a, b, c)
    assert left.name == "a-rules+b-rules+c-rules"
    assert (a + b) + a == a + b
    assert ((a + b) + a).parts == (a, b)
