"""right-changes: follow up yourself, after their date, midweek, away from holidays, their way.

Every expected date below was worked out by hand on the 2026 US calendar: Independence Day
observed Fri 07-03, Labor Day Mon 09-07, Columbus Day Mon 10-12, Veterans Day Wed 11-11,
Thanksgiving Thu 11-26 (the Friday after is a business day), Christmas Fri 12-25, New Year
Fri 2027-01-01.
"""

from __future__ import annotations

from datetime import date

import pytest

import followup_rules as fr
from conformance import (
    US,
    RuleSetConformance,
    applied,
    away,
    binding_refs,
    day,
    decide,
    email,
    expects,
    history,
    interview,
    note_refs,
    notes,
    prefers,
    reason_refs,
    reply,
    skipped,
)

RULES = "right-changes"
PHONE, EMAIL = fr.Channel.PHONE, fr.Channel.EMAIL
STATUS = fr.Purpose.STATUS

OWNS = "right-changes/seeker-owns-follow-up"
TIMELINE = "right-changes/respect-their-timeline"
MON_FRI = "right-changes/no-monday-friday"
BORDER = "right-changes/not-next-to-holiday"
CHANNEL = "right-changes/preferred-channel"
NO_BLAME = "right-changes/no-blame"
OFF = "common/business-days-only"
ONE_A_DAY = "common/one-contact-a-day"


class TestConformance(RuleSetConformance):
    ruleset = fr.rulesets.get(RULES)


def trace(*days: tuple[str, set[str]]) -> dict[date, set[str]]:
    """The expected ``skipped`` of a decision, written as (ISO day, rules) pairs."""
    return {day(on): refs for on, refs in days}


# -- the worked example of rules.md: applied Mon 2026-11-02, nothing heard ------------------


@pytest.mark.rule("right-changes/no-monday-friday")
@pytest.mark.rule("right-changes/not-next-to-holiday")
def test_veterans_day_week_is_closed_from_monday_to_the_next_monday() -> None:
    d = decide([applied("2026-11-02")], "2026-11-09", RULES)
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-17"))
    assert skipped(d) == trace(
        ("2026-11-09", {MON_FRI}),
        ("2026-11-10", {BORDER}),  # the day before Veterans Day
        ("2026-11-11", {OFF}),  # Veterans Day
        ("2026-11-12", {BORDER}),  # the day after
        ("2026-11-13", {MON_FRI}),
        ("2026-11-14", {OFF}),
        ("2026-11-15", {OFF}),
        ("2026-11-16", {MON_FRI}),
    )
    assert binding_refs(d) == {MON_FRI, BORDER, OFF}
    assert d.purpose is fr.Purpose.STATUS
    assert d.channel is None
    assert d.time_of_day is None
    assert (d.follow_ups_left, d.messages_left, d.window_end) == (None, None, None)
    assert d.conflicts == ()


@pytest.mark.rule("right-changes/not-next-to-holiday")
@pytest.mark.rule("right-changes/no-monday-friday")
def test_the_day_before_thanksgiving_waits_until_tuesday_december_first() -> None:
    d = decide([applied("2026-11-02")], "2026-11-25", RULES)
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-12-01"))
    assert skipped(d) == trace(
        ("2026-11-25", {BORDER}),
        ("2026-11-26", {OFF}),
        ("2026-11-27", {MON_FRI, BORDER}),  # a Friday, and the first business day after
        ("2026-11-28", {OFF}),
        ("2026-11-29", {OFF}),
        ("2026-11-30", {MON_FRI}),
    )
    assert binding_refs(d) == {MON_FRI, BORDER, OFF}


@pytest.mark.rule("right-changes/not-next-to-holiday")
def test_in_the_default_composition_veterans_day_week_moves_the_first_call_to_the_17th() -> None:
    d = fr.evaluate(fr.History([applied("2026-11-02")], calendar=US), day("2026-11-02"))
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-17"))
    trail = skipped(d)
    assert min(trail) == day("2026-11-09")  # career-staffing opens a week after applying
    assert trail[day("2026-11-10")] == {BORDER}
    assert trail[day("2026-11-12")] == {BORDER}
    assert MON_FRI in trail[day("2026-11-13")]


