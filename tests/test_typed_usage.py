"""The typed usage examples (tests/typed_usage.py) also run, so they stay valid at run time."""

from __future__ import annotations

from datetime import date

import followup_rules as fr
import typed_usage


def test_the_typed_usage_examples_run() -> None:
    decision = typed_usage.decide()
    assert decision.rulesets == (("call-back", "2.0"), ("right-changes", "2.0"))
    assert decision.next_date is not None
    assert decision.next_date >= date(2026, 11, 25)
    assert [part.name for part in typed_usage.compose().parts] == [
        "right-changes",
        "three-by-three",
        "three-by-three-fast-without-handwritten-note",
    ]
    assert typed_usage.own_rule_set().ids == ("a-fortnight",)
    assert "no-such-rule-set" in typed_usage.catch()
    assert isinstance(typed_usage.own_rule_set(), fr.RuleSet)
