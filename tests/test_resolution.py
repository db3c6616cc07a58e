"""``resolve`` on hand-made effects, and ``History.facts``: the engine core without rule sets.

The end-to-end tests (test_engine.py, the rule sets' dated cases) go through rules; these give
resolution the effects directly, so a case names exactly what it adds up, and each expected
decision is written out.
"""

from __future__ import annotations

from datetime import date
from typing import Any, cast, get_args

import pytest

import followup_rules as fr
from followup_rules.citations import Citation, Source
from followup_rules.effects import (
    AvoidTimesOfDay,
    Budget,
    Done,
    DueBy,
    Effect,
    ExcludeDates,
    ExcludeHolidayBorders,
    ExcludeNonBusinessDays,
    ExcludeWeekdays,
    Exclusion,
    Guidance,
    LiftBudgets,
    NotBefore,
    PreferChannel,
    ProposePurpose,
    Resource,
    Stop,
)
from followup_rules.history import Contact
from followup_rules.resolution import Ruled, _day_test, resolve

US = fr.WorkCalendar("US")
CITE = Citation(Source("Test rules", "the tests"), "a passage")
VERSIONS = (("a", "1"), ("b", "1"))
A, B = fr.RuleRef("a", "one"), fr.RuleRef("b", "two")
APPLIED = fr.Applied(date(2026, 11, 2))  # a Monday
WEDNESDAY = date(2026, 11, 4)
TUESDAY_BEFORE_VETERANS_DAY = date(2026, 11, 10)


def _facts(today: date) -> fr.Facts:
    return fr.History([APPLIED], calendar=US).facts(today)


def _resolve(today: date, *effects: Effect | tuple[fr.RuleRef, Effect]) -> fr.Decision:
    """Each effect from rule ``a/one``, unless given with its own reference."""
    pairs = [e if isinstance(e, tuple) else (A, e) for e in effects]
    ruled = [Ruled(ref, CITE, effect) for ref, effect in pairs]
    return resolve(ruled, _facts(today), VERSIONS)


def _binding(decision: fr.Decision) -> list[str]:
    return [str(reason.ref) for reason in decision.reasons if reason.binding]


# Every kind of effect is handled ---------------------------------------------------------------

SAMPLES: dict[type, tuple[date, list[Effect], Effect]] = {
    NotBefore: (WEDNESDAY, [], NotBefore(date(2026, 11, 6), "wait")),
    DueBy: (WEDNESDAY, [], DueBy(date(2026, 11, 10), "due")),
    ExcludeWeekdays: (WEDNESDAY, [], ExcludeWeekdays(frozenset({2}), "no Wednesday")),
    ExcludeHolidayBorders: (TUESDAY_BEFORE_VETERANS_DAY, [], ExcludeHolidayBorders("borders")),
    ExcludeDates: (WEDNESDAY, [], ExcludeDates(frozenset({WEDNESDAY}), "back today")),
    ExcludeNonBusinessDays: (date(2026, 11, 11), [], ExcludeNonBusinessDays("business days")),
    Budget: (WEDNESDAY, [], Budget(Resource.FOLLOW_UPS, 0, 1, "none left")),
    LiftBudgets: (
        WEDNESDAY,
        [Budget(Resource.FOLLOW_UPS, 0, 1, "none left")],
        LiftBudgets(date(2026, 11, 16), "silence lifts it"),
    ),
    Stop: (WEDNESDAY, [], Stop("give up")),
    Done: (WEDNESDAY, [], Done("over")),
    ProposePurpose: (WEDNESDAY, [], ProposePurpose(fr.Purpose.THANK_YOU, "thank them")),
    PreferChannel: (WEDNESDAY, [], PreferChannel(fr.Channel.EMAIL, "by email")),
    AvoidTimesOfDay: (WEDNESDAY, [], AvoidTimesOfDay(frozenset({fr.TimeOfDay.MORNING}), "later")),
    Guidance: (WEDNESDAY, [], Guidance("be brief")),
}
"""For each kind of effect: a day, effects around it, and one effect of the kind that changes
the decision those alone would give."""


def test_every_kind_of_effect_has_a_sample() -> None:
    assert set(SAMPLES) == set(get_args(Effect))
    assert {type(effect) for _, _, effect in SAMPLES.values()} == set(SAMPLES)


@pytest.mark.parametrize("kind", get_args(Effect), ids=lambda kind: kind.__name__)
def test_every_kind_of_effect_changes_the_decision(kind: type) -> None:
    """A kind added to ``Effect`` needs a sample; one resolution ignores fails here."""
    today, around, effect = SAMPLES[kind]
    assert _resolve(today, *around, effect) != _resolve(today, *around)


@pytest.mark.parametrize("kind", get_args(Exclusion), ids=lambda kind: kind.__name__)
def test_every_exclusion_rules_out_its_own_day(kind: type) -> None:
    today, _, effect = SAMPLES[kind]
    assert _day_test(cast(Exclusion, effect), US)(today)
    assert _resolve(today, effect).skipped == (fr.SkippedDay(today, (A,)),)