@pytest.mark.rule("right-changes/no-monday-friday")
@pytest.mark.rule("right-changes/not-next-to-holiday")
def test_with_career_staffing_the_whole_recommended_window_is_ruled_out() -> None:
    both = fr.rulesets.get("career-staffing") + fr.rulesets.get(RULES)
    d = decide([applied("2026-11-02")], "2026-11-02", both)
    # Every day of Mon 11-09 to Mon 11-16 is ruled out: the window has no last day.
    assert (d.next_date, d.window_end) == (day("2026-11-17"), None)
    assert "career-staffing/wait-after-application" in binding_refs(d)
    pairs = {(str(c.first), str(c.second)) for c in d.conflicts}
    assert ("career-staffing/wait-after-application", MON_FRI) in pairs
    assert ("career-staffing/wait-after-application", BORDER) in pairs


# -- no-monday-friday -----------------------------------------------------------------------


@pytest.mark.rule("right-changes/no-monday-friday")
@pytest.mark.parametrize(
    ("today", "action", "next_date"),
    [
        ("2026-11-16", fr.Action.WAIT, "2026-11-17"),  # Monday
        ("2026-11-17", fr.Action.FOLLOW_UP, "2026-11-17"),
        ("2026-11-18", fr.Action.FOLLOW_UP, "2026-11-18"),
        ("2026-11-19", fr.Action.FOLLOW_UP, "2026-11-19"),
        ("2026-11-20", fr.Action.WAIT, "2026-11-24"),  # Friday: weekend and Monday after
    ],
)
def test_only_tuesday_to_thursday_in_a_week_without_holidays(
    today: str, action: fr.Action, next_date: str
) -> None:
    d = decide([applied("2026-11-02")], today, RULES)
    assert (d.action, d.next_date) == (action, day(next_date))


@pytest.mark.rule("right-changes/no-monday-friday")
@pytest.mark.rule("right-changes/not-next-to-holiday")
def test_a_plain_weekend_is_not_a_holiday_break() -> None:
    d = decide([applied("2026-11-16")], "2026-11-20", RULES)
    assert d.next_date == day("2026-11-24")
    assert skipped(d) == trace(
        ("2026-11-20", {MON_FRI}),
        ("2026-11-21", {OFF}),
        ("2026-11-22", {OFF}),
        ("2026-11-23", {MON_FRI}),
    )
    assert binding_refs(d) == {MON_FRI, OFF}


# -- not-next-to-holiday --------------------------------------------------------------------


@pytest.mark.rule("right-changes/not-next-to-holiday")
def test_independence_day_observed_on_friday_excludes_thursday_and_the_monday_after() -> None:
    d = decide([applied("2026-06-22")], "2026-07-02", RULES)
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-07-07"))
    assert skipped(d) == trace(
        ("2026-07-02", {BORDER}),
        ("2026-07-03", {OFF, MON_FRI}),  # observed holiday, and a Friday
        ("2026-07-04", {OFF}),
        ("2026-07-05", {OFF}),
        ("2026-07-06", {MON_FRI, BORDER}),  # first business day after the break
    )


@pytest.mark.rule("right-changes/not-next-to-holiday")
@pytest.mark.parametrize(
    ("today", "next_date", "tuesday_after"),
    [
        ("2026-09-04", "2026-09-09", "2026-09-08"),  # Labor Day, Mon 09-07
        ("2026-10-09", "2026-10-14", "2026-10-13"),  # Columbus Day, Mon 10-12
    ],
)
def test_a_monday_holiday_excludes_the_friday_before_and_the_tuesday_after(
    today: str, next_date: str, tuesday_after: str
) -> None:
    d = decide([applied("2026-08-24")], today, RULES)
    assert d.next_date == day(next_date)
    trail = skipped(d)
    assert trail[day(today)] == {MON_FRI, BORDER}
    assert trail[day(tuesday_after)] == {BORDER}
    assert max(trail) == day(tuesday_after)


