"""Resolution: how effects of several rules and rule sets add up to one decision."""

from __future__ import annotations

import ast
import inspect
import types
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import attrs
import pytest
from dateutil.relativedelta import FR, MO, SA, TH, TU, WE

import followup_rules as fr
from followup_rules.citations import Citation, Source
from followup_rules.effects import DueBy, Effect, ExcludeDates, Resource
from followup_rules.rules import AvoidWeekdays, ChangeCourse, LiftAfterSilence, StageBudget

US = fr.WorkCalendar("US")
CITE = Citation(Source("Test rules", "the tests"), "a passage")
PHONE, EMAIL = fr.Channel.PHONE, fr.Channel.EMAIL
NY = ZoneInfo("America/New_York")


def history(*events: fr.Event) -> fr.History:
    return fr.History(events, calendar=US)


def test_a_rule_set_that_allows_no_day_is_blocked_within_the_horizon() -> None:
    never = fr.RuleSet(
        "never",
        [AvoidWeekdays("weekdays-and-saturday", weekdays=(MO, TU, WE, TH, FR, SA), citation=CITE)],
    )
    decision = fr.evaluate(history(fr.Applied(date(2026, 11, 2))), date(2026, 11, 3), rules=never)
    assert decision.action is fr.Action.BLOCKED
    assert decision.next_date is None
    assert len(decision.skipped) == fr.HORIZON_DAYS + 1
    assert decision.beyond_data is None
    binding = {str(reason.ref) for reason in decision.reasons if reason.binding}
    assert binding == {"never/weekdays-and-saturday", "common/business-days-only"}


def test_a_spent_budget_with_no_lift_stops() -> None:
    one = fr.RuleSet("one-only", [StageBudget("one", resource=Resource.FOLLOW_UPS, citation=CITE)])
    events = history(
        fr.Applied(date(2026, 11, 2)),
        fr.FollowUp(date(2026, 11, 9), channel=PHONE, outcome=fr.Outcome.REACHED),
    )
    decision = fr.evaluate(events, date(2026, 11, 17), rules=one)
    assert decision.action is fr.Action.STOP
    assert [str(r.ref) for r in decision.reasons] == ["one-only/one"]


def test_a_spent_budget_waits_for_its_own_rule_sets_lift() -> None:
    lifted = fr.RuleSet(
        "lifted",
        [
            StageBudget("one", resource=Resource.FOLLOW_UPS, citation=CITE),
            LiftAfterSilence("silence", days=10, citation=CITE),
        ],
    )
    events = history(
        fr.Applied(date(2026, 11, 2)),
        fr.FollowUp(date(2026, 11, 9), channel=PHONE, outcome=fr.Outcome.REACHED),
    )
    decision = fr.evaluate(events, date(2026, 11, 10), rules=lifted)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 11, 19))
    assert decision.follow_ups_left == 0


@pytest.mark.parametrize("order", [(10, 15), (15, 10)], ids=["shorter first", "longer first"])
def test_of_two_lifts_in_one_rule_set_the_later_one_frees_its_budget(
    order: tuple[int, int],
) -> None:
    lifted = fr.RuleSet(
        "lifted",
        [
            StageBudget("one", resource=Resource.FOLLOW_UPS, citation=CITE),
            *(LiftAfterSilence(f"silence-{days}", days=days, citation=CITE) for days in order),
        ],
    )
    events = history(
        fr.Applied(date(2026, 11, 2)),
        fr.FollowUp(date(2026, 11, 9), channel=PHONE, outcome=fr.Outcome.REACHED),
    )
    decision = fr.evaluate(events, date(2026, 11, 10), rules=lifted)
    # Ten days of silence lift the limits on the 19th, fifteen on the 24th: the later wins.
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 11, 24))
    binding = [r for r in decision.reasons if r.binding]
    assert [str(r.ref) for r in binding] == ["lifted/one"]
    assert binding[0].what == (
        "0 of 1 follow-ups remain until Tue 2026-11-24, when 15 days without an answer since "
        "Mon 2026-11-09 lift the limits"
    )


def test_done_wins_over_stop() -> None:
    events = history(
        fr.Interview(date(2026, 11, 2)),
        fr.FollowUp(date(2026, 11, 10), channel=PHONE, outcome=fr.Outcome.VOICEMAIL_LEFT),
        fr.FollowUp(date(2026, 11, 17), channel=PHONE, outcome=fr.Outcome.VOICEMAIL_LEFT),
        fr.Answer(date(2026, 11, 18), verdict=fr.Verdict.FILLED),
    )
    assert fr.evaluate(events, date(2026, 11, 18), rules="call-back").action is fr.Action.DONE
    before = events.until(date(2026, 11, 17))
    assert fr.evaluate(before, date(2026, 11, 18), rules="call-back").action is fr.Action.STOP


