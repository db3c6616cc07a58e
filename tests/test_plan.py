"""Plans: the contacts a rule set would make if nobody answered, and what-ifs."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

import followup_rules as fr
from conformance import spelled
from followup_rules.errors import MissingExtraError
from followup_rules.examples import EXAMPLE_TODAY, example_history
from followup_rules.plan import MAX_PLANNED_CONTACTS, PlanEnd
from followup_rules.rules import Cadence

US = fr.WorkCalendar("US")

WEEKLY_CALLS = "call-back+three-by-three"
"""After a job interview the 3x3 method times a call every week; call-back counts the messages
those calls leave, and after two unanswered ones says to stop."""


def promised_after_their_reply() -> fr.History:
    """The example, but their email of Wednesday 18 November promised a decision by Friday 20th.

    No follow-up has been made since that date, so RightChanges times one: the first day after
    it that is neither a Monday, a Friday nor next to Thanksgiving, Tuesday 1 December.
    """
    promise = fr.DecisionExpected(date(2026, 11, 18), by=date(2026, 11, 20))
    return fr.History([*example_history().events, promise], calendar=US)


def test_call_back_stops_the_weekly_calls_after_two_unanswered_voicemails() -> None:
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules=WEEKLY_CALLS)
    # Their email of Wednesday 18 November answered the voicemail of the 17th. The 3x3 method
    # calls a week after that voicemail, from Tuesday 24th: today, then a week later. The
    # second voicemail without a reply makes call-back stop.
    assert plan.days == (date(2026, 11, 25), date(2026, 12, 2))
    assert [c.outcome for c in plan.contacts] == [fr.Outcome.VOICEMAIL_LEFT] * 2
    assert plan.ending.action is fr.Action.STOP
    assert plan.end is PlanEnd.STOP
    assert str(plan).endswith("then STOP: 2 messages left without a reply: assume it is a no")


def test_call_back_alone_sets_no_time_once_their_date_was_followed_up() -> None:
    # They named Friday 13 November; the voicemail of Tuesday 17th followed it up. After that
    # first call the article gives no interval: call-back allows today but schedules nothing.
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules="call-back")
    assert plan.contacts == ()
    assert plan.end is PlanEnd.UNTIMED
    assert (plan.ending.action, plan.ending.next_date) == (fr.Action.FOLLOW_UP, EXAMPLE_TODAY)
    assert plan.ending.timed_by == ()
    assert str(plan) == (
        "no contact\n"
        "then no time set: call-back gives no time for the next contact, so none is scheduled "
        "(the first day allowed would be Wed 2026-11-25)"
    )


def test_call_back_calls_once_after_their_deadline_then_sets_no_time() -> None:
    # Interviewed Tuesday 3 November, a decision promised by Friday 6th: day four is Saturday
    # 7th, and call-back never calls on a Monday, so Tuesday 10th. Even a call that reaches
    # them leaves call-back with no interval for the next; Wednesday 11th is Veterans Day.
    history = fr.History(
        [
            fr.Interview(date(2026, 11, 3)),
            fr.DecisionExpected(date(2026, 11, 3), by=date(2026, 11, 6)),
        ],
        calendar=US,
    )
    plan = fr.plan(history, date(2026, 11, 3), rules="call-back", assume=fr.Outcome.REACHED)
    assert [(c.on, c.purpose, c.outcome) for c in plan.contacts] == [
        (date(2026, 11, 10), fr.Purpose.STATUS, fr.Outcome.REACHED)
    ]
    assert [str(r.ref) for r in plan.contacts[0].reasons] == [
        "common/business-days-only",
        "call-back/day-after-deadline",
        "call-back/no-monday",
    ]
    assert plan.end is PlanEnd.UNTIMED
    assert (plan.ending.action, plan.ending.next_date) == (fr.Action.WAIT, date(2026, 11, 12))
    assert plan.ending.untimed_parts == ("call-back",)


def test_what_if_every_call_reaches_them() -> None:
    plan = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules=WEEKLY_CALLS,
        assume=fr.Outcome.REACHED,
        until=date(2026, 12, 16),
    )
    # No message is ever left, so call-back never stops the weekly calls.
    assert plan.days == (
        date(2026, 11, 25),
        date(2026, 12, 2),
        date(2026, 12, 9),
        date(2026, 12, 16),
    )
    # The last call falls on `until` itself; the next would come a week later.
    assert plan.end is PlanEnd.HORIZON
    assert plan.ending.next_date == date(2026, 12, 23)
    assert str(plan).splitlines()[-1] == (
        "then nothing more until Wed 2026-12-16, where the plan ends; the next contact would "
        "be on Wed 2026-12-23"
    )


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


def test_three_by_three_follows_up_once_before_an_interview() -> None:
    # Applied Monday 2 November: three business days on is Thursday 5th. Before an interview
    # the method names no further step, so the plan ends there, untimed.
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    plan = fr.plan(history, date(2026, 11, 2), rules="three-by-three")
    assert plan.days == (date(2026, 11, 5),)
    assert plan.end is PlanEnd.UNTIMED
    assert plan.ending.next_date == date(2026, 11, 6)
    assert plan.ending.why_untimed() == "three-by-three gives no time for the next contact"


def test_after_an_informational_meeting_three_by_three_plans_the_thank_you_alone() -> None:
    # An informational meeting has no yes or no to wait for: no weekly calls after the
    # thank-you of Wednesday 4 November.
    history = fr.History(
        [fr.Interview(date(2026, 11, 3), kind=fr.InterviewKind.INFORMATIONAL)], calendar=US
    )
    plan = fr.plan(history, date(2026, 11, 3), rules="three-by-three")
    assert [(c.on, c.purpose) for c in plan.contacts] == [(date(2026, 11, 4), fr.Purpose.THANK_YOU)]
    assert plan.end is PlanEnd.UNTIMED


def test_before_an_interview_all_five_follow_up_once_then_set_no_time() -> None:
    # Applied Monday 2 November (rules.md's worked example): Tuesday 17th is the first day all
    # five allow. After that follow-up no document that speaks before an interview gives a time
    # for the next, and the two that speak only after one are silent.
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    plan = fr.plan(history, date(2026, 11, 2))
    assert plan.days == (date(2026, 11, 17),)
    assert plan.end is PlanEnd.UNTIMED
    assert plan.ending.silent == ("call-back", "five-rules")
    assert str(plan).splitlines()[-1] == (
        "then no time set: career-staffing, right-changes and three-by-three give no time for "
        "the next contact, so none is scheduled (the first day allowed would be Wed 2026-11-18)"
    )


def test_right_changes_after_an_interview_with_no_timeline_schedules_nothing() -> None:
    # No date from them: the RightChanges timing "depends", so no contact is scheduled, and
    # the plan says which day would be the first allowed.
    history = fr.History([fr.Interview(date(2026, 11, 3))], calendar=US)
    plan = fr.plan(history, date(2026, 11, 3), rules="right-changes")
    assert plan.contacts == ()
    assert plan.end is PlanEnd.UNTIMED
    assert plan.ending.next_date == date(2026, 11, 4)
    assert fr.RuleRef("right-changes", "respect-their-timeline") in {
        note.ref for note in plan.ending.guidance
    }
    assert str(plan) == (
        "no contact\n"
        "then no time set: right-changes gives no time for the next contact, so none is "
        "scheduled (the first day allowed would be Wed 2026-11-04)"
    )


def test_a_rule_set_silent_at_this_stage_plans_nothing() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    plan = fr.plan(history, date(2026, 11, 2), rules="five-rules")
    assert (plan.contacts, plan.end) == ((), PlanEnd.SILENT)
    assert plan.ending.next_date is None
    assert str(plan) == (
        "no contact\nthen nothing: silent: this document covers after an interview only"
    )


def test_a_plan_of_a_finished_application_is_empty() -> None:
    history = fr.History(
        [fr.Applied(date(2026, 11, 2)), fr.Withdrew(date(2026, 11, 3))], calendar=US
    )
    plan = fr.plan(history, date(2026, 11, 4))
    assert plan.contacts == ()
    assert plan.ending.action is fr.Action.DONE
    assert plan.end is PlanEnd.DONE
    assert str(plan) == "no contact\nthen DONE: you withdrew"


def test_a_plan_is_bounded_by_its_contact_limit() -> None:
    # The 3x3 method calls every week after a job interview, until a yes or a no: two years
    # hold more than a hundred calls.
    history = fr.History([fr.Interview(date(2026, 1, 5))], calendar=US)
    plan = fr.plan(history, date(2026, 1, 5), rules="three-by-three", until=date(2027, 12, 31))
    assert len(plan.contacts) == MAX_PLANNED_CONTACTS
    assert plan.end is PlanEnd.CONTACT_LIMIT
    following = plan.ending.next_date
    assert following is not None
    assert plan.days[-1] < following <= date(2027, 12, 31)
    assert str(plan).splitlines()[-1] == (
        f"then the plan stops at its limit of 100 contacts; the next would fall on "
        f"{spelled(following)}"
    )


@pytest.mark.parametrize("assume", [fr.Outcome.NO_ANSWER, "voicemail"])
def test_assuming_no_contact_at_all_is_refused(assume: object) -> None:
    with pytest.raises(fr.InvalidArgumentError, match=r"Outcome\.VOICEMAIL_LEFT"):
        fr.plan(example_history(), EXAMPLE_TODAY, assume=assume)  # type: ignore[arg-type]


def test_a_plan_records_what_it_was_planned_with() -> None:
    plan = fr.plan(example_history(), EXAMPLE_TODAY)
    assert plan.ruleset == "call-back+career-staffing+five-rules+right-changes+three-by-three"
    assert (plan.today, plan.until) == (date(2026, 11, 25), date(2027, 11, 26))  # 366 days on
    assert (plan.assume, plan.replies, plan.channel) == (None, False, fr.Channel.PHONE)


# (a) The assumed outcome fits the channel the contact is logged with.


def test_a_voicemail_is_left_by_phone_when_the_rules_suggest_email() -> None:
    # RightChanges writes by email, the way they replied on Wednesday 18 November; the one
    # follow-up their date times is on Tuesday 1 December, and after it no time is set.
    plan = fr.plan(
        promised_after_their_reply(),
        EXAMPLE_TODAY,
        rules="right-changes",
        assume=fr.Outcome.VOICEMAIL_LEFT,
    )
    assert plan.days == (date(2026, 12, 1),)
    assert {(c.channel, c.proposed, c.outcome) for c in plan.contacts} == {
        (fr.Channel.PHONE, fr.Channel.EMAIL, fr.Outcome.VOICEMAIL_LEFT)
    }
    assert str(plan.contacts[0]) == (
        "Tue 2026-12-01: status by phone (the rules suggest email), assumed voicemail-left"
    )
    assert plan.end is PlanEnd.UNTIMED


def test_something_sent_goes_by_email_unless_the_fallback_is_mail() -> None:
    # Both rule sets call; an email or a letter leaves no message, so call-back never stops.
    emailed = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules=WEEKLY_CALLS,
        assume=fr.Outcome.SENT,
        until=date(2026, 12, 9),
    )
    assert emailed.days == (date(2026, 11, 25), date(2026, 12, 2), date(2026, 12, 9))
    assert {c.channel for c in emailed.contacts} == {fr.Channel.EMAIL}
    assert {c.proposed for c in emailed.contacts} == {fr.Channel.PHONE}
    mailed = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules=WEEKLY_CALLS,
        assume=fr.Outcome.SENT,
        until=date(2026, 12, 9),
        channel=fr.Channel.MAIL,
    )
    assert mailed.days == emailed.days
    assert {c.channel for c in mailed.contacts} == {fr.Channel.MAIL}


@pytest.mark.parametrize(
    ("assume", "fallback", "used"),
    [
        (fr.Outcome.MESSAGE_WITH_PERSON, fr.Channel.IN_PERSON, fr.Channel.IN_PERSON),
        (fr.Outcome.MESSAGE_WITH_PERSON, fr.Channel.EMAIL, fr.Channel.PHONE),
        (fr.Outcome.REACHED, fr.Channel.IN_PERSON, fr.Channel.IN_PERSON),
        (fr.Outcome.REACHED, fr.Channel.OTHER, fr.Channel.OTHER),
        (fr.Outcome.REACHED, fr.Channel.EMAIL, fr.Channel.PHONE),
        (fr.Outcome.VOICEMAIL_LEFT, fr.Channel.IN_PERSON, fr.Channel.PHONE),
    ],
)
def test_a_spoken_outcome_uses_the_fallback_if_it_fits_else_the_phone(
    assume: fr.Outcome, fallback: fr.Channel, used: fr.Channel
) -> None:
    plan = fr.plan(
        promised_after_their_reply(),
        EXAMPLE_TODAY,
        rules="right-changes",
        assume=assume,
        channel=fallback,
    )
    (contact,) = plan.contacts
    assert (contact.on, contact.channel, contact.proposed) == (
        date(2026, 12, 1),
        used,
        fr.Channel.EMAIL,
    )


def test_a_visit_reads_in_person() -> None:
    plan = fr.plan(
        promised_after_their_reply(),
        EXAMPLE_TODAY,
        rules="right-changes",
        assume=fr.Outcome.MESSAGE_WITH_PERSON,
        channel=fr.Channel.IN_PERSON,
    )
    assert str(plan.contacts[0]) == (
        "Tue 2026-12-01: status in person (the rules suggest email), assumed message-with-person"
    )


def test_where_the_rules_name_no_channel_the_fallback_is_reported() -> None:
    # The Five Rules name no channel for the first two follow-ups: a week after the voicemail
    # of Tuesday 17 November is Tuesday 24 November, so today, then a week later.
    by_phone = fr.plan(
        example_history(), EXAMPLE_TODAY, rules="five-rules", until=date(2026, 12, 2)
    )
    assert by_phone.days == (date(2026, 11, 25), date(2026, 12, 2))
    assert {(c.channel, c.proposed, c.outcome) for c in by_phone.contacts} == {
        (fr.Channel.PHONE, None, fr.Outcome.VOICEMAIL_LEFT)
    }
    visits = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules="five-rules",
        until=date(2026, 12, 2),
        channel=fr.Channel.IN_PERSON,
    )
    assert {(c.channel, c.outcome) for c in visits.contacts} == {
        (fr.Channel.IN_PERSON, fr.Outcome.MESSAGE_WITH_PERSON)
    }


def test_five_rules_calls_twice_then_emails_then_asks_whether_to_stop() -> None:
    # Two unanswered calls: change course, a differently worded email. Two channels unanswered:
    # ask whether to stop, once; then weekly follow-ups by email go on until they answer.
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules="five-rules", until=date(2026, 12, 23))
    assert [(c.on, c.purpose, c.channel, c.proposed) for c in plan.contacts] == [
        (date(2026, 11, 25), fr.Purpose.STATUS, fr.Channel.PHONE, None),
        (date(2026, 12, 2), fr.Purpose.STATUS, fr.Channel.PHONE, None),
        (date(2026, 12, 9), fr.Purpose.STATUS, fr.Channel.EMAIL, fr.Channel.EMAIL),
        (
            date(2026, 12, 16),
            fr.Purpose.ASK_WHETHER_TO_CONTINUE,
            fr.Channel.EMAIL,
            fr.Channel.EMAIL,
        ),
        (date(2026, 12, 23), fr.Purpose.STATUS, fr.Channel.EMAIL, fr.Channel.EMAIL),
    ]
    assert plan.end is PlanEnd.HORIZON


# (c) No message left to spend: the plan ends rather than leave another.


def test_career_staffing_leaves_its_one_message_then_sets_no_time() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    plan = fr.plan(
        history, date(2026, 11, 2), rules="career-staffing", assume=fr.Outcome.VOICEMAIL_LEFT
    )
    # A week after Monday 2 November is Monday 9 November. After that first follow-up the
    # document gives no time for another; its one message is spent.
    assert plan.days == (date(2026, 11, 9),)
    assert plan.end is PlanEnd.UNTIMED
    assert (plan.ending.next_date, plan.ending.messages_left) == (date(2026, 11, 10), 0)
    assert str(plan).splitlines()[-1] == (
        "then no time set: career-staffing gives no time for the next contact, so none is "
        "scheduled (the first day allowed would be Tue 2026-11-10)"
    )


@pytest.mark.parametrize("assume", [None, fr.Outcome.VOICEMAIL_LEFT])
def test_a_spent_message_ends_the_plan_before_its_first_contact(
    assume: fr.Outcome | None,
) -> None:
    # The voicemail of Tuesday 17 November spent Career Staffing's one message; the 3x3 call
    # due today would leave another.
    plan = fr.plan(
        example_history(), EXAMPLE_TODAY, rules="career-staffing+three-by-three", assume=assume
    )
    assert plan.contacts == ()
    assert plan.end is PlanEnd.NO_MESSAGE_LEFT
    assert plan.ending.next_date == date(2026, 11, 25)
    assert str(plan).splitlines()[-1] == (
        "then the plan ends: the contact of Wed 2026-11-25 would leave a message "
        "(voicemail-left), and the rules allow no more, so they say to hang up instead"
    )


def test_a_message_with_a_person_is_a_message_too() -> None:
    plan = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules="career-staffing+three-by-three",
        channel=fr.Channel.IN_PERSON,
        assume=fr.Outcome.MESSAGE_WITH_PERSON,
    )
    assert (plan.contacts, plan.end) == ((), PlanEnd.NO_MESSAGE_LEFT)
    assert "(message-with-person)" in str(plan)


def test_calls_that_reach_them_spend_no_message() -> None:
    plan = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules="career-staffing+three-by-three",
        assume=fr.Outcome.REACHED,
        until=date(2026, 12, 23),
    )
    # The call of Wednesday 25 November spends Career Staffing's one call; two weeks of
    # silence free the calls from Wednesday 9 December, and the 3x3 method times one a week.
    assert plan.days == (
        date(2026, 11, 25),
        date(2026, 12, 9),
        date(2026, 12, 16),
        date(2026, 12, 23),
    )
    assert plan.end is PlanEnd.HORIZON


# The reply what-if: each contact is answered the same day, without a definite answer.


def _answered(rules: str, assume: fr.Outcome, *, until: date) -> fr.Plan:
    """The example's plan when each contact ends ``assume`` and is answered the same day."""
    return fr.plan(
        example_history(), EXAMPLE_TODAY, rules=rules, assume=assume, replies=True, until=until
    )


