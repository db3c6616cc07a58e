"""The engine against the reference evaluator (tests/reference.py), on histories hypothesis draws.

The two share nothing but the public events and the work calendar, so a slip in facts, effects
or resolution shows up as a disagreement on the action, the day or the purpose.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

import followup_rules as fr
import reference
from followup_rules.testing import days_after, histories

NAMES = tuple(reference.ALLOWS)
"""The documents the reference models: the default composition's (a test checks it)."""
COMBINATIONS = [(name,) for name in NAMES] + [NAMES]


def _engine(history: fr.History, today: date, names: tuple[str, ...]) -> reference.Answer:
    decision = fr.evaluate(history, today, rules="+".join(names))
    purpose = None if decision.action in (fr.Action.DONE, fr.Action.STOP) else decision.purpose
    return decision.action, decision.next_date, purpose, decision.timed


@pytest.mark.parametrize("names", COMBINATIONS, ids="+".join)
@given(data=st.data(), history=histories())
def test_engine_agrees_with_the_reference(
    names: tuple[str, ...], data: st.DataObject, history: fr.History
) -> None:
    today = data.draw(days_after(history), label="today")
    assert _engine(history, today, names) == reference.evaluate(history, today, names)


def test_the_reference_models_the_default_composition() -> None:
    # The last combination is the default composition, so the engine's default is checked.
    assert COMBINATIONS[-1] == fr.rulesets.DEFAULT
