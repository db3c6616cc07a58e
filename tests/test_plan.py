"""Plans: the contacts a rule set would make if nobody answered, and what-ifs."""

from __future__ import annotations

from datetime import date

import pytest

import followup_rules as fr
from followup_rules.examples import EXAMPLE_TODAY, example_history
from followup_rules.plan import MAX_PLANNED_CONTACTS

US = fr.WorkCalendar("US")


def test_call_back_stops_after_two_unanswered_voicemails() -> None:
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules="call-back")
    # Wed 11-25 is allowed; the next day is Thanksgiving, then Friday.
    assert plan.days == (date(2026, 11, 25), date(2026, 11, 27))
    assert [c.outcome for c in plan.contacts] == [fr.Outcome.VOICEMAIL_LEFT] * 2
    assert plan.ending.action is fr.Action.STOP
    assert str(plan).endswith("then STOP")


def test_what_if_every_call_reaches_them() -> None:
    plan = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules="call-back",
        assume=fr.Outcome.REACHED,
        until=date(2026, 12, 4),
    )
    # No message is ever left, so call-back never stops: one call a business day but Monday.
    assert plan.days == (
        date(2026, 11, 25),
        date(2026, 11, 27),
        date(2026, 12, 1),
        date(2026, 12, 2),
        date(2026, 12, 3),
        date(2026, 12, 4),
    )
    assert str(plan).splitlines()[-1] == "then nothing more before Fri 2026-12-04"


def test_three_by_three_calls_every_week() -> None:
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules="three-by-three", until=date(2027, 1, 1))
    assert plan.days == (
        date(2026, 11, 25),
        date(2026, 12, 2),
        date(2026, 12, 9),
        date(2026, 12, 16),
        date(2026, 12, 23),
        date(2026, 12, 30),
    )
    assert {c.channel for c in plan.contacts} == {fr.Channel.PHONE}
    assert str(plan.contacts[0]) == "Wed 2026-11-25: status by phone, assumed voicemail-left"


def test_a_plan_starts_with_a_thank_you_after_an_interview() -> None:
    history = fr.History([fr.Interview(date(2026, 11, 3))], calendar=US)
    plan = fr.plan(history, date(2026, 11, 3), rules="three-by-three", until=date(2026, 11, 20))
    assert [(c.on, c.purpose) for c in plan.contacts] == [
        (date(2026, 11, 4), fr.Purpose.THANK_YOU),
        (date(2026, 11, 12), fr.Purpose.STATUS),  # a week after the call; the 11th is a holiday
        (date(2026, 11, 19), fr.Purpose.STATUS),
    ]


def test_a_plan_of_a_finished_application_is_empty() -> None:
    history = fr.History(
        [fr.Applied(date(2026, 11, 2)), fr.Withdrew(date(2026, 11, 3))], calendar=US
    )
    plan = fr.plan(history, date(2026, 11, 4))
    assert plan.contacts == ()
    assert plan.ending.action is fr.Action.DONE
    assert str(plan) == "no contact\nthen DONE"


def test_a_plan_is_bounded_by_its_contact_limit() -> None:
    history = fr.History([fr.Applied(date(2026, 1, 5))], calendar=US)
    plan = fr.plan(history, date(2026, 1, 5), rules="right-changes", until=date(2027, 12, 31))
    assert len(plan.contacts) == MAX_PLANNED_CONTACTS


@pytest.mark.parametrize("assume", [fr.Outcome.NO_ANSWER, "voicemail"])
def test_assuming_no_contact_at_all_is_refused(assume: object) -> None:
    with pytest.raises(fr.InvalidArgumentError, match=r"Outcome\.VOICEMAIL_LEFT"):
        fr.plan(example_history(), EXAMPLE_TODAY, assume=assume)  # type: ignore[arg-type]