def test_a_reply_restarts_career_staffings_two_weeks_of_silence() -> None:
    plan = _answered("career-staffing+three-by-three", fr.Outcome.REACHED, until=date(2027, 1, 6))
    # Each reply restarts the two weeks that free the one call, so the weekly 3x3 calls come
    # every other week.
    assert plan.days == (
        date(2026, 11, 25),
        date(2026, 12, 9),
        date(2026, 12, 23),
        date(2027, 1, 6),
    )
    assert all(contact.replied for contact in plan.contacts)
    assert plan.replies is True
    assert str(plan.contacts[0]) == "Wed 2026-11-25: status by phone, assumed reached, then a reply"
    assert plan.ending.next_date == date(2027, 1, 20)


def test_with_replies_call_back_never_runs_out_of_messages() -> None:
    silent = fr.plan(example_history(), EXAMPLE_TODAY, rules=WEEKLY_CALLS, until=date(2026, 12, 16))
    answered = fr.plan(
        example_history(), EXAMPLE_TODAY, rules=WEEKLY_CALLS, until=date(2026, 12, 16), replies=True
    )
    assert silent.end is PlanEnd.STOP
    assert answered.days == (
        date(2026, 11, 25),
        date(2026, 12, 2),
        date(2026, 12, 9),
        date(2026, 12, 16),
    )
    assert answered.end is PlanEnd.HORIZON


