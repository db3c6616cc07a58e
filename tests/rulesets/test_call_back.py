"""`call-back`: the day after their deadline (else a week), never a Monday, two messages at most.

Every date is worked out by hand on the US calendar of 2026: Veterans Day Wed 11-11,
Thanksgiving Thu 11-26, Christmas Fri 12-25, New Year Fri 2027-01-01, Independence Day observed
Fri 07-03, Labor Day Mon 09-07, Columbus Day Mon 10-12, Juneteenth Fri 06-19.

Readings v2: the article speaks of after an interview only, so before one the rule set is
silent; their date or the default week times the first call, and after it no time is set.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

import pytest

import followup_rules as fr
from conformance import (
    RuleSetConformance,
    applied,
    binding_refs,
    call,
    day,
    decide,
    email,
    expects,
    history,
    interview,
    message_with_person,
    no_answer,
    note_refs,
    notes,
    reason_refs,
    reply,
    skipped,
    thank_you,
    voicemail,
)

NAME = "call-back"
BUSINESS = "common/business-days-only"
ONE_A_DAY = "common/one-contact-a-day"
ASK = f"{NAME}/ask-for-timeline"
DEADLINE = f"{NAME}/day-after-deadline"
WEEK = f"{NAME}/default-one-week"
MONDAY = f"{NAME}/no-monday"
TWO = f"{NAME}/two-messages-max"
SCRIPT = f"{NAME}/script-first"
GATEKEEPER = f"{NAME}/little-detail-to-gatekeepers"
PROFESSIONAL = f"{NAME}/stay-professional"
ALWAYS = {SCRIPT, GATEKEEPER, PROFESSIONAL}
SOURCE = fr.rulesets.get(NAME).source


class TestConformance(RuleSetConformance):
    ruleset = fr.rulesets.get(NAME)


def cb(events: Iterable[fr.Event], today: str) -> fr.Decision:
    """The decision of this rule set alone (with the common rules)."""
    decision: fr.Decision = decide(events, today, NAME)
    return decision


def message(
    on: str,
    *,
    channel: fr.Channel = fr.Channel.PHONE,
    outcome: fr.Outcome = fr.Outcome.VOICEMAIL_LEFT,
    purpose: fr.Purpose = fr.Purpose.STATUS,
) -> fr.FollowUp:
    return fr.FollowUp(day(on), channel=channel, outcome=outcome, purpose=purpose)


def timed_by(decision: fr.Decision) -> list[str]:
    """The rules that set the time of the next contact, as ``ruleset/rule``."""
    return [str(ref) for ref in decision.timed_by]


UNTIMED = (
    "  no time set: call-back gives no time for the next contact; this is only the first day "
    "allowed"
)
"""The line a decision of this rule set shows once its first call is made."""


# -- day-after-deadline and no-monday: the rules.md worked example ----------------------------

THREE_DAYS = (interview("2026-11-03"), expects("2026-11-03", "2026-11-06"))
"""Interviewed Tue 11-03; they will decide in three days, by Fri 11-06."""


@pytest.mark.rule(DEADLINE)
@pytest.mark.rule(MONDAY)
def test_three_days_from_tuesday_means_the_next_tuesday() -> None:
    d = cb(THREE_DAYS, "2026-11-03")
    # Day four is Sat 11-07; the weekend goes to the business-day rule, Mon 11-09 to no-monday.
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-10"))
    assert d.purpose is fr.Purpose.STATUS
    assert d.channel is fr.Channel.PHONE
    assert d.time_of_day is None
    assert (d.follow_ups_left, d.messages_left) == (None, 2)
    assert skipped(d) == {
        day("2026-11-07"): {BUSINESS},
        day("2026-11-08"): {BUSINESS},
        day("2026-11-09"): {MONDAY},
    }
    assert binding_refs(d) == {DEADLINE, BUSINESS, MONDAY}
    assert timed_by(d) == [DEADLINE]
    assert WEEK not in reason_refs(d)
    assert d.conflicts == ()
    assert d.window_end is None


@pytest.mark.rule(DEADLINE)
@pytest.mark.rule(MONDAY)
def test_on_the_saturday_after_a_friday_deadline_it_is_still_tuesday() -> None:
    d = cb(THREE_DAYS, "2026-11-07")
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-10"))
    # Today is past the deadline's day: only the skipped days hold the call back.
    assert binding_refs(d) == {BUSINESS, MONDAY}
    assert timed_by(d) == [DEADLINE]  # their date still times this first call


@pytest.mark.rule(DEADLINE)
def test_the_tuesday_after_a_friday_deadline_is_a_follow_up_day() -> None:
    d = cb(THREE_DAYS, "2026-11-10")
    assert (d.action, d.next_date) == (fr.Action.FOLLOW_UP, day("2026-11-10"))
    assert d.skipped == ()
    assert binding_refs(d) == set()
    assert timed_by(d) == [DEADLINE]


@pytest.mark.rule(DEADLINE)
@pytest.mark.rule(MONDAY)
@pytest.mark.parametrize(
    ("interviewed", "friday", "tuesday"),
    [
        ("2026-11-10", "2026-11-13", "2026-11-17"),
        # The Friday after Thanksgiving is a working day in the US: still Tuesday.
        ("2026-11-23", "2026-11-27", "2026-12-01"),
        # They named Christmas Day itself.
        ("2026-12-21", "2026-12-25", "2026-12-29"),
        # They named Juneteenth (Fri 06-19).
        ("2026-06-16", "2026-06-19", "2026-06-23"),
    ],
    ids=["plain-friday", "after-thanksgiving", "christmas", "juneteenth"],
)
def test_a_friday_deadline_means_tuesday(interviewed: str, friday: str, tuesday: str) -> None:
    # The article's own case: a decision promised on Friday, so wait until Tuesday.
    d = cb([interview(interviewed), expects(interviewed, friday)], interviewed)
    assert day(friday).weekday() == 4
    assert (d.action, d.next_date) == (fr.Action.WAIT, day(tuesday))
    saturday, sunday, monday = (day(friday) + timedelta(days=n) for n in (1, 2, 3))
    assert skipped(d) == {saturday: {BUSINESS}, sunday: {BUSINESS}, monday: {MONDAY}}
    assert timed_by(d) == [DEADLINE]


@pytest.mark.rule(DEADLINE)
@pytest.mark.parametrize(
    ("today", "action"),
    [("2026-11-05", fr.Action.WAIT), ("2026-11-06", fr.Action.FOLLOW_UP)],
    ids=["on-the-deadline", "the-day-after"],
)
def test_never_on_the_day_they_named_only_the_day_after(today: str, action: fr.Action) -> None:
    # Interviewed Tue 11-03, a decision promised by Thu 11-05: call on Fri 11-06.
    events: list[fr.Event] = [interview("2026-11-03"), expects("2026-11-03", "2026-11-05")]
    d = cb(events, today)
    assert (d.action, d.next_date) == (action, day("2026-11-06"))
    if action is fr.Action.WAIT:
        assert binding_refs(d) == {DEADLINE}


@pytest.mark.rule(DEADLINE)
def test_a_timeline_shorter_than_a_week_replaces_the_default_week() -> None:
    # Decision by Wed 11-04: the call is Thu 11-05, well before interview + 7.
    d = cb([interview("2026-11-03"), expects("2026-11-03", "2026-11-04")], "2026-11-03")
    assert d.next_date == day("2026-11-05")
    assert binding_refs(d) == {DEADLINE}
    assert WEEK not in reason_refs(d)


@pytest.mark.rule(DEADLINE)
@pytest.mark.rule(MONDAY)
def test_a_timeline_longer_than_a_week_is_waited_out() -> None:
    # Decision by Fri 11-20: Sat, Sun, then Mon 11-23 is a Monday → Tue 11-24.
    d = cb([interview("2026-11-03"), expects("2026-11-03", "2026-11-20")], "2026-11-10")
    assert d.next_date == day("2026-11-24")
    assert skipped(d) == {
        day("2026-11-21"): {BUSINESS},
        day("2026-11-22"): {BUSINESS},
        day("2026-11-23"): {MONDAY},
    }


@pytest.mark.rule(DEADLINE)
def test_a_deadline_on_the_eve_of_veterans_day_moves_past_the_holiday() -> None:
    # Decision by Tue 11-10: Wed 11-11 is Veterans Day → Thu 11-12.
    d = cb([interview("2026-11-03"), expects("2026-11-03", "2026-11-10")], "2026-11-04")
    assert d.next_date == day("2026-11-12")
    assert skipped(d) == {day("2026-11-11"): {BUSINESS}}


@pytest.mark.rule(DEADLINE)
@pytest.mark.rule(MONDAY)
def test_a_deadline_named_on_a_sunday_still_skips_monday() -> None:
    # Decision "by Sunday" 11-08: day after is Mon 11-09 → Tue 11-10.
    d = cb([interview("2026-11-03"), expects("2026-11-03", "2026-11-08")], "2026-11-03")
    assert d.next_date == day("2026-11-10")
    assert skipped(d) == {day("2026-11-09"): {MONDAY}}
    assert binding_refs(d) == {DEADLINE, MONDAY}


@pytest.mark.rule(DEADLINE)
@pytest.mark.rule(MONDAY)
@pytest.mark.parametrize(
    ("interviewed", "by", "expected", "passed_over"),
    [
        # Labor Day Mon 09-07 is ruled out twice: a holiday and a Monday.
        (
            "2026-09-01",
            "2026-09-04",
            "2026-09-08",
            {
                "2026-09-05": {BUSINESS},
                "2026-09-06": {BUSINESS},
                "2026-09-07": {BUSINESS, MONDAY},
            },
        ),
        # Independence Day observed Fri 07-03, weekend, Mon 07-06.
        (
            "2026-06-30",
            "2026-07-02",
            "2026-07-07",
            {
                "2026-07-03": {BUSINESS},
                "2026-07-04": {BUSINESS},
                "2026-07-05": {BUSINESS},
                "2026-07-06": {MONDAY},
            },
        ),
        # New Year Fri 2027-01-01, weekend, Mon 01-04.
        (
            "2026-12-28",
            "2026-12-31",
            "2027-01-05",
            {
                "2027-01-01": {BUSINESS},
                "2027-01-02": {BUSINESS},
                "2027-01-03": {BUSINESS},
                "2027-01-04": {MONDAY},
            },
        ),
    ],
    ids=["labor-day", "independence-day", "new-year"],
)
def test_a_thursday_or_friday_deadline_before_a_holiday(
    interviewed: str, by: str, expected: str, passed_over: dict[str, set[str]]
) -> None:
    d = cb([interview(interviewed), expects(interviewed, by)], interviewed)
    assert (d.action, d.next_date) == (fr.Action.WAIT, day(expected))
    assert skipped(d) == {day(k): v for k, v in passed_over.items()}
    assert binding_refs(d) == {DEADLINE, BUSINESS, MONDAY}


@pytest.mark.rule(DEADLINE)
@pytest.mark.rule(MONDAY)
def test_a_new_date_named_on_the_call_delays_the_next_one() -> None:
    # No timeline at the interview; reached on Tue 11-10 they say Fri 11-13 → Tue 11-17.
    events: list[fr.Event] = [
        interview("2026-11-03"),
        call("2026-11-10"),
        expects("2026-11-10", "2026-11-13"),
    ]
    d = cb(events, "2026-11-10")
    assert d.next_date == day("2026-11-17")
    assert skipped(d) == {
        day("2026-11-14"): {BUSINESS},
        day("2026-11-15"): {BUSINESS},
        day("2026-11-16"): {MONDAY},
    }
    assert binding_refs(d) == {DEADLINE, BUSINESS, MONDAY}
    assert timed_by(d) == [DEADLINE]  # a new date after the call times the next one
    assert d.channel is fr.Channel.PHONE


@pytest.mark.rule(DEADLINE)
@pytest.mark.rule(TWO)
def test_once_called_after_their_date_no_time_is_set() -> None:
    # Reached on Tue 11-10, the day the Friday deadline allowed: the article names no interval
    # before calling again. Wed 11-11 is Veterans Day, so Thu 11-12 is only the first day allowed.
    d = cb([*THREE_DAYS, call("2026-11-10")], "2026-11-10")
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-12"))
    assert not d.timed
    assert d.untimed_parts == (NAME,)
    assert d.why_untimed() == "call-back gives no time for the next contact"
    assert binding_refs(d) == {ONE_A_DAY, BUSINESS}
    assert DEADLINE in reason_refs(d)  # it still rules out the days before Sat 11-07
    assert str(d).splitlines()[:2] == ["WAIT until Thu 2026-11-12: status by phone", UNTIMED]


# -- no-monday on its own ------------------------------------------------------------------


@pytest.mark.rule(MONDAY)
def test_a_monday_that_would_otherwise_be_free_is_passed_over() -> None:
    # One voicemail on Tue 11-10, nothing else holds the next call back; read on Mon 11-16.
    d = cb([interview("2026-11-03"), voicemail("2026-11-10")], "2026-11-16")
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-17"))
    assert skipped(d) == {day("2026-11-16"): {MONDAY}}
    assert binding_refs(d) == {MONDAY}
    assert not d.timed  # after the first call: the first day allowed, not a day asked for


@pytest.mark.rule(MONDAY)
def test_the_day_before_a_monday_is_not_affected() -> None:
    # The Friday before: Fri 11-13 is free.
    d = cb([interview("2026-11-03"), voicemail("2026-11-10")], "2026-11-13")
    assert (d.action, d.next_date) == (fr.Action.FOLLOW_UP, day("2026-11-13"))
    assert skipped(d) == {}


# -- default-one-week and ask-for-timeline -------------------------------------------------


@pytest.mark.rule(WEEK)
@pytest.mark.rule(ASK)
def test_no_timeline_means_one_week_after_the_interview() -> None:
    d = cb([interview("2026-11-03")], "2026-11-03")
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-10"))
    assert d.purpose is fr.Purpose.STATUS
    assert d.channel is fr.Channel.PHONE
    assert (d.follow_ups_left, d.messages_left) == (None, 2)
    assert binding_refs(d) == {WEEK}
    assert timed_by(d) == [WEEK]
    assert d.skipped == ()
    assert note_refs(d) == {ASK} | ALWAYS
    (ask,) = notes(d, ASK)
    assert "decide" in ask.text


@pytest.mark.rule(WEEK)
@pytest.mark.parametrize(
    ("today", "action"),
    [("2026-11-09", fr.Action.WAIT), ("2026-11-10", fr.Action.FOLLOW_UP)],
    ids=["day-six", "day-seven"],
)
def test_the_week_opens_on_interview_plus_seven(today: str, action: fr.Action) -> None:
    d = cb([interview("2026-11-03")], today)
    assert (d.action, d.next_date) == (action, day("2026-11-10"))
    assert binding_refs(d) == ({WEEK} if action is fr.Action.WAIT else set())


@pytest.mark.rule(WEEK)
@pytest.mark.rule(MONDAY)
def test_a_monday_interview_is_followed_up_on_the_tuesday_a_week_later() -> None:
    d = cb([interview("2026-11-02")], "2026-11-02")
    assert d.next_date == day("2026-11-10")
    assert skipped(d) == {day("2026-11-09"): {MONDAY}}
    assert binding_refs(d) == {WEEK, MONDAY}


@pytest.mark.rule(WEEK)
@pytest.mark.parametrize(
    ("interviewed", "expected", "passed_over"),
    [
        ("2026-11-04", "2026-11-12", {"2026-11-11": {BUSINESS}}),
        ("2026-11-19", "2026-11-27", {"2026-11-26": {BUSINESS}}),
        ("2026-10-05", "2026-10-13", {"2026-10-12": {BUSINESS, MONDAY}}),
        (
            "2026-12-18",
            "2026-12-29",
            {
                "2026-12-25": {BUSINESS},
                "2026-12-26": {BUSINESS},
                "2026-12-27": {BUSINESS},
                "2026-12-28": {MONDAY},
            },
        ),
    ],
    ids=["veterans-day", "thanksgiving", "columbus-day", "christmas"],
)
def test_a_week_that_lands_on_a_holiday(
    interviewed: str, expected: str, passed_over: dict[str, set[str]]
) -> None:
    d = cb([interview(interviewed)], interviewed)
    assert d.next_date == day(expected)
    assert skipped(d) == {day(k): v for k, v in passed_over.items()}
    assert WEEK in binding_refs(d)


@pytest.mark.rule(WEEK)
def test_a_thank_you_leaves_the_week_in_place() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), thank_you("2026-11-04")]
    d = cb(events, "2026-11-05")
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-10"))
    assert binding_refs(d) == {WEEK}
    assert timed_by(d) == [WEEK]  # a thank-you is not the first call: the week still times it
    assert d.messages_left == 2


@pytest.mark.rule(WEEK)
def test_an_early_call_does_not_open_the_week_early() -> None:
    d = cb([interview("2026-11-03"), voicemail("2026-11-05")], "2026-11-06")
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-10"))
    assert WEEK in binding_refs(d)
    # The early call is not the one the week times: the week still sets the time, and a plan
    # makes that call on Tue 11-10 (Mon 11-09 is a Monday): a second voicemail, so it stops.
    assert [str(ref) for ref in d.timed_by] == [WEEK]
    plan = fr.plan(
        history([interview("2026-11-03"), voicemail("2026-11-05")]),
        day("2026-11-06"),
        rules="call-back",
    )
    assert plan.days == (day("2026-11-10"),)
    assert plan.end is fr.PlanEnd.STOP


@pytest.mark.rule(WEEK)
@pytest.mark.rule(ASK)
def test_a_timeline_replaces_the_week_and_the_advice_to_ask_for_one() -> None:
    d = cb(THREE_DAYS, "2026-11-03")
    assert WEEK not in reason_refs(d)
    assert ASK not in note_refs(d)
    assert note_refs(d) == ALWAYS


@pytest.mark.rule(ASK)
def test_the_advice_to_ask_for_a_timeline_is_only_given_after_an_interview() -> None:
    # Before an interview the article is silent: no advice at all, this one included.
    d = cb([applied("2026-10-20")], "2026-10-20")
    assert d.action is fr.Action.SILENT
    assert d.guidance == ()


@pytest.mark.rule(WEEK)
@pytest.mark.rule(ASK)
def test_a_new_interview_forgets_the_timeline_of_the_stage_before() -> None:
    # A date named before the interview does not carry into the post-interview stage.
    events: list[fr.Event] = [
        applied("2026-10-20"),
        expects("2026-10-20", "2026-11-20"),
        interview("2026-11-03"),
    ]
    d = cb(events, "2026-11-03")
    assert d.next_date == day("2026-11-10")
    assert binding_refs(d) == {WEEK}
    assert ASK in note_refs(d)


@pytest.mark.rule(WEEK)
@pytest.mark.rule(TWO)
def test_after_the_first_call_no_time_is_set_only_the_first_day_allowed() -> None:
    # Voicemail Tue 11-10; Wed 11-11 is Veterans Day → Thu 11-12, still by phone, but untimed:
    # the article gives no interval between calls (v1 read this as "a business day later").
    d = cb([interview("2026-11-03"), voicemail("2026-11-10")], "2026-11-10")
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-12"))
    assert binding_refs(d) == {ONE_A_DAY, BUSINESS}
    assert d.timed_by == ()
    assert d.why_untimed() == "call-back gives no time for the next contact"
    assert d.channel is fr.Channel.PHONE
    assert d.messages_left == 1
    assert str(d).splitlines()[:3] == [
        "WAIT until Thu 2026-11-12: status by phone",
        UNTIMED,
        "  left: 1 message",
    ]


@pytest.mark.rule(WEEK)
@pytest.mark.rule(TWO)
@pytest.mark.parametrize(
    ("assume", "outcome"),
    [
        (fr.Outcome.REACHED, fr.Outcome.REACHED),
        (None, fr.Outcome.VOICEMAIL_LEFT),  # by default nobody answers
    ],
    ids=["reached", "voicemail"],
)
def test_a_plan_makes_exactly_one_call_then_ends_untimed(
    assume: fr.Outcome | None, outcome: fr.Outcome
) -> None:
    # Interview Tue 11-03, no timeline: the call of Tue 11-10, then nothing is scheduled.
    made = fr.plan(history([interview("2026-11-03")]), day("2026-11-03"), rules=NAME, assume=assume)
    [only] = made.contacts
    assert (only.on, only.purpose, only.channel, only.outcome) == (
        day("2026-11-10"),
        fr.Purpose.STATUS,
        fr.Channel.PHONE,
        outcome,
    )
    assert made.end is fr.PlanEnd.UNTIMED
    assert (made.ending.action, made.ending.next_date) == (fr.Action.WAIT, day("2026-11-12"))
    assert str(made).splitlines()[-1] == (
        "then no time set: call-back gives no time for the next contact, so none is scheduled "
        "(the first day allowed would be Thu 2026-11-12)"
    )


@pytest.mark.rule(DEADLINE)
def test_a_plan_with_their_date_calls_once_on_the_tuesday() -> None:
    made = fr.plan(history(THREE_DAYS), day("2026-11-03"), rules=NAME, assume=fr.Outcome.REACHED)
    assert made.days == (day("2026-11-10"),)
    assert made.end is fr.PlanEnd.UNTIMED


# -- two-messages-max ----------------------------------------------------------------------

TWO_LEFT = (
    interview("2026-11-03"),
    voicemail("2026-11-10"),
    message_with_person("2026-11-12"),
)
"""A voicemail on Tue 11-10, a message with a receptionist on Thu 11-12."""


@pytest.mark.rule(TWO)
def test_two_messages_without_a_call_back_mean_stop() -> None:
    d = cb(TWO_LEFT, "2026-11-13")
    assert d.action is fr.Action.STOP
    assert d.next_date is None
    assert d.messages_left is None
    assert binding_refs(d) == {TWO}
    assert reason_refs(d) == {TWO}
    (bridges,) = notes(d, TWO)
    assert "gracious" in bridges.text
    assert PROFESSIONAL in note_refs(d)


@pytest.mark.rule(TWO)
def test_the_stop_comes_on_the_day_the_second_message_is_left() -> None:
    d = cb(TWO_LEFT, "2026-11-12")
    assert d.action is fr.Action.STOP
    assert binding_refs(d) == {TWO}


@pytest.mark.rule(TWO)
def test_the_stop_holds_weeks_later() -> None:
    d = cb(TWO_LEFT, "2026-12-15")
    assert d.action is fr.Action.STOP


@pytest.mark.rule(TWO)
def test_one_message_left_still_allows_a_follow_up() -> None:
    d = cb(TWO_LEFT[:2], "2026-11-12")
    assert (d.action, d.next_date) == (fr.Action.FOLLOW_UP, day("2026-11-12"))
    assert not d.timed  # allowed, but after the first call no day is asked for
    assert d.messages_left == 1
    assert TWO not in binding_refs(d)
    assert TWO not in note_refs(d)
    # No "hang up" advice: the second message is still allowed.
    assert [n.text for n in d.guidance if "hang up" in n.text] == []


@pytest.mark.rule(TWO)
@pytest.mark.parametrize(
    ("contact", "left"),
    [
        (voicemail("2026-11-10"), 1),
        (message_with_person("2026-11-10"), 1),
        (
            message(
                "2026-11-10", channel=fr.Channel.IN_PERSON, outcome=fr.Outcome.MESSAGE_WITH_PERSON
            ),
            1,
        ),
        (call("2026-11-10"), 2),
        (no_answer("2026-11-10"), 2),
        (email("2026-11-10"), 2),
        (message("2026-11-10", purpose=fr.Purpose.THANK_YOU), 2),
    ],
    ids=[
        "voicemail",
        "message-with-person",
        "message-left-at-the-front-desk",
        "reached",
        "no-answer",
        "email",
        "thank-you-voicemail",
    ],
)
def test_what_counts_as_a_message(contact: fr.FollowUp, left: int) -> None:
    d = cb([interview("2026-11-03"), contact], "2026-11-12")
    assert d.messages_left == left


@pytest.mark.rule(TWO)
def test_a_conversation_between_two_messages_does_not_reset_the_count() -> None:
    # They were reached on Thu 11-12 but never called back: the two messages still stop it.
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail("2026-11-10"),
        call("2026-11-12"),
        message_with_person("2026-11-13"),
    ]
    assert cb(events[:3], "2026-11-12").messages_left == 1
    assert cb(events, "2026-11-13").action is fr.Action.STOP


@pytest.mark.rule(TWO)
def test_a_reply_between_two_messages_resets_the_count() -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail("2026-11-10"),
        reply("2026-11-12"),
        voicemail("2026-11-17"),
    ]
    d = cb(events, "2026-11-17")
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-18"))
    assert d.messages_left == 1


@pytest.mark.rule(TWO)
def test_a_reply_the_same_day_as_the_message_answers_it() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), voicemail("2026-11-10"), reply("2026-11-10")]
    assert cb(events, "2026-11-12").messages_left == 2


@pytest.mark.rule(TWO)
def test_a_late_call_back_lifts_the_stop() -> None:
    # They call back on Fri 11-13, the day after the second message.
    d = cb([*TWO_LEFT, reply("2026-11-13")], "2026-11-13")
    assert (d.action, d.next_date) == (fr.Action.FOLLOW_UP, day("2026-11-13"))
    assert d.messages_left == 2


@pytest.mark.rule(TWO)
def test_messages_before_the_interview_do_not_count_after_it() -> None:
    pre: list[fr.Event] = [applied("2026-10-20"), voicemail("2026-10-27"), voicemail("2026-10-29")]
    assert cb(pre, "2026-10-29").action is fr.Action.SILENT  # v1: STOP
    d = cb([*pre, interview("2026-11-03")], "2026-11-03")
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-10"))
    assert d.messages_left == 2
    assert timed_by(d) == [WEEK]


ISSUE = (applied("2026-11-02"), voicemail("2026-11-10"), voicemail("2026-11-12"))
"""The reported case: applied Mon 11-02, voicemails Tue 11-10 and Thu 11-12, no interview."""


@pytest.mark.rule(TWO)
def test_two_voicemails_before_any_interview_are_silent_not_stop() -> None:
    # v1 answered STOP ("assume you did not get the job"); the article speaks of messages left
    # after an interview, so before one it has no opinion.
    d = cb(ISSUE, "2026-11-13")
    assert d.action is fr.Action.SILENT
    assert (d.next_date, d.purpose, d.channel, d.messages_left) == (None, None, None, None)
    assert d.silent == (NAME,)
    assert [str(r.ref) for r in d.reasons] == [f"{NAME}/scope"]
    assert d.reasons[0].citation.source == SOURCE
    assert "after an interview" in d.reasons[0].what
    assert d.guidance == ()
    assert str(d).splitlines()[0] == "SILENT as of Fri 2026-11-13"


@pytest.mark.rule(TWO)
@pytest.mark.rule(MONDAY)
def test_in_the_default_composition_the_two_voicemails_no_longer_stop_it() -> None:
    # call-back and five-rules are silent; nothing of theirs counts, not even no-monday. After
    # Thu 11-12: Fri 11-13 and Mon 11-16 are right-changes' days off, then the weekend → Tue 11-17.
    d = decide(ISSUE, "2026-11-13")
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-17"))
    assert d.silent == (NAME, "five-rules")
    assert {r for r in reason_refs(d) if r.startswith(NAME)} == {f"{NAME}/scope"}
    assert all(note.ref.ruleset != NAME for note in d.guidance)
    assert skipped(d) == {
        day("2026-11-13"): {"right-changes/no-monday-friday"},
        day("2026-11-14"): {BUSINESS},
        day("2026-11-15"): {BUSINESS},
        day("2026-11-16"): {"right-changes/no-monday-friday"},
    }


@pytest.mark.rule(TWO)
def test_a_plan_before_an_interview_makes_no_call() -> None:
    made = fr.plan(history(ISSUE[:1]), day("2026-11-02"), rules=NAME)
    assert made.contacts == ()
    assert made.end is fr.PlanEnd.SILENT


@pytest.mark.rule(TWO)
def test_a_second_interview_after_the_stop_starts_again() -> None:
    d = cb([*TWO_LEFT, interview("2026-11-17")], "2026-11-17")
    # Next round, no timeline: Tue 11-24, timed again by the week of the new stage.
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-24"))
    assert binding_refs(d) == {WEEK}
    assert timed_by(d) == [WEEK]
    assert d.messages_left == 2


@pytest.mark.rule(TWO)
def test_a_definite_answer_wins_over_the_stop() -> None:
    d = cb([*TWO_LEFT, fr.Answer(day("2026-11-20"), verdict=fr.Verdict.REJECTED)], "2026-11-20")
    assert d.action is fr.Action.DONE
    assert binding_refs(d) == {"common/definite-answer"}


# -- the guidance --------------------------------------------------------------------------


@pytest.mark.rule(SCRIPT)
def test_write_a_script_before_the_call() -> None:
    d = cb(THREE_DAYS, "2026-11-10")
    (script,) = notes(d, SCRIPT)
    assert "script" in script.text
    assert "voicemail" in script.text


@pytest.mark.rule(GATEKEEPER)
def test_give_a_gatekeeper_only_name_number_and_the_meeting() -> None:
    d = cb([*TWO_LEFT[:2]], "2026-11-12")
    (gatekeeper,) = notes(d, GATEKEEPER)
    for word in ("name", "number", "meeting", "details"):
        assert word in gatekeeper.text
    # v2: the meeting is "recent", not "last week's": the message may be left weeks after it.
    assert "recent meeting" in gatekeeper.text
    assert "last week" not in gatekeeper.text


@pytest.mark.rule(PROFESSIONAL)
def test_stay_professional_while_waiting_and_after_the_stop() -> None:
    waiting = cb(THREE_DAYS, "2026-11-03")
    stopped = cb(TWO_LEFT, "2026-11-13")
    for d in (waiting, stopped):
        (professional,) = notes(d, PROFESSIONAL)
        assert "professional" in professional.text


@pytest.mark.rule(PROFESSIONAL)
@pytest.mark.parametrize(
    ("verdict", "parting"),
    [
        (fr.Verdict.REJECTED, True),
        (fr.Verdict.FILLED, True),
        (fr.Verdict.NOT_INTERESTED, True),
        (fr.Verdict.OFFER, False),
        (fr.Verdict.HIRED, False),
    ],
)
def test_a_no_after_the_interview_ends_with_the_advice_to_stay_professional(
    verdict: fr.Verdict, parting: bool
) -> None:
    # Voicemail Tue 11-10, their answer Thu 11-12. The article names a no as the moment to keep
    # your cool; an offer needs no such advice, and the call advice has nothing left to do.
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail("2026-11-10"),
        fr.Answer(day("2026-11-12"), verdict=verdict),
    ]
    d = cb(events, "2026-11-12")
    assert d.action is fr.Action.DONE
    assert binding_refs(d) == {"common/definite-answer"}
    assert note_refs(d) == ({PROFESSIONAL} if parting else set())
    if parting:
        (professional,) = d.guidance
        assert "professional" in professional.text
        assert "bridges" in professional.text
        assert str(d).splitlines() == [
            "DONE as of Thu 2026-11-12",
            "Why:",
            f"  - common/definite-answer: a definite answer: {verdict.value}",
            "Guidance:",
            f"  - {professional.text}",
        ]


@pytest.mark.rule(PROFESSIONAL)
@pytest.mark.parametrize("ending", [fr.AskedToStop, fr.Withdrew])
def test_other_endings_carry_no_parting_advice(
    ending: type[fr.AskedToStop | fr.Withdrew],
) -> None:
    d = cb([interview("2026-11-03"), ending(day("2026-11-12"))], "2026-11-12")
    assert d.action is fr.Action.DONE
    assert d.guidance == ()


@pytest.mark.rule(PROFESSIONAL)
@pytest.mark.rule(TWO)
def test_a_no_after_the_two_messages_stop_keeps_only_the_parting_advice() -> None:
    # Stopped on Thu 11-12 after two messages; on Fri 11-20 they say the job is filled.
    d = cb([*TWO_LEFT, fr.Answer(day("2026-11-20"), verdict=fr.Verdict.FILLED)], "2026-11-20")
    assert d.action is fr.Action.DONE
    assert note_refs(d) == {PROFESSIONAL}


@pytest.mark.rule(PROFESSIONAL)
def test_a_no_before_any_interview_gets_no_advice_from_this_article() -> None:
    # Rejected on Thu 11-12 after applying: DONE by the common rule, the article silent.
    events: list[fr.Event] = [
        applied("2026-11-02"),
        fr.Answer(day("2026-11-12"), verdict=fr.Verdict.REJECTED),
    ]
    d = cb(events, "2026-11-12")
    assert d.action is fr.Action.DONE
    assert d.silent == (NAME,)
    assert d.guidance == ()


@pytest.mark.rule(SCRIPT)
@pytest.mark.rule(GATEKEEPER)
@pytest.mark.rule(PROFESSIONAL)
@pytest.mark.parametrize(
    ("events", "today"),
    [
        (THREE_DAYS, "2026-11-03"),
        ((interview("2026-11-03"),), "2026-11-10"),
        (TWO_LEFT[:2], "2026-11-12"),
        (TWO_LEFT, "2026-11-13"),
    ],
    ids=["timeline-stated", "no-timeline", "untimed-after-a-call", "stopped"],
)
def test_the_call_advice_is_given_in_every_decision_after_an_interview(
    events: tuple[fr.Event, ...], today: str
) -> None:
    assert note_refs(cb(events, today)) >= ALWAYS
