"""The conformance kit: check_ruleset passes every built-in rule set and catches broken ones.

Each broken rule set is one small user rule (an id, a citation and ``apply``) that breaks one
invariant, and the error must name that invariant. Some invariants no rule reading its facts
can break (``History`` sorts the events and drops exact duplicates before any rule sees the
``Facts``, and the common rules end every process on a definite answer); for those, a stand-in
for a piece of the core shows the check would still catch the break.
"""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import attrs
import pytest
from dateutil.relativedelta import MO
from hypothesis import settings
from hypothesis import strategies as st

import followup_rules as fr
import followup_rules.testing.conformance as kit
from followup_rules.effects import Effect, ExcludeWeekdays, NotBefore, Resource, Stop
from followup_rules.rules import (
    Advice,
    AfterStatedDate,
    AvoidWeekdays,
    Cadence,
    StageBudget,
    ThankYouAfterInterview,
)
from followup_rules.ruleset import RulesLike
from followup_rules.testing import (
    INVARIANTS,
    MAX_EXAMPLES,
    ConformanceError,
    calendars,
    check_example,
    check_ruleset,
)

SOURCE = fr.Source("Notes for my clients", "A career coach")
CITE = fr.Citation(SOURCE, "page 1")
EVALUATIONS_PER_EXAMPLE = 22
"""The most evaluations check_ruleset makes for one example: the answer, fifteen days of
waiting, one for each other check."""

COACH = fr.RuleSet(
    "steady-coach",
    [
        Cadence(
            "weekly-before-interview",
            stage=fr.Stage.PRE_INTERVIEW,
            days=7,
            latest=10,
            channel=fr.Channel.EMAIL,
            citation=CITE,
        ),
        ThankYouAfterInterview("thank-you-next-day", channel=fr.Channel.EMAIL, citation=CITE),
        AfterStatedDate("after-their-date", citation=CITE),
        Cadence(
            "five-business-days-after-interview",
            stage=fr.Stage.POST_INTERVIEW,
            days=5,
            business=True,
            channel=fr.Channel.PHONE,
            citation=CITE,
        ),
        AvoidWeekdays("no-mondays", weekdays=(MO,), citation=CITE),
        StageBudget("three-follow-ups", resource=Resource.FOLLOW_UPS, limit=3, citation=CITE),
        Advice("short-and-warm", text="Keep it short and warm.", citation=CITE),
    ],
    version="2026.1",
    source=SOURCE,
)


@pytest.fixture
def process_time_zone() -> Iterator[None]:
    """Put TZ (and the process's idea of it) back however the test left it."""
    before = os.environ.get("TZ")
    yield
    if before is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = before
    time.tzset()


def broken(rule: object) -> ConformanceError:
    """The error check_ruleset raises on a rule set of ``rule`` alone."""
    with pytest.raises(AssertionError) as caught:
        check_ruleset(fr.RuleSet("mine", [rule]))
    assert isinstance(caught.value, ConformanceError)
    assert caught.value.invariant in INVARIANTS
    return caught.value


# -- what passes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", fr.rulesets.names())
def test_every_built_in_rule_set_conforms(name: str) -> None:
    check_ruleset(fr.rulesets.get(name))


def test_the_default_composition_conforms() -> None:
    check_ruleset(fr.rulesets.default())


def test_a_coachs_rule_set_built_from_primitives_conforms() -> None:
    check_ruleset(COACH)


@attrs.define
class Watching:
    """Does nothing but note the calendar of every history it is applied to."""

    id: str = "watching"
    citation: fr.Citation = CITE
    calendars: set[fr.WorkCalendar] = attrs.field(factory=set, eq=False)

    def apply(self, facts: fr.Facts) -> Iterator[Effect]:
        self.calendars.add(facts.calendar)
        return iter(())