def test_something_that_is_no_effect_is_never_read_as_another_kind() -> None:
    stranger = cast(Any, object())
    with pytest.raises(AssertionError):
        _resolve(WEDNESDAY, stranger)
    with pytest.raises(AssertionError):
        _day_test(stranger, US)


# Dated cases -----------------------------------------------------------------------------------


def test_no_effect_allows_today() -> None:
    decision = _resolve(WEDNESDAY)
    assert decision.action is fr.Action.FOLLOW_UP
    assert decision.next_date == WEDNESDAY
    assert decision.purpose is fr.Purpose.STATUS
    assert (decision.channel, decision.time_of_day, decision.window_end) == (None, None, None)
    assert decision.reasons == ()
    assert decision.timed_by == ()


def test_the_latest_wait_wins_and_only_a_time_setting_one_times_it() -> None:
    decision = _resolve(
        WEDNESDAY,
        NotBefore(date(2026, 11, 9), "a week", sets_time=True),
        (B, NotBefore(date(2026, 11, 6), "two days")),
    )
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 11, 9)
    assert decision.timed_by == (A,)
    assert _binding(decision) == ["a/one"]
    assert [r.what for r in decision.reasons] == ["a week", "two days"]


def test_exclusions_add_up_day_by_day() -> None:
    # Veterans Day, Wed 2026-11-11: Tuesday and Thursday border it, Wednesday is no work day.
    decision = _resolve(
        TUESDAY_BEFORE_VETERANS_DAY,
        ExcludeHolidayBorders("not next to a holiday"),
        (B, ExcludeNonBusinessDays("business days")),
    )
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 11, 13)
    assert decision.skipped == (
        fr.SkippedDay(date(2026, 11, 10), (A,)),
        fr.SkippedDay(date(2026, 11, 11), (B,)),
        fr.SkippedDay(date(2026, 11, 12), (A,)),
    )
    assert _binding(decision) == ["a/one", "b/two"]
    assert decision.timed_by == ()


def test_a_thank_you_is_not_held_back_by_a_follow_ups_wait() -> None:
    decision = _resolve(
        WEDNESDAY,
        ProposePurpose(fr.Purpose.THANK_YOU, "thank them"),
        (B, NotBefore(date(2026, 11, 9), "a week")),
        (B, ExcludeWeekdays(frozenset({2}), "no Wednesday")),
    )
    assert decision.action is fr.Action.FOLLOW_UP
    assert decision.next_date == WEDNESDAY
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert [str(r.ref) for r in decision.reasons] == ["a/one"]


def test_a_spent_budget_waits_for_its_lift() -> None:
    decision = _resolve(
        WEDNESDAY,
        Budget(Resource.FOLLOW_UPS, 0, 1, "no follow-up left"),
        LiftBudgets(date(2026, 11, 16), "two weeks of silence free them"),
    )
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 11, 16)
    assert decision.follow_ups_left == 0
    assert [(r.what, r.binding) for r in decision.reasons] == [
        ("no follow-up left", False),
        ("two weeks of silence free them", False),
        ("no follow-up left until Mon 2026-11-16, when two weeks of silence free them", True),
    ]


def test_another_rule_sets_lift_frees_no_budget() -> None:
    decision = _resolve(
        WEDNESDAY,
        Budget(Resource.FOLLOW_UPS, 0, 1, "no follow-up left"),
        (B, LiftBudgets(date(2026, 11, 16), "silence")),
    )
    assert decision.action is fr.Action.STOP
    assert decision.next_date is None
    assert _binding(decision) == ["a/one"]


def test_done_wins_over_stop_and_keeps_only_the_advice_for_the_end() -> None:
    decision = _resolve(
        WEDNESDAY,
        Stop("give up"),
        (B, Done("they answered")),
        Guidance("call again"),
        (B, Guidance("stay professional", on_end=True)),
    )
    assert decision.action is fr.Action.DONE
    assert [(str(r.ref), r.what, r.binding) for r in decision.reasons] == [
        ("b/two", "they answered", True)
    ]
    assert decision.guidance == (fr.Note(B, "stay professional"),)


def test_the_window_ends_on_its_last_allowed_day() -> None:
    decision = _resolve(
        WEDNESDAY,
        DueBy(date(2026, 11, 13), "by Friday"),
        (B, ExcludeWeekdays(frozenset({4}), "no Friday")),
    )
    assert decision.next_date == WEDNESDAY
    assert decision.window_end == date(2026, 11, 12)
    assert decision.conflicts == ()


def test_a_window_ruled_out_back_to_the_first_day_there_is_has_no_last_day() -> None:
    first, second = date(1, 1, 1), date(1, 1, 2)
    decision = _resolve(
        WEDNESDAY, DueBy(second, "long ago"), (B, ExcludeDates(frozenset({first, second}), "no"))
    )
    assert (decision.next_date, decision.window_end, decision.conflicts) == (WEDNESDAY, None, ())