@pytest.mark.rule("right-changes/not-next-to-holiday")
@pytest.mark.parametrize(
    ("today", "action", "next_date"),
    [
        ("2026-11-05", fr.Action.FOLLOW_UP, "2026-11-05"),  # Thu, two business days before
        ("2026-11-10", fr.Action.WAIT, "2026-11-17"),  # the day before Veterans Day
        ("2026-11-12", fr.Action.WAIT, "2026-11-17"),  # the day after
        ("2026-11-24", fr.Action.FOLLOW_UP, "2026-11-24"),  # the day before the border
        ("2026-12-01", fr.Action.FOLLOW_UP, "2026-12-01"),
        ("2026-12-23", fr.Action.FOLLOW_UP, "2026-12-23"),  # Christmas Eve is a working day
        ("2026-12-24", fr.Action.WAIT, "2026-12-29"),  # the day before Christmas
        ("2026-12-29", fr.Action.FOLLOW_UP, "2026-12-29"),
        ("2026-12-30", fr.Action.FOLLOW_UP, "2026-12-30"),
        ("2026-12-31", fr.Action.WAIT, "2027-01-05"),  # the day before New Year
    ],
)
def test_either_side_of_the_border_days(today: str, action: fr.Action, next_date: str) -> None:
    d = decide([applied("2026-11-02")], today, RULES)
    assert (d.action, d.next_date) == (action, day(next_date))


@pytest.mark.rule("right-changes/not-next-to-holiday")
def test_a_closed_date_of_the_work_calendar_borders_like_a_holiday() -> None:
    events: list[fr.Event] = [applied("2026-10-01")]
    assert decide(events, "2026-10-20", RULES).action is fr.Action.FOLLOW_UP
    closed = fr.WorkCalendar("US", closed={date(2026, 10, 21)})
    d = decide(events, "2026-10-20", RULES, calendar=closed)
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-10-27"))
    assert skipped(d) == trace(
        ("2026-10-20", {BORDER}),
        ("2026-10-21", {OFF}),
        ("2026-10-22", {BORDER}),
        ("2026-10-23", {MON_FRI}),
        ("2026-10-24", {OFF}),
        ("2026-10-25", {OFF}),
        ("2026-10-26", {MON_FRI}),
    )


@pytest.mark.rule("right-changes/not-next-to-holiday")
def test_a_closed_monday_turns_the_weekend_into_a_break() -> None:
    closed = fr.WorkCalendar("US", closed={date(2026, 11, 23)})
    d = decide([applied("2026-11-02")], "2026-11-20", RULES, calendar=closed)
    assert d.next_date == day("2026-12-01")
    assert skipped(d) == trace(
        ("2026-11-20", {MON_FRI, BORDER}),
        ("2026-11-21", {OFF}),
        ("2026-11-22", {OFF}),
        ("2026-11-23", {MON_FRI, OFF}),
        ("2026-11-24", {BORDER}),  # after the closed Monday
        ("2026-11-25", {BORDER}),  # before Thanksgiving
        ("2026-11-26", {OFF}),
        ("2026-11-27", {MON_FRI, BORDER}),
        ("2026-11-28", {OFF}),
        ("2026-11-29", {OFF}),
        ("2026-11-30", {MON_FRI}),
    )


