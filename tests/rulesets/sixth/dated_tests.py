"""`sixth-doc`: ten days after applying, and kindness. Dates on the US calendar of 2026."""

from __future__ import annotations

from datetime import date

import pytest

import followup_rules as fr
from conformance import RuleSetConformance, applied, decide

NAME = "sixth-doc"


class TestConformance(RuleSetConformance):
    ruleset = fr.rulesets.get(NAME)


@pytest.mark.rule(f"{NAME}/wait-ten-days")
def test_ten_days_after_applying() -> None:
    decision = decide([applied("2026-11-02")], "2026-11-02", NAME)
    assert decision.next_date == date(2026, 11, 12)


@pytest.mark.rule(f"{NAME}/be-kind")
def test_kindness_in_every_decision() -> None:
    decision = decide([applied("2026-11-02")], "2026-11-02", NAME)
    assert "Be kind." in [note.text for note in decision.guidance]
