"""The common rules: every rule set runs with them, reported under the rule-set name ``common``.

They are not a registered rule set, so there is no ``TestConformance`` here. Most cases run with
the common rules alone (``common.alone()``), so that only the four common rules speak. Dates are
real 2026 days on the US calendar unless a test names another calendar.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest

import followup_rules as fr
from conformance import (
    COMMON_IDS,
    SCENARIOS,
    US,
    Scenario,
    applied,
    away,
    binding_refs,
    call,
    day,
    decide,
    email,
    expects,
    handwritten_note,
    interview,
    message_with_person,
    no_answer,
    note_refs,
    reason_refs,
    reply,
    skipped,
    thank_you,
    voicemail,
)
from followup_rules.rulesets import common

BARE = common.alone()
"""The common rules alone: a rule set of no rules of its own."""

ANY_DAY = common.alone(business_days_only=False)
"""The common rules alone, with the business-day rule turned off."""

DEFINITE = "common/definite-answer"
AWAY = "common/not-while-away"
ONE_A_DAY = "common/one-contact-a-day"
BUSINESS = "common/business-days-only"

NEW_YORK = ZoneInfo("America/New_York")
UTC = ZoneInfo("UTC")

EVERY_RULES: list[str | None] = [*fr.rulesets.names(), None]
"""Each registered rule set alone, then the default composition of all of them."""

Ending = Callable[[date], fr.Event]


def _answer(verdict: fr.Verdict) -> Ending:
    return lambda on: fr.Answer(on, verdict=verdict)


ENDINGS: list[tuple[str, Ending, str]] = [
    *((v.name, _answer(v), f"a definite answer: {v.value}") for v in fr.Verdict),
    ("asked-to-stop", fr.AskedToStop, "they asked you to stop contacting them"),
    ("withdrew", fr.Withdrew, "you withdrew"),
]
"""Every event that ends the follow-up, with what the DONE reason says about it."""

ENDED_HISTORIES: list[Scenario] = [
    Scenario("just-applied", (applied("2026-11-02"),), day("2026-11-02")),
    Scenario("contacted-today", (applied("2026-11-02"), call("2026-11-10")), day("2026-11-10")),
    Scenario(
        "away",
        (interview("2026-11-03"), away("2026-11-04", "2026-11-20")),
        day("2026-11-05"),
    ),
    Scenario("read-on-thanksgiving", (applied("2026-11-16"),), day("2026-11-26")),
    Scenario(
        "two-messages-left",
        (
            interview("2026-11-02"),
            expects("2026-11-02", "2026-11-06"),
            voicemail("2026-11-09"),
            voicemail("2026-11-10"),
        ),
        day("2026-11-10"),
    ),
]
"""Histories where some other rule would wait, skip a day or stop, were it not for the end."""


def _rules_id(rules: str | None) -> str:
    return rules or "default"


def _only(days: list[str], ref: str = BUSINESS) -> dict[date, set[str]]:
    return {day(d): {ref} for d in days}


# -- the rules themselves ----------------------------------------------------------------------


def test_the_four_common_rules_are_reported_under_common() -> None:
    assert common.NAME == "common"
    assert {rule.id for rule in common.rules(business_days_only=True)} == COMMON_IDS
    assert "common" not in fr.rulesets.names()


def test_turning_business_days_off_drops_that_rule_only() -> None:
    kept = {rule.id for rule in common.rules(business_days_only=False)}
    assert kept == COMMON_IDS - {"business-days-only"}


def test_every_common_rule_cites_the_shared_conventions() -> None:
    for rule in common.rules(business_days_only=True):
        assert rule.citation.source == common.SOURCE, rule.id
        assert rule.citation.locator.strip(), rule.id


@pytest.mark.parametrize("rules", EVERY_RULES, ids=_rules_id)
def test_every_rule_set_runs_with_the_common_rules(rules: str | None) -> None:
    # After an interview, the stage every rule set speaks to.
    events: list[fr.Event] = [
        interview("2026-11-03"),
        call("2026-11-13"),
        away("2026-11-13", "2026-11-13"),
    ]
    decision = decide(events, "2026-11-13", rules)
    assert {AWAY, ONE_A_DAY, BUSINESS} <= reason_refs(decision)
    for reason in decision.reasons:
        if reason.ref.ruleset == "common":
            assert reason.citation.source == common.SOURCE


# -- definite-answer ---------------------------------------------------------------------------


@pytest.mark.rule(DEFINITE)
@pytest.mark.parametrize("scenario", ENDED_HISTORIES, ids=lambda s: s.name)
@pytest.mark.parametrize("ending", [e[1] for e in ENDINGS], ids=[e[0] for e in ENDINGS])
@pytest.mark.parametrize("rules", EVERY_RULES, ids=_rules_id)
def test_an_answer_a_stop_request_or_a_withdrawal_is_done(
    rules: str | None, ending: Ending, scenario: Scenario
) -> None:
    decision = decide([*scenario.events, ending(scenario.today)], scenario.today, rules)
    assert decision.action is fr.Action.DONE
    assert decision.next_date is None
    assert (decision.purpose, decision.channel) == (None, None)
    assert decision.skipped == ()
    assert binding_refs(decision) == {DEFINITE}
    assert reason_refs(decision) == {DEFINITE}


@pytest.mark.rule(DEFINITE)
@pytest.mark.parametrize(("ending", "what"), [e[1:] for e in ENDINGS], ids=[e[0] for e in ENDINGS])
def test_the_done_reason_says_what_ended_it(ending: Ending, what: str) -> None:
    events: list[fr.Event] = [applied("2026-11-02"), ending(day("2026-11-05"))]
    decision = decide(events, "2026-11-06", BARE)
    assert [reason.what for reason in decision.reasons] == [what]


@pytest.mark.rule(DEFINITE)
@pytest.mark.parametrize(
    "ending",
    [fr.Answer(day("2026-11-11"), verdict=fr.Verdict.FILLED), fr.AskedToStop(day("2026-11-11"))],
    ids=["filled", "asked-to-stop"],
)
def test_done_wins_over_call_backs_stop_after_two_messages(ending: fr.Event) -> None:
    # The deadline was Fri 11-06; two voicemails on Mon 11-09 and Tue 11-10 spend call-back's two
    # messages, so on Wed 11-11 it alone would answer STOP. An ending that day makes it DONE.
    events: list[fr.Event] = [
        interview("2026-11-02"),
        expects("2026-11-02", "2026-11-06"),
        voicemail("2026-11-09"),
        voicemail("2026-11-10"),
    ]
    stopped = decide(events, "2026-11-11", "call-back")
    assert stopped.action is fr.Action.STOP
    assert binding_refs(stopped) == {"call-back/two-messages-max"}
    done = decide([*events, ending], "2026-11-11", "call-back")
    assert done.action is fr.Action.DONE
    assert done.next_date is None
    assert reason_refs(done) == {DEFINITE}


@pytest.mark.rule(DEFINITE)
def test_an_answer_counts_from_its_own_day() -> None:
    events: list[fr.Event] = [
        applied("2026-11-02"),
        fr.Answer(day("2026-11-10"), verdict=fr.Verdict.OFFER),
    ]
    before = fr.evaluate(
        fr.History(events, calendar=US).until(day("2026-11-09")), day("2026-11-09"), rules=BARE
    )
    assert before.action is fr.Action.FOLLOW_UP
    assert decide(events, "2026-11-10", BARE).action is fr.Action.DONE


@pytest.mark.rule(DEFINITE)
@pytest.mark.parametrize(
    "later",
    [reply("2026-11-06"), call("2026-11-09"), interview("2026-11-10")],
    ids=["reply", "call", "interview"],
)
def test_an_ending_stays_final_whatever_comes_after(later: fr.Event) -> None:
    events: list[fr.Event] = [
        applied("2026-11-02"),
        fr.Answer(day("2026-11-05"), verdict=fr.Verdict.REJECTED),
    ]
    decision = decide([*events, later], "2026-11-20", BARE)
    assert decision.action is fr.Action.DONE
    assert [reason.what for reason in decision.reasons] == ["a definite answer: rejected"]


@pytest.mark.rule(DEFINITE)
def test_the_first_ending_is_the_one_reported() -> None:
    events: list[fr.Event] = [
        applied("2026-11-02"),
        fr.Withdrew(day("2026-11-04")),
        fr.Answer(day("2026-11-05"), verdict=fr.Verdict.OFFER),
    ]
    decision = decide(events, "2026-11-06", BARE)
    assert [reason.what for reason in decision.reasons] == ["you withdrew"]


# -- not-while-away ----------------------------------------------------------------------------


@pytest.mark.rule(AWAY)
@pytest.mark.parametrize(
    "today",
    ["2026-11-05", "2026-11-13", "2026-11-14"],
    ids=["told-on-thursday", "last-day-away", "the-saturday-after"],
)
def test_away_until_a_friday_means_the_monday_after(today: str) -> None:
    events: list[fr.Event] = [applied("2026-11-02"), away("2026-11-05", "2026-11-13")]
    decision = decide(events, today, BARE)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, day("2026-11-16"))
    assert binding_refs(decision) == {AWAY}
    reason = next(r for r in decision.reasons if str(r.ref) == AWAY)
    assert reason.what == "not before Mon 2026-11-16: away until Fri 2026-11-13"


@pytest.mark.rule(AWAY)
def test_the_first_business_day_back_is_open() -> None:
    events: list[fr.Event] = [applied("2026-11-02"), away("2026-11-05", "2026-11-13")]
    decision = decide(events, "2026-11-16", BARE)
    assert (decision.action, decision.next_date) == (fr.Action.FOLLOW_UP, day("2026-11-16"))
    assert binding_refs(decision) == set()


@pytest.mark.rule(AWAY)
def test_away_until_the_day_before_thanksgiving_means_friday_the_27th() -> None:
    # Back after Wed 11-25; Thu 11-26 is Thanksgiving; Fri 11-27 is not a federal holiday, so it
    # is the first business day after the absence on the US calendar.
    events: list[fr.Event] = [applied("2026-11-02"), away("2026-11-05", "2026-11-25")]
    decision = decide(events, "2026-11-05", BARE)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, day("2026-11-27"))
    assert binding_refs(decision) == {AWAY}


@pytest.mark.rule(AWAY)
def test_in_texas_the_friday_after_thanksgiving_is_off_too() -> None:
    texas = fr.WorkCalendar("US", "TX")
    assert texas.is_holiday(day("2026-11-27"))
    events: list[fr.Event] = [applied("2026-11-02"), away("2026-11-05", "2026-11-25")]
    decision = decide(events, "2026-11-05", BARE, calendar=texas)
    assert decision.next_date == day("2026-11-30")
    assert binding_refs(decision) == {AWAY}


@pytest.mark.rule(AWAY)
def test_a_thank_you_is_held_back_while_they_are_away() -> None:
    # Three-by-three wants a thank-you the next business day after Mon 11-02's interview, Tue
    # 11-03; they are away until Fri 11-06, so it waits for Mon 11-09 and misses its day.
    events: list[fr.Event] = [interview("2026-11-02")]
    assert decide(events, "2026-11-02", "three-by-three").next_date == day("2026-11-03")
    decision = decide([*events, away("2026-11-02", "2026-11-06")], "2026-11-02", "three-by-three")
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, day("2026-11-09"))
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert binding_refs(decision) == {AWAY}
    assert [(str(c.first), str(c.second)) for c in decision.conflicts] == [
        ("three-by-three/thank-you-next-day", AWAY)
    ]


@pytest.mark.rule(AWAY)
def test_the_longest_away_notice_holds() -> None:
    events: list[fr.Event] = [
        applied("2026-11-02"),
        away("2026-11-05", "2026-11-20"),
        away("2026-11-09", "2026-11-13"),
    ]
    decision = decide(events, "2026-11-09", BARE)
    assert decision.next_date == day("2026-11-23")
    assert binding_refs(decision) == {AWAY}


@pytest.mark.rule(AWAY)
def test_an_absence_that_is_over_binds_nothing() -> None:
    events: list[fr.Event] = [applied("2026-11-02"), away("2026-11-05", "2026-11-06")]
    decision = decide(events, "2026-11-20", BARE)
    assert decision.action is fr.Action.FOLLOW_UP
    assert AWAY in reason_refs(decision) - binding_refs(decision)


@pytest.mark.rule(AWAY)
def test_being_away_outlasts_a_contact_the_same_day() -> None:
    events: list[fr.Event] = [
        applied("2026-11-02"),
        call("2026-11-05"),
        away("2026-11-05", "2026-11-13"),
    ]
    decision = decide(events, "2026-11-05", BARE)
    assert decision.next_date == day("2026-11-16")
    assert binding_refs(decision) == {AWAY}


# -- one-contact-a-day -------------------------------------------------------------------------

CONTACTS: list[Callable[[str], fr.FollowUp]] = [
    call,
    voicemail,
    message_with_person,
    email,
    thank_you,
    handwritten_note,
]


@pytest.mark.rule(ONE_A_DAY)
@pytest.mark.parametrize("contact", CONTACTS, ids=lambda c: c.__name__)
def test_any_contact_today_means_tomorrow_at_the_earliest(
    contact: Callable[[str], fr.FollowUp],
) -> None:
    decision = decide([applied("2026-11-02"), contact("2026-11-17")], "2026-11-17", BARE)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, day("2026-11-18"))
    assert binding_refs(decision) == {ONE_A_DAY}
    reason = next(r for r in decision.reasons if str(r.ref) == ONE_A_DAY)
    assert reason.what == "not before Wed 2026-11-18: already in touch on Tue 2026-11-17"


@pytest.mark.rule(ONE_A_DAY)
def test_a_contact_yesterday_does_not_block_today() -> None:
    decision = decide([applied("2026-11-02"), call("2026-11-16")], "2026-11-17", BARE)
    assert (decision.action, decision.next_date) == (fr.Action.FOLLOW_UP, day("2026-11-17"))
    assert ONE_A_DAY in reason_refs(decision) - binding_refs(decision)


@pytest.mark.rule(ONE_A_DAY)
@pytest.mark.rule(BUSINESS)
def test_a_contact_on_friday_means_monday() -> None:
    decision = decide([applied("2026-11-02"), call("2026-11-13")], "2026-11-13", BARE)
    assert decision.next_date == day("2026-11-16")
    assert binding_refs(decision) == {ONE_A_DAY, BUSINESS}
    assert skipped(decision) == _only(["2026-11-14", "2026-11-15"])


@pytest.mark.rule(ONE_A_DAY)
@pytest.mark.rule(BUSINESS)
def test_a_contact_the_day_before_thanksgiving_means_the_friday() -> None:
    decision = decide([applied("2026-11-02"), call("2026-11-25")], "2026-11-25", BARE)
    assert decision.next_date == day("2026-11-27")
    assert skipped(decision) == _only(["2026-11-26"])


@pytest.mark.rule(ONE_A_DAY)
def test_a_call_that_reached_nobody_does_not_block_today() -> None:
    decision = decide([applied("2026-11-02"), no_answer("2026-11-17")], "2026-11-17", BARE)
    assert (decision.action, decision.next_date) == (fr.Action.FOLLOW_UP, day("2026-11-17"))
    assert ONE_A_DAY not in binding_refs(decision)


@pytest.mark.rule(ONE_A_DAY)
@pytest.mark.parametrize("rules", ["career-staffing", "right-changes", "three-by-three", BARE])
def test_the_application_day_is_a_contact(rules: str | fr.RuleSet) -> None:
    # Applied Tue 2026-11-17: nothing more that day, whichever rules are in force.
    decision = decide([applied("2026-11-17")], "2026-11-17", rules)
    assert decision.next_date is not None
    assert decision.next_date > day("2026-11-17")


@pytest.mark.parametrize("rules", ["five-rules", "call-back"])
def test_before_an_interview_a_silent_rule_set_gives_no_common_rule_either(rules: str) -> None:
    # The two documents about after an interview have no opinion on an application, not even
    # on which days are open: their common rules stay silent with them.
    decision = decide(
        [applied("2026-11-17"), away("2026-11-17", "2026-11-20")], "2026-11-17", rules
    )
    assert decision.action is fr.Action.SILENT
    assert decision.next_date is None
    assert reason_refs(decision) == {f"{rules}/scope"}
    assert decision.skipped == ()


@pytest.mark.rule("three-by-three/thank-you-next-day")
def test_a_fridays_interview_gets_its_thank_you_on_monday_in_the_default_composition() -> None:
    # Interview Fri 2026-11-06: the thank-you of three-by-three is due the next business day,
    # Mon 11-09. Monday is closed to status follow-ups (right-changes, call-back), and the day
    # after is the day before Veterans Day, but those rules do not time a thank-you.
    decision = decide([interview("2026-11-06")], "2026-11-06", None)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, day("2026-11-09"))
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert decision.window_end == day("2026-11-09")
    assert [str(ref) for ref in decision.timed_by] == ["three-by-three/thank-you-next-day"]
    assert decision.skipped == ()
    assert decision.conflicts == ()
    on_monday = decide([interview("2026-11-06")], "2026-11-09", None)
    assert (on_monday.action, on_monday.next_date) == (fr.Action.FOLLOW_UP, day("2026-11-09"))
    assert on_monday.purpose is fr.Purpose.THANK_YOU
    assert not on_monday.overdue
    # The status follow-up after it keeps every exclusion: three-by-three's week from Mon 11-09
    # opens Mon 11-16, a Monday; Tue 11-17, by Thu 11-19.
    after = decide([interview("2026-11-06"), thank_you("2026-11-09")], "2026-11-09", None)
    assert (after.purpose, after.next_date) == (fr.Purpose.STATUS, day("2026-11-17"))
    assert after.window_end == day("2026-11-19")
    assert skipped(after) == {
        day("2026-11-16"): {"call-back/no-monday", "right-changes/no-monday-friday"}
    }


@pytest.mark.rule(ONE_A_DAY)
@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda s: s.name)
@pytest.mark.parametrize("rules", EVERY_RULES, ids=_rules_id)
def test_a_call_that_reached_nobody_counts_nowhere(rules: str | None, scenario: Scenario) -> None:
    without = scenario.decide(rules)
    with_it = decide([*scenario.events, no_answer(scenario.today)], scenario.today, rules)
    assert with_it == without


@pytest.mark.rule(ONE_A_DAY)
def test_a_contact_on_the_day_of_an_interview_blocks_that_day() -> None:
    # The interview starts a new stage, but the call made that same day is part of it.
    decision = decide([interview("2026-11-02"), call("2026-11-02")], "2026-11-02", BARE)
    assert decision.next_date == day("2026-11-03")
    assert binding_refs(decision) == {ONE_A_DAY}


@pytest.mark.rule(ONE_A_DAY)
@pytest.mark.parametrize(
    ("calendar", "action", "next_date"),
    [
        (fr.WorkCalendar("US", timezone="America/New_York"), fr.Action.FOLLOW_UP, "2026-11-18"),
        (US, fr.Action.WAIT, "2026-11-19"),
    ],
    ids=["new-york-employer", "no-time-zone"],
)
def test_a_late_call_falls_on_the_employers_day(
    calendar: fr.WorkCalendar, action: fr.Action, next_date: str
) -> None:
    # 04:30 UTC on Wed 11-18 is 23:30 on Tue 11-17 in New York. Read in New York, the call was
    # yesterday; with no time zone, the datetime's own date (Wednesday) is its day.
    late = call(datetime(2026, 11, 18, 4, 30, tzinfo=UTC))
    decision = decide([applied("2026-11-02"), late], "2026-11-18", BARE, calendar=calendar)
    assert (decision.action, decision.next_date) == (action, day(next_date))


@pytest.mark.rule(ONE_A_DAY)
def test_an_aware_today_is_read_in_the_employers_time_zone() -> None:
    calendar = fr.WorkCalendar("US", timezone="America/New_York")
    events: list[fr.Event] = [
        applied("2026-11-02"),
        call(datetime(2026, 11, 17, 10, tzinfo=NEW_YORK)),
    ]
    now = datetime(2026, 11, 18, 3, tzinfo=UTC)  # 22:00 on Tue 11-17 in New York
    decision = fr.evaluate(fr.History(events, calendar=calendar), now, rules=BARE)
    assert decision.today == day("2026-11-17")
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, day("2026-11-18"))


# -- business-days-only ------------------------------------------------------------------------


@pytest.mark.rule(BUSINESS)
@pytest.mark.parametrize(
    ("today", "next_date", "passed_over"),
    [
        ("2026-11-14", "2026-11-16", ["2026-11-14", "2026-11-15"]),
        ("2026-11-11", "2026-11-12", ["2026-11-11"]),
        ("2026-11-26", "2026-11-27", ["2026-11-26"]),
        ("2026-12-25", "2026-12-28", ["2026-12-25", "2026-12-26", "2026-12-27"]),
        ("2027-01-01", "2027-01-04", ["2027-01-01", "2027-01-02", "2027-01-03"]),
        ("2026-07-03", "2026-07-06", ["2026-07-03", "2026-07-04", "2026-07-05"]),
        ("2026-09-05", "2026-09-08", ["2026-09-05", "2026-09-06", "2026-09-07"]),
        ("2026-10-12", "2026-10-13", ["2026-10-12"]),
    ],
    ids=[
        "weekend",
        "veterans-day",
        "thanksgiving",
        "christmas",
        "new-year",
        "independence-day-observed",
        "labor-day-weekend",
        "columbus-day",
    ],
)
def test_weekends_and_holidays_are_passed_over(
    today: str, next_date: str, passed_over: list[str]
) -> None:
    decision = decide([applied("2026-06-01")], today, BARE)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, day(next_date))
    assert skipped(decision) == _only(passed_over)
    assert binding_refs(decision) == {BUSINESS}


@pytest.mark.rule(BUSINESS)
def test_the_friday_after_thanksgiving_is_a_business_day() -> None:
    decision = decide([applied("2026-11-16")], "2026-11-27", BARE)
    assert (decision.action, decision.next_date) == (fr.Action.FOLLOW_UP, day("2026-11-27"))
    assert decision.skipped == ()
    assert BUSINESS in reason_refs(decision) - binding_refs(decision)


@pytest.mark.rule(BUSINESS)
def test_a_registered_rule_sets_wait_landing_on_a_holiday_moves_on() -> None:
    # Career Staffing waits a week after Wed 11-04's application: Wed 11-11, Veterans Day.
    decision = decide([applied("2026-11-04")], "2026-11-04", "career-staffing")
    assert decision.next_date == day("2026-11-12")
    assert skipped(decision) == _only(["2026-11-11"])
    assert binding_refs(decision) == {"career-staffing/wait-after-application", BUSINESS}


@pytest.mark.rule(BUSINESS)
@pytest.mark.parametrize(
    ("closed", "next_date", "passed_over"),
    [
        ([], "2026-11-27", ["2026-11-26"]),
        (["2026-11-27"], "2026-11-30", ["2026-11-26", "2026-11-27", "2026-11-28", "2026-11-29"]),
    ],
    ids=["open-friday", "closed-friday"],
)
def test_closed_dates_are_passed_over_like_holidays(
    closed: list[str], next_date: str, passed_over: list[str]
) -> None:
    calendar = fr.WorkCalendar("US", closed=[day(d) for d in closed])
    events: list[fr.Event] = [applied("2026-11-02"), call("2026-11-25")]
    decision = decide(events, "2026-11-25", BARE, calendar=calendar)
    assert decision.next_date == day(next_date)
    assert skipped(decision) == _only(passed_over)


@pytest.mark.rule(BUSINESS)
@pytest.mark.parametrize(
    ("calendar", "next_date", "passed_over"),
    [
        (US, "2026-12-28", ["2026-12-25", "2026-12-26", "2026-12-27"]),
        (
            fr.WorkCalendar("GB"),
            "2026-12-29",
            ["2026-12-25", "2026-12-26", "2026-12-27", "2026-12-28"],
        ),
    ],
    ids=["us", "gb"],
)
def test_a_british_employer_is_also_closed_for_boxing_day(
    calendar: fr.WorkCalendar, next_date: str, passed_over: list[str]
) -> None:
    # GB: Christmas Fri 12-25, Boxing Day Sat 12-26, observed on Mon 12-28.
    events: list[fr.Event] = [applied("2026-12-01"), call("2026-12-24")]
    decision = decide(events, "2026-12-24", BARE, calendar=calendar)
    assert decision.next_date == day(next_date)
    assert skipped(decision) == _only(passed_over)
    assert binding_refs(decision) == {ONE_A_DAY, BUSINESS}


@pytest.mark.rule(BUSINESS)
@pytest.mark.parametrize(
    ("calendar", "next_date", "passed_over"),
    [
        (fr.WorkCalendar("GB"), "2026-11-30", ["2026-11-28", "2026-11-29"]),
        (
            fr.WorkCalendar("GB", "SCT"),
            "2026-12-01",
            ["2026-11-28", "2026-11-29", "2026-11-30"],
        ),
    ],
    ids=["gb", "scotland"],
)
def test_a_subdivision_adds_its_own_holidays(
    calendar: fr.WorkCalendar, next_date: str, passed_over: list[str]
) -> None:
    # Saint Andrew's Day, Mon 11-30, is a bank holiday in Scotland only.
    decision = decide([applied("2026-11-02")], "2026-11-28", BARE, calendar=calendar)
    assert decision.next_date == day(next_date)
    assert skipped(decision) == _only(passed_over)


@pytest.mark.parametrize("name", fr.rulesets.names())
def test_every_built_in_rule_set_keeps_business_days_on(name: str) -> None:
    assert fr.rulesets.get(name).business_days_only


@pytest.mark.rule(BUSINESS)
@pytest.mark.parametrize("today", ["2026-11-14", "2026-11-26"], ids=["saturday", "thanksgiving"])
def test_business_days_only_can_be_turned_off(today: str) -> None:
    decision = decide([applied("2026-11-02")], today, ANY_DAY)
    assert (decision.action, decision.next_date) == (fr.Action.FOLLOW_UP, day(today))
    assert decision.skipped == ()
    assert BUSINESS not in reason_refs(decision)


@pytest.mark.rule(BUSINESS)
@pytest.mark.rule(ONE_A_DAY)
def test_turned_off_the_other_common_rules_still_hold() -> None:
    decision = decide([applied("2026-11-02"), call("2026-11-14")], "2026-11-14", ANY_DAY)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, day("2026-11-15"))
    assert binding_refs(decision) == {ONE_A_DAY}


@pytest.mark.rule(BUSINESS)
@pytest.mark.parametrize(
    "rules",
    [ANY_DAY + fr.rulesets.get("three-by-three"), ANY_DAY + fr.rulesets.get("career-staffing")],
    ids=["with-three-by-three", "with-career-staffing"],
)
def test_one_rule_set_that_keeps_business_days_keeps_them_for_the_composition(
    rules: fr.Composition,
) -> None:
    decision = decide([applied("2026-11-02")], "2026-11-14", rules)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, day("2026-11-16"))
    assert skipped(decision) == _only(["2026-11-14", "2026-11-15"])


@pytest.mark.rule(DEFINITE)
def test_an_offer_after_two_messages_leaves_no_advice_to_give_up() -> None:
    events: list[fr.Event] = [
        interview("2026-11-02"),
        expects("2026-11-02", "2026-11-06"),
        voicemail("2026-11-09"),
        voicemail("2026-11-10"),
        fr.Answer(day("2026-11-11"), verdict=fr.Verdict.OFFER),
    ]
    decision = decide(events, "2026-11-11", "call-back")
    assert decision.action is fr.Action.DONE
    assert "call-back/two-messages-max" not in note_refs(decision)