@pytest.mark.slow
def test_a_fixed_calendar_or_a_strategy_for_one_is_used_for_every_history() -> None:
    fixed, drawn = Watching(), Watching()
    us = fr.WorkCalendar("US")
    check_ruleset(fr.RuleSet("watched", [fixed]), calendar=us, max_examples=15)
    check_ruleset(
        fr.RuleSet("watched", [drawn]),
        calendar=calendars(time_zones=False, closed_dates=False),
        max_examples=15,
    )
    assert fixed.calendars == {us}
    assert {calendar.timezone for calendar in drawn.calendars} == {None}
    assert len(drawn.calendars) > 1


# -- what fails, and how it says so ---------------------------------------------------------------


@attrs.frozen
class AlwaysTomorrow:
    """Counts its wait from today, so the day it proposes never comes."""

    id: str = "always-tomorrow"
    citation: fr.Citation = CITE

    def apply(self, facts: fr.Facts) -> Iterator[Effect]:
        yield NotBefore(facts.today + timedelta(days=1), "not before tomorrow")


def test_a_wait_counted_from_today_never_says_follow_up_on_its_own_day() -> None:
    error = broken(AlwaysTomorrow())
    assert error.invariant == "follow-up-on-the-proposed-day"
    message = str(error)
    assert message.startswith(
        "rule set 'mine' 1.0 breaks 'follow-up-on-the-proposed-day': evaluated on the day it "
        "proposes, the rule set says FOLLOW_UP on that day, for the same purpose.\n"
    )
    assert "it says WAIT until" in message
    assert "Failing test case" in message
    assert "history=History(events=(Applied(" in message


@attrs.frozen
class StopMeaningNotYet:
    """Means "not for five days after the last exchange", but says STOP on days one to four."""

    id: str = "five-quiet-days"
    citation: fr.Citation = CITE

    def apply(self, facts: fr.Facts) -> Iterator[Effect]:
        quiet = (facts.today - facts.last_exchange).days
        if 0 < quiet < 5:
            yield Stop("too soon after the last exchange")
        yield NotBefore(facts.last_exchange + timedelta(days=5), "five days after the last one")


def test_a_stop_that_means_not_yet_moves_the_day_while_waiting() -> None:
    error = broken(StopMeaningNotYet())
    assert error.invariant == "waiting-keeps-the-day"
    assert "breaks 'waiting-keeps-the-day'" in str(error)
    assert "it says STOP" in str(error)


@attrs.frozen
class NoDayForAWeek:
    """Means "wait a week after a contact", but rules out every weekday instead."""

    id: str = "a-week-off"
    citation: fr.Citation = CITE

    def apply(self, facts: fr.Facts) -> Iterator[Effect]:
        last = facts.last_contact
        if last is not None and facts.today - last < timedelta(days=7):
            yield ExcludeWeekdays(frozenset(range(7)), "no contact for a week after one")


def test_a_rule_that_leaves_no_day_once_the_contact_is_logged_does_not_move_on() -> None:
    error = broken(NoDayForAWeek())
    assert error.invariant == "logging-moves-on"
    assert "after logging FollowUp(" in str(error)
    assert "it says BLOCKED" in str(error)


@attrs.frozen
class TwoUnansweredIsUnexpected:
    """Assumes there is never more than one unanswered follow-up."""

    id: str = "one-unanswered-at-most"
    citation: fr.Citation = CITE

    def apply(self, facts: fr.Facts) -> Iterator[Effect]:
        if len(facts.unanswered) > 1:
            raise ValueError(f"{len(facts.unanswered)} unanswered follow-ups")
        return iter(())


@pytest.mark.slow
def test_a_rule_that_raises_a_bare_value_error_is_caught_with_its_traceback() -> None:
    error = broken(TwoUnansweredIsUnexpected())
    assert error.invariant == "only-typed-errors"
    assert "evaluating raised ValueError:" in str(error)
    assert "unanswered follow-ups" in str(error)
    assert isinstance(error.__cause__, ValueError)


@attrs.frozen
class FarEastIsUnexpected:
    """Assumes the machine it runs on is never more than twelve hours ahead of UTC."""

    id: str = "near-utc"
    citation: fr.Citation = CITE

    def apply(self, facts: fr.Facts) -> Iterator[Effect]:
        if time.localtime().tm_gmtoff > 12 * 3600:
            raise OverflowError("more than twelve hours ahead of UTC")
        return iter(())


