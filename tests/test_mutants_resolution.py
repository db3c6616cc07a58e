"""Resolution and engine cases that mutants of resolution.py and engine.py survived: the fields
of every early decision (DONE, STOP for a spent budget, BLOCKED) when parts are silent or give
guidance, which budgets and lifts count, and a rule that needs days past the holiday data."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any, cast

import attrs
import pytest

import followup_rules as fr
from followup_rules.calendar import WorkCalendar
from followup_rules.citations import Citation, Source
from followup_rules.decision import Note, Reason, RuleRef
from followup_rules.effects import (
    Budget,
    Done,
    Effect,
    ExcludeWeekdays,
    Guidance,
    LiftBudgets,
    NotBefore,
    ProposePurpose,
    Resource,
)
from followup_rules.facts import Facts
from followup_rules.resolution import Ruled, _day_test, resolve

US = fr.WorkCalendar("US")
CITE = Citation(Source("Test rules", "the tests"), "a passage")
VERSIONS = (("a", "1"), ("b", "1"))
A, B = RuleRef("a", "one"), RuleRef("b", "two")
WEDNESDAY = date(2026, 11, 4)
FACTS = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US).facts(WEDNESDAY)
SILENT_B = Reason(RuleRef("b", "scope"), CITE, "silent: this document covers nothing here", True)


def _resolve(*effects: Effect | tuple[RuleRef, Effect], silent: tuple[Reason, ...] = ()) -> Any:
    """Each effect from rule ``a/one``, unless given with its own reference."""
    pairs = [e if isinstance(e, tuple) else (A, e) for e in effects]
    return resolve([Ruled(ref, CITE, e) for ref, e in pairs], FACTS, VERSIONS, silent=silent)


SPENT = Budget(Resource.FOLLOW_UPS, 0, 1, "no follow-up left")


def test_done_names_the_silent_parts() -> None:
    decision = _resolve(Done("over"), silent=(SILENT_B,))
    assert decision.action is fr.Action.DONE
    assert decision.silent == ("b",)


def test_a_spent_budget_stops_with_the_guidance_and_the_silent_parts() -> None:
    decision = _resolve(SPENT, Guidance("be brief"), silent=(SILENT_B,))
    assert decision.action is fr.Action.STOP
    assert decision.reasons == (Reason(A, CITE, "no follow-up left", True),)
    assert decision.guidance == (Note(A, "be brief"),)
    assert decision.silent == ("b",)


def test_blocked_keeps_the_guidance() -> None:
    every_day = ExcludeWeekdays(frozenset(range(7)), "never")
    decision = _resolve(every_day, Guidance("be brief"))
    assert decision.action is fr.Action.BLOCKED
    assert decision.guidance == (Note(A, "be brief"),)


def test_of_two_lifts_on_one_day_the_first_is_named() -> None:
    lifts = [LiftBudgets(date(2026, 11, 16), f"{text} lifts it") for text in ("first", "second")]
    decision = _resolve(SPENT, *lifts)
    assert decision.next_date == date(2026, 11, 16)
    assert [r.what for r in decision.reasons if r.binding] == [
        "no follow-up left until Mon 2026-11-16, when first lifts it"
    ]


def test_a_spent_budget_after_a_message_budget_still_stops() -> None:
    messages = Budget(Resource.MESSAGES, 1, 2, "1 of 2 messages remain")
    assert _resolve(messages, SPENT).action is fr.Action.STOP


def test_every_spent_budget_without_a_lift_is_a_reason_to_stop() -> None:
    decision = _resolve(SPENT, (B, SPENT))
    assert decision.action is fr.Action.STOP
    assert [r.ref for r in decision.reasons] == [A, B]


def test_something_that_is_no_effect_is_named_in_the_failure() -> None:
    stranger = cast(Any, "not an effect")
    with pytest.raises(AssertionError, match="'not an effect'"):
        _resolve(stranger)
    with pytest.raises(AssertionError, match="'not an effect'"):
        _day_test(stranger, US)


# A rule that needs days past the holiday data (engine._apply) ---------------------------------


def test_a_rule_needing_days_past_the_data_waits_for_the_first_unknown_day() -> None:
    # Three business days after 29 December of its last year fall past Sri Lanka's data.
    sri_lanka = fr.WorkCalendar("LK")
    last = sri_lanka.years[1]
    history = fr.History([fr.Applied(date(last, 12, 29))], calendar=sri_lanka)
    decision = fr.evaluate(history, date(last, 12, 29), rules="three-by-three")
    assert decision.action is fr.Action.BLOCKED
    assert decision.beyond_data == date(last + 1, 1, 1)


@attrs.frozen
class _ThankPastTheData:
    """Proposes a thank-you for a business day past the holiday data."""

    id: str
    citation: Citation

    def apply(self, facts: Facts) -> Iterator[Effect]:
        yield ProposePurpose(fr.Purpose.THANK_YOU, "thank them")
        calendar: WorkCalendar = facts.calendar
        yield NotBefore(calendar.add_business_days(facts.today, 5), "five business days")


def test_a_wait_past_the_data_holds_back_every_purpose() -> None:
    # Thursday 2100-12-30: a thank-you, which no follow-up wait holds back, is blocked too.
    history = fr.History([fr.Applied(date(2100, 12, 1))], calendar=US)
    rules = fr.RuleSet("house", [_ThankPastTheData("thanks", CITE)])
    decision = fr.evaluate(history, date(2100, 12, 30), rules=rules)
    assert (decision.action, decision.purpose) == (fr.Action.BLOCKED, fr.Purpose.THANK_YOU)
    assert decision.beyond_data == date(2101, 1, 1)
    binding = [r for r in decision.reasons if r.binding]
    assert [str(r.ref) for r in binding] == ["house/thanks"]
    assert re.match(r"add_business_days\(2100-12-30, 5\) is unknown", binding[0].what)