def test_a_thank_you_is_timed_by_the_thank_you_rule_alone() -> None:
    # Interview on Thursday: the thank-you is due Friday. right-changes keeps status
    # follow-ups off Fridays, not the next-day thank-you (rules.md, Readings v2).
    events = history(fr.Interview(date(2026, 11, 12)))
    decision = fr.evaluate(events, date(2026, 11, 12), rules="three-by-three+right-changes")
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert (decision.next_date, decision.window_end) == (date(2026, 11, 13), date(2026, 11, 13))
    assert decision.conflicts == ()
    assert [str(ref) for ref in decision.timed_by] == ["three-by-three/thank-you-next-day"]


def test_a_thank_you_pushed_past_its_day_is_a_conflict_naming_both_rules() -> None:
    # Interview on Thursday, then away until the next Wednesday: the Friday thank-you cannot
    # be made, and the first day back (Thu 11-19) is the first allowed.
    events = history(
        fr.Interview(date(2026, 11, 12)),
        fr.OutOfOffice(date(2026, 11, 12), until=date(2026, 11, 18)),
    )
    decision = fr.evaluate(events, date(2026, 11, 12), rules="three-by-three+right-changes")
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert (decision.next_date, decision.window_end) == (date(2026, 11, 19), None)
    pairs = {(str(c.first), str(c.second)) for c in decision.conflicts}
    assert pairs == {("three-by-three/thank-you-next-day", "common/not-while-away")}


def test_a_wait_past_a_due_date_is_a_conflict() -> None:
    # They promised an answer three weeks out; the 3x3 window after the interview closed long
    # before the day after that date.
    events = history(
        fr.Interview(date(2026, 11, 3)),
        fr.FollowUp(
            date(2026, 11, 4),
            channel=PHONE,
            outcome=fr.Outcome.REACHED,
            purpose=fr.Purpose.THANK_YOU,
        ),
        fr.DecisionExpected(date(2026, 11, 4), by=date(2026, 11, 24)),
    )
    decision = fr.evaluate(events, date(2026, 11, 5), rules="three-by-three+call-back")
    assert decision.next_date == date(2026, 11, 25)
    pairs = {(str(c.first), str(c.second)) for c in decision.conflicts}
    assert pairs == {("three-by-three/weekly-until-answer", "call-back/day-after-deadline")}


def test_change_course_keeps_their_preferred_channel_and_rewords() -> None:
    events = history(
        fr.Interview(date(2026, 11, 2)),
        fr.PrefersChannel(date(2026, 11, 2), channel=EMAIL),
        fr.FollowUp(date(2026, 11, 10), channel=EMAIL, outcome=fr.Outcome.SENT),
        fr.FollowUp(date(2026, 11, 17), channel=EMAIL, outcome=fr.Outcome.SENT),
    )
    decision = fr.evaluate(events, date(2026, 11, 24), rules="five-rules+right-changes")
    assert decision.channel is EMAIL
    assert decision.conflicts == ()
    assert "five-rules/change-course" in {str(note.ref) for note in decision.guidance}


def test_change_course_suggests_an_email_at_another_time_of_day() -> None:
    # Two morning voicemails unanswered: the document's own example is a differently worded
    # email at another time of day (rules.md v2).
    events = history(
        fr.Interview(date(2026, 11, 2)),
        fr.FollowUp(
            datetime(2026, 11, 10, 9, tzinfo=NY), channel=PHONE, outcome=fr.Outcome.VOICEMAIL_LEFT
        ),
        fr.FollowUp(
            datetime(2026, 11, 17, 10, tzinfo=NY), channel=PHONE, outcome=fr.Outcome.VOICEMAIL_LEFT
        ),
    )
    decision = fr.evaluate(events, date(2026, 11, 24), rules="five-rules")
    assert decision.channel is EMAIL
    assert decision.time_of_day is fr.TimeOfDay.AFTERNOON
    assert decision.purpose is fr.Purpose.STATUS