def test_a_wait_past_the_due_day_is_a_conflict_naming_both_rules() -> None:
    decision = _resolve(
        WEDNESDAY,
        DueBy(date(2026, 11, 6), "by Friday"),
        (B, NotBefore(date(2026, 11, 9), "not before Monday")),
    )
    assert decision.next_date == date(2026, 11, 9)
    assert decision.window_end is None
    assert decision.conflicts == (fr.Conflict(A, B, "by Friday, but not before Monday"),)


def test_channel_time_of_day_and_message_notes_are_read_off() -> None:
    decision = _resolve(
        WEDNESDAY,
        PreferChannel(fr.Channel.EMAIL, "the document's medium"),
        (B, PreferChannel(fr.Channel.PHONE, "they asked for calls", firm=True)),
        AvoidTimesOfDay(frozenset({fr.TimeOfDay.MORNING}), "not first thing"),
        (B, Budget(Resource.MESSAGES, 0, 1, "no message left", spent="hang up")),
        (B, Budget(Resource.FOLLOW_UPS, 1, 1, "a call left", spent="call no more")),
        Guidance("be brief"),
    )
    assert decision.channel is fr.Channel.PHONE
    assert decision.time_of_day is fr.TimeOfDay.AFTERNOON
    assert decision.messages_left == 0
    assert decision.guidance == (
        fr.Note(A, "be brief"),
        fr.Note(B, "hang up"),
    )


# History.facts ---------------------------------------------------------------------------------

EMAIL, PHONE = fr.Channel.EMAIL, fr.Channel.PHONE
SENT, VOICEMAIL = fr.Outcome.SENT, fr.Outcome.VOICEMAIL_LEFT
EVENTS: list[fr.Event] = [
    APPLIED,
    fr.FollowUp(date(2026, 11, 9), channel=PHONE, outcome=VOICEMAIL),
    fr.Reply(date(2026, 11, 10), channel=EMAIL),
    fr.FollowUp(date(2026, 11, 12), channel=EMAIL, outcome=SENT),
    fr.FollowUp(date(2026, 11, 13), channel=PHONE, outcome=fr.Outcome.NO_ANSWER),
    fr.Interview(date(2026, 11, 16), kind=fr.InterviewKind.JOB),
    fr.DecisionExpected(date(2026, 11, 16), by=date(2026, 11, 20)),
    fr.FollowUp(date(2026, 11, 17), channel=EMAIL, outcome=SENT, purpose=fr.Purpose.THANK_YOU),
    fr.OutOfOffice(date(2026, 11, 18), until=date(2026, 11, 23)),
    fr.PrefersChannel(date(2026, 11, 18), channel=PHONE),
]
HISTORY = fr.History(EVENTS, calendar=US)


def test_facts_before_the_interview() -> None:
    facts = HISTORY.until(date(2026, 11, 13)).facts(date(2026, 11, 13))
    status_call = Contact(date(2026, 11, 9), PHONE, VOICEMAIL, fr.Purpose.STATUS)
    status_mail = Contact(date(2026, 11, 12), EMAIL, SENT, fr.Purpose.STATUS)
    assert facts == fr.Facts(
        today=date(2026, 11, 13),
        calendar=US,
        stage=fr.Stage.PRE_INTERVIEW,
        stage_start=date(2026, 11, 2),
        interview_kind=None,
        deadline=None,
        ended=None,
        away_until=None,
        contacts=(status_call, status_mail),
        unanswered=(status_mail,),
        last_reply=date(2026, 11, 10),
        reply_channel=EMAIL,
        stated_channel=None,
    )
    assert facts.last_exchange == date(2026, 11, 12)


def test_facts_after_the_interview_start_the_stage_over() -> None:
    facts = HISTORY.facts(date(2026, 11, 24))
    thanks = Contact(date(2026, 11, 17), EMAIL, SENT, fr.Purpose.THANK_YOU)
    assert facts == fr.Facts(
        today=date(2026, 11, 24),
        calendar=US,
        stage=fr.Stage.POST_INTERVIEW,
        stage_start=date(2026, 11, 16),
        interview_kind=fr.InterviewKind.JOB,
        deadline=date(2026, 11, 20),
        ended=None,
        away_until=date(2026, 11, 23),
        contacts=(thanks,),
        unanswered=(),
        last_reply=date(2026, 11, 10),
        reply_channel=EMAIL,
        stated_channel=PHONE,
    )
    assert (facts.follow_ups, facts.last_follow_up, facts.last_contact) == (
        (),
        None,
        date(2026, 11, 17),
    )


def test_facts_keep_the_first_ending() -> None:
    stop = fr.AskedToStop(date(2026, 11, 19))
    events: list[fr.Event] = [*EVENTS, stop, fr.Withdrew(date(2026, 11, 20))]
    facts = fr.History(events, calendar=US).facts(date(2026, 11, 24))
    assert facts.ended == stop