@pytest.mark.rule("right-changes/not-next-to-holiday")
@pytest.mark.parametrize(
    ("until", "back", "next_date", "passed_over"),
    [
        # Away until Mon 12-07: back Tue 12-08, their first day, so Wed 12-09.
        ("2026-12-07", "Tue 2026-12-08", "2026-12-09", [("2026-12-08", {BORDER})]),
        # Away until Thu 12-03: back Fri 12-04, a Friday and their first day; the weekend;
        # Monday; so Tue 12-08.
        (
            "2026-12-03",
            "Fri 2026-12-04",
            "2026-12-08",
            [
                ("2026-12-04", {MON_FRI, BORDER}),
                ("2026-12-05", {OFF}),
                ("2026-12-06", {OFF}),
                ("2026-12-07", {MON_FRI}),
            ],
        ),
    ],
    ids=["back-on-tuesday", "back-on-friday"],
)
def test_their_first_business_day_back_from_time_away_is_ruled_out(
    until: str, back: str, next_date: str, passed_over: list[tuple[str, set[str]]]
) -> None:
    d = decide([applied("2026-12-01"), away("2026-12-02", until)], "2026-12-02", RULES)
    assert (d.action, d.next_date) == (fr.Action.WAIT, day(next_date))
    assert skipped(d) == trace(*passed_over)
    assert {"common/not-while-away", BORDER} <= binding_refs(d)
    assert f"never {back}, their first day back from time away" in [
        r.what for r in d.reasons if str(r.ref) == BORDER
    ]


@pytest.mark.rule("right-changes/not-next-to-holiday")
def test_without_an_absence_that_tuesday_is_open() -> None:
    d = decide([applied("2026-12-01")], "2026-12-08", RULES)
    assert (d.action, d.next_date) == (fr.Action.FOLLOW_UP, day("2026-12-08"))
    assert skipped(d) == {}


# -- respect-their-timeline -----------------------------------------------------------------


@pytest.mark.rule("right-changes/respect-their-timeline")
def test_nothing_on_the_day_they_named_the_day_after_is_open() -> None:
    events: list[fr.Event] = [interview("2026-11-10"), expects("2026-11-10", "2026-11-17")]
    on_the_day = decide(events, "2026-11-17", RULES)
    assert (on_the_day.action, on_the_day.next_date) == (fr.Action.WAIT, day("2026-11-18"))
    assert binding_refs(on_the_day) == {TIMELINE}
    assert skipped(on_the_day) == {}
    after = decide(events, "2026-11-18", RULES)
    assert (after.action, after.next_date) == (fr.Action.FOLLOW_UP, day("2026-11-18"))
    assert binding_refs(after) == set()


@pytest.mark.rule("right-changes/respect-their-timeline")
@pytest.mark.parametrize(
    ("named", "next_date", "first_skipped"),
    [
        ("2026-11-06", "2026-11-17", "2026-11-07"),  # Fri: Sat, then Veterans Day week
        ("2026-11-19", "2026-11-24", "2026-11-20"),  # Thu: Friday, weekend, Monday
        ("2026-11-24", "2026-12-01", "2026-11-25"),  # Tue: the day before Thanksgiving
    ],
)
def test_the_day_after_their_date_then_the_day_rules(
    named: str, next_date: str, first_skipped: str
) -> None:
    d = decide([interview("2026-11-03"), expects("2026-11-03", named)], "2026-11-04", RULES)
    assert (d.action, d.next_date) == (fr.Action.WAIT, day(next_date))
    assert TIMELINE in binding_refs(d)
    assert min(skipped(d)) == day(first_skipped)


@pytest.mark.rule("right-changes/respect-their-timeline")
@pytest.mark.rule("right-changes/preferred-channel")
def test_still_deciding_by_email_before_their_date_means_after_thanksgiving_by_email() -> None:
    events: list[fr.Event] = [
        interview("2026-11-19"),
        expects("2026-11-19", "2026-11-24"),
        reply("2026-11-23", EMAIL),
    ]
    d = decide(events, "2026-11-24", RULES)
    assert (d.action, d.next_date, d.channel) == (fr.Action.WAIT, day("2026-12-01"), EMAIL)
    assert binding_refs(d) == {TIMELINE, MON_FRI, BORDER, OFF}
    assert min(skipped(d)) == day("2026-11-25")