# to_pandas, to_ics


def test_plan_to_pandas_has_one_typed_row_per_contact() -> None:
    pd = pytest.importorskip("pandas")
    plan = _answered(
        "right-changes+three-by-three", fr.Outcome.VOICEMAIL_LEFT, until=date(2026, 12, 15)
    )
    frame = plan.to_pandas()
    assert frame.shape == (3, 8)
    assert list(frame.columns) == [
        "ruleset",
        "on",
        "purpose",
        "channel",
        "proposed_channel",
        "outcome",
        "replied",
        "why",
    ]
    assert str(frame["on"].dtype) == "datetime64[ns]"
    for name in ("purpose", "channel", "proposed_channel", "outcome"):
        assert isinstance(frame[name].dtype, pd.CategoricalDtype), name
    assert pd.api.types.is_bool_dtype(frame["replied"])
    assert pd.api.types.is_string_dtype(frame["ruleset"])
    assert pd.api.types.is_string_dtype(frame["why"])
    # The 3x3 method calls weekly; RightChanges keeps the calls off Thanksgiving week's
    # Wednesday to Monday.
    assert frame["on"].tolist() == [
        pd.Timestamp("2026-12-01"),
        pd.Timestamp("2026-12-08"),
        pd.Timestamp("2026-12-15"),
    ]
    assert frame["channel"].tolist() == ["phone"] * 3
    # They answer the call by phone, so from then on RightChanges itself suggests the phone.
    assert frame["proposed_channel"].tolist() == ["email", "phone", "phone"]
    assert frame["outcome"].tolist() == ["voicemail-left"] * 3
    assert frame["replied"].tolist() == [True] * 3
    assert frame["why"].tolist() == [
        "common/business-days-only: business days only; right-changes/no-monday-friday: never "
        "on a Monday or Friday; right-changes/not-next-to-holiday: never the business day "
        "before or after a holiday",
        "three-by-three/weekly-until-answer: not before Tue 2026-12-08: 7 days after the last "
        "contact",
        "three-by-three/weekly-until-answer: not before Tue 2026-12-15: 7 days after the last "
        "contact",
    ]
    assert frame.attrs == {"end": "horizon", "today": EXAMPLE_TODAY, "until": date(2026, 12, 15)}


