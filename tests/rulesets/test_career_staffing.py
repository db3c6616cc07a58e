"""career-staffing: a week's wait, one call, one message, then two weeks of silence lift the limits.

Every date below is worked out by hand on the US calendar of November 2026 (Sunday the 1st;
Veterans Day Wed 11-11, Thanksgiving Thu 11-26) unless the test names another month.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import pytest

import followup_rules as fr
from conformance import (
    RuleSetConformance,
    applied,
    away,
    binding_refs,
    call,
    day,
    decide,
    email,
    handwritten_note,
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

NAME = "career-staffing"
WAIT_APPLICATION = "career-staffing/wait-after-application"
WAIT_INTERVIEW = "career-staffing/wait-after-interview"
ONE_CALL = "career-staffing/one-call"
ONE_MESSAGE = "career-staffing/one-message"
SILENCE = "career-staffing/silence-frees-calls"
KEEP_SHORT = "career-staffing/keep-it-short"
BUSINESS_DAYS = "common/business-days-only"
ONE_A_DAY = "common/one-contact-a-day"
NOT_WHILE_AWAY = "common/not-while-away"

WAIT, FOLLOW_UP = fr.Action.WAIT, fr.Action.FOLLOW_UP

Contact = Callable[[str], fr.FollowUp]


class TestConformance(RuleSetConformance):
    ruleset = fr.rulesets.get(NAME)


def cs(events: Sequence[fr.Event], today: str) -> fr.Decision:
    """The decision of career-staffing alone (with the common rules)."""
    decision: fr.Decision = decide(events, today, NAME)
    return decision


def off_work(*days: str) -> dict[date, set[str]]:
    """Days skipped because they are weekend days or holidays."""
    return {day(d): {BUSINESS_DAYS} for d in days}


def letter(on: str) -> fr.FollowUp:
    return fr.FollowUp(day(on), channel=fr.Channel.MAIL, outcome=fr.Outcome.SENT)


def in_person(on: str) -> fr.FollowUp:
    return fr.FollowUp(day(on), channel=fr.Channel.IN_PERSON, outcome=fr.Outcome.REACHED)


# -- wait-after-application -------------------------------------------------------------------


@pytest.mark.rule(WAIT_APPLICATION)
def test_an_application_on_monday_waits_until_next_monday_by_phone() -> None:
    d = cs([applied("2026-11-02")], "2026-11-02")
    assert (d.action, d.next_date, d.window_end) == (WAIT, date(2026, 11, 9), date(2026, 11, 16))
    assert (d.purpose, d.channel, d.time_of_day) == (fr.Purpose.STATUS, fr.Channel.PHONE, None)
    assert (d.follow_ups_left, d.messages_left) == (1, 1)
    assert binding_refs(d) == {WAIT_APPLICATION}
    assert skipped(d) == {}
    assert d.conflicts == ()
    assert not d.overdue


@pytest.mark.rule(WAIT_APPLICATION)
@pytest.mark.parametrize(
    ("today", "action", "binding", "overdue"),
    [
        ("2026-11-06", WAIT, {WAIT_APPLICATION}, False),  # Fri, day 4
        ("2026-11-08", WAIT, {WAIT_APPLICATION}, False),  # Sun, day 6
        ("2026-11-09", FOLLOW_UP, set(), False),  # Mon, day 7: the window opens
        ("2026-11-16", FOLLOW_UP, set(), False),  # Mon, day 14: its last day
        ("2026-11-17", FOLLOW_UP, set(), True),  # Tue, day 15: late, but still allowed
    ],
)
def test_the_application_window_runs_from_day_seven_to_day_fourteen(
    today: str, action: fr.Action, binding: set[str], overdue: bool
) -> None:
    d = cs([applied("2026-11-02")], today)
    assert d.action is action
    assert d.next_date == max(day(today), date(2026, 11, 9))
    assert d.window_end == date(2026, 11, 16)
    assert d.overdue is overdue
    assert binding_refs(d) == binding


@pytest.mark.rule(WAIT_APPLICATION)
@pytest.mark.parametrize("today", ["2026-11-04", "2026-11-10", "2026-11-11"])
def test_applied_wednesday_before_veterans_day_means_thursday_the_twelfth(today: str) -> None:
    d = cs([applied("2026-11-04")], today)
    assert (d.action, d.next_date, d.window_end) == (WAIT, date(2026, 11, 12), date(2026, 11, 18))
    assert d.channel is fr.Channel.PHONE
    assert skipped(d) == off_work("2026-11-11")
    expected = {BUSINESS_DAYS} if today == "2026-11-11" else {WAIT_APPLICATION, BUSINESS_DAYS}
    assert binding_refs(d) == expected


@pytest.mark.rule(WAIT_APPLICATION)
def test_on_the_thursday_after_veterans_day_the_first_follow_up_is_due() -> None:
    d = cs([applied("2026-11-04")], "2026-11-12")
    assert (d.action, d.next_date) == (FOLLOW_UP, date(2026, 11, 12))
    assert skipped(d) == {}


@pytest.mark.rule(WAIT_APPLICATION)
@pytest.mark.parametrize(
    "left", [voicemail, message_with_person], ids=["voicemail", "receptionist"]
)
def test_a_message_left_too_early_does_not_open_the_week_early(left: Contact) -> None:
    # The early message is not the follow-up the week times: the window (to 11-16) still holds.
    d = cs([applied("2026-11-02"), left("2026-11-05")], "2026-11-06")
    assert (d.action, d.next_date, d.window_end) == (WAIT, date(2026, 11, 9), date(2026, 11, 16))
    assert [str(ref) for ref in d.timed_by] == [WAIT_APPLICATION]
    assert binding_refs(d) == {WAIT_APPLICATION}
    assert (d.follow_ups_left, d.messages_left) == (1, 0)


@pytest.mark.rule(WAIT_APPLICATION)
@pytest.mark.rule(ONE_CALL)
def test_reaching_them_too_early_wastes_the_one_call() -> None:
    d = cs([applied("2026-11-02"), call("2026-11-04")], "2026-11-04")
    assert (d.action, d.next_date, d.follow_ups_left) == (WAIT, date(2026, 11, 18), 0)
    assert binding_refs(d) == {ONE_CALL}
    assert d.window_end is None


@pytest.mark.rule(WAIT_APPLICATION)
@pytest.mark.rule(ONE_CALL)
def test_an_early_call_that_reached_nobody_keeps_the_wait() -> None:
    d = cs([applied("2026-11-02"), no_answer("2026-11-05")], "2026-11-05")
    assert (d.action, d.next_date, d.window_end) == (WAIT, date(2026, 11, 9), date(2026, 11, 16))
    assert binding_refs(d) == {WAIT_APPLICATION}
    assert (d.follow_ups_left, d.messages_left) == (1, 1)


@pytest.mark.rule(WAIT_APPLICATION)
def test_away_past_the_end_of_the_window_is_a_conflict() -> None:
    # The window Mon 11-09 to Mon 11-16 opens while they are away until Fri 11-20: no day of it
    # is left, so there is no window end, and the first day allowed is Mon 11-23.
    d = cs([applied("2026-11-02"), away("2026-11-03", "2026-11-20")], "2026-11-03")
    assert (d.action, d.next_date, d.window_end) == (WAIT, date(2026, 11, 23), None)
    assert binding_refs(d) == {NOT_WHILE_AWAY}
    assert [(str(c.first), str(c.second)) for c in d.conflicts] == [
        (WAIT_APPLICATION, NOT_WHILE_AWAY)
    ]


# -- wait-after-interview ---------------------------------------------------------------------


@pytest.mark.rule(WAIT_INTERVIEW)
@pytest.mark.parametrize("kind", list(fr.InterviewKind))
def test_an_interview_on_tuesday_means_the_next_tuesday_by_phone(kind: fr.InterviewKind) -> None:
    d = cs([interview("2026-11-03", kind)], "2026-11-03")
    assert (d.action, d.next_date, d.window_end) == (WAIT, date(2026, 11, 10), None)
    assert (d.purpose, d.channel) == (fr.Purpose.STATUS, fr.Channel.PHONE)
    assert (d.follow_ups_left, d.messages_left) == (1, 1)
    assert binding_refs(d) == {WAIT_INTERVIEW}
    assert skipped(d) == {}


@pytest.mark.rule(WAIT_INTERVIEW)
@pytest.mark.parametrize(
    ("today", "action"),
    [("2026-11-09", WAIT), ("2026-11-10", FOLLOW_UP), ("2026-11-13", FOLLOW_UP)],
)
def test_the_interview_wait_ends_on_day_seven(today: str, action: fr.Action) -> None:
    d = cs([interview("2026-11-03")], today)
    assert d.action is action
    assert d.next_date == max(day(today), date(2026, 11, 10))
    assert d.window_end is None


@pytest.mark.rule(WAIT_INTERVIEW)
def test_an_interview_replaces_the_application_wait() -> None:
    d = cs([applied("2026-10-20"), interview("2026-11-03")], "2026-11-03")
    assert (d.action, d.next_date, d.window_end) == (WAIT, date(2026, 11, 10), None)
    assert binding_refs(d) == {WAIT_INTERVIEW}
    assert WAIT_APPLICATION not in reason_refs(d)


@pytest.mark.rule(WAIT_INTERVIEW)
@pytest.mark.parametrize(
    ("held", "expected", "off"),
    [
        ("2026-11-04", "2026-11-12", ["2026-11-11"]),  # Veterans Day
        ("2026-11-19", "2026-11-27", ["2026-11-26"]),  # Thanksgiving
        ("2026-12-18", "2026-12-28", ["2026-12-25", "2026-12-26", "2026-12-27"]),  # Christmas
        ("2026-06-26", "2026-07-06", ["2026-07-03", "2026-07-04", "2026-07-05"]),  # July 4th obs.
        ("2026-08-31", "2026-09-08", ["2026-09-07"]),  # Labor Day
        ("2026-10-05", "2026-10-13", ["2026-10-12"]),  # Columbus Day
    ],
)
def test_a_week_after_the_interview_on_a_holiday_moves_to_the_next_business_day(
    held: str, expected: str, off: list[str]
) -> None:
    d = cs([interview(held)], held)
    assert (d.action, d.next_date) == (WAIT, day(expected))
    assert skipped(d) == off_work(*off)
    assert binding_refs(d) == {WAIT_INTERVIEW, BUSINESS_DAYS}


@pytest.mark.rule(WAIT_INTERVIEW)
@pytest.mark.rule(ONE_CALL)
@pytest.mark.parametrize(
    "thanks",
    [
        thank_you("2026-11-04"),
        thank_you("2026-11-04", fr.Channel.EMAIL),
        handwritten_note("2026-11-04"),
    ],
    ids=["call", "email", "handwritten-note"],
)
def test_a_thank_you_is_not_the_one_call_and_keeps_the_wait(thanks: fr.FollowUp) -> None:
    d = cs([interview("2026-11-03"), thanks], "2026-11-04")
    assert (d.action, d.next_date, d.channel) == (WAIT, date(2026, 11, 10), fr.Channel.PHONE)
    assert (d.follow_ups_left, d.messages_left) == (1, 1)
    assert binding_refs(d) == {WAIT_INTERVIEW}
    assert SILENCE not in reason_refs(d)


@pytest.mark.rule(WAIT_APPLICATION)
@pytest.mark.rule(ONE_CALL)
def test_a_thank_you_before_any_interview_keeps_the_application_wait() -> None:
    events: list[fr.Event] = [applied("2026-11-02"), thank_you("2026-11-05", fr.Channel.EMAIL)]
    d = cs(events, "2026-11-05")
    assert (d.action, d.next_date, d.window_end) == (WAIT, date(2026, 11, 9), date(2026, 11, 16))
    assert d.follow_ups_left == 1
    assert binding_refs(d) == {WAIT_APPLICATION}


# -- one-call ---------------------------------------------------------------------------------


@pytest.mark.rule(ONE_CALL)
@pytest.mark.parametrize(
    "contact",
    [call, email, letter, in_person],
    ids=["reached-by-phone", "email-sent", "letter-sent", "reached-in-person"],
)
def test_a_follow_up_that_got_through_spends_the_one_call(contact: Contact) -> None:
    d = cs([applied("2026-11-02"), contact("2026-11-09")], "2026-11-09")
    assert (d.action, d.next_date) == (WAIT, date(2026, 11, 23))
    assert (d.follow_ups_left, d.messages_left) == (0, 1)
    assert binding_refs(d) == {ONE_CALL}


@pytest.mark.rule(ONE_CALL)
@pytest.mark.rule(ONE_MESSAGE)
@pytest.mark.parametrize(
    "left", [voicemail, message_with_person], ids=["voicemail", "receptionist"]
)
def test_a_message_left_does_not_spend_the_call(left: Contact) -> None:
    d = cs([applied("2026-11-02"), left("2026-11-09")], "2026-11-09")
    assert (d.action, d.next_date) == (WAIT, date(2026, 11, 10))
    assert (d.follow_ups_left, d.messages_left) == (1, 0)
    assert binding_refs(d) == {ONE_A_DAY}


@pytest.mark.rule(ONE_CALL)
@pytest.mark.rule(ONE_MESSAGE)
def test_a_call_that_reached_nobody_is_not_a_contact_at_all() -> None:
    d = cs([applied("2026-11-02"), no_answer("2026-11-09")], "2026-11-09")
    assert (d.action, d.next_date, d.window_end) == (
        FOLLOW_UP,
        date(2026, 11, 9),
        date(2026, 11, 16),
    )
    assert (d.follow_ups_left, d.messages_left) == (1, 1)
    assert d.channel is fr.Channel.PHONE
    assert ONE_A_DAY not in binding_refs(d)
    assert SILENCE not in reason_refs(d)


@pytest.mark.rule(ONE_CALL)
@pytest.mark.parametrize(
    ("today", "action", "next_date"),
    [
        ("2026-11-10", WAIT, "2026-11-23"),
        ("2026-11-20", WAIT, "2026-11-23"),
        ("2027-03-01", FOLLOW_UP, "2027-03-01"),
    ],
)
def test_a_spent_call_is_a_wait_never_a_stop(today: str, action: fr.Action, next_date: str) -> None:
    d = cs([applied("2026-11-02"), call("2026-11-09")], today)
    assert (d.action, d.next_date, d.follow_ups_left) == (action, day(next_date), 0)


@pytest.mark.rule(ONE_CALL)
@pytest.mark.rule(ONE_MESSAGE)
@pytest.mark.rule(WAIT_INTERVIEW)
@pytest.mark.parametrize("spent", [call, voicemail], ids=["call-spent", "message-spent"])
def test_a_new_interview_gives_a_new_call_and_a_new_message(spent: Contact) -> None:
    events: list[fr.Event] = [applied("2026-11-02"), spent("2026-11-09"), interview("2026-11-16")]
    d = cs(events, "2026-11-16")
    assert (d.action, d.next_date) == (WAIT, date(2026, 11, 23))
    assert (d.follow_ups_left, d.messages_left) == (1, 1)
    assert binding_refs(d) == {WAIT_INTERVIEW}
    assert ONE_MESSAGE not in note_refs(d)


# -- one-message ------------------------------------------------------------------------------


@pytest.mark.rule(ONE_MESSAGE)
@pytest.mark.parametrize(
    "left", [voicemail, message_with_person], ids=["voicemail", "receptionist"]
)
def test_after_one_message_you_may_call_but_must_hang_up_on_voicemail(
    left: Contact,
) -> None:
    d = cs([applied("2026-11-02"), left("2026-11-09")], "2026-11-10")
    assert (d.action, d.next_date) == (FOLLOW_UP, date(2026, 11, 10))
    assert (d.follow_ups_left, d.messages_left) == (1, 0)
    assert binding_refs(d) == set()
    [note] = notes(d, ONE_MESSAGE)
    assert "hang up" in note.text


@pytest.mark.rule(ONE_MESSAGE)
def test_with_the_message_unspent_there_is_no_hang_up_note() -> None:
    d = cs([applied("2026-11-02")], "2026-11-09")
    assert d.messages_left == 1
    assert notes(d, ONE_MESSAGE) == []


@pytest.mark.rule(ONE_MESSAGE)
def test_a_second_message_left_anyway_keeps_the_count_at_zero_and_blocks_nothing() -> None:
    events: list[fr.Event] = [
        applied("2026-11-02"),
        voicemail("2026-11-09"),
        message_with_person("2026-11-10"),
    ]
    d = cs(events, "2026-11-11")
    assert (d.action, d.next_date) == (WAIT, date(2026, 11, 12))
    assert (d.follow_ups_left, d.messages_left) == (1, 0)
    assert skipped(d) == off_work("2026-11-11")
    assert binding_refs(d) == {BUSINESS_DAYS}
    assert len(notes(d, ONE_MESSAGE)) == 1


# -- silence-frees-calls ----------------------------------------------------------------------


@pytest.mark.rule(SILENCE)
@pytest.mark.parametrize(
    ("today", "action", "binding", "advised"),
    [
        ("2026-11-20", WAIT, {ONE_CALL}, False),  # Fri, day 11
        ("2026-11-22", WAIT, {ONE_CALL}, False),  # Sun, day 13
        ("2026-11-23", FOLLOW_UP, set(), True),  # Mon, day 14: lifted
        ("2026-11-24", FOLLOW_UP, set(), True),
    ],
)
def test_two_weeks_after_the_call_the_limit_lifts_and_the_advice_appears(
    today: str, action: fr.Action, binding: set[str], advised: bool
) -> None:
    d = cs([applied("2026-11-02"), call("2026-11-09")], today)
    assert (d.action, d.next_date) == (action, max(day(today), date(2026, 11, 23)))
    assert d.follow_ups_left == 0
    assert binding_refs(d) == binding
    assert (SILENCE in note_refs(d)) is advised


@pytest.mark.rule(SILENCE)
def test_the_lift_advises_weighing_whether_to_move_on() -> None:
    d = cs([applied("2026-11-02"), call("2026-11-09")], "2026-11-23")
    [note] = notes(d, SILENCE)
    assert "move on" in note.text
    assert [n.ref.rule for n in d.guidance] == ["silence-frees-calls", "keep-it-short"]


@pytest.mark.rule(SILENCE)
def test_silence_counts_from_the_latest_budgeted_contact() -> None:
    # The message of Mon 11-09, then the call of Tue 11-10: two weeks from the call, Tue 11-24.
    events: list[fr.Event] = [applied("2026-11-02"), voicemail("2026-11-09"), call("2026-11-10")]
    d = cs(events, "2026-11-10")
    assert (d.action, d.next_date) == (WAIT, date(2026, 11, 24))  # not 11-23
    assert binding_refs(d) == {ONE_CALL}


@pytest.mark.rule(SILENCE)
def test_once_lifted_only_one_contact_a_day_holds_further_calls_back() -> None:
    events: list[fr.Event] = [applied("2026-11-02"), call("2026-11-09"), call("2026-11-23")]
    d = cs(events, "2026-11-23")
    assert (d.action, d.next_date, d.follow_ups_left) == (WAIT, date(2026, 11, 24), 0)
    assert binding_refs(d) == {ONE_A_DAY}
    assert SILENCE in note_refs(d)


@pytest.mark.rule(SILENCE)
def test_calls_made_after_the_lift_never_restart_the_two_weeks() -> None:
    calls = [call(d) for d in ("2026-11-09", "2026-11-23", "2026-11-24", "2026-11-25")]
    d = cs([applied("2026-11-02"), *calls], "2026-11-25")
    assert (d.action, d.next_date) == (WAIT, date(2026, 11, 27))
    assert skipped(d) == off_work("2026-11-26")
    assert binding_refs(d) == {ONE_A_DAY, BUSINESS_DAYS}


@pytest.mark.rule(SILENCE)
@pytest.mark.parametrize(
    ("answered", "expected", "off"),
    [
        ("2026-11-12", "2026-11-27", ["2026-11-26"]),  # lift on Thanksgiving
        ("2026-11-14", "2026-11-30", ["2026-11-28", "2026-11-29"]),  # a Saturday reply
    ],
)
def test_a_reply_starts_the_two_weeks_again_from_the_reply(
    answered: str, expected: str, off: list[str]
) -> None:
    events: list[fr.Event] = [
        applied("2026-11-02"),
        voicemail("2026-11-09"),
        call("2026-11-10"),
        reply(answered),
    ]
    d = cs(events, answered)
    assert (d.action, d.next_date, d.follow_ups_left) == (WAIT, day(expected), 0)
    assert skipped(d) == off_work(*off)
    assert binding_refs(d) == {ONE_CALL, BUSINESS_DAYS}


@pytest.mark.rule(SILENCE)
def test_a_reply_after_the_lift_puts_the_limit_back_for_two_weeks() -> None:
    events: list[fr.Event] = [
        applied("2026-11-02"),
        call("2026-11-09"),
        call("2026-11-23"),
        reply("2026-11-24"),
    ]
    d = cs(events, "2026-11-24")
    assert (d.action, d.next_date) == (WAIT, date(2026, 12, 8))
    assert binding_refs(d) == {ONE_CALL}
    assert SILENCE not in note_refs(d)


@pytest.mark.rule(SILENCE)
def test_a_follow_up_after_a_reply_counts_the_silence_from_itself() -> None:
    events: list[fr.Event] = [applied("2026-11-02"), call("2026-11-09"), reply("2026-11-10")]
    assert cs(events, "2026-11-10").next_date == date(2026, 11, 24)
    d = cs([*events, call("2026-11-24")], "2026-11-24")
    assert (d.action, d.next_date) == (WAIT, date(2026, 12, 8))
    assert binding_refs(d) == {ONE_CALL}


@pytest.mark.rule(SILENCE)
def test_a_thank_you_after_their_reply_is_the_last_exchange() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), call("2026-11-10"), reply("2026-11-12")]
    assert cs(events, "2026-11-12").next_date == date(2026, 11, 27)
    d = cs([*events, thank_you("2026-11-16", fr.Channel.EMAIL)], "2026-11-16")
    assert (d.action, d.next_date) == (WAIT, date(2026, 11, 30))
    assert d.follow_ups_left == 0


@pytest.mark.rule(SILENCE)
@pytest.mark.parametrize(
    ("applied_on", "contact", "sent", "lift", "expected", "off"),
    [
        ("2026-11-04", call, "2026-11-12", "2026-11-26", "2026-11-27", ["2026-11-26"]),
        (
            "2026-11-02",
            email,
            "2026-11-14",  # sent on a Saturday
            "2026-11-28",
            "2026-11-30",
            ["2026-11-28", "2026-11-29"],
        ),
        (
            "2026-12-01",
            call,
            "2026-12-11",
            "2026-12-25",
            "2026-12-28",
            ["2026-12-25", "2026-12-26", "2026-12-27"],
        ),
        (
            "2026-12-07",
            call,
            "2026-12-18",
            "2027-01-01",
            "2027-01-04",
            ["2027-01-01", "2027-01-02", "2027-01-03"],
        ),
    ],
    ids=["thanksgiving", "saturday", "christmas", "new-year"],
)
def test_a_lift_day_off_work_moves_to_the_next_business_day(
    applied_on: str, contact: Contact, sent: str, lift: str, expected: str, off: list[str]
) -> None:
    events: list[fr.Event] = [applied(applied_on), contact(sent)]
    d = cs(events, sent)
    assert (d.action, d.next_date, d.follow_ups_left) == (WAIT, day(expected), 0)
    assert skipped(d) == off_work(*off)
    assert binding_refs(d) == {ONE_CALL, BUSINESS_DAYS}
    on_lift_day = cs(events, lift)
    assert (on_lift_day.action, on_lift_day.next_date) == (WAIT, day(expected))
    assert binding_refs(on_lift_day) == {BUSINESS_DAYS}
    assert SILENCE in note_refs(on_lift_day)


@pytest.mark.rule(SILENCE)
def test_the_day_before_a_thanksgiving_lift_gives_no_advice_yet() -> None:
    d = cs([applied("2026-11-04"), call("2026-11-12")], "2026-11-25")
    assert (d.action, d.next_date) == (WAIT, date(2026, 11, 27))
    assert binding_refs(d) == {ONE_CALL, BUSINESS_DAYS}
    assert SILENCE not in note_refs(d)


@pytest.mark.rule(SILENCE)
@pytest.mark.parametrize(
    ("events", "today"),
    [
        ((applied("2026-11-02"),), "2026-11-30"),
        ((applied("2026-11-02"), no_answer("2026-11-09")), "2026-11-30"),
        ((interview("2026-11-03"), thank_you("2026-11-04")), "2026-11-18"),
        ((applied("2026-11-02"), reply("2026-11-03")), "2026-11-30"),
    ],
    ids=["nothing", "no-answer-only", "thank-you-only", "reply-only"],
)
def test_without_a_follow_up_the_silence_rule_says_nothing(
    events: tuple[fr.Event, ...], today: str
) -> None:
    d = cs(events, today)
    assert (d.action, d.next_date) == (FOLLOW_UP, day(today))
    assert SILENCE not in reason_refs(d) | note_refs(d)


@pytest.mark.rule(SILENCE)
@pytest.mark.rule(ONE_CALL)
def test_a_new_interview_starts_the_silence_again() -> None:
    events: list[fr.Event] = [applied("2026-11-02"), call("2026-11-09"), interview("2026-11-16")]
    d = cs([*events, call("2026-11-23")], "2026-11-23")
    assert (d.action, d.next_date, d.follow_ups_left) == (WAIT, date(2026, 12, 7), 0)
    assert binding_refs(d) == {ONE_CALL}
    assert SILENCE not in note_refs(d)


# -- keep-it-short ----------------------------------------------------------------------------


@pytest.mark.rule(KEEP_SHORT)
@pytest.mark.parametrize(
    ("events", "today"),
    [
        ((applied("2026-11-02"),), "2026-11-02"),
        ((applied("2026-11-02"),), "2026-11-09"),
        ((applied("2026-11-02"), voicemail("2026-11-09")), "2026-11-10"),
        ((applied("2026-11-02"), call("2026-11-09")), "2026-11-10"),
        ((applied("2026-11-02"), call("2026-11-09")), "2026-11-23"),
        ((interview("2026-11-03"), thank_you("2026-11-04")), "2026-11-10"),
    ],
    ids=["waiting", "first-call-day", "message-spent", "call-spent", "lifted", "after-interview"],
)
def test_every_decision_advises_a_short_prepared_call(
    events: tuple[fr.Event, ...], today: str
) -> None:
    d = cs(events, today)
    [note] = notes(d, KEEP_SHORT)
    assert "brief" in note.text
    assert "qualifications" in note.text
    assert "hang up" in note.text  # on voicemail: hang up, prepare the message, call back
    assert KEEP_SHORT not in reason_refs(d) | binding_refs(d)


WITHOUT_ADVICE = fr.RuleSet(
    "career-staffing-without-advice",
    [rule for rule in fr.rulesets.get(NAME).rules if rule.id != "keep-it-short"],
)


@pytest.mark.rule(KEEP_SHORT)
@pytest.mark.parametrize(
    ("events", "today"),
    [
        ((applied("2026-11-04"),), "2026-11-04"),
        ((applied("2026-11-04"), voicemail("2026-11-12")), "2026-11-12"),
        ((applied("2026-11-04"), call("2026-11-12")), "2026-11-13"),
    ],
)
def test_the_advice_moves_no_date(events: tuple[fr.Event, ...], today: str) -> None:
    d, plain = cs(events, today), decide(events, today, WITHOUT_ADVICE)
    assert (d.action, d.next_date, d.skipped) == (plain.action, plain.next_date, plain.skipped)
    assert [n.ref.rule for n in d.guidance if n.ref.rule != "keep-it-short"] == [
        n.ref.rule for n in plain.guidance
    ]


# -- timed and untimed ------------------------------------------------------------------------

ISSUE: tuple[fr.Event, ...] = (applied("2026-11-02"), voicemail("2026-11-09"), call("2026-11-20"))
"""The reported case: one message left on Mon 11-09, then the one call reached them Fri 11-20."""


@pytest.mark.rule(WAIT_APPLICATION)
def test_the_first_follow_up_is_timed_by_the_wait_after_the_application() -> None:
    d = cs([applied("2026-11-02")], "2026-11-02")
    assert [str(ref) for ref in d.timed_by] == [WAIT_APPLICATION]
    assert d.why_untimed() is None


@pytest.mark.rule(WAIT_APPLICATION)
@pytest.mark.rule(ONE_CALL)
def test_after_the_first_follow_up_the_remaining_call_is_allowed_but_untimed() -> None:
    # A message left Mon 11-09: the one call is still there, from Tue 11-10, but not scheduled.
    d = cs([applied("2026-11-02"), voicemail("2026-11-09")], "2026-11-09")
    assert (d.action, d.next_date, d.follow_ups_left) == (WAIT, date(2026, 11, 10), 1)
    assert d.timed_by == ()
    assert d.why_untimed() == f"{NAME} gives no time for the next contact"
    assert d.window_end is None


@pytest.mark.rule(SILENCE)
@pytest.mark.parametrize("today", ["2026-11-20", "2026-11-23", "2026-12-03"])
def test_the_reported_case_waits_two_weeks_from_the_call_untimed(today: str) -> None:
    # Fri 11-20 + 14 = Fri 12-04; counting from the message of 11-09 would have said Mon 11-23.
    d = cs(ISSUE, today)
    assert (d.action, d.next_date) == (WAIT, date(2026, 12, 4))
    assert (d.follow_ups_left, d.messages_left) == (0, 0)
    assert binding_refs(d) == {ONE_CALL}
    assert d.timed_by == ()
    [reason] = [r for r in d.reasons if r.binding]
    assert reason.what == (
        "0 of 1 follow-ups remain until Fri 2026-12-04, when 14 days without an answer since "
        "Fri 2026-11-20 lift the limits"
    )
    assert str(d).splitlines()[:2] == [
        "WAIT until Fri 2026-12-04: status by phone",
        f"  no time set: {NAME} gives no time for the next contact; this is only the first day "
        "allowed",
    ]
    assert SILENCE not in note_refs(d)


@pytest.mark.rule(SILENCE)
def test_the_reported_case_plans_no_contact() -> None:
    planned = fr.plan(history(ISSUE), date(2026, 11, 20), rules=NAME)
    assert planned.contacts == ()
    assert planned.end is fr.PlanEnd.UNTIMED
    assert str(planned) == (
        "no contact\n"
        f"then no time set: {NAME} gives no time for the next contact, so none is scheduled "
        "(the first day allowed would be Fri 2026-12-04)"
    )


@pytest.mark.rule(SILENCE)
def test_after_the_lift_calls_are_allowed_untimed_with_the_advice_to_move_on() -> None:
    d = cs(ISSUE, "2026-12-04")
    assert (d.action, d.next_date, d.follow_ups_left) == (FOLLOW_UP, date(2026, 12, 4), 0)
    assert binding_refs(d) == set()
    assert d.timed_by == ()
    [note] = notes(d, SILENCE)
    assert "move on" in note.text
    planned = fr.plan(history(ISSUE), date(2026, 12, 4), rules=NAME)
    assert (planned.contacts, planned.end) == ((), fr.PlanEnd.UNTIMED)


@pytest.mark.rule(SILENCE)
def test_the_lift_holds_through_further_calls_until_a_reply() -> None:
    # Calls on Fri 12-04 and Tue 12-08 after the lift: the next day is open, untimed.
    calls = [*ISSUE, call("2026-12-04"), call("2026-12-08")]
    d = cs(calls, "2026-12-08")
    assert (d.action, d.next_date) == (WAIT, date(2026, 12, 9))
    assert binding_refs(d) == {ONE_A_DAY}
    assert d.timed_by == ()
    assert SILENCE in note_refs(d)
    # They reply on Wed 12-09: the limit is back for two weeks from the reply, Wed 12-23.
    answered = cs([*calls, reply("2026-12-09")], "2026-12-09")
    assert (answered.action, answered.next_date) == (WAIT, date(2026, 12, 23))
    assert binding_refs(answered) == {ONE_CALL}
    assert SILENCE not in note_refs(answered)