@pytest.mark.rule("right-changes/respect-their-timeline")
@pytest.mark.parametrize(
    ("first", "second", "today", "next_date"),
    [
        # They first said Tue 11-24, then on Mon 11-16 said Tue 11-17: the day after is Wed.
        (("2026-11-10", "2026-11-24"), ("2026-11-16", "2026-11-17"), "2026-11-16", "2026-11-18"),
        # They first said Tue 11-17, then pushed it to Tue 11-24: Wed 11-25 borders Thanksgiving.
        (("2026-11-10", "2026-11-17"), ("2026-11-17", "2026-11-24"), "2026-11-18", "2026-12-01"),
    ],
)
def test_the_latest_date_they_named_is_the_one_that_counts(
    first: tuple[str, str], second: tuple[str, str], today: str, next_date: str
) -> None:
    events: list[fr.Event] = [interview("2026-11-10"), expects(*first), expects(*second)]
    d = decide(events, today, RULES)
    assert (d.action, d.next_date) == (fr.Action.WAIT, day(next_date))
    assert TIMELINE in binding_refs(d)


@pytest.mark.rule("right-changes/respect-their-timeline")
def test_a_new_interview_forgets_the_date_named_before_it() -> None:
    events: list[fr.Event] = [
        applied("2026-11-02"),
        expects("2026-11-03", "2026-11-30"),
        interview("2026-11-17"),
    ]
    d = decide(events, "2026-11-17", RULES)
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-18"))
    assert binding_refs(d) == {ONE_A_DAY}
    assert TIMELINE not in reason_refs(d)
    assert OWNS not in note_refs(d)


@pytest.mark.rule("right-changes/respect-their-timeline")
@pytest.mark.parametrize("event", [applied("2026-11-18"), interview("2026-11-18")])
def test_without_a_timeline_there_is_no_minimum_wait(event: fr.Event) -> None:
    d = decide([event], "2026-11-19", RULES)
    assert (d.action, d.next_date) == (fr.Action.FOLLOW_UP, day("2026-11-19"))
    assert TIMELINE not in reason_refs(d)
    assert d.timed_by == ()


@pytest.mark.rule("right-changes/respect-their-timeline")
@pytest.mark.rule("right-changes/no-monday-friday")
def test_applied_on_a_sunday_only_the_monday_holds_it_back() -> None:
    d = decide([applied("2026-11-01")], "2026-11-01", RULES)
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-03"))
    assert skipped(d) == trace(("2026-11-02", {MON_FRI}))
    assert binding_refs(d) == {ONE_A_DAY, MON_FRI}


def test_the_rule_set_itself_sets_no_gap_between_follow_ups() -> None:
    d = decide([applied("2026-11-02"), email("2026-11-17")], "2026-11-17", RULES)
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-18"))
    assert binding_refs(d) == {ONE_A_DAY}


@pytest.mark.rule("right-changes/respect-their-timeline")
def test_no_timeline_after_an_interview_is_untimed_and_says_it_depends() -> None:
    # Interview Tue 11-03, no date named: Wed 11-04 is the first day allowed, set by no rule.
    d = decide([interview("2026-11-03")], "2026-11-03", RULES)
    assert (d.action, d.next_date, d.purpose) == (fr.Action.WAIT, day("2026-11-04"), STATUS)
    assert d.timed_by == ()
    assert d.untimed_parts == (RULES,)
    assert d.why_untimed() == f"{RULES} gives no time for the next contact"
    (note,) = notes(d, TIMELINE)
    assert "it depends" in note.text
    assert "what they said" in note.text
    assert "how you left it" in note.text


@pytest.mark.rule("right-changes/respect-their-timeline")
def test_no_timeline_after_an_interview_plans_nothing() -> None:
    planned = fr.plan(history([interview("2026-11-03")]), day("2026-11-03"), rules=RULES)
    assert planned.contacts == ()
    assert planned.end is fr.PlanEnd.UNTIMED
    assert str(planned) == (
        "no contact\n"
        f"then no time set: {RULES} gives no time for the next contact, so none is scheduled "
        "(the first day allowed would be Wed 2026-11-04)"
    )