def test_an_empty_plan_to_pandas_keeps_its_columns() -> None:
    pytest.importorskip("pandas")
    history = fr.History(
        [fr.Applied(date(2026, 11, 2)), fr.Withdrew(date(2026, 11, 3))], calendar=US
    )
    frame = fr.plan(history, date(2026, 11, 4)).to_pandas()
    assert frame.shape == (0, 8)
    assert str(frame["on"].dtype) == "datetime64[ns]"
    assert frame["proposed_channel"].isna().all()


def test_to_ics_reparses_to_the_same_days_as_all_day_events() -> None:
    icalendar = pytest.importorskip("icalendar")
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules=WEEKLY_CALLS)
    text = plan.to_ics()
    parsed = icalendar.Calendar.from_ical(text)
    events = list(parsed.walk("VEVENT"))
    starts = [event.decoded("dtstart") for event in events]
    assert starts == [date(2026, 11, 25), date(2026, 12, 2)]
    assert all(type(start) is date for start in starts)  # all-day: a date, not a datetime
    assert [event.decoded("dtend") for event in events] == [
        date(2026, 11, 26),
        date(2026, 12, 3),
    ]
    assert [str(event["summary"]) for event in events] == [
        "Status follow-up by phone (call-back+three-by-three)"
    ] * 2
    assert event_stamp(events[0]) == datetime(2026, 11, 25, tzinfo=UTC)
    description = str(events[0]["description"])
    assert description.startswith("Assumed outcome: voicemail-left.")
    assert str(parsed["x-wr-calname"]) == "Follow-ups: call-back+three-by-three"
    assert len({str(event["uid"]) for event in events}) == 2