@pytest.mark.slow
def test_an_error_only_a_derived_evaluation_meets_says_which_check_met_it(
    process_time_zone: None,
) -> None:
    os.environ["TZ"] = "Europe/Paris"
    time.tzset()
    error = broken(FarEastIsUnexpected())
    assert error.invariant == "only-typed-errors"
    assert "evaluating raised OverflowError: more than twelve hours ahead" in str(error)
    assert "While checking 'process-time-zone-changes-nothing'." in str(error)


@attrs.frozen
class ReturnsText:
    """Returns what it means instead of an effect."""

    id: str = "wait-a-week"
    citation: fr.Citation = CITE

    def apply(self, facts: fr.Facts) -> Iterator[object]:
        yield "wait a week"


def test_a_rule_that_returns_something_other_than_effects_is_caught() -> None:
    error = broken(ReturnsText())
    assert error.invariant == "only-effects"
    assert "rule mine/wait-a-week returned 'wait a week'" in str(error)


@attrs.frozen
class ThroughATimestamp:
    """Reads the stage's start through a Unix timestamp, so the process's time zone leaks in."""

    id: str = "a-week-after-the-start"
    citation: fr.Citation = CITE

    def apply(self, facts: fr.Facts) -> Iterator[Effect]:
        stamp = time.mktime(facts.stage_start.timetuple())
        start = datetime.fromtimestamp(stamp, UTC).date()
        opens = start + timedelta(days=7)
        yield NotBefore(opens, f"not before {opens}: a week after the stage started")


@pytest.mark.slow
def test_a_rule_that_reads_the_process_time_zone_is_caught(process_time_zone: None) -> None:
    error = broken(ThroughATimestamp())
    assert error.invariant == "process-time-zone-changes-nothing"
    assert "with TZ=" in str(error)


@attrs.frozen
class RefusesOldHistories:
    """Refuses, with a typed error, any day more than three days into a stage."""

    id: str = "first-days-only"
    citation: fr.Citation = CITE

    def apply(self, facts: fr.Facts) -> Iterator[Effect]:
        if facts.today - facts.stage_start > timedelta(days=3):
            raise fr.InvalidHistoryError(f"{facts.today} is too late for this rule set")
        yield NotBefore(facts.stage_start + timedelta(days=5), "five days into the stage")


def test_a_typed_error_is_an_answer_and_sets_the_example_aside() -> None:
    check_ruleset(fr.RuleSet("mine", [RefusesOldHistories()]))


# -- one example, without hypothesis ---------------------------------------------------------------

APPLIED = fr.History([fr.Applied(date(2026, 11, 2))], calendar=fr.WorkCalendar("US"))


def test_one_dated_history_is_checked_without_hypothesis() -> None:
    with pytest.raises(ConformanceError) as caught:
        check_example(fr.RuleSet("mine", [AlwaysTomorrow()]), APPLIED, date(2026, 11, 9))
    assert caught.value.invariant == "follow-up-on-the-proposed-day"
    assert str(caught.value) == (
        "On 2026-11-09 it says WAIT until 2026-11-10 (status); on 2026-11-10 it says WAIT until "
        "2026-11-12 (status)."
    )


def test_without_data_every_choice_is_tried(process_time_zone: None) -> None:
    os.environ["TZ"] = "UTC"
    time.tzset()
    with pytest.raises(ConformanceError) as caught:
        check_example(fr.RuleSet("mine", [ThroughATimestamp()]), APPLIED, date(2026, 11, 9))
    assert caught.value.invariant == "process-time-zone-changes-nothing"
    assert "with TZ=Pacific/Kiritimati" in str(caught.value)  # UTC, tried first, changed nothing


def test_a_typed_error_on_a_dated_history_is_an_answer() -> None:
    refusing = fr.RuleSet("mine", [RefusesOldHistories()])
    with pytest.raises(fr.InvalidHistoryError):
        fr.evaluate(APPLIED, date(2026, 11, 9), rules=refusing)
    check_example(refusing, APPLIED, date(2026, 11, 9))  # the refusal breaks no invariant