@pytest.mark.rule("right-changes/respect-their-timeline")
def test_their_date_times_one_follow_up_then_nothing_is_timed() -> None:
    # They named Tue 11-17: Wed 11-18 is timed by it. After the follow-up of that day, Thu 11-19
    # is only the first day allowed.
    events: list[fr.Event] = [interview("2026-11-10"), expects("2026-11-10", "2026-11-17")]
    before = decide(events, "2026-11-10", RULES)
    assert (before.action, before.next_date) == (fr.Action.WAIT, day("2026-11-18"))
    assert [str(ref) for ref in before.timed_by] == [TIMELINE]
    assert notes(before, TIMELINE) == []
    after = decide([*events, email("2026-11-18")], "2026-11-18", RULES)
    assert (after.action, after.next_date) == (fr.Action.WAIT, day("2026-11-19"))
    assert after.timed_by == ()
    assert after.why_untimed() == f"{RULES} gives no time for the next contact"


@pytest.mark.rule("right-changes/respect-their-timeline")
def test_a_follow_up_made_before_their_date_leaves_the_date_timing_the_next() -> None:
    # An email sent anyway on Mon 11-16, before the named Tue 11-17: Wed 11-18 is still timed.
    events: list[fr.Event] = [
        interview("2026-11-10"),
        expects("2026-11-10", "2026-11-17"),
        email("2026-11-16"),
    ]
    d = decide(events, "2026-11-16", RULES)
    assert (d.action, d.next_date) == (fr.Action.WAIT, day("2026-11-18"))
    assert [str(ref) for ref in d.timed_by] == [TIMELINE]


@pytest.mark.rule("right-changes/respect-their-timeline")
def test_with_their_date_a_plan_makes_one_contact_then_ends_untimed() -> None:
    events: list[fr.Event] = [interview("2026-11-10"), expects("2026-11-10", "2026-11-17")]
    planned = fr.plan(history(events), day("2026-11-10"), rules=RULES)
    assert planned.days == (day("2026-11-18"),)
    assert planned.end is fr.PlanEnd.UNTIMED
    assert planned.ending.next_date == day("2026-11-19")


# -- seeker-owns-follow-up ------------------------------------------------------------------


@pytest.mark.rule("right-changes/seeker-owns-follow-up")
def test_their_promise_to_get_back_delays_the_follow_up_but_it_stays_yours() -> None:
    events: list[fr.Event] = [interview("2026-11-10"), expects("2026-11-10", "2026-11-17")]
    before = decide(events, "2026-11-16", RULES)
    assert (before.action, before.next_date) == (fr.Action.WAIT, day("2026-11-18"))
    after = decide(events, "2026-11-18", RULES)
    assert after.action is fr.Action.FOLLOW_UP
    for d in (before, after):
        (note,) = notes(d, OWNS)
        assert "your job" in note.text
        assert "not whether" in note.text


@pytest.mark.rule("right-changes/seeker-owns-follow-up")
def test_silence_after_their_date_never_stops_the_follow_up() -> None:
    events: list[fr.Event] = [
        interview("2026-11-10"),
        expects("2026-11-10", "2026-11-17"),
        email("2026-11-18"),
        email("2026-11-24"),
    ]
    d = decide(events, "2026-12-02", RULES)
    assert (d.action, d.next_date) == (fr.Action.FOLLOW_UP, day("2026-12-02"))
    assert OWNS in note_refs(d)


@pytest.mark.rule("right-changes/seeker-owns-follow-up")
def test_no_promise_note_when_they_named_no_date() -> None:
    d = decide([interview("2026-11-10"), reply("2026-11-12")], "2026-11-17", RULES)
    assert d.action is fr.Action.FOLLOW_UP
    assert OWNS not in note_refs(d)


# -- preferred-channel ----------------------------------------------------------------------


@pytest.mark.rule("right-changes/preferred-channel")
def test_no_preference_and_no_reply_names_no_channel() -> None:
    d = decide([applied("2026-11-02"), email("2026-11-17")], "2026-11-18", RULES)
    assert d.channel is None
    assert CHANNEL not in reason_refs(d)