def event_stamp(event: object) -> object:
    return event.decoded("dtstamp")  # type: ignore[attr-defined]


def _uids(text: str) -> list[str]:
    return [line.split(":", 1)[1] for line in text.splitlines() if line.startswith("UID:")]


def test_to_ics_uids_are_stable_and_depend_on_rule_set_day_and_purpose() -> None:
    pytest.importorskip("icalendar")
    first = fr.plan(example_history(), EXAMPLE_TODAY, rules=WEEKLY_CALLS).to_ics()
    again = fr.plan(example_history(), EXAMPLE_TODAY, rules=WEEKLY_CALLS).to_ics()
    assert first == again
    assert len(_uids(first)) == 2
    assert all(uid.endswith("@followup-rules") for uid in _uids(first))
    # The 3x3 method alone also calls on those two Wednesdays: same days and purpose, other
    # rule set.
    other = fr.plan(example_history(), EXAMPLE_TODAY, rules="three-by-three").to_ics()
    assert not set(_uids(first)) & set(_uids(other))
    # Planned from Wednesday 2 December, the call of that day keeps its UID.
    later = fr.plan(
        example_history(), date(2026, 12, 2), rules=WEEKLY_CALLS, until=date(2026, 12, 2)
    ).to_ics()
    assert _uids(later) == _uids(first)[1:]


