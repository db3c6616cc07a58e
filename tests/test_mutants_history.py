"""History cases that mutants of history.py survived: the longest of overlapping absences, the
employer's time zone for the time of day, and a date named for the day it was recorded."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

import pytest

import followup_rules as fr
from followup_rules.errors import InvalidHistoryError
from followup_rules.events import DecisionExpected, FollowUp, OutOfOffice
from followup_rules.vocabulary import Channel, Outcome, TimeOfDay

US = fr.WorkCalendar("US")
APPLIED = fr.Applied(date(2026, 3, 2))


def test_overlapping_absences_keep_the_later_return() -> None:
    away = [
        OutOfOffice(date(2026, 3, 2), until=date(2026, 3, 20)),
        OutOfOffice(date(2026, 3, 5), until=date(2026, 3, 10)),
    ]
    facts = fr.History([APPLIED, *away], calendar=US).facts(date(2026, 3, 6))
    assert facts.away_until == date(2026, 3, 20)


def test_the_time_of_day_is_the_employer_s() -> None:
    # 15:00 UTC on 2026-03-09 is 11:00 in New York (daylight time began on 2026-03-08).
    call = FollowUp(
        datetime(2026, 3, 9, 15, tzinfo=UTC), channel=Channel.PHONE, outcome=Outcome.NO_ANSWER
    )
    email = FollowUp(
        datetime(2026, 3, 10, 15, tzinfo=UTC), channel=Channel.EMAIL, outcome=Outcome.SENT
    )
    new_york = fr.WorkCalendar("US", timezone="America/New_York")
    facts = fr.History([APPLIED, call, email], calendar=new_york).facts(date(2026, 3, 11))
    assert [c.time_of_day for c in facts.contacts] == [TimeOfDay.MORNING]
    utc = fr.History([APPLIED, email], calendar=US).facts(date(2026, 3, 11))
    assert [c.time_of_day for c in utc.contacts] == [TimeOfDay.AFTERNOON]


def test_a_decision_date_on_the_day_it_was_given_is_accepted() -> None:
    named = DecisionExpected(date(2026, 3, 9), by=date(2026, 3, 9))
    facts = fr.History([APPLIED, named], calendar=US).facts(date(2026, 3, 9))
    assert facts.deadline == date(2026, 3, 9)


def test_an_empty_history_is_refused_by_name() -> None:
    message = "an empty history: expected at least one event"
    with pytest.raises(InvalidHistoryError, match=f"^{re.escape(message)}$"):
        fr.History([], calendar=US)


@pytest.mark.parametrize("given", ["in order", "reversed"])
def test_events_of_one_kind_on_one_day_are_kept_in_the_order_of_their_repr(given: str) -> None:
    # Same day, same kind, no time: only the repr ("...EMAIL..." < "...PHONE...") orders them.
    email = FollowUp(date(2026, 3, 3), channel=Channel.EMAIL, outcome=Outcome.SENT)
    call = FollowUp(date(2026, 3, 3), channel=Channel.PHONE, outcome=Outcome.REACHED)
    pair = [email, call] if given == "in order" else [call, email]
    history = fr.History([APPLIED, *pair], calendar=US)
    assert history.events == (APPLIED, email, call)
    facts = history.facts(date(2026, 3, 4))
    assert [c.channel for c in facts.contacts] == [Channel.EMAIL, Channel.PHONE]


def test_a_date_only_event_is_read_after_the_timed_events_of_its_kind_that_day() -> None:
    # The reply without a time comes after the 17:00 one, so its channel is the latest.
    undated = fr.Reply(date(2026, 3, 5), channel=Channel.EMAIL)
    timed = fr.Reply(datetime(2026, 3, 5, 17, tzinfo=UTC), channel=Channel.PHONE)
    history = fr.History([APPLIED, undated, timed], calendar=US)
    assert history.events == (APPLIED, timed, undated)
    assert history.facts(date(2026, 3, 6)).reply_channel is Channel.EMAIL


def test_a_date_only_follow_up_comes_after_a_reply_that_a_later_follow_up_follows() -> None:
    # It is read after the 17:00 call, so after the noon reply too: both calls go unanswered.
    reply = fr.Reply(datetime(2026, 3, 5, 12, tzinfo=UTC))
    call = FollowUp(
        datetime(2026, 3, 5, 17, tzinfo=UTC), channel=Channel.PHONE, outcome=Outcome.REACHED
    )
    email = FollowUp(date(2026, 3, 5), channel=Channel.EMAIL, outcome=Outcome.SENT)
    history = fr.History([APPLIED, email, call, reply], calendar=US)
    assert history.events == (APPLIED, reply, call, email)
    unanswered = history.facts(date(2026, 3, 6)).unanswered
    assert [c.channel for c in unanswered] == [Channel.PHONE, Channel.EMAIL]


def test_events_of_two_kinds_on_one_day_are_two_events() -> None:
    withdrew = fr.Withdrew(date(2026, 3, 2))
    assert fr.History([APPLIED, withdrew], calendar=US).events == (APPLIED, withdrew)
