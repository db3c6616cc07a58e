"""Plans: the contacts a rule set would make if nobody answered, and what-ifs."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest

import followup_rules as fr
from followup_rules.errors import MissingExtraError
from followup_rules.examples import EXAMPLE_TODAY, example_history
from followup_rules.plan import MAX_PLANNED_CONTACTS, PlanEnd

US = fr.WorkCalendar("US")


def test_call_back_stops_after_two_unanswered_voicemails() -> None:
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules="call-back")
    # Wed 11-25 is allowed; the next day is Thanksgiving, then Friday.
    assert plan.days == (date(2026, 11, 25), date(2026, 11, 27))
    assert [c.outcome for c in plan.contacts] == [fr.Outcome.VOICEMAIL_LEFT] * 2
    assert plan.ending.action is fr.Action.STOP
    assert plan.end is PlanEnd.STOP
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
    # The last call falls on `until` itself; what follows is the Tuesday after the weekend and
    # the Monday call-back never calls on.
    assert plan.end is PlanEnd.HORIZON
    assert plan.ending.next_date == date(2026, 12, 8)
    assert str(plan).splitlines()[-1] == (
        "then the next contact falls on Tue 2026-12-08, after Fri 2026-12-04"
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


def test_a_plan_of_a_finished_application_is_empty() -> None:
    history = fr.History(
        [fr.Applied(date(2026, 11, 2)), fr.Withdrew(date(2026, 11, 3))], calendar=US
    )
    plan = fr.plan(history, date(2026, 11, 4))
    assert plan.contacts == ()
    assert plan.ending.action is fr.Action.DONE
    assert plan.end is PlanEnd.DONE
    assert str(plan) == "no contact\nthen DONE"


def test_a_plan_is_bounded_by_its_contact_limit() -> None:
    history = fr.History([fr.Applied(date(2026, 1, 5))], calendar=US)
    plan = fr.plan(history, date(2026, 1, 5), rules="right-changes", until=date(2027, 12, 31))
    assert len(plan.contacts) == MAX_PLANNED_CONTACTS
    assert plan.end is PlanEnd.CONTACT_LIMIT
    following = plan.ending.next_date
    assert following is not None
    assert plan.days[-1] < following <= date(2027, 12, 31)
    assert str(plan).splitlines()[-1] == (
        f"then the plan stops at its limit of 100 contacts; the next would fall on "
        f"{following:%a} {following.isoformat()}"
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
    # RightChanges writes by email, the way they replied on Wednesday 18 November; Tuesday to
    # Thursday of the week after Thanksgiving are its days.
    plan = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules="right-changes",
        assume=fr.Outcome.VOICEMAIL_LEFT,
        until=date(2026, 12, 3),
    )
    assert plan.days == (date(2026, 12, 1), date(2026, 12, 2), date(2026, 12, 3))
    assert {(c.channel, c.proposed, c.outcome) for c in plan.contacts} == {
        (fr.Channel.PHONE, fr.Channel.EMAIL, fr.Outcome.VOICEMAIL_LEFT)
    }
    assert str(plan.contacts[0]) == (
        "Tue 2026-12-01: status by phone (the rules suggest email), assumed voicemail-left"
    )


def test_something_sent_goes_by_email_unless_the_fallback_is_mail() -> None:
    # Call-back calls; an email or a letter leaves no message, so it never stops.
    emailed = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules="call-back",
        assume=fr.Outcome.SENT,
        until=date(2026, 12, 1),
    )
    assert emailed.days == (date(2026, 11, 25), date(2026, 11, 27), date(2026, 12, 1))
    assert {c.channel for c in emailed.contacts} == {fr.Channel.EMAIL}
    assert {c.proposed for c in emailed.contacts} == {fr.Channel.PHONE}
    mailed = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules="call-back",
        assume=fr.Outcome.SENT,
        until=date(2026, 12, 1),
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
        example_history(),
        EXAMPLE_TODAY,
        rules="right-changes",
        assume=assume,
        until=date(2026, 12, 1),
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
        example_history(),
        EXAMPLE_TODAY,
        rules="right-changes",
        assume=fr.Outcome.MESSAGE_WITH_PERSON,
        until=date(2026, 12, 1),
        channel=fr.Channel.IN_PERSON,
    )
    assert str(plan.contacts[0]) == (
        "Tue 2026-12-01: status in person (the rules suggest email), assumed message-with-person"
    )


def test_where_the_rules_name_no_channel_the_fallback_is_reported() -> None:
    # The Five Rules name no channel: a week after the voicemail of Tuesday 17 November is
    # Tuesday 24 November, so today, then every Wednesday.
    by_phone = fr.plan(
        example_history(), EXAMPLE_TODAY, rules="five-rules", until=date(2026, 12, 9)
    )
    assert by_phone.days == (date(2026, 11, 25), date(2026, 12, 2), date(2026, 12, 9))
    assert {(c.channel, c.proposed, c.outcome) for c in by_phone.contacts} == {
        (fr.Channel.PHONE, None, fr.Outcome.VOICEMAIL_LEFT)
    }
    visits = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules="five-rules",
        until=date(2026, 12, 9),
        channel=fr.Channel.IN_PERSON,
    )
    assert {(c.channel, c.outcome) for c in visits.contacts} == {
        (fr.Channel.IN_PERSON, fr.Outcome.MESSAGE_WITH_PERSON)
    }


# (c) No message left to spend: the plan ends rather than leave another.


def test_career_staffing_leaves_its_one_message_then_the_plan_ends() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    plan = fr.plan(
        history, date(2026, 11, 2), rules="career-staffing", assume=fr.Outcome.VOICEMAIL_LEFT
    )
    # A week after Monday 2 November is Monday 9 November; the next day would leave a second.
    assert plan.days == (date(2026, 11, 9),)
    assert plan.end is PlanEnd.NO_MESSAGE_LEFT
    assert (plan.ending.next_date, plan.ending.messages_left) == (date(2026, 11, 10), 0)
    assert str(plan).splitlines()[-1] == (
        "then the plan ends: the contact of Tue 2026-11-10 would leave a message "
        "(voicemail-left), and the rules allow no more, so they say to hang up instead"
    )


@pytest.mark.parametrize("assume", [None, fr.Outcome.VOICEMAIL_LEFT])
def test_a_spent_message_ends_the_plan_before_its_first_contact(
    assume: fr.Outcome | None,
) -> None:
    # The voicemail of Tuesday 17 November spent Career Staffing's one message.
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules="career-staffing", assume=assume)
    assert plan.contacts == ()
    assert plan.end is PlanEnd.NO_MESSAGE_LEFT
    assert plan.ending.next_date == date(2026, 11, 25)


def test_a_message_with_a_person_is_a_message_too() -> None:
    plan = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules="career-staffing",
        channel=fr.Channel.IN_PERSON,
        assume=fr.Outcome.MESSAGE_WITH_PERSON,
    )
    assert (plan.contacts, plan.end) == ((), PlanEnd.NO_MESSAGE_LEFT)
    assert "(message-with-person)" in str(plan)


def test_calls_that_reach_them_spend_no_message() -> None:
    plan = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules="career-staffing",
        assume=fr.Outcome.REACHED,
        until=date(2026, 12, 11),
    )
    # The call of Wednesday 25 November spends the one call; two weeks of silence free the
    # calls from Wednesday 9 December, then one a business day.
    assert plan.days == (
        date(2026, 11, 25),
        date(2026, 12, 9),
        date(2026, 12, 10),
        date(2026, 12, 11),
    )
    assert plan.end is PlanEnd.HORIZON


# The reply what-if: each contact is answered the same day, without a definite answer.


def test_a_reply_restarts_career_staffings_two_weeks_of_silence() -> None:
    plan = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules="career-staffing",
        assume=fr.Outcome.REACHED,
        replies=True,
        until=date(2027, 1, 6),
    )
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
    silent = fr.plan(example_history(), EXAMPLE_TODAY, rules="call-back", until=date(2026, 12, 4))
    answered = fr.plan(
        example_history(), EXAMPLE_TODAY, rules="call-back", until=date(2026, 12, 4), replies=True
    )
    assert silent.end is PlanEnd.STOP
    # Every business day but Thanksgiving and the Monday, up to Friday 4 December.
    assert answered.days == (
        date(2026, 11, 25),
        date(2026, 11, 27),
        date(2026, 12, 1),
        date(2026, 12, 2),
        date(2026, 12, 3),
        date(2026, 12, 4),
    )
    assert answered.end is PlanEnd.HORIZON


# to_pandas, to_ics


def test_plan_to_pandas_has_one_typed_row_per_contact() -> None:
    pd = pytest.importorskip("pandas")
    plan = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules="right-changes",
        assume=fr.Outcome.VOICEMAIL_LEFT,
        replies=True,
        until=date(2026, 12, 3),
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
    assert frame["on"].tolist() == [
        pd.Timestamp("2026-12-01"),
        pd.Timestamp("2026-12-02"),
        pd.Timestamp("2026-12-03"),
    ]
    assert frame["channel"].tolist() == ["phone"] * 3
    # They answer the call by phone, so from then on RightChanges itself suggests the phone.
    assert frame["proposed_channel"].tolist() == ["email", "phone", "phone"]
    assert frame["outcome"].tolist() == ["voicemail-left"] * 3
    assert frame["replied"].tolist() == [True] * 3
    assert frame["why"][0] == (
        "common/business-days-only, right-changes/no-monday-friday, "
        "right-changes/not-next-to-holiday"
    )
    assert frame.attrs == {"end": "horizon", "today": EXAMPLE_TODAY, "until": date(2026, 12, 3)}


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
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules="call-back")
    text = plan.to_ics()
    parsed = icalendar.Calendar.from_ical(text)
    events = list(parsed.walk("VEVENT"))
    starts = [event.decoded("dtstart") for event in events]
    assert starts == [date(2026, 11, 25), date(2026, 11, 27)]
    assert all(type(start) is date for start in starts)  # all-day: a date, not a datetime
    assert [event.decoded("dtend") for event in events] == [
        date(2026, 11, 26),
        date(2026, 11, 28),
    ]
    assert [str(event["summary"]) for event in events] == [
        "Status follow-up by phone (call-back)"
    ] * 2
    assert event_stamp(events[0]) == datetime(2026, 11, 25, tzinfo=UTC)
    description = str(events[0]["description"])
    assert description.startswith("Assumed outcome: voicemail-left.")
    assert str(parsed["x-wr-calname"]) == "Follow-ups: call-back"
    assert len({str(event["uid"]) for event in events}) == 2


def event_stamp(event: object) -> object:
    return event.decoded("dtstamp")  # type: ignore[attr-defined]


def _uids(text: str) -> list[str]:
    return [line.split(":", 1)[1] for line in text.splitlines() if line.startswith("UID:")]


def test_to_ics_uids_are_stable_and_depend_on_rule_set_day_and_purpose() -> None:
    pytest.importorskip("icalendar")
    first = fr.plan(example_history(), EXAMPLE_TODAY, rules="call-back").to_ics()
    again = fr.plan(example_history(), EXAMPLE_TODAY, rules="call-back").to_ics()
    assert first == again
    assert all(uid.endswith("@followup-rules") for uid in _uids(first))
    # The 3x3 method also calls on Wednesday 25 November: same day and purpose, other rule set.
    other = fr.plan(example_history(), EXAMPLE_TODAY, rules="three-by-three").to_ics()
    assert not set(_uids(first)) & set(_uids(other))
    # Planned from a day later, call-back's Friday call keeps its UID.
    later = fr.plan(
        example_history(), date(2026, 11, 27), rules="call-back", until=date(2026, 11, 27)
    ).to_ics()
    assert _uids(later) == _uids(first)[1:]


def test_to_ics_for_an_application_names_it_and_keeps_its_uids_apart() -> None:
    icalendar = pytest.importorskip("icalendar")
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules="call-back")
    text = plan.to_ics(application="acme")
    events = list(icalendar.Calendar.from_ical(text).walk("VEVENT"))
    assert str(events[0]["summary"]) == "acme: Status follow-up by phone (call-back)"
    assert not set(_uids(text)) & set(_uids(plan.to_ics()))
    assert _uids(text) == _uids(plan.to_ics(application="acme"))


def test_to_ics_describes_the_reply_and_the_reasons() -> None:
    icalendar = pytest.importorskip("icalendar")
    plan = fr.plan(
        example_history(),
        EXAMPLE_TODAY,
        rules="right-changes",
        replies=True,
        until=date(2026, 12, 1),
    )
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
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules="call-back")
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
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules="call-back", until=EXAMPLE_TODAY)
    assert plan.days == (date(2026, 11, 25),)
    assert plan.ending.next_date == EXAMPLE_TODAY + timedelta(days=2)  # past Thanksgiving


@pytest.mark.parametrize("application", ["", 7])
def test_a_bad_application_label_is_refused(application: object) -> None:
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules="call-back")
    with pytest.raises(fr.InvalidArgumentError, match=r"application=.*non-empty string or None"):
        plan.to_ics(application=application)  # type: ignore[arg-type]