def test_to_ics_for_an_application_names_it_and_keeps_its_uids_apart() -> None:
    icalendar = pytest.importorskip("icalendar")
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules=WEEKLY_CALLS)
    text = plan.to_ics(application="acme")
    events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
    assert str(events[0]["summary"]) == "acme: Status follow-up by phone (call-back+three-by-three)"
    assert len(_uids(text)) == 2
    assert not set(_uids(text)) & set(_uids(plan.to_ics()))
    assert _uids(text) == _uids(plan.to_ics(application="acme"))


def test_to_ics_describes_the_reply_and_the_reasons() -> None:
    icalendar = pytest.importorskip("icalendar")
    plan = fr.plan(promised_after_their_reply(), EXAMPLE_TODAY, rules="right-changes", replies=True)
    (event,) = icalendar.Calendar.from_ical(plan.to_ics()).walk("VEVENT")
    assert str(event["description"]).splitlines() == [
        "Assumed outcome: sent.",
        "Assumed: they reply the same day, without a definite answer.",
        *(f"Why: {reason}" for reason in plan.contacts[0].reasons),
    ]
    assert str(event["summary"]) == "Status follow-up by email (right-changes)"


def test_an_empty_plan_is_an_empty_calendar() -> None:
    icalendar = pytest.importorskip("icalendar")
    history = fr.History(
        [fr.Applied(date(2026, 11, 2)), fr.Withdrew(date(2026, 11, 3))], calendar=US
    )
    calendar = icalendar.Calendar.from_ical(fr.plan(history, date(2026, 11, 4)).to_ics())
    assert list(calendar.walk("VEVENT")) == []


