"""five-rules: Jim Vassallo's "Five Rules for Following Up After a Job Interview".

Every expected date below was worked out by hand on the 2026 US calendar (Columbus Day Mon 10-12,
Veterans Day Wed 11-11, Thanksgiving Thu 11-26, Christmas Fri 12-25, New Year Fri 2027-01-01).

Readings v2: the document speaks of after an interview only, so before one the rule set is
silent; change-course turns to email after two unanswered follow-ups, and the question whether
to stop is asked once per spell of silence.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

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
    history,
    interview,
    message_with_person,
    no_answer,
    note_refs,
    notes,
    reason_refs,
    reply,
    skipped,
    spelled,
    thank_you,
    voicemail,
)

RULES = "five-rules"
NY = ZoneInfo("America/New_York")
UTC = ZoneInfo("UTC")

WAIT_A_WEEK = "five-rules/wait-a-week"
NO_DAILY = "five-rules/no-daily-contact"
ASK = "five-rules/ask-whether-to-stop"
CHANGE = "five-rules/change-course"
POLITE = "five-rules/polite-and-humble"
STAND_OUT = "five-rules/stand-out"
UNTIL = "five-rules/until-resolved"
BUSINESS = "common/business-days-only"
SOURCE = fr.rulesets.get(RULES).source


def at(value: str, hour: int, minute: int = 0, zone: ZoneInfo = NY) -> datetime:
    """``"2026-11-10"`` at ``hour:minute`` in ``zone`` (New York by default)."""
    on = day(value)
    return datetime(on.year, on.month, on.day, hour, minute, tzinfo=zone)


def timed_by(decision: fr.Decision) -> list[str]:
    """The rules that set the time of the next contact, as ``ruleset/rule``."""
    return [str(ref) for ref in decision.timed_by]


class TestConformance(RuleSetConformance):
    ruleset = fr.rulesets.get(RULES)


def test_the_rule_ids_are_the_seven_of_rules_md() -> None:
    assert fr.rulesets.get(RULES).ids == (
        "polite-and-humble",
        "wait-a-week",
        "no-daily-contact",
        "ask-whether-to-stop",
        "change-course",
        "stand-out",
        "until-resolved",
    )


# -- scope: after an interview only -----------------------------------------------------------


@pytest.mark.rule(WAIT_A_WEEK)
@pytest.mark.rule(NO_DAILY)
@pytest.mark.rule(ASK)
@pytest.mark.parametrize(
    ("events", "today"),
    [
        pytest.param([applied("2026-11-02")], "2026-11-03", id="applied"),
        # v1 kept a week between these follow-ups (Mon 11-16); the document says nothing here.
        pytest.param([applied("2026-11-02"), email("2026-11-09")], "2026-11-10", id="one-email"),
        # v1 asked whether to stop on Mon 11-16: no interview, so no question either.
        pytest.param(
            [applied("2026-11-02"), email("2026-11-02"), voicemail("2026-11-09")],
            "2026-11-09",
            id="an-email-and-a-voicemail",
        ),
    ],
)
def test_before_an_interview_this_document_is_silent(events: list[fr.Event], today: str) -> None:
    decision = decide(events, today, RULES)
    assert decision.action is fr.Action.SILENT
    assert (decision.next_date, decision.purpose, decision.channel) == (None, None, None)
    assert decision.silent == (RULES,)
    [reason] = decision.reasons
    assert str(reason.ref) == "five-rules/scope"
    assert reason.binding
    assert "after an interview" in reason.what
    assert reason.citation.source == SOURCE
    assert decision.guidance == ()
    assert (decision.timed, decision.untimed_parts, decision.why_untimed()) == (False, (), None)
    assert str(decision).splitlines()[0] == f"SILENT as of {spelled(today)}"


def test_a_silent_part_adds_nothing_to_a_composition() -> None:
    # Applied Mon 11-02: career-staffing alone sets the week, five-rules gives no day of its own.
    decision = decide([applied("2026-11-02")], "2026-11-02", "five-rules+career-staffing")
    assert decision.silent == (RULES,)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 11, 9))
    assert timed_by(decision) == ["career-staffing/wait-after-application"]
    assert {r for r in reason_refs(decision) if r.startswith(RULES)} == {"five-rules/scope"}
    assert all(note.ref.ruleset != RULES for note in decision.guidance)


def test_a_plan_before_an_interview_makes_no_contact() -> None:
    made = fr.plan(history([applied("2026-11-02")]), date(2026, 11, 2), rules=RULES)
    assert made.contacts == ()
    assert made.end is fr.PlanEnd.SILENT
    assert str(made).splitlines() == [
        "no contact",
        "then nothing: silent: this document covers after an interview only",
    ]


# -- wait-a-week ------------------------------------------------------------------------------


@pytest.mark.rule(WAIT_A_WEEK)
def test_a_tuesday_interview_means_the_next_tuesday() -> None:
    decision = decide([interview("2026-11-03")], "2026-11-03", RULES)
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 11, 10)
    assert decision.purpose is fr.Purpose.STATUS
    assert decision.channel is None
    assert decision.time_of_day is None
    assert decision.follow_ups_left is None
    assert decision.messages_left is None
    assert binding_refs(decision) == {WAIT_A_WEEK}
    assert timed_by(decision) == [WAIT_A_WEEK]
    assert decision.skipped == ()
    assert decision.conflicts == ()


@pytest.mark.rule(WAIT_A_WEEK)
@pytest.mark.parametrize(
    ("today", "action"),
    [
        ("2026-11-09", fr.Action.WAIT),  # day six: still too soon
        ("2026-11-10", fr.Action.FOLLOW_UP),  # day seven: the window opens
        ("2026-11-12", fr.Action.FOLLOW_UP),  # and stays open (Veterans Day is past)
    ],
)
def test_the_week_after_the_interview_opens_on_day_seven(today: str, action: fr.Action) -> None:
    decision = decide([interview("2026-11-03")], today, RULES)
    assert decision.action is action
    expected = max(date(2026, 11, 10), day(today))
    assert decision.next_date == expected


@pytest.mark.rule(WAIT_A_WEEK)
@pytest.mark.parametrize(
    ("interviewed", "week_later", "first_day", "passed_over"),
    [
        # Wed + 7 is Veterans Day: the Thursday after.
        ("2026-11-04", "2026-11-11", "2026-11-12", ["2026-11-11"]),
        # Thu + 7 is Thanksgiving: the Friday after (not a US federal holiday).
        ("2026-11-19", "2026-11-26", "2026-11-27", ["2026-11-26"]),
        # Fri + 7 is Christmas: the weekend too, so Monday.
        ("2026-12-18", "2026-12-25", "2026-12-28", ["2026-12-25", "2026-12-26", "2026-12-27"]),
        # Mon + 7 is Columbus Day: Tuesday.
        ("2026-10-05", "2026-10-12", "2026-10-13", ["2026-10-12"]),
        # Mon + 7 is Labor Day: Tuesday.
        ("2026-08-31", "2026-09-07", "2026-09-08", ["2026-09-07"]),
        # Fri + 7 is Independence Day observed: Monday.
        ("2026-06-26", "2026-07-03", "2026-07-06", ["2026-07-03", "2026-07-04", "2026-07-05"]),
    ],
)
def test_a_week_after_the_interview_landing_on_a_holiday_moves_to_the_next_business_day(
    interviewed: str, week_later: str, first_day: str, passed_over: list[str]
) -> None:
    decision = decide([interview(interviewed)], interviewed, RULES)
    assert day(interviewed) + timedelta(days=7) == day(week_later)
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == day(first_day)
    assert binding_refs(decision) == {WAIT_A_WEEK, BUSINESS}
    assert skipped(decision) == {day(d): {BUSINESS} for d in passed_over}


@pytest.mark.rule(WAIT_A_WEEK)
def test_an_informational_interview_also_waits_a_week() -> None:
    events: list[fr.Event] = [interview("2026-11-05", fr.InterviewKind.INFORMATIONAL)]
    decision = decide(events, "2026-11-05", RULES)
    assert decision.next_date == date(2026, 11, 12)
    assert binding_refs(decision) == {WAIT_A_WEEK}


@pytest.mark.rule(WAIT_A_WEEK)
def test_a_thank_you_the_day_after_does_not_shorten_the_week() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), thank_you("2026-11-04", fr.Channel.EMAIL)]
    decision = decide(events, "2026-11-04", RULES)
    assert decision.next_date == date(2026, 11, 10)
    assert binding_refs(decision) == {WAIT_A_WEEK}
    assert timed_by(decision) == [WAIT_A_WEEK]  # still the first follow-up: the week times it
    assert UNTIL not in note_refs(decision)  # a thank-you is not an unanswered follow-up


@pytest.mark.rule(WAIT_A_WEEK)
@pytest.mark.rule(NO_DAILY)
def test_the_week_times_the_first_follow_up_and_the_gap_every_later_one() -> None:
    # An email on Thu 11-05, too soon: it is not the follow-up the week times, so the week
    # still times one, and the gap (11-12) spaces it from the early email.
    events: list[fr.Event] = [interview("2026-11-03"), email("2026-11-05")]
    decision = decide(events, "2026-11-05", RULES)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 11, 12))
    assert timed_by(decision) == [WAIT_A_WEEK, NO_DAILY]
    assert binding_refs(decision) == {NO_DAILY}
    assert WAIT_A_WEEK in reason_refs(decision)  # it still rules out the days before Tue 11-10


@pytest.mark.rule(WAIT_A_WEEK)
def test_a_new_interview_starts_a_new_week_and_forgets_the_unanswered() -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail("2026-11-10"),
        email("2026-11-17"),
        interview("2026-11-19"),
    ]
    decision = decide(events, "2026-11-19", RULES)
    # Thu 11-19 + 7 = Thanksgiving; the no-daily-contact gap of the old stage (11-24) is gone.
    assert decision.next_date == date(2026, 11, 27)
    assert binding_refs(decision) == {WAIT_A_WEEK, BUSINESS}
    assert decision.purpose is fr.Purpose.STATUS
    assert note_refs(decision) == {POLITE, STAND_OUT}


# -- no-daily-contact -------------------------------------------------------------------------


@pytest.mark.rule(NO_DAILY)
def test_after_a_follow_up_the_next_waits_a_full_week() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), email("2026-11-10")]
    decision = decide(events, "2026-11-10", RULES)
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 11, 17)
    assert binding_refs(decision) == {NO_DAILY}  # the week after the interview is long over
    assert timed_by(decision) == [NO_DAILY]


@pytest.mark.rule(NO_DAILY)
@pytest.mark.parametrize(
    ("today", "action", "next_date"),
    [
        ("2026-11-11", fr.Action.WAIT, "2026-11-17"),  # the day after (and a holiday)
        ("2026-11-16", fr.Action.WAIT, "2026-11-17"),  # day six
        ("2026-11-17", fr.Action.FOLLOW_UP, "2026-11-17"),  # day seven
    ],
)
def test_the_gap_between_follow_ups_is_seven_days(
    today: str, action: fr.Action, next_date: str
) -> None:
    decision = decide([interview("2026-11-03"), email("2026-11-10")], today, RULES)
    assert decision.action is action
    assert decision.next_date == day(next_date)


@pytest.mark.rule(NO_DAILY)
@pytest.mark.parametrize(
    ("last", "first_day", "passed_over"),
    [
        ("2026-11-19", "2026-11-27", ["2026-11-26"]),  # a week later is Thanksgiving
        ("2026-12-18", "2026-12-28", ["2026-12-25", "2026-12-26", "2026-12-27"]),  # Christmas
        # An email sent on Christmas Day itself: a week later is New Year's Day, then a weekend.
        ("2026-12-25", "2027-01-04", ["2027-01-01", "2027-01-02", "2027-01-03"]),
    ],
)
def test_a_gap_ending_on_a_holiday_moves_to_the_next_business_day(
    last: str, first_day: str, passed_over: list[str]
) -> None:
    events: list[fr.Event] = [interview("2026-11-03"), email("2026-11-10"), email(last)]
    decision = decide(events, last, RULES)
    assert decision.next_date == day(first_day)
    assert binding_refs(decision) == {NO_DAILY, BUSINESS}
    assert skipped(decision) == {day(d): {BUSINESS} for d in passed_over}


@pytest.mark.rule(NO_DAILY)
def test_the_gap_holds_after_an_informational_interview_too() -> None:
    # Informational meeting Mon 11-02, an email Mon 11-09: the next on Mon 11-16.
    events: list[fr.Event] = [
        interview("2026-11-02", fr.InterviewKind.INFORMATIONAL),
        email("2026-11-09"),
    ]
    decision = decide(events, "2026-11-10", RULES)
    assert decision.next_date == date(2026, 11, 16)
    assert binding_refs(decision) == {NO_DAILY}
    assert timed_by(decision) == [NO_DAILY]


@pytest.mark.rule(NO_DAILY)
def test_the_gap_counts_from_the_last_follow_up_not_from_a_thank_you() -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        email("2026-11-10"),
        thank_you("2026-11-13"),  # a thank-you call, not a status follow-up
    ]
    decision = decide(events, "2026-11-13", RULES)
    assert decision.next_date == date(2026, 11, 17)
    assert binding_refs(decision) == {NO_DAILY}


@pytest.mark.rule(NO_DAILY)
def test_a_reply_does_not_shorten_the_week() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), email("2026-11-10"), reply("2026-11-12")]
    decision = decide(events, "2026-11-12", RULES)
    assert decision.next_date == date(2026, 11, 17)
    assert binding_refs(decision) == {NO_DAILY}


@pytest.mark.rule(NO_DAILY)
def test_they_are_away_past_the_week() -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        email("2026-11-10"),
        away("2026-11-12", "2026-11-20"),
    ]
    decision = decide(events, "2026-11-12", RULES)
    # Back on Fri 11-20: the first business day after it is Mon 11-23.
    assert decision.next_date == date(2026, 11, 23)
    assert binding_refs(decision) == {"common/not-while-away"}


# -- a call that left nothing ------------------------------------------------------------------


@pytest.mark.rule(NO_DAILY)
def test_a_call_that_left_nothing_does_not_move_the_gap() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), email("2026-11-10"), no_answer("2026-11-12")]
    decision = decide(events, "2026-11-12", RULES)
    assert decision.next_date == date(2026, 11, 17)
    assert binding_refs(decision) == {NO_DAILY}


@pytest.mark.rule(WAIT_A_WEEK)
def test_a_call_that_left_nothing_is_not_the_first_follow_up() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), no_answer("2026-11-05")]
    decision = decide(events, "2026-11-05", RULES)
    assert decision.next_date == date(2026, 11, 10)
    assert binding_refs(decision) == {WAIT_A_WEEK}
    assert timed_by(decision) == [WAIT_A_WEEK]  # nothing reached them: still the first one
    assert UNTIL not in note_refs(decision)


@pytest.mark.rule(ASK)
@pytest.mark.rule(CHANGE)
def test_a_call_that_left_nothing_is_neither_unanswered_nor_a_second_channel() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), email("2026-11-10"), no_answer("2026-11-17")]
    decision = decide(events, "2026-11-17", RULES)
    # Not a contact: the week after the email ends today, and one contact a day does not apply.
    assert decision.action is fr.Action.FOLLOW_UP
    assert decision.purpose is fr.Purpose.STATUS
    assert ASK not in note_refs(decision)
    assert CHANGE not in note_refs(decision)


# -- ask-whether-to-stop ----------------------------------------------------------------------


@pytest.mark.rule(ASK)
def test_a_voicemail_and_an_email_unanswered_mean_asking_whether_to_stop() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), voicemail("2026-11-10"), email("2026-11-17")]
    decision = decide(events, "2026-11-17", RULES)
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 11, 24)
    assert decision.purpose is fr.Purpose.ASK_WHETHER_TO_CONTINUE
    assert decision.channel is fr.Channel.EMAIL  # change-course: two unanswered, so an email
    assert binding_refs(decision) == {NO_DAILY}
    assert timed_by(decision) == [NO_DAILY]
    assert ASK in reason_refs(decision)
    [note] = notes(decision, ASK)
    assert "stop" in note.text
    assert "interested" in note.text


@pytest.mark.rule(ASK)
@pytest.mark.parametrize(
    ("events", "purpose"),
    [
        pytest.param([voicemail("2026-11-10")], fr.Purpose.STATUS, id="one-follow-up"),
        pytest.param(
            [email("2026-11-10"), email("2026-11-17")], fr.Purpose.STATUS, id="one-channel"
        ),
        pytest.param(
            [voicemail("2026-11-10"), message_with_person("2026-11-17")],
            fr.Purpose.STATUS,
            id="voicemail-and-receptionist-are-both-the-phone",
        ),
        pytest.param(
            [call("2026-11-10"), email("2026-11-17")],
            fr.Purpose.ASK_WHETHER_TO_CONTINUE,
            id="reached-call-and-email",
        ),
        pytest.param(
            [message_with_person("2026-11-10"), email("2026-11-17")],
            fr.Purpose.ASK_WHETHER_TO_CONTINUE,
            id="receptionist-and-email",
        ),
        pytest.param(
            [thank_you("2026-11-04", fr.Channel.EMAIL), voicemail("2026-11-17")],
            fr.Purpose.STATUS,
            id="a-thank-you-is-not-a-follow-up",
        ),
    ],
)
def test_asking_needs_two_unanswered_follow_ups_through_two_channels(
    events: list[fr.Event], purpose: fr.Purpose
) -> None:
    decision = decide([interview("2026-11-03"), *events], "2026-11-17", RULES)
    assert decision.purpose is purpose
    assert bool(notes(decision, ASK)) is (purpose is fr.Purpose.ASK_WHETHER_TO_CONTINUE)


@pytest.mark.rule(ASK)
def test_a_reply_resets_the_unanswered_count() -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail("2026-11-10"),
        reply("2026-11-12", fr.Channel.EMAIL),
        email("2026-11-17"),
    ]
    decision = decide(events, "2026-11-17", RULES)
    assert decision.purpose is fr.Purpose.STATUS
    assert decision.next_date == date(2026, 11, 24)
    assert ASK not in note_refs(decision)
    assert CHANGE not in note_refs(decision)
    assert UNTIL in note_refs(decision)  # the email of 11-17 is still unanswered


@pytest.mark.rule(ASK)
def test_a_reply_after_the_two_clears_the_question() -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail("2026-11-10"),
        email("2026-11-17"),
        reply("2026-11-18"),
    ]
    decision = decide(events, "2026-11-18", RULES)
    assert decision.purpose is fr.Purpose.STATUS
    assert decision.next_date == date(2026, 11, 24)
    assert note_refs(decision) == {POLITE, STAND_OUT}


ASKED = (
    interview("2026-11-03"),
    voicemail("2026-11-10"),
    email("2026-11-17"),
    email("2026-11-24", fr.Purpose.ASK_WHETHER_TO_CONTINUE),
)
"""They were asked on Tue 11-24 whether to stop, after a voicemail and an email went unanswered."""


@pytest.mark.rule(ASK)
def test_an_unanswered_question_is_not_asked_again() -> None:
    # v1 asked again on Tue 12-01. Asked once per spell of silence: the next is a status email.
    decision = decide(ASKED, "2026-11-24", RULES)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 12, 1))
    assert decision.purpose is fr.Purpose.STATUS
    assert decision.channel is fr.Channel.EMAIL
    assert ASK not in reason_refs(decision)
    assert ASK not in note_refs(decision)
    assert UNTIL in note_refs(decision)  # silence still does not end it


@pytest.mark.rule(ASK)
def test_the_question_stays_asked_while_the_silence_lasts() -> None:
    # Two more status emails after the question (Tue 12-01, Tue 12-08): still not asked again.
    events: list[fr.Event] = [*ASKED, email("2026-12-01"), email("2026-12-08")]
    decision = decide(events, "2026-12-08", RULES)
    assert decision.next_date == date(2026, 12, 15)
    assert decision.purpose is fr.Purpose.STATUS


@pytest.mark.rule(ASK)
def test_a_reply_after_the_question_starts_a_new_spell_of_silence() -> None:
    # Reply Wed 11-25; then an email Wed 12-02 and a voicemail Wed 12-09 go unanswered.
    events: list[fr.Event] = [
        *ASKED,
        reply("2026-11-25"),
        email("2026-12-02"),
        voicemail("2026-12-09"),
    ]
    decision = decide(events, "2026-12-09", RULES)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 12, 16))
    assert decision.purpose is fr.Purpose.ASK_WHETHER_TO_CONTINUE


@pytest.mark.rule(ASK)
def test_an_email_then_a_voicemail_mean_asking_as_well() -> None:
    # Interview Mon 11-02, an email Mon 11-09, a voicemail Mon 11-16: ask on Mon 11-23 (this
    # document has nothing against Mondays). Before v2 this case was dated before an interview.
    events: list[fr.Event] = [interview("2026-11-02"), email("2026-11-09"), voicemail("2026-11-16")]
    decision = decide(events, "2026-11-16", RULES)
    assert decision.purpose is fr.Purpose.ASK_WHETHER_TO_CONTINUE
    assert decision.next_date == date(2026, 11, 23)
    assert decision.channel is fr.Channel.EMAIL


# -- change-course ----------------------------------------------------------------------------


@pytest.mark.rule(CHANGE)
def test_two_morning_voicemails_mean_an_email_in_the_afternoon() -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail(at("2026-11-10", 9)),
        voicemail(at("2026-11-17", 10)),
    ]
    decision = decide(events, "2026-11-17", RULES)
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 11, 24)
    assert decision.time_of_day is fr.TimeOfDay.AFTERNOON
    assert decision.channel is fr.Channel.EMAIL  # the document's example: a different email
    assert decision.purpose is fr.Purpose.STATUS  # one channel only: not yet the question
    assert binding_refs(decision) == {NO_DAILY}  # the switch is advice, not a binding rule
    assert timed_by(decision) == [NO_DAILY]
    [change] = [r for r in decision.reasons if str(r.ref) == CHANGE and "email" in r.what]
    assert not change.binding
    [note] = notes(decision, CHANGE)
    assert "differently" in note.text
    assert "time of day" in note.text
    assert str(decision).splitlines()[0] == (
        "WAIT until Tue 2026-11-24: status by email in the afternoon"
    )


@pytest.mark.rule(CHANGE)
@pytest.mark.parametrize(
    ("first_hour", "second_hour", "time_of_day"),
    [
        (9, 10, fr.TimeOfDay.AFTERNOON),
        (13, 16, fr.TimeOfDay.MORNING),
        (18, 19, fr.TimeOfDay.MORNING),  # evening emails: try the working morning
        (11, 12, None),  # 11:00 morning, noon afternoon: every working time was tried
    ],
)
def test_the_next_time_of_day_avoids_the_unanswered_ones(
    first_hour: int, second_hour: int, time_of_day: fr.TimeOfDay | None
) -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        email(at("2026-11-10", first_hour)),
        email(at("2026-11-17", second_hour)),
    ]
    decision = decide(events, "2026-11-17", RULES)
    assert decision.time_of_day is time_of_day
    assert decision.channel is fr.Channel.EMAIL  # emails already: a differently worded one
    assert CHANGE in note_refs(decision)


@pytest.mark.rule(CHANGE)
def test_one_unanswered_follow_up_changes_nothing() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), voicemail(at("2026-11-10", 9))]
    decision = decide(events, "2026-11-10", RULES)
    assert decision.time_of_day is None
    assert decision.channel is None
    assert CHANGE not in note_refs(decision)
    assert CHANGE not in reason_refs(decision)


@pytest.mark.rule(CHANGE)
def test_follow_ups_logged_by_date_only_get_an_email_but_no_time() -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail("2026-11-10"),
        voicemail("2026-11-17"),
    ]
    decision = decide(events, "2026-11-17", RULES)
    assert decision.time_of_day is None
    assert decision.channel is fr.Channel.EMAIL
    assert CHANGE in note_refs(decision)


@pytest.mark.rule(CHANGE)
@pytest.mark.rule(ASK)
def test_a_phone_only_seeker_calls_twice_then_emails_then_asks() -> None:
    # Voicemails Tue 11-10 and 11-17 (phone only); change-course switches 11-24 to email; that
    # second channel makes the next contact, Tue 12-01, the question; asked once, then status.
    made = fr.plan(
        history([interview("2026-11-03")]), date(2026, 11, 3), rules=RULES, until=date(2026, 12, 8)
    )
    voicemail_left, sent = fr.Outcome.VOICEMAIL_LEFT, fr.Outcome.SENT
    status, ask = fr.Purpose.STATUS, fr.Purpose.ASK_WHETHER_TO_CONTINUE
    phone, mail = fr.Channel.PHONE, fr.Channel.EMAIL
    assert [(c.on, c.purpose, c.channel, c.outcome) for c in made.contacts] == [
        (date(2026, 11, 10), status, phone, voicemail_left),
        (date(2026, 11, 17), status, phone, voicemail_left),
        (date(2026, 11, 24), status, mail, sent),
        (date(2026, 12, 1), ask, mail, sent),
        (date(2026, 12, 8), status, mail, sent),
    ]
    assert [c.proposed for c in made.contacts] == [None, None, mail, mail, mail]
    assert made.end is fr.PlanEnd.HORIZON
    assert made.ending.next_date == date(2026, 12, 15)
    assert str(made).splitlines()[-1] == (
        "then nothing more until Tue 2026-12-08, where the plan ends; the next contact would be "
        "on Tue 2026-12-15"
    )


@pytest.mark.rule(CHANGE)
@pytest.mark.rule(ASK)
def test_after_two_voicemails_the_email_makes_the_next_contact_the_question() -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail("2026-11-10"),
        voicemail("2026-11-17"),
        email("2026-11-24"),
    ]
    decision = decide(events, "2026-11-24", RULES)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 12, 1))
    assert decision.purpose is fr.Purpose.ASK_WHETHER_TO_CONTINUE
    assert decision.channel is fr.Channel.EMAIL
    assert timed_by(decision) == [NO_DAILY]


@pytest.mark.rule(CHANGE)
@pytest.mark.rule(ASK)
def test_a_morning_voicemail_and_a_morning_email_mean_asking_in_the_afternoon() -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail(at("2026-11-10", 9)),
        email(at("2026-11-17", 10)),
    ]
    decision = decide(events, "2026-11-17", RULES)
    assert decision.purpose is fr.Purpose.ASK_WHETHER_TO_CONTINUE
    assert decision.time_of_day is fr.TimeOfDay.AFTERNOON
    assert decision.channel is fr.Channel.EMAIL
    assert decision.next_date == date(2026, 11, 24)


@pytest.mark.rule(CHANGE)
def test_a_reply_forgets_the_times_that_went_unanswered() -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail(at("2026-11-10", 9)),
        voicemail(at("2026-11-17", 10)),
        reply("2026-11-18"),
        voicemail(at("2026-11-24", 9)),
    ]
    decision = decide(events, "2026-11-24", RULES)
    assert decision.time_of_day is None
    assert decision.channel is None
    assert CHANGE not in note_refs(decision)
    assert decision.next_date == date(2026, 12, 1)


@pytest.mark.rule(CHANGE)
def test_the_time_of_day_is_read_in_the_employer_time_zone() -> None:
    # 16:00 and 16:30 UTC are 11:00 and 11:30 in New York (EST after 1 November).
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail(at("2026-11-10", 16, zone=UTC)),
        voicemail(at("2026-11-17", 16, 30, zone=UTC)),
    ]
    new_york = fr.WorkCalendar("US", timezone="America/New_York")
    assert decide(events, "2026-11-17", RULES, calendar=new_york).time_of_day is (
        fr.TimeOfDay.AFTERNOON
    )
    # With no time zone on the calendar, each time is read as it was logged: afternoon in UTC.
    assert decide(events, "2026-11-17", RULES).time_of_day is fr.TimeOfDay.MORNING


@pytest.mark.rule(CHANGE)
def test_their_preferred_channel_is_kept_with_right_changes() -> None:
    # Composition: right-changes names their channel, which comes before change-course's email.
    events: list[fr.Event] = [
        interview("2026-11-03"),
        reply("2026-11-05", fr.Channel.PHONE),
        voicemail(at("2026-11-10", 9)),
        voicemail(at("2026-11-17", 10)),
    ]
    decision = decide(events, "2026-11-18", "five-rules+right-changes")
    assert decision.channel is fr.Channel.PHONE
    assert decision.time_of_day is fr.TimeOfDay.AFTERNOON
    assert decision.conflicts == ()
    # Tue 11-24 is a week after the last voicemail; right-changes only rules out Wed 11-25.
    assert decision.next_date == date(2026, 11, 24)


# -- until-resolved ---------------------------------------------------------------------------


TUESDAYS = [date(2026, 11, 10) + timedelta(weeks=n) for n in range(10)]  # to Tue 2027-01-12


@pytest.mark.rule(UNTIL)
@pytest.mark.parametrize("count", range(1, len(TUESDAYS) + 1))
def test_silence_never_stops_this_rule_set(count: int) -> None:
    sent = TUESDAYS[:count]
    follow_ups = [voicemail(d) if n % 2 else email(d) for n, d in enumerate(sent)]
    decision = decide([interview("2026-11-03"), *follow_ups], sent[-1], RULES)
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == sent[-1] + timedelta(days=7)  # Tuesdays: none a holiday
    assert decision.follow_ups_left is None
    assert UNTIL in note_refs(decision)
    expected = fr.Purpose.STATUS if count == 1 else fr.Purpose.ASK_WHETHER_TO_CONTINUE
    assert decision.purpose is expected  # none of these was logged as the question itself
    assert decision.channel is (None if count == 1 else fr.Channel.EMAIL)
    assert timed_by(decision) == [NO_DAILY]


@pytest.mark.rule(UNTIL)
def test_months_of_silence_still_say_follow_up() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), voicemail("2026-11-10"), email("2026-11-17")]
    decision = decide(events, "2027-03-01", RULES)
    assert decision.action is fr.Action.FOLLOW_UP
    assert decision.next_date == date(2027, 3, 1)
    assert decision.purpose is fr.Purpose.ASK_WHETHER_TO_CONTINUE
    [note] = notes(decision, UNTIL)
    assert "hired" in note.text


@pytest.mark.rule(UNTIL)
def test_until_resolved_speaks_only_while_something_is_unanswered() -> None:
    assert UNTIL not in note_refs(decide([interview("2026-11-03")], "2026-11-03", RULES))
    events: list[fr.Event] = [interview("2026-11-03"), email("2026-11-10")]
    assert UNTIL in note_refs(decide(events, "2026-11-10", RULES))
    assert UNTIL not in note_refs(decide([*events, reply("2026-11-11")], "2026-11-11", RULES))


@pytest.mark.rule(UNTIL)
@pytest.mark.parametrize("verdict", list(fr.Verdict))
def test_a_definite_answer_ends_it(verdict: fr.Verdict) -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail("2026-11-10"),
        email("2026-11-17"),
        fr.Answer(date(2026, 11, 18), verdict=verdict),
    ]
    decision = decide(events, "2026-11-18", RULES)
    assert decision.action is fr.Action.DONE
    assert decision.next_date is None
    assert binding_refs(decision) == {"common/definite-answer"}


@pytest.mark.rule(UNTIL)
def test_a_definite_answer_leaves_no_advice_to_keep_following_up() -> None:
    events: list[fr.Event] = [
        interview("2026-11-03"),
        voicemail("2026-11-10"),
        email("2026-11-17"),
        fr.Answer(date(2026, 11, 18), verdict=fr.Verdict.REJECTED),
    ]
    decision = decide(events, "2026-11-18", RULES)
    assert decision.action is fr.Action.DONE
    # This document attaches no advice to a rejection: the DONE carries none at all.
    assert decision.guidance == ()


# -- advice -----------------------------------------------------------------------------------


@pytest.mark.rule(POLITE)
@pytest.mark.rule(STAND_OUT)
@pytest.mark.parametrize(
    ("events", "today"),
    [
        ([interview("2026-11-03")], "2026-11-03"),
        ([interview("2026-11-03"), voicemail("2026-11-10"), email("2026-11-17")], "2026-11-24"),
        ([*ASKED], "2026-12-01"),
    ],
)
def test_politeness_and_standing_out_are_advised_in_every_decision_after_an_interview(
    events: list[fr.Event], today: str
) -> None:
    decision = decide(events, today, RULES)
    [polite] = notes(decision, POLITE)
    assert "polite" in polite.text
    assert "upset" in polite.text
    [stand_out] = notes(decision, STAND_OUT)
    assert "creative" in stand_out.text
    # Advice only: neither rule is a reason, let alone a binding one.
    assert not reason_refs(decision) & {POLITE, STAND_OUT}


@pytest.mark.rule(POLITE)
@pytest.mark.rule(STAND_OUT)
def test_the_guidance_comes_in_the_rule_sets_order() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), voicemail("2026-11-10"), email("2026-11-17")]
    decision = decide(events, "2026-11-24", RULES)
    assert decision.action is fr.Action.FOLLOW_UP
    assert [note.ref.rule for note in decision.guidance] == [
        "polite-and-humble",
        "ask-whether-to-stop",
        "change-course",
        "stand-out",
        "until-resolved",
    ]