def test_no_time_of_day_is_suggested_when_every_working_time_went_unanswered() -> None:
    events = history(
        fr.Interview(date(2026, 11, 2)),
        fr.FollowUp(
            datetime(2026, 11, 10, 9, tzinfo=NY), channel=PHONE, outcome=fr.Outcome.REACHED
        ),
        fr.FollowUp(datetime(2026, 11, 17, 14, tzinfo=NY), channel=EMAIL, outcome=fr.Outcome.SENT),
    )
    decision = fr.evaluate(events, date(2026, 11, 24), rules="five-rules")
    assert decision.time_of_day is None
    assert decision.purpose is fr.Purpose.ASK_WHETHER_TO_CONTINUE


def test_business_days_can_be_turned_off() -> None:
    anyday = fr.rulesets.common.alone(business_days_only=False)
    events = history(fr.Applied(date(2026, 11, 2)))
    saturday = date(2026, 11, 14)
    assert fr.evaluate(events, saturday, rules=anyday).action is fr.Action.FOLLOW_UP
    assert fr.evaluate(events, saturday, rules=fr.rulesets.common.alone()).next_date == date(
        2026, 11, 16
    )


@attrs.frozen
class _Broken:
    id: str = "broken"
    citation: Citation = CITE

    def apply(self, facts: fr.Facts) -> Iterator[object]:
        yield "follow up on Tuesday"


def test_a_user_rule_returning_something_else_than_effects_is_an_error() -> None:
    broken = fr.RuleSet("broken", [_Broken()])
    with pytest.raises(
        fr.RuleSetDefinitionError, match="broken/broken returned 'follow up on Tuesday'"
    ):
        fr.evaluate(history(fr.Applied(date(2026, 11, 2))), date(2026, 11, 2), rules=broken)


def test_nothing_while_they_are_away() -> None:
    events = history(
        fr.Interview(date(2026, 11, 2)),
        fr.OutOfOffice(date(2026, 11, 9), until=date(2026, 11, 25)),
    )
    decision = fr.evaluate(events, date(2026, 11, 9), rules="five-rules")
    assert decision.next_date == date(2026, 11, 27)  # Thanksgiving is the 26th


@pytest.mark.parametrize(
    "rules",
    [
        "five-rules+call-back",
        ["call-back", "five-rules"],
        [fr.rulesets.get("five-rules"), "call-back"],
        fr.rulesets.get("call-back") + fr.rulesets.get("five-rules"),
    ],
)
def test_rules_may_be_named_in_several_ways(rules: fr.engine.RulesLike) -> None:
    decision = fr.evaluate(history(fr.Applied(date(2026, 11, 2))), date(2026, 11, 2), rules=rules)
    assert [name for name, _ in decision.rulesets] == ["call-back", "five-rules"]