def test_a_conforming_rule_set_passes_a_dated_history() -> None:
    check_example(COACH, APPLIED, date(2026, 11, 9))  # raises if an invariant breaks


# -- a core that broke its own promises would be caught too --------------------------------------

Transform = Callable[[fr.Decision, object], fr.Decision]
SCHEDULED = (fr.Action.FOLLOW_UP, fr.Action.WAIT)


def _yesterday(decision: fr.Decision, rules: object) -> fr.Decision:
    if decision.action not in SCHEDULED:
        return decision
    return attrs.evolve(
        decision, action=fr.Action.WAIT, next_date=decision.today - timedelta(days=1)
    )


def _saturday(decision: fr.Decision, rules: object) -> fr.Decision:
    if decision.action not in SCHEDULED:
        return decision
    today = decision.today
    saturday = today + timedelta(days=(5 - today.weekday()) % 7 or 7)
    return attrs.evolve(decision, action=fr.Action.WAIT, next_date=saturday)


def _follow_up_any_day(decision: fr.Decision, rules: object) -> fr.Decision:
    if decision.action is not fr.Action.WAIT:
        return decision
    return attrs.evolve(decision, action=fr.Action.FOLLOW_UP)


def _stop_when_done(decision: fr.Decision, rules: object) -> fr.Decision:
    if decision.action is not fr.Action.DONE:
        return decision
    return attrs.evolve(decision, action=fr.Action.STOP)


def _silent_with_a_purpose(decision: fr.Decision, rules: object) -> fr.Decision:
    if decision.action not in SCHEDULED:
        return decision
    return attrs.evolve(decision, action=fr.Action.SILENT, next_date=None)


def _forget_versions_when_composed(decision: fr.Decision, rules: object) -> fr.Decision:
    return attrs.evolve(decision, rulesets=()) if isinstance(rules, fr.Composition) else decision


CORE_BREAKS: list[tuple[str, Transform]] = [
    ("next-date-not-before-today", _yesterday),
    ("silent-says-nothing", _silent_with_a_purpose),
    ("next-date-is-a-business-day", _saturday),
    ("follow-up-means-today", _follow_up_any_day),
    ("an-ending-is-done", _stop_when_done),
    ("self-composition-changes-nothing", _forget_versions_when_composed),
]


@pytest.mark.parametrize(("invariant", "transform"), CORE_BREAKS, ids=[i for i, _ in CORE_BREAKS])
def test_the_invariants_no_rule_can_break_still_catch_a_broken_evaluation(
    invariant: str, transform: Transform, monkeypatch: pytest.MonkeyPatch
) -> None:
    def evaluate(history: fr.History, today: date, *, rules: RulesLike) -> fr.Decision:
        return transform(fr.evaluate(history, today, rules=rules), rules)

    monkeypatch.setattr(kit, "evaluate", evaluate)
    with pytest.raises(ConformanceError) as caught:
        check_ruleset(COACH)
    assert caught.value.invariant == invariant
    assert f"breaks {invariant!r}" in str(caught.value)


class LeakyShuffle:
    """Stands in for ``random.Random``: shuffling adds a request to stop, as if order leaked."""

    def __init__(self, seed: int) -> None:
        self.seed = seed

    def shuffle(self, events: list[fr.Event]) -> None:
        events.append(fr.AskedToStop(events[0].on))