@pytest.mark.rule("right-changes/preferred-channel")
def test_you_emailed_and_they_called_back_so_call() -> None:
    events: list[fr.Event] = [
        applied("2026-11-02"),
        email("2026-11-17"),
        reply("2026-11-18", PHONE),
    ]
    d = decide(events, "2026-11-19", RULES)
    assert (d.action, d.channel) == (fr.Action.FOLLOW_UP, PHONE)
    (reason,) = [r for r in d.reasons if str(r.ref) == CHANNEL]
    assert reason.what == "they last replied by phone"
    assert not reason.binding


@pytest.mark.rule("right-changes/preferred-channel")
@pytest.mark.parametrize(
    ("said", "expected", "why"),
    [
        # A stated preference wins over a later reply by another channel.
        ([prefers("2026-11-03", EMAIL), reply("2026-11-04", PHONE)], EMAIL, "asked"),
        # Of two stated preferences, the later one.
        ([prefers("2026-11-03", PHONE), prefers("2026-11-04", EMAIL)], EMAIL, "asked"),
        # Of two replies, the later one.
        ([reply("2026-11-03", PHONE), reply("2026-11-04", EMAIL)], EMAIL, "replied"),
        # A reply by the medium you used shows their preference too.
        ([email("2026-11-03"), reply("2026-11-04", EMAIL)], EMAIL, "replied"),
        # A reply whose channel is not known keeps the last known one.
        ([reply("2026-11-03", PHONE), reply("2026-11-04")], PHONE, "replied"),
    ],
)
def test_which_channel_they_prefer(said: list[fr.Event], expected: fr.Channel, why: str) -> None:
    d = decide([applied("2026-11-02"), *said], "2026-11-04", RULES)
    assert (d.action, d.channel) == (fr.Action.FOLLOW_UP, expected)
    (reason,) = [r for r in d.reasons if str(r.ref) == CHANNEL]
    assert why in reason.what


@pytest.mark.rule("right-changes/preferred-channel")
def test_their_preference_outlives_a_new_interview() -> None:
    events: list[fr.Event] = [
        applied("2026-11-02"),
        reply("2026-11-04", PHONE),
        interview("2026-11-17"),
    ]
    assert decide(events, "2026-11-18", RULES).channel is PHONE


@pytest.mark.rule("right-changes/preferred-channel")
def test_their_channel_beats_career_staffings_phone_in_a_composition() -> None:
    both = fr.rulesets.get("career-staffing") + fr.rulesets.get(RULES)
    assert decide([applied("2026-11-02")], "2026-11-04", both).channel is PHONE
    replied: list[fr.Event] = [applied("2026-11-02"), reply("2026-11-04", EMAIL)]
    d = decide(replied, "2026-11-04", both)
    assert d.channel is EMAIL
    assert not any(CHANNEL in (str(c.first), str(c.second)) for c in d.conflicts)


# -- no-blame -------------------------------------------------------------------------------


@pytest.mark.rule("right-changes/no-blame")
@pytest.mark.parametrize(
    ("events", "today", "action"),
    [
        ([applied("2026-11-02")], "2026-11-09", fr.Action.WAIT),
        ([applied("2026-11-02")], "2026-11-17", fr.Action.FOLLOW_UP),
        (
            [interview("2026-11-10"), expects("2026-11-10", "2026-11-17")],
            "2026-11-17",
            fr.Action.WAIT,
        ),
        (
            [interview("2026-11-10"), email("2026-11-18"), reply("2026-11-19")],
            "2026-11-24",
            fr.Action.FOLLOW_UP,
        ),
    ],
)
def test_never_blame_them_open_with_a_friendly_word(
    events: list[fr.Event], today: str, action: fr.Action
) -> None:
    d = decide(events, today, RULES)
    assert d.action is action
    (note,) = notes(d, NO_BLAME)
    assert "failed to get back" in note.text
    assert "friendly" in note.text
    assert "restate your interest" in note.text