@pytest.mark.parametrize(
    ("module", "call", "match"),
    [
        ("pandas", lambda plan: plan.to_pandas(), r"Plan\.to_pandas\(\) needs pandas.*\[pandas\]"),
        ("icalendar", lambda plan: plan.to_ics(), r"Plan\.to_ics\(\) needs icalendar.*\[ics\]"),
    ],
)
def test_exports_without_their_library_name_the_extra(
    monkeypatch: pytest.MonkeyPatch, module: str, call: Callable[[fr.Plan], object], match: str
) -> None:
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules=WEEKLY_CALLS)
    monkeypatch.setitem(sys.modules, module, None)
    with pytest.raises(MissingExtraError, match=match):
        call(plan)


# Bad arguments


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"until": datetime(2026, 12, 1, tzinfo=UTC)}, r"until=datetime\.datetime\(2026, 12, 1"),
        ({"until": "2026-12-01"}, r"until='2026-12-01': expected a datetime\.date or None"),
        ({"until": date(2026, 11, 24)}, r"until=2026-11-24 is before today \(2026-11-25\)"),
        ({"channel": "phone"}, r"channel='phone': expected one of Channel\.PHONE"),
        ({"channel": None}, r"channel=None: expected one of"),
        ({"replies": "yes"}, r"replies='yes': expected True or False"),
    ],
)
def test_bad_plan_arguments_are_refused(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(fr.InvalidArgumentError, match=match):
        fr.plan(example_history(), EXAMPLE_TODAY, **kwargs)  # type: ignore[arg-type]


def test_until_today_plans_only_today() -> None:
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules=WEEKLY_CALLS, until=EXAMPLE_TODAY)
    assert plan.days == (date(2026, 11, 25),)
    assert plan.end is PlanEnd.HORIZON
    assert plan.ending.next_date == EXAMPLE_TODAY + timedelta(weeks=1)


@pytest.mark.parametrize("application", ["", 7])
def test_a_bad_application_label_is_refused(application: object) -> None:
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules=WEEKLY_CALLS)
    with pytest.raises(fr.InvalidArgumentError, match=r"application=.*non-empty string or None"):
        plan.to_ics(application=application)  # type: ignore[arg-type]


# Spacing: no plan follows up again within a week unless one of its rules said so.