def test_a_history_whose_order_leaked_into_the_answer_would_be_caught(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(kit, "random", SimpleNamespace(Random=LeakyShuffle))
    with pytest.raises(ConformanceError) as caught:
        check_ruleset(COACH)
    assert caught.value.invariant == "order-changes-nothing"
    assert "given in the order [" in str(caught.value)


@attrs.frozen
class Cited:
    """A rule that does nothing, with whatever id and citation it is given."""

    id: object
    citation: object

    def apply(self, facts: fr.Facts) -> Iterator[Effect]:
        return iter(())


def _emptied(ruleset: fr.RuleSet) -> fr.RuleSet:
    # RuleSet refuses no rules; a rule set patched after it was made can still have none.
    object.__setattr__(ruleset, "rules", ())
    return ruleset


DEFINITIONS: list[tuple[str, Callable[[], fr.RuleSet], str]] = [
    (
        "a citation that is text",
        lambda: fr.RuleSet("mine", [Cited("notes", "my notes, page 3")]),
        "rule set 'mine': rule 'notes' has citation 'my notes, page 3': expected a Citation",
    ),
    (
        "an id that is not a slug",
        lambda: fr.RuleSet("mine", [Cited("Wait A Week", CITE)]),
        "rule set 'mine': rule id 'Wait A Week' is not a lower-case slug",
    ),
    (
        "an id that is not text",
        lambda: fr.RuleSet("mine", [Cited(7, CITE)]),
        "rule set 'mine': rule id 7 is not a lower-case slug",
    ),
    (
        "an empty version",
        lambda: fr.RuleSet("mine", [Cited("notes", CITE)], version=" "),
        "rule set 'mine' has version ' ': expected a non-empty string",
    ),
    (
        "no rules",
        lambda: _emptied(fr.RuleSet("mine", [Cited("notes", CITE)])),
        "rule set 'mine' has no rules: expected at least one",
    ),
]


@pytest.mark.parametrize(
    ("ruleset", "expected"),
    [(make, expected) for _, make, expected in DEFINITIONS],
    ids=[name for name, _, _ in DEFINITIONS],
)
def test_a_bad_definition_is_named_before_any_history_is_drawn(
    ruleset: Callable[[], fr.RuleSet], expected: str
) -> None:
    with pytest.raises(ConformanceError) as caught:
        check_ruleset(ruleset())
    assert caught.value.invariant == "definition"
    assert "breaks 'definition'" in str(caught.value)
    assert f"- {expected}" in str(caught.value)


def test_a_repeated_rule_id_is_a_bad_definition() -> None:
    ruleset = fr.RuleSet("mine", [Cited("notes", CITE)])
    # RuleSet refuses repeated ids; a rule set patched after it was made can still have them.
    object.__setattr__(ruleset, "rules", ruleset.rules * 2)
    with pytest.raises(ConformanceError, match="rule id 'notes' appears 2 times"):
        check_ruleset(ruleset)


def test_a_composition_names_the_part_with_the_bad_definition() -> None:
    bad = fr.RuleSet("mine", [Cited("notes", "my notes")])
    with pytest.raises(ConformanceError) as caught:
        check_ruleset(COACH + bad)
    message = str(caught.value)
    assert message.startswith("composition 'mine+steady-coach' breaks 'definition'")
    assert "rule set 'mine': rule 'notes' has citation 'my notes'" in message


def test_only_the_definition_and_what_evaluating_raises_have_no_check_per_example() -> None:
    unchecked = [row.name for row in kit._INVARIANTS if row.check is None]
    assert unchecked == ["definition", "only-typed-errors", "only-effects"]


def test_a_conformance_error_survives_pickling() -> None:
    error = ConformanceError("definition", "rule set 'mine' breaks 'definition'")
    again = pickle.loads(pickle.dumps(error))
    assert (
        f"{type(again).__module__}.{type(again).__name__}"
        == "followup_rules.testing.ConformanceError"
    )
    assert (again.invariant, str(again)) == ("definition", "rule set 'mine' breaks 'definition'")


# -- how much work, and what it leaves behind -----------------------------------------------------


@attrs.define
class Counting:
    """Does nothing but count how often it is applied."""

    id: str = "counting"
    citation: fr.Citation = CITE
    calls: list[int] = attrs.field(factory=list, eq=False)

    def apply(self, facts: fr.Facts) -> Iterator[Effect]:
        self.calls.append(1)
        return iter(())


def test_max_examples_bounds_the_work() -> None:
    one, five = Counting(), Counting()
    check_ruleset(fr.RuleSet("counted", [one]), max_examples=1)
    check_ruleset(fr.RuleSet("counted", [five]), max_examples=5)
    assert 1 <= len(one.calls) <= EVALUATIONS_PER_EXAMPLE
    assert EVALUATIONS_PER_EXAMPLE < len(five.calls) <= 5 * EVALUATIONS_PER_EXAMPLE


def test_without_max_examples_the_active_profile_decides() -> None:
    counting = Counting()
    settings.register_profile("one-example", max_examples=1, database=None)
    settings.load_profile("one-example")
    try:
        check_ruleset(fr.RuleSet("counted", [counting]))
    finally:
        settings.load_profile(os.environ.get("FOLLOWUP_RULES_PROFILE", "ci"))
    assert 1 <= len(counting.calls) <= EVALUATIONS_PER_EXAMPLE


@pytest.mark.parametrize("zone", ["Europe/Paris", None])
def test_the_process_time_zone_is_put_back(
    zone: str | None, process_time_zone: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if zone is None:
        monkeypatch.delenv("TZ", raising=False)
    else:
        monkeypatch.setenv("TZ", zone)
    time.tzset()
    check_ruleset(COACH, max_examples=10)
    assert os.environ.get("TZ") == zone


BAD_ARGUMENTS: list[tuple[str, Callable[[], None], str]] = [
    (
        "events for a history",
        lambda: check_example(COACH, APPLIED.events, date(2026, 11, 9)),  # type: ignore[arg-type]
        "history=(Applied(on=datetime.date(2026, 11, 2)),): expected a followup_rules.History",
    ),
    (
        "a time for today",
        lambda: check_example(COACH, APPLIED, datetime(2026, 11, 9, 9, tzinfo=UTC)),
        "today=2026-11-09T09:00:00+00:00: expected a datetime.date",
    ),
    (
        "a random generator for data",
        lambda: check_example(COACH, APPLIED, date(2026, 11, 9), data=1),  # type: ignore[arg-type]
        "data=1: expected None or what hypothesis draws from st.data()",
    ),
    (
        "a rule-set name",
        lambda: check_ruleset("three-by-three"),  # type: ignore[arg-type]
        "ruleset 'three-by-three' is not a RuleSet or a Composition: for a registered one, "
        "pass followup_rules.rulesets.get(name)",
    ),
    (
        "no examples",
        lambda: check_ruleset(COACH, max_examples=0),
        "max_examples=0: expected None (the active hypothesis profile's) or a whole number "
        f"from 1 to {MAX_EXAMPLES}",
    ),
    (
        "too many examples",
        lambda: check_ruleset(COACH, max_examples=MAX_EXAMPLES + 1),
        f"max_examples={MAX_EXAMPLES + 1}: expected None",
    ),
    (
        "a boolean number of examples",
        lambda: check_ruleset(COACH, max_examples=True),
        "max_examples=True: expected None",
    ),
    (
        "a fractional number of examples",
        lambda: check_ruleset(COACH, max_examples=2.5),  # type: ignore[arg-type]
        "max_examples=2.5: expected None",
    ),
    (
        "a calendar named by its country",
        lambda: check_ruleset(COACH, calendar="US"),  # type: ignore[arg-type]
        "calendar='US': expected a WorkCalendar, a strategy for one, or None",
    ),
    (
        "a strategy for something else",
        lambda: check_ruleset(COACH, calendar=[st.just(fr.WorkCalendar("US"))]),  # type: ignore[arg-type]
        "calendar=[just(WorkCalendar('US'))]: expected a WorkCalendar",
    ),
]


@pytest.mark.parametrize(
    ("call", "expected"),
    [(call, expected) for _, call, expected in BAD_ARGUMENTS],
    ids=[name for name, _, _ in BAD_ARGUMENTS],
)
def test_bad_arguments_are_typed_errors_that_name_the_value(
    call: Callable[[], None], expected: str
) -> None:
    with pytest.raises(fr.InvalidArgumentError) as caught:
        call()
    assert expected in str(caught.value)
