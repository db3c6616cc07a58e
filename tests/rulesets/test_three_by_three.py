"""The `three-by-three` rule set: the 3x3 method before an interview, a week to ten days after.

Every date is worked out by hand on the US calendar of 2026 (Veterans Day Wed 11-11, Thanksgiving
Thu 11-26, Christmas Fri 12-25, New Year Fri 2027-01-01, Independence Day observed Fri 07-03,
Labor Day Mon 09-07, Columbus Day Mon 10-12).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

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

NAME = "three-by-three"
THREE_DAYS = f"{NAME}/three-business-days"
SCRIPT = f"{NAME}/three-part-message"
THANKS = f"{NAME}/thank-you-next-day"
NOTE = f"{NAME}/handwritten-note"
WEEKLY = f"{NAME}/weekly-until-answer"
BUSINESS = "common/business-days-only"
ONE_A_DAY = "common/one-contact-a-day"

INFORMAL = [fr.InterviewKind.INFORMATIONAL, fr.InterviewKind.NETWORKING]


class TestConformance(RuleSetConformance):
    ruleset = fr.rulesets.get(NAME)


def test_the_rule_set_has_the_five_rules_of_rules_md() -> None:
    assert fr.rulesets.get(NAME).ids == (
        "three-business-days",
        "three-part-message",
        "thank-you-next-day",
        "handwritten-note",
        "weekly-until-answer",
    )


# -- three-business-days ------------------------------------------------------------------------


@pytest.mark.rule(THREE_DAYS)
@pytest.mark.parametrize("today", ["2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"])
def test_applied_the_tuesday_before_thanksgiving_waits_until_monday(today: str) -> None:
    # Business days after Tue 11-24: Wed 11-25, (Thanksgiving, weekend), Fri 11-27, Mon 11-30.
    decision = decide([applied("2026-11-24")], today, NAME)
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 11, 30)
    assert decision.purpose is fr.Purpose.STATUS
    assert decision.channel is fr.Channel.PHONE
    assert decision.time_of_day is None
    assert decision.window_end is None
    assert (decision.follow_ups_left, decision.messages_left) == (None, None)
    assert binding_refs(decision) == {THREE_DAYS}
    # The holiday and the weekend fall inside the count: no day is passed over after it.
    assert skipped(decision) == {}
    assert decision.conflicts == ()


@pytest.mark.rule(THREE_DAYS)
def test_the_third_business_day_is_a_follow_up_day() -> None:
    decision = decide([applied("2026-11-24")], "2026-11-30", NAME)
    assert decision.action is fr.Action.FOLLOW_UP
    assert decision.next_date == date(2026, 11, 30)
    assert decision.purpose is fr.Purpose.STATUS
    assert decision.channel is fr.Channel.PHONE
    assert binding_refs(decision) == set()


@pytest.mark.rule(THREE_DAYS)
@pytest.mark.parametrize(
    ("on", "expected"),
    [
        ("2026-11-09", "2026-11-13"),  # Tue 10, (Veterans Day), Thu 12, Fri 13
        ("2026-12-21", "2026-12-24"),  # Tue 22, Wed 23, Thu 24: Christmas Eve is a business day
        ("2026-12-31", "2027-01-06"),  # (New Year, weekend), Mon 4, Tue 5, Wed 6
        ("2026-07-01", "2026-07-07"),  # Thu 2, (Independence Day observed, weekend), Mon 6, Tue 7
        ("2026-09-03", "2026-09-09"),  # Fri 4, (weekend, Labor Day), Tue 8, Wed 9
        ("2026-10-08", "2026-10-14"),  # Fri 9, (weekend, Columbus Day), Tue 13, Wed 14
        ("2026-11-28", "2026-12-02"),  # applied on a Saturday: Mon 30, Tue 1, Wed 2
    ],
)
def test_three_business_days_skip_weekends_and_holidays(on: str, expected: str) -> None:
    decision = decide([applied(on)], on, NAME)
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == day(expected)
    assert binding_refs(decision) == {THREE_DAYS}
    assert skipped(decision) == {}


@pytest.mark.rule(THREE_DAYS)
def test_the_three_business_days_time_the_first_follow_up() -> None:
    # Applied Mon 11-02: Tue 3, Wed 4, Thu 5.
    decision = decide([applied("2026-11-02")], "2026-11-02", NAME)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 11, 5))
    assert [str(ref) for ref in decision.timed_by] == [THREE_DAYS]
    assert decision.why_untimed() is None


@pytest.mark.rule(THREE_DAYS)
@pytest.mark.parametrize(
    "contact", [call, voicemail, message_with_person, email], ids=lambda f: f.__name__
)
def test_after_the_one_follow_up_the_rule_set_is_untimed(
    contact: Callable[[str], fr.FollowUp],
) -> None:
    # Applied Mon 11-02, followed up Thu 11-05: the document names no further step before an
    # interview, so only the common rules give the first day allowed, Fri 11-06.
    decision = decide([applied("2026-11-02"), contact("2026-11-05")], "2026-11-05", NAME)
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 11, 6)
    assert decision.purpose is fr.Purpose.STATUS
    assert decision.timed_by == ()
    assert decision.untimed_parts == (NAME,)
    assert decision.why_untimed() == f"{NAME} gives no time for the next contact"
    assert binding_refs(decision) == {ONE_A_DAY}
    # The wait still counts from the application (Thu 11-05), so it holds nothing back now.
    assert THREE_DAYS not in binding_refs(decision)


@pytest.mark.rule(THREE_DAYS)
def test_before_an_interview_the_plan_makes_one_contact_and_ends_untimed() -> None:
    planned = fr.plan(history([applied("2026-11-02")]), date(2026, 11, 2), rules=NAME)
    assert planned.days == (date(2026, 11, 5),)
    [contact] = planned.contacts
    assert (contact.purpose, contact.channel, contact.outcome) == (
        fr.Purpose.STATUS,
        fr.Channel.PHONE,
        fr.Outcome.VOICEMAIL_LEFT,
    )
    assert planned.end is fr.PlanEnd.UNTIMED
    assert planned.ending.next_date == date(2026, 11, 6)
    assert str(planned) == (
        "Thu 2026-11-05: status by phone, assumed voicemail-left\n"
        f"then no time set: {NAME} gives no time for the next contact, so none is scheduled "
        "(the first day allowed would be Fri 2026-11-06)"
    )


@pytest.mark.rule(THREE_DAYS)
def test_a_voicemail_on_christmas_eve_leaves_monday_the_28th_as_the_first_day_allowed() -> None:
    events: list[fr.Event] = [applied("2026-12-21"), voicemail("2026-12-24")]
    # Untimed after the one follow-up: (Christmas, weekend), Mon 12-28.
    decision = decide(events, "2026-12-24", NAME)
    assert decision.next_date == date(2026, 12, 28)
    assert decision.timed_by == ()
    assert binding_refs(decision) == {ONE_A_DAY, BUSINESS}
    assert skipped(decision) == {
        date(2026, 12, 25): {BUSINESS},
        date(2026, 12, 26): {BUSINESS},
        date(2026, 12, 27): {BUSINESS},
    }


@pytest.mark.rule(THREE_DAYS)
def test_a_call_that_left_nothing_does_not_restart_the_wait() -> None:
    decision = decide([applied("2026-11-24"), no_answer("2026-11-30")], "2026-11-30", NAME)
    assert decision.action is fr.Action.FOLLOW_UP
    assert decision.next_date == date(2026, 11, 30)
    # Nothing was said, so the follow-up the three business days time is still to come.
    assert [str(ref) for ref in decision.timed_by] == [THREE_DAYS]


@pytest.mark.rule(THREE_DAYS)
def test_a_reply_does_not_time_a_second_pre_interview_follow_up() -> None:
    events: list[fr.Event] = [applied("2026-11-24"), call("2026-11-30"), reply("2026-12-01")]
    decision = decide(events, "2026-12-01", NAME)
    # A reply is not a contact of yours: Tue 12-01 is allowed, but no rule times it.
    assert (decision.action, decision.next_date) == (fr.Action.FOLLOW_UP, date(2026, 12, 1))
    assert decision.timed_by == ()


@pytest.mark.rule(THREE_DAYS)
def test_before_an_interview_silence_never_stops_the_calls() -> None:
    # Applied Mon 11-02; the first voicemail on the third business day, then four more the
    # seeker chose to make: none of them ends the rule set, and none sets a time.
    events: list[fr.Event] = [
        applied("2026-11-02"),
        voicemail("2026-11-05"),
        voicemail("2026-11-10"),
        voicemail("2026-11-16"),
        voicemail("2026-11-19"),
        voicemail("2026-11-24"),
    ]
    decision = decide(events, "2026-11-24", NAME)
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 11, 25)
    assert decision.timed_by == ()
    assert (decision.follow_ups_left, decision.messages_left) == (None, None)


# -- three-part-message -------------------------------------------------------------------------


@pytest.mark.rule(SCRIPT)
@pytest.mark.parametrize(
    ("events", "today"),
    [
        ([applied("2026-11-24")], "2026-11-24"),
        ([applied("2026-11-24"), voicemail("2026-11-30")], "2026-12-03"),
    ],
    ids=["waiting", "after-the-follow-up"],
)
def test_the_three_part_script_is_given_before_an_interview(
    events: list[fr.Event], today: str
) -> None:
    decision = decide(events, today, NAME)
    [note] = notes(decision, SCRIPT)
    text = note.text.lower()
    for part in ("busy", "application", "improve your chances", "voicemail"):
        assert part in text, part
    assert note_refs(decision) == {SCRIPT}


@pytest.mark.rule(SCRIPT)
def test_the_three_part_script_ends_with_the_first_interview() -> None:
    events: list[fr.Event] = [applied("2026-11-02"), call("2026-11-05"), interview("2026-11-10")]
    decision = decide(events, "2026-11-10", NAME)
    assert SCRIPT not in note_refs(decision)


# -- thank-you-next-day -------------------------------------------------------------------------


@pytest.mark.rule(THANKS)
def test_the_day_after_an_interview_is_a_thank_you_call() -> None:
    decision = decide([interview("2026-11-03")], "2026-11-03", NAME)
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 11, 4)
    assert decision.window_end == date(2026, 11, 4)
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert decision.channel is fr.Channel.PHONE
    assert decision.time_of_day is None
    assert binding_refs(decision) == {THANKS, ONE_A_DAY}
    assert skipped(decision) == {}


@pytest.mark.rule(THANKS)
@pytest.mark.parametrize(
    ("on", "due"),
    [
        ("2026-11-24", "2026-11-25"),  # the day before Thanksgiving
        ("2026-12-23", "2026-12-24"),  # the day before Christmas
        ("2026-12-30", "2026-12-31"),  # the day before New Year
    ],
)
def test_a_thank_you_due_the_day_before_a_holiday_is_made_that_day(on: str, due: str) -> None:
    before = decide([interview(on)], on, NAME)
    assert (before.action, before.next_date, before.window_end) == (
        fr.Action.WAIT,
        day(due),
        day(due),
    )
    decision = decide([interview(on)], due, NAME)
    assert decision.action is fr.Action.FOLLOW_UP
    assert decision.next_date == day(due)
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert not decision.overdue
    assert skipped(decision) == {}


@pytest.mark.rule(THANKS)
@pytest.mark.parametrize(
    ("on", "due"),
    [
        ("2026-11-10", "2026-11-12"),  # Veterans Day Wed 11-11
        ("2026-11-25", "2026-11-27"),  # Thanksgiving Thu 11-26
        ("2026-12-24", "2026-12-28"),  # Christmas Fri 12-25 and the weekend
        ("2026-12-31", "2027-01-04"),  # New Year Fri 01-01 and the weekend
        ("2026-07-02", "2026-07-06"),  # Independence Day observed Fri 07-03
        ("2026-09-04", "2026-09-08"),  # the weekend and Labor Day Mon 09-07
        ("2026-10-09", "2026-10-13"),  # the weekend and Columbus Day Mon 10-12
        ("2026-11-20", "2026-11-23"),  # a plain weekend
    ],
)
def test_the_thank_you_is_due_the_next_business_day(on: str, due: str) -> None:
    decision = decide([interview(on)], on, NAME)
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == day(due)
    assert decision.window_end == day(due)
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert binding_refs(decision) == {THANKS}
    # The wait lands on the business day itself, so nothing is passed over afterwards.
    assert skipped(decision) == {}


@pytest.mark.rule(THANKS)
def test_a_job_interview_thank_you_restates_interest_in_the_job() -> None:
    decision = decide([interview("2026-11-03")], "2026-11-04", NAME)
    [note] = notes(decision, THANKS)
    assert "thank" in note.text.lower()
    assert "interested in the job" in note.text


@pytest.mark.rule(THANKS)
@pytest.mark.parametrize("kind", INFORMAL, ids=lambda k: k.value)
def test_an_informational_or_networking_thank_you_mentions_interest_only_with_an_opening(
    kind: fr.InterviewKind,
) -> None:
    job = decide([interview("2026-11-03")], "2026-11-04", NAME)
    decision = decide([interview("2026-11-03", kind)], "2026-11-04", NAME)
    assert decision.action is fr.Action.FOLLOW_UP
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert decision.next_date == date(2026, 11, 4)
    [note] = notes(decision, THANKS)
    assert "thank" in note.text.lower()
    assert "only if an opening exists" in note.text
    assert "interested in the job" not in note.text
    assert [n.text for n in notes(job, THANKS)] != [note.text]


@pytest.mark.rule(THANKS)
def test_a_thank_you_not_made_stays_proposed_and_overdue() -> None:
    decision = decide([interview("2026-11-24")], "2026-12-01", NAME)
    assert decision.action is fr.Action.FOLLOW_UP
    assert decision.next_date == date(2026, 12, 1)
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert decision.window_end == date(2026, 11, 25)
    assert decision.overdue


@pytest.mark.rule(THANKS)
@pytest.mark.parametrize("channel", [fr.Channel.PHONE, fr.Channel.EMAIL], ids=lambda c: c.value)
def test_a_logged_thank_you_ends_the_proposal(channel: fr.Channel) -> None:
    events: list[fr.Event] = [interview("2026-11-24"), thank_you("2026-11-25", channel)]
    decision = decide(events, "2026-11-25", NAME)
    assert decision.purpose is fr.Purpose.STATUS
    assert THANKS not in reason_refs(decision) | note_refs(decision)
    # A week to ten days after the thank-you of Wed 11-25: day ten is Sat 12-05, so the last
    # allowed day of the window is Fri 12-04.
    assert (decision.next_date, decision.window_end) == (date(2026, 12, 2), date(2026, 12, 4))


@pytest.mark.rule(THANKS)
@pytest.mark.rule(NOTE)
def test_a_handwritten_note_alone_does_not_replace_the_thank_you_call() -> None:
    # Interview Tue 11-24, note mailed the same evening: the call is still due Wed 11-25.
    events: list[fr.Event] = [interview("2026-11-24"), handwritten_note("2026-11-24")]
    decision = decide(events, "2026-11-25", NAME)
    assert decision.action is fr.Action.FOLLOW_UP
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert decision.channel is fr.Channel.PHONE
    assert decision.window_end == date(2026, 11, 25)


@pytest.mark.rule(THANKS)
def test_a_status_follow_up_ends_the_thank_you_proposal() -> None:
    events: list[fr.Event] = [interview("2026-11-24"), voicemail("2026-12-01")]
    decision = decide(events, "2026-12-01", NAME)
    assert decision.purpose is fr.Purpose.STATUS
    assert THANKS not in reason_refs(decision)
    assert (decision.next_date, decision.window_end) == (date(2026, 12, 8), date(2026, 12, 11))


@pytest.mark.rule(THANKS)
def test_a_call_that_left_nothing_is_not_the_thank_you() -> None:
    events: list[fr.Event] = [interview("2026-11-24"), no_answer("2026-11-25")]
    decision = decide(events, "2026-11-25", NAME)
    assert decision.action is fr.Action.FOLLOW_UP
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert decision.next_date == date(2026, 11, 25)


@pytest.mark.rule(THANKS)
def test_a_thank_you_on_the_interview_day_starts_the_week_from_that_day() -> None:
    events: list[fr.Event] = [interview("2026-11-24"), thank_you("2026-11-24")]
    decision = decide(events, "2026-11-24", NAME)
    assert decision.purpose is fr.Purpose.STATUS
    assert (decision.next_date, decision.window_end) == (date(2026, 12, 1), date(2026, 12, 4))


@pytest.mark.rule(THANKS)
@pytest.mark.rule(NOTE)
def test_a_new_interview_asks_for_a_new_thank_you_and_a_new_note() -> None:
    events: list[fr.Event] = [
        applied("2026-11-02"),
        call("2026-11-05"),
        interview("2026-11-10"),
        thank_you("2026-11-12"),
        handwritten_note("2026-11-12"),
        call("2026-11-19"),
        interview("2026-11-30"),
    ]
    decision = decide(events, "2026-11-30", NAME)
    assert decision.action is fr.Action.WAIT
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert (decision.next_date, decision.window_end) == (date(2026, 12, 1), date(2026, 12, 1))
    assert binding_refs(decision) == {THANKS, ONE_A_DAY}
    assert note_refs(decision) == {THANKS, NOTE}


@pytest.mark.rule(THANKS)
def test_the_first_interview_replaces_the_three_business_days() -> None:
    events: list[fr.Event] = [applied("2026-11-02"), call("2026-11-05"), interview("2026-11-10")]
    decision = decide(events, "2026-11-10", NAME)
    # Thank-you the next business day after Tue 11-10: Veterans Day passes, Thu 11-12.
    assert (decision.purpose, decision.next_date) == (fr.Purpose.THANK_YOU, date(2026, 11, 12))
    assert THREE_DAYS not in reason_refs(decision)


@pytest.mark.rule(THANKS)
def test_with_right_changes_the_thank_you_is_still_made_the_day_before_thanksgiving() -> None:
    # right-changes rules out the days next to a holiday, Mondays and Fridays for status
    # follow-ups only: the thank-you is timed by its own rule, Wed 11-25.
    rules = f"{NAME}+right-changes"
    decision = decide([interview("2026-11-24")], "2026-11-24", rules)
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 11, 25))
    assert decision.window_end == date(2026, 11, 25)
    assert [str(ref) for ref in decision.timed_by] == [THANKS]
    assert skipped(decision) == {}
    assert decision.conflicts == ()
    # The weekly call after it is a status follow-up: Wed 12-02 to Sat 12-05, whose last day
    # right-changes allows is Thu 12-03 (the weekend and Friday are out).
    after = decide([interview("2026-11-24"), thank_you("2026-11-25")], "2026-11-25", rules)
    assert after.purpose is fr.Purpose.STATUS
    assert (after.next_date, after.window_end) == (date(2026, 12, 2), date(2026, 12, 3))
    assert [str(ref) for ref in after.timed_by] == [WEEKLY]


# -- handwritten-note ---------------------------------------------------------------------------


@pytest.mark.rule(NOTE)
@pytest.mark.parametrize("kind", list(fr.InterviewKind), ids=lambda k: k.value)
def test_a_handwritten_note_is_asked_for_after_any_interview(kind: fr.InterviewKind) -> None:
    decision = decide([interview("2026-11-03", kind)], "2026-11-03", NAME)
    [note] = notes(decision, NOTE)
    assert "handwritten" in note.text
    assert "mail" in note.text


@pytest.mark.rule(NOTE)
def test_no_note_is_asked_for_before_an_interview() -> None:
    decision = decide([applied("2026-11-24"), call("2026-11-30")], "2026-11-30", NAME)
    assert NOTE not in note_refs(decision)


@pytest.mark.rule(NOTE)
def test_the_note_stays_in_guidance_until_one_is_mailed() -> None:
    events: list[fr.Event] = [
        interview("2026-11-24"),
        thank_you("2026-11-25"),
        voicemail("2026-12-02"),
        voicemail("2026-12-09"),
    ]
    assert NOTE in note_refs(decide(events, "2026-12-09", NAME))
    mailed = decide([*events, handwritten_note("2026-12-10")], "2026-12-10", NAME)
    assert NOTE not in note_refs(mailed)


@pytest.mark.rule(NOTE)
def test_an_emailed_thank_you_is_not_the_note() -> None:
    events: list[fr.Event] = [interview("2026-11-24"), thank_you("2026-11-25", fr.Channel.EMAIL)]
    assert NOTE in note_refs(decide(events, "2026-11-25", NAME))


@pytest.mark.rule(NOTE)
def test_any_letter_sent_by_mail_in_the_stage_clears_the_note() -> None:
    letter = fr.FollowUp(day("2026-11-25"), channel=fr.Channel.MAIL, outcome=fr.Outcome.SENT)
    decision = decide([interview("2026-11-24"), letter], "2026-11-25", NAME)
    assert NOTE not in note_refs(decision)


# -- weekly-until-answer ------------------------------------------------------------------------


@pytest.mark.rule(WEEKLY)
def test_a_week_after_the_thank_you_veterans_day_is_passed_over() -> None:
    events: list[fr.Event] = [interview("2026-11-03"), thank_you("2026-11-04")]
    decision = decide(events, "2026-11-04", NAME)
    # Wed 11-04 + 7 = Wed 11-11, Veterans Day: Thu 11-12; + 10 = Sat 11-14, so the window's
    # last business day is Fri 11-13.
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 11, 12)
    assert decision.window_end == date(2026, 11, 13)
    assert decision.purpose is fr.Purpose.STATUS
    assert decision.channel is fr.Channel.PHONE
    assert (decision.follow_ups_left, decision.messages_left) == (None, None)
    assert binding_refs(decision) == {WEEKLY, BUSINESS}
    assert skipped(decision) == {date(2026, 11, 11): {BUSINESS}}


@pytest.mark.rule(WEEKLY)
@pytest.mark.parametrize(
    ("today", "action", "overdue"),
    [
        ("2026-12-04", fr.Action.WAIT, False),  # + 4
        ("2026-12-07", fr.Action.FOLLOW_UP, False),  # + 7
        ("2026-12-10", fr.Action.FOLLOW_UP, False),  # + 10, the last day of the window
        ("2026-12-11", fr.Action.FOLLOW_UP, True),  # + 11
    ],
)
def test_the_weekly_window_runs_from_day_seven_to_day_ten(
    today: str, action: fr.Action, overdue: bool
) -> None:
    # Interview Fri 11-27; thank-you on Mon 11-30, the next business day.
    events: list[fr.Event] = [interview("2026-11-27"), thank_you("2026-11-30")]
    decision = decide(events, today, NAME)
    assert decision.action is action
    assert decision.next_date == max(day(today), date(2026, 12, 7))
    assert decision.window_end == date(2026, 12, 10)
    assert decision.overdue is overdue
    assert decision.purpose is fr.Purpose.STATUS


@pytest.mark.rule(WEEKLY)
def test_after_six_unanswered_calls_christmas_pushes_the_next_to_monday() -> None:
    events: list[fr.Event] = [
        interview("2026-11-04"),
        thank_you("2026-11-05"),
        voicemail("2026-11-12"),
        voicemail("2026-11-19"),
        voicemail("2026-11-27"),  # + 7 is Thanksgiving: Fri 11-27
        voicemail("2026-12-04"),
        voicemail("2026-12-11"),
        call("2026-12-18"),  # reached, still no answer
    ]
    decision = decide(events, "2026-12-18", NAME)
    # Fri 12-18 + 7 = Christmas; the weekend follows; + 10 = Mon 12-28.
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 12, 28)
    assert decision.window_end == date(2026, 12, 28)
    assert decision.purpose is fr.Purpose.STATUS
    assert (decision.follow_ups_left, decision.messages_left) == (None, None)
    assert binding_refs(decision) == {WEEKLY, BUSINESS}
    assert skipped(decision) == {
        date(2026, 12, 25): {BUSINESS},
        date(2026, 12, 26): {BUSINESS},
        date(2026, 12, 27): {BUSINESS},
    }
    assert decision.conflicts == ()


@pytest.mark.rule(WEEKLY)
def test_a_definite_answer_ends_the_weekly_calls() -> None:
    events: list[fr.Event] = [
        interview("2026-11-04"),
        thank_you("2026-11-05"),
        voicemail("2026-11-12"),
        fr.Answer(day("2026-11-16"), verdict=fr.Verdict.REJECTED),
    ]
    decision = decide(events, "2026-11-19", NAME)
    assert decision.action is fr.Action.DONE
    assert decision.next_date is None
    assert binding_refs(decision) == {"common/definite-answer"}


@pytest.mark.rule(WEEKLY)
def test_a_mailed_note_moves_the_weekly_clock() -> None:
    events: list[fr.Event] = [
        interview("2026-11-24"),
        thank_you("2026-11-25"),
        handwritten_note("2026-11-27"),
    ]
    decision = decide(events, "2026-11-27", NAME)
    # Fri 11-27 + 7 = Fri 12-04; + 10 = Mon 12-07.
    assert (decision.next_date, decision.window_end) == (date(2026, 12, 4), date(2026, 12, 7))
    assert binding_refs(decision) == {WEEKLY}


@pytest.mark.rule(WEEKLY)
def test_a_reply_does_not_move_the_weekly_clock() -> None:
    events: list[fr.Event] = [interview("2026-11-24"), thank_you("2026-11-25"), reply("2026-11-30")]
    decision = decide(events, "2026-11-30", NAME)
    # Wed 11-25 + 7 = Wed 12-02; + 10 = Sat 12-05, so the window closes on Fri 12-04.
    assert (decision.next_date, decision.window_end) == (date(2026, 12, 2), date(2026, 12, 4))


@pytest.mark.rule(WEEKLY)
def test_a_named_decision_date_does_not_change_the_weekly_calls() -> None:
    events: list[fr.Event] = [
        interview("2026-11-24"),
        expects("2026-11-24", "2026-12-15"),
        thank_you("2026-11-25"),
    ]
    decision = decide(events, "2026-11-25", NAME)
    assert (decision.next_date, decision.window_end) == (date(2026, 12, 2), date(2026, 12, 4))
    assert binding_refs(decision) == {WEEKLY}
    assert [str(ref) for ref in decision.timed_by] == [WEEKLY]


@pytest.mark.rule(WEEKLY)
def test_the_weekly_calls_do_not_hold_back_the_thank_you() -> None:
    decision = decide([interview("2026-11-24")], "2026-11-24", NAME)
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert decision.next_date == date(2026, 11, 25)
    # Only the thank-you's own wait and due day count; the week-to-ten-days window is for status.
    assert WEEKLY not in binding_refs(decision)
    assert decision.window_end == date(2026, 11, 25)


@pytest.mark.rule(WEEKLY)
def test_the_weekly_calls_advise_restating_interest_once_there_is_a_contact() -> None:
    before = decide([interview("2026-11-03")], "2026-11-03", NAME)
    assert WEEKLY not in note_refs(before)
    events: list[fr.Event] = [interview("2026-11-03"), thank_you("2026-11-04")]
    [note] = notes(decide(events, "2026-11-04", NAME), WEEKLY)
    assert "still interested" in note.text
    assert "moving ahead" in note.text


@pytest.mark.rule(WEEKLY)
@pytest.mark.parametrize("kind", INFORMAL, ids=lambda k: k.value)
def test_after_an_informational_meeting_there_are_no_weekly_calls(kind: fr.InterviewKind) -> None:
    # Meeting Tue 11-03: the thank-you of Wed 11-04 is timed; after it, nothing is.
    first = decide([interview("2026-11-03", kind)], "2026-11-03", NAME)
    assert (first.purpose, first.next_date) == (fr.Purpose.THANK_YOU, date(2026, 11, 4))
    assert [str(ref) for ref in first.timed_by] == [THANKS]
    events: list[fr.Event] = [interview("2026-11-03", kind), thank_you("2026-11-04")]
    decision = decide(events, "2026-11-04", NAME)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 11, 5))
    assert decision.purpose is fr.Purpose.STATUS
    assert decision.timed_by == ()
    assert decision.why_untimed() == f"{NAME} gives no time for the next contact"
    assert WEEKLY not in reason_refs(decision) | note_refs(decision)
    assert decision.window_end is None


@pytest.mark.rule(WEEKLY)
@pytest.mark.parametrize(
    ("kind", "days", "end"),
    [
        # Thank-you Wed 11-04; + 7 is Veterans Day: Thu 11-12; Thu 11-19; + 7 is Thanksgiving:
        # Fri 11-27; the next, Fri 12-04, falls after Mon 11-30.
        (fr.InterviewKind.JOB, ["2026-11-04", "2026-11-12", "2026-11-19", "2026-11-27"], "horizon"),
        (fr.InterviewKind.INFORMATIONAL, ["2026-11-04"], "untimed"),
        (fr.InterviewKind.NETWORKING, ["2026-11-04"], "untimed"),
    ],
    ids=["job", "informational", "networking"],
)
def test_a_plan_calls_weekly_after_a_job_interview_only(
    kind: fr.InterviewKind, days: list[str], end: str
) -> None:
    planned = fr.plan(
        history([interview("2026-11-03", kind)]),
        date(2026, 11, 3),
        rules=NAME,
        until=date(2026, 11, 30),
    )
    assert planned.days == tuple(day(d) for d in days)
    assert planned.contacts[0].purpose is fr.Purpose.THANK_YOU
    assert planned.end is fr.PlanEnd(end)
