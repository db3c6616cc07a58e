"""The order of events within a day, and which of two equal events a history keeps."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import followup_rules as fr
from followup_rules.history import Contact
from followup_rules.testing import events, histories

NEW_YORK = ZoneInfo("America/New_York")
US = fr.WorkCalendar("US", timezone="America/New_York")
APPLIED = fr.Applied(date(2026, 11, 2))
TODAY = date(2026, 11, 20)


def _at(day: int, hour: int, minute: int = 0, *, fold: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=NEW_YORK, fold=fold)


def _voicemail(on: date | datetime) -> fr.FollowUp:
    return fr.FollowUp(on, channel=fr.Channel.PHONE, outcome=fr.Outcome.VOICEMAIL_LEFT)


@pytest.mark.parametrize("given", ["in order", "reversed"])
def test_the_latest_reply_of_a_day_is_the_one_written_last_in_time(given: str) -> None:
    # "17:00" sorts before "9:00" as text: the 17:00 email is the latest reply all the same.
    replies = [
        fr.Reply(_at(18, 9), channel=fr.Channel.PHONE),
        fr.Reply(_at(18, 17), channel=fr.Channel.EMAIL),
    ]
    events: list[fr.Event] = [APPLIED, *(replies if given == "in order" else replies[::-1])]
    facts = fr.History(events, calendar=US).facts(TODAY)
    assert facts.reply_channel is fr.Channel.EMAIL
    assert fr.evaluate(fr.History(events, calendar=US), TODAY, rules="right-changes").channel is (
        fr.Channel.EMAIL
    )


def test_the_preference_stated_last_in_the_day_holds() -> None:
    events: list[fr.Event] = [
        APPLIED,
        fr.PrefersChannel(_at(12, 17, 30), channel=fr.Channel.PHONE),
        fr.PrefersChannel(_at(12, 8, 45), channel=fr.Channel.EMAIL),
    ]
    assert fr.History(events, calendar=US).facts(TODAY).stated_channel is fr.Channel.PHONE


def test_a_reply_answers_the_voicemails_before_it_not_the_one_after() -> None:
    events: list[fr.Event] = [
        APPLIED,
        _voicemail(_at(17, 9)),
        fr.Reply(_at(17, 12)),
        _voicemail(_at(17, 17)),
    ]
    facts = fr.History(events, calendar=US).facts(TODAY)
    assert facts.last_reply == date(2026, 11, 17)
    assert [c.day for c in facts.unanswered] == [date(2026, 11, 17)]
    assert len(facts.contacts) == 2


def test_a_date_only_event_comes_after_the_timed_events_of_its_kind_and_earlier_kinds() -> None:
    # The reply has no time: it is read after the calls of its day, and answers them.
    events: list[fr.Event] = [
        APPLIED,
        fr.Reply(date(2026, 11, 17)),
        _voicemail(_at(17, 10)),
        _voicemail(_at(17, 16)),
    ]
    history = fr.History(events, calendar=US)
    assert [type(event) for event in history][1:] == [fr.FollowUp, fr.FollowUp, fr.Reply]
    assert history.facts(TODAY).unanswered == ()


def test_what_was_learnt_at_a_timed_interview_belongs_to_its_stage() -> None:
    # The date they will decide by was noted without a time: it is read after the interview.
    interview = fr.Interview(_at(12, 14))
    expected = fr.DecisionExpected(date(2026, 11, 12), by=date(2026, 11, 19))
    history = fr.History([APPLIED, expected, interview], calendar=US)
    assert history.events == (APPLIED, interview, expected)
    assert history.facts(TODAY).deadline == date(2026, 11, 19)


def test_a_timed_thank_you_after_a_date_only_interview_is_of_the_new_stage() -> None:
    thanks = fr.FollowUp(
        _at(12, 17), channel=fr.Channel.EMAIL, outcome=fr.Outcome.SENT, purpose=fr.Purpose.THANK_YOU
    )
    history = fr.History([APPLIED, thanks, fr.Interview(date(2026, 11, 12))], calendar=US)
    facts = history.facts(TODAY)
    assert facts.stage is fr.Stage.POST_INTERVIEW
    assert [c.purpose for c in facts.contacts] == [fr.Purpose.THANK_YOU]


def test_date_only_events_of_one_day_go_by_kind_so_a_reply_answers_the_follow_up() -> None:
    history = fr.History(
        [APPLIED, fr.Reply(date(2026, 11, 17)), _voicemail(date(2026, 11, 17))], calendar=US
    )
    assert [type(event) for event in history][1:] == [fr.FollowUp, fr.Reply]
    assert history.facts(TODAY).unanswered == ()


def test_two_calls_an_hour_apart_when_the_clocks_go_back_are_two_events() -> None:
    # 1 November 2026, New York: 01:30 happens twice, first in EDT (fold=0), then in EST.
    first, second = _at(1, 1, 30), _at(1, 1, 30, fold=1)
    assert first == second  # Python ignores fold between times of one zone
    history = fr.History(
        [fr.Applied(date(2026, 10, 26)), _voicemail(second), _voicemail(first)], calendar=US
    )
    assert [event.on for event in history if isinstance(event, fr.FollowUp)] == [first, second]
    assert [getattr(event.on, "fold", None) for event in history][1:] == [0, 1]
    assert len(history.facts(TODAY).contacts) == 2


def test_one_instant_written_in_two_zones_is_one_event_whatever_the_order() -> None:
    # 09:00 in New York is 14:00 UTC: one call, kept as the same one in either order.
    new_york = _voicemail(_at(10, 9))
    utc = _voicemail(datetime(2026, 11, 10, 14, tzinfo=UTC))
    plain = fr.WorkCalendar("US")
    one = fr.History([APPLIED, new_york, utc], calendar=plain)
    other = fr.History([APPLIED, utc, new_york], calendar=plain)
    assert one.events == other.events == (APPLIED, utc)
    assert one.facts(TODAY).contacts == other.facts(TODAY).contacts
    assert one.facts(TODAY).contacts[0].time_of_day is fr.TimeOfDay.AFTERNOON


def test_an_instant_in_the_fold_written_in_two_zones_is_one_event() -> None:
    # Python never finds a time in the fold equal to a time of another zone.
    in_the_fold = _at(1, 1, 30, fold=1)
    as_utc = datetime(2026, 11, 1, 6, 30, tzinfo=UTC)
    assert in_the_fold != as_utc
    history = fr.History(
        [fr.Applied(date(2026, 10, 26)), _voicemail(in_the_fold), _voicemail(as_utc)], calendar=US
    )
    assert len(history) == 2


def test_until_refuses_what_is_not_a_date() -> None:
    history = fr.History([APPLIED], calendar=US)
    with pytest.raises(
        fr.InvalidArgumentError, match=r"day='2026-11-10': expected a datetime\.date"
    ):
        history.until("2026-11-10")  # type: ignore[arg-type]


# Adding events -----------------------------------------------------------------------------


def test_events_added_on_the_last_day_are_ordered_with_it_and_a_repeat_is_kept_once() -> None:
    history = fr.History([APPLIED, _voicemail(_at(9, 10))], calendar=US)
    call = _voicemail(_at(9, 10))
    reply = fr.Reply(_at(9, 9), channel=fr.Channel.EMAIL)
    later = _voicemail(date(2026, 11, 12))
    extended = history.with_events([later, call, reply])
    assert extended.events == (APPLIED, reply, call, later)
    assert [day for day, _ in extended.dated()] == [date(2026, 11, d) for d in (2, 9, 9, 12)]
    phone, voicemail, status = fr.Channel.PHONE, fr.Outcome.VOICEMAIL_LEFT, fr.Purpose.STATUS
    assert extended.facts(TODAY).unanswered == (  # the reply came before the call
        Contact(date(2026, 11, 9), phone, voicemail, status, fr.TimeOfDay.MORNING),
        Contact(date(2026, 11, 12), phone, voicemail, status),
    )
    assert history.with_events([]) is history


def test_adding_events_checks_only_them_and_as_a_history_does() -> None:
    history = fr.History([APPLIED], calendar=US)
    with pytest.raises(fr.InvalidHistoryError, match="'a reply' is not an event"):
        history.with_events(["a reply"])  # type: ignore[list-item]
    with pytest.raises(fr.InvalidHistoryError, match="names 2026-11-01, before the day"):
        history.with_events([fr.OutOfOffice(date(2026, 11, 3), until=date(2026, 11, 1))])
    with pytest.raises(fr.OutsideHolidayDataError):
        history.with_events([fr.Reply(date(2200, 1, 1))])


@pytest.mark.slow
@settings(max_examples=200)
@given(data=st.data(), history=histories())
def test_adding_events_gives_the_history_of_all_of_them(
    data: st.DataObject, history: fr.History
) -> None:
    last = max(day for day, _ in history.dated())
    after = data.draw(st.lists(events(start=last, end=last + timedelta(days=30)), max_size=3))
    anywhere = data.draw(st.lists(events(), max_size=2))
    added = [*after, *anywhere]
    try:
        whole = fr.History([*history.events, *added], calendar=history.calendar)
    except fr.FollowupError:
        with pytest.raises(fr.FollowupError):
            history.with_events(added)
        return
    extended = history.with_events(added)
    assert extended == whole
    assert list(extended.dated()) == list(whole.dated())
    today = max(day for day, _ in whole.dated())
    assert extended.facts(today) == whole.facts(today)
