"""Decide, then explain: a decision explained on first read is the one explained at once.

Every decision of the differential corpus (test_differential.py's histories, days and
combinations of rule sets) is made both ways, eagerly and lazily, and the two are compared field
by field, then as wholes: equality, hashing, ``repr``, ``str``, ``explain()`` and pickling. The
lazy one is first read through a field hypothesis picks, so no order of reading is favoured.
"""

from __future__ import annotations

import pickle
from datetime import date
from typing import Any, cast

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import followup_rules as fr
from followup_rules.engine import _effects
from followup_rules.resolution import resolve
from followup_rules.rulesets import registry
from followup_rules.testing import days_after, histories

NAMES = tuple(fr.rulesets.names())
COMBINATIONS = [(name,) for name in NAMES] + [NAMES]
EXPLAINED = ("reasons", "guidance", "conflicts", "skipped")
FIELDS = tuple(field.name for field in attrs.fields(fr.Decision))


def _both(
    history: fr.History, today: date, names: tuple[str, ...]
) -> tuple[fr.Decision, fr.Decision]:
    """The decision of ``names`` on ``today``, explained later and at once, from one set of
    effects."""
    prepared = registry.prepare(registry.resolve("+".join(names)))
    facts, ruled, silent = _effects(history, today, prepared)
    lazy = resolve(ruled, facts, prepared.versions, silent=silent)
    eager = resolve(ruled, facts, prepared.versions, silent=silent, eager=True)
    return lazy, eager


def _unexplained(decision: fr.Decision) -> bool:
    """No explanation field of ``decision`` is set yet (read through the slots themselves)."""
    slots = [getattr(fr.Decision, name) for name in EXPLAINED]
    try:
        for slot in slots:
            slot.__get__(decision, fr.Decision)
    except AttributeError:
        return True
    return False


@pytest.mark.parametrize("names", COMBINATIONS, ids="+".join)
@given(data=st.data(), history=histories())
def test_a_decision_explained_later_is_the_one_explained_at_once(
    names: tuple[str, ...], data: st.DataObject, history: fr.History
) -> None:
    today = data.draw(days_after(history), label="today")
    lazy, eager = _both(history, today, names)
    first = data.draw(st.sampled_from(FIELDS), label="read first")
    assert getattr(lazy, first) == getattr(eager, first)
    for name in FIELDS:
        assert getattr(lazy, name) == getattr(eager, name), name
    assert not _unexplained(lazy)
    assert lazy == eager
    assert hash(lazy) == hash(eager)
    assert (repr(lazy), str(lazy), lazy.explain()) == (repr(eager), str(eager), eager.explain())


@given(data=st.data(), history=histories())
def test_an_unread_explanation_survives_pickling_and_comparison(
    data: st.DataObject, history: fr.History
) -> None:
    today = data.draw(days_after(history), label="today")
    lazy, eager = _both(history, today, NAMES)
    again = pickle.loads(pickle.dumps(lazy))
    assert again == eager
    assert [getattr(again, name) for name in FIELDS] == [getattr(eager, name) for name in FIELDS]


def test_a_decision_read_for_its_answer_only_is_not_explained() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=fr.WorkCalendar("US"))
    decision = fr.evaluate(history, date(2026, 11, 10), rules="right-changes")
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 11, 17))
    assert _unexplained(decision)
    assert decision.skipped[0] == fr.SkippedDay(
        date(2026, 11, 10), (fr.RuleRef("right-changes", "not-next-to-holiday"),)
    )
    assert not _unexplained(decision)


def test_an_explanation_made_by_another_reader_is_not_made_again() -> None:
    """Two threads may both find the explanation unmade; the second reads what the first made."""
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=fr.WorkCalendar("US"))
    decision = fr.evaluate(history, date(2026, 11, 10), rules="right-changes")
    reasons = decision.reasons
    assert cast(Any, decision).__getattr__("reasons") is reasons


def test_a_misspelt_attribute_is_still_an_attribute_error() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=fr.WorkCalendar("US"))
    decision = fr.evaluate(history, date(2026, 11, 10), rules="right-changes")
    with pytest.raises(AttributeError, match="'Decision' object has no attribute 'reason'"):
        cast(Any, decision).reason  # noqa: B018