@pytest.mark.parametrize(
    ("rules", "resolved"),
    [
        ("five-rules+call-back", 1),
        (fr.rulesets.get("call-back") + fr.rulesets.get("five-rules"), 1),
        (fr.rulesets.get("call-back"), 1),
        (None, 1),
        (["call-back", "five-rules"], 3),  # a list may change between calls: never kept
    ],
)
def test_the_same_rules_are_resolved_and_prepared_once(
    rules: fr.engine.RulesLike, resolved: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[fr.engine.RulesLike] = []

    def resolve(rules: fr.engine.RulesLike) -> fr.Composition:
        calls.append(rules)
        return fr.rulesets.registry.Registry().resolve(rules)

    monkeypatch.setattr(fr.rulesets.registry, "resolve", resolve)
    answers = {
        fr.evaluate(
            history(fr.Applied(date(2026, 11, 2))), date(2026, 11, day), rules=rules
        ).rulesets
        for day in (2, 3, 4)
    }
    assert len(calls) == resolved
    assert len(answers) == 1


def _imported(module: types.ModuleType) -> set[str]:
    """Every module ``module``'s source imports, wherever in the file the import is."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(inspect.getsource(module))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_the_engine_knows_no_documents() -> None:
    imported = _imported(fr.engine)
    assert "followup_rules.ruleset" in imported  # the walk sees the engine's own imports
    assert {name for name in imported if name.startswith("followup_rules.rulesets")} == set()
    assert "followup_rules.load" not in imported


def test_the_common_rules_are_added_by_the_registry_not_the_engine() -> None:
    prepared = fr.rulesets.registry.prepare(fr.rulesets.resolve("five-rules"))
    assert [str(ref) for ref, _ in prepared.common] == [
        "common/definite-answer",
        "common/not-while-away",
        "common/one-contact-a-day",
        "common/business-days-only",
    ]
    assert [part.name for part in prepared.parts] == ["five-rules"]
    assert prepared.versions == (("five-rules", fr.rulesets.get("five-rules").version),)


def test_the_default_is_all_five() -> None:
    decision = fr.evaluate(history(fr.Applied(date(2026, 11, 2))), date(2026, 11, 2))
    assert {name for name, _ in decision.rulesets} == set(fr.rulesets.DEFAULT)
    assert len(decision.rulesets) == 5


def test_an_aware_today_is_read_in_the_employer_time_zone() -> None:
    calendar = fr.WorkCalendar("US", timezone="America/New_York")
    events = fr.History([fr.Applied(date(2026, 11, 2))], calendar=calendar)
    # 02:00 UTC on Tuesday is still Monday evening in New York.
    today = datetime(2026, 11, 10, 2, tzinfo=ZoneInfo("UTC"))
    assert fr.evaluate(events, today, rules="five-rules").today == date(2026, 11, 9)


def test_a_window_closed_by_their_date_names_their_date_not_the_weekend() -> None:
    # Thanked Thu 11-05: three-by-three's window runs to Sun 11-15, so its last allowed day is
    # Fri 11-13. They named Fri 11-13, so call-back waits for Sat 11-14: their date closed the
    # window, not the weekend after it.
    events = history(
        fr.Interview(date(2026, 11, 4)),
        fr.DecisionExpected(date(2026, 11, 4), by=date(2026, 11, 13)),
        fr.FollowUp(
            date(2026, 11, 5),
            channel=PHONE,
            outcome=fr.Outcome.REACHED,
            purpose=fr.Purpose.THANK_YOU,
        ),
    )
    decision = fr.evaluate(events, date(2026, 11, 6), rules="three-by-three+call-back")
    assert (decision.next_date, decision.window_end) == (date(2026, 11, 17), None)
    assert [(str(c.first), str(c.second)) for c in decision.conflicts] == [
        ("three-by-three/weekly-until-answer", "call-back/day-after-deadline")
    ]
    assert "common/business-days-only" not in str(decision.conflicts)


@attrs.frozen
class DueInYearOne:
    """A window that closes before the holiday data begins: its days are all unknown."""

    id: str = "due-in-year-one"
    citation: Citation = CITE

    def apply(self, facts: fr.Facts) -> Iterator[Effect]:
        yield DueBy(date.min, "by the first day there is")


def test_a_window_before_the_holiday_data_has_no_last_day() -> None:
    odd = fr.RuleSet("odd", [DueInYearOne()])
    decision = fr.evaluate(history(fr.Applied(date(2026, 11, 2))), date(2026, 11, 3), rules=odd)
    assert (decision.action, decision.next_date) == (fr.Action.FOLLOW_UP, date(2026, 11, 3))
    assert (decision.window_end, decision.conflicts) == (None, ())


@attrs.frozen
class ClosedForSeptember:
    """A window due on 1 October whose month before it is ruled out day by day."""

    id: str = "closed-for-september"
    citation: Citation = CITE

    def apply(self, facts: fr.Facts) -> Iterator[Effect]:
        september = frozenset(date(2026, 9, 1) + timedelta(days=n) for n in range(31))
        yield ExcludeDates(september, "closed from 1 September to 1 October")
        yield DueBy(date(2026, 10, 1), "by 1 October")


def test_a_window_whose_last_month_is_ruled_out_has_no_last_day() -> None:
    closed = fr.RuleSet("closed", [ClosedForSeptember()])
    decision = fr.evaluate(history(fr.Applied(date(2026, 8, 3))), date(2026, 11, 3), rules=closed)
    assert (decision.action, decision.next_date) == (fr.Action.FOLLOW_UP, date(2026, 11, 3))
    assert (decision.window_end, decision.overdue, decision.conflicts) == (None, False, ())


def test_change_course_without_a_channel_keeps_the_channel_open() -> None:
    reword = fr.RuleSet(
        "reword",
        [ChangeCourse("reword", after=2, citation=CITE, advice="Reword it.")],
        business_days_only=False,
    )
    events = history(
        fr.Applied(date(2026, 11, 2)),
        fr.FollowUp(date(2026, 11, 3), channel=PHONE, outcome=fr.Outcome.VOICEMAIL_LEFT),
        fr.FollowUp(date(2026, 11, 4), channel=PHONE, outcome=fr.Outcome.VOICEMAIL_LEFT),
    )
    decision = fr.evaluate(events, date(2026, 11, 5), rules=reword)
    assert decision.channel is None
    assert [note.ref.rule for note in decision.guidance] == ["reword"]