WEEK = timedelta(days=7)
FOLLOW_UPS = frozenset({fr.Purpose.STATUS, fr.Purpose.ASK_WHETHER_TO_CONTINUE})
APPLIED, INTERVIEWED = date(2026, 11, 2), date(2026, 11, 10)
GRID: dict[str, list[fr.Event]] = {
    "application only": [fr.Applied(APPLIED)],
    "job interview": [fr.Applied(APPLIED), fr.Interview(INTERVIEWED, kind=fr.InterviewKind.JOB)],
    "interview with a deadline": [
        fr.Applied(APPLIED),
        fr.Interview(INTERVIEWED, kind=fr.InterviewKind.JOB),
        fr.DecisionExpected(INTERVIEWED, by=date(2026, 11, 13)),
    ],
    "informational meeting": [fr.Interview(INTERVIEWED, kind=fr.InterviewKind.INFORMATIONAL)],
}
"""Small histories that reach each rule set's timing rules: read on their last day, planned
over Thanksgiving and Christmas."""
ASSUMED = [None, *(o for o in fr.Outcome if o is not fr.Outcome.NO_ANSWER)]
GRID_UNTIL = date(2027, 1, 15)


def short_gaps(
    history: fr.History, plan: fr.Plan, rules: fr.RuleSet | fr.Composition | None
) -> list[tuple[date, date, tuple[fr.RuleRef, ...]]]:
    """Follow-ups of ``plan`` less than a week after the one before, each with the rules that
    set its day: the time-setting rules of the decision that proposed it that decided its day.

    Each contact is proposed on the day of the contact before it (or on ``plan.today``), from
    the history with every earlier planned contact logged.
    """
    events = list(history.events)
    decided_on, previous = plan.today, None
    gaps = []
    for contact in plan.contacts:
        if contact.purpose in FOLLOW_UPS:
            if previous is not None and contact.on - previous < WEEK:
                decision = fr.evaluate(
                    fr.History(events, calendar=history.calendar), decided_on, rules=rules
                )
                setters = tuple(
                    r.ref for r in decision.reasons if r.binding and r.ref in decision.timed_by
                )
                gaps.append((previous, contact.on, setters))
            previous = contact.on
        events.append(
            fr.FollowUp(
                contact.on,
                channel=contact.channel,
                outcome=contact.outcome,
                purpose=contact.purpose,
            )
        )
        decided_on = contact.on
    return gaps


@pytest.mark.parametrize("rules", [*fr.rulesets.names(), None])
@pytest.mark.parametrize("situation", list(GRID))
def test_no_plan_follows_up_within_a_week_unless_a_rule_times_it(
    situation: str, rules: str | None
) -> None:
    history = fr.History(GRID[situation], calendar=US)
    today = history.events[-1].on
    assert isinstance(today, date)
    ruleset = fr.rulesets.resolve(rules)
    for assume in ASSUMED:
        plan = fr.plan(history, today, rules=ruleset, assume=assume, until=GRID_UNTIL)
        untimed = [gap for gap in short_gaps(history, plan, ruleset) if not gap[2]]
        assert untimed == [], f"{plan.ruleset}, assume={assume}:\n{plan}"


def test_a_rule_that_sets_a_shorter_spacing_is_named_by_the_check() -> None:
    # A coach of one's own who calls every three days after an interview: the spacing is short,
    # and that coach's own cadence set it.
    every_three_days = fr.RuleSet(
        "every-three-days",
        [
            Cadence(
                "every-three-days",
                stage=fr.Stage.POST_INTERVIEW,
                days=3,
                citation=fr.Citation(fr.Source("My coach", "me"), "our first session"),
            )
        ],
    )
    history = fr.History(GRID["job interview"], calendar=US)
    plan = fr.plan(history, INTERVIEWED, rules=every_three_days, until=date(2026, 11, 19))
    cadence = (fr.RuleRef("every-three-days", "every-three-days"),)
    assert short_gaps(history, plan, every_three_days) == [
        (date(2026, 11, 13), date(2026, 11, 16), cadence),
        (date(2026, 11, 16), date(2026, 11, 19), cadence),
    ]


def test_a_contact_logs_its_follow_up_and_the_reply_it_assumed() -> None:
    plan = _answered(
        "right-changes+three-by-three", fr.Outcome.VOICEMAIL_LEFT, until=date(2026, 12, 1)
    )
    (contact,) = plan.contacts
    assert contact.events() == [
        fr.FollowUp(
            date(2026, 12, 1),
            channel=fr.Channel.PHONE,
            outcome=fr.Outcome.VOICEMAIL_LEFT,
            purpose=contact.purpose,
        ),
        fr.Reply(date(2026, 12, 1), channel=fr.Channel.PHONE),
    ]
