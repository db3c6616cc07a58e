"""The conformance kit: the invariants every rule set keeps, and the checks of them.

Importing this module imports ``hypothesis``. The public names are those of
:mod:`followup_rules.testing`. Each invariant is stated once, in ``_INVARIANTS``: its name, its
sentence and its check; :data:`INVARIANTS`, every report and the documentation read them there.
"""

from __future__ import annotations

import contextlib
import os
import random
import time as time_module
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from types import MappingProxyType
from typing import TypeVar

import attrs
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from followup_rules._checks import check_day, check_instance, is_slug
from followup_rules._format import DAY_NAMES
from followup_rules.calendar import WorkCalendar
from followup_rules.citations import Citation
from followup_rules.decision import Decision
from followup_rules.errors import FollowupError, InvalidArgumentError, RuleSetDefinitionError
from followup_rules.events import Answer, AskedToStop, Event, FollowUp, Withdrew
from followup_rules.history import History
from followup_rules.ruleset import Composition, RuleSet
from followup_rules.rulesets.registry import evaluate
from followup_rules.testing.strategies import days_after, histories
from followup_rules.vocabulary import Action, Channel, Outcome, Purpose, Verdict

__all__ = [
    "INVARIANTS",
    "MAX_EXAMPLES",
    "ConformanceError",
    "check_example",
    "check_ruleset",
]

_T = TypeVar("_T")

MAX_EXAMPLES = 100_000
"""The most examples :func:`check_ruleset` accepts as ``max_examples``."""

_SCHEDULED = (Action.FOLLOW_UP, Action.WAIT)
_WAITED_DAYS = 14
"""Each of this many days after today is checked while waiting; one later day is drawn."""
_PROCESS_ZONES = ("UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago")
"""Process time zones at both ends of the clock (UTC+14 and UTC-11), and UTC."""


class ConformanceError(AssertionError):
    """A rule set broke one of :data:`INVARIANTS`: ``invariant`` names it.

    The message says how, and ends with the history and day hypothesis shrank the failure to.
    An ``AssertionError``, so a test that calls :func:`check_ruleset` fails like any other.
    """

    __module__ = "followup_rules.testing"
    """Where it is imported from, which a traceback and a pickle name."""

    def __init__(self, invariant: str, message: str) -> None:
        super().__init__(invariant, message)
        self.invariant = invariant
        self.message = message

    def __str__(self) -> str:
        return self.message


def check_ruleset(
    ruleset: RuleSet | Composition,
    *,
    max_examples: int | None = None,
    calendar: WorkCalendar | st.SearchStrategy[WorkCalendar] | None = None,
) -> None:
    """Check ``ruleset`` against every one of :data:`INVARIANTS`; raise on the first one broken.

    The definition is checked first; then hypothesis draws histories (:func:`histories`, on
    ``calendar`` if given) and days to read them on (:func:`days_after`), and each example goes
    through the invariants in order. The first one broken raises :class:`ConformanceError` (an
    ``AssertionError``) naming it, with the shrunk history and day. Call it from a plain test
    function, not from inside ``@given``.

    The active hypothesis profile decides how many examples are drawn unless ``max_examples`` is
    given. Whatever the profile, there is no deadline (one example evaluates the rule set up to 22
    times), only one failure is reported, and hypothesis' explain phase is skipped (the lines it
    points at are the library's, not your rule's). Each example does a bounded amount of work,
    so the whole run is bounded by the number of examples.

    The process-time-zone check sets ``TZ`` for a moment and puts it back: do not run it in
    threads that read the local time meanwhile.
    """
    subject = _subject(ruleset)
    chosen = _settings(max_examples)
    cases = histories(calendar=_calendar(calendar))
    _check_definition(subject)

    @chosen
    @given(data=st.data(), history=cases)
    def conforms(data: st.DataObject, history: History) -> None:
        _check_example(subject, history, data)

    try:
        conforms()
    except ConformanceError as err:
        notes = getattr(err, "__notes__", [])
        report = _report(subject, err.invariant, [err.message, *notes])
        raise ConformanceError(err.invariant, report) from err.__cause__


def check_example(
    ruleset: RuleSet | Composition,
    history: History,
    today: date,
    *,
    data: st.DataObject | None = None,
) -> None:
    """Check one history, read on ``today``, against every invariant of :data:`INVARIANTS` but
    the definition; raise :class:`ConformanceError` on the first one broken.

    This is what :func:`check_ruleset` does with each example it draws, for a history of your
    own: a regression case, or a property test that draws histories its own way. Some checks
    need a choice: a day waited, an outcome logged, an ending, an order of the events, a time
    zone. Inside ``@given``, pass ``data`` and hypothesis draws each choice (and shrinks it);
    without ``data`` every choice is tried in turn (each of the first two weeks waited and the
    proposed day itself, every outcome, every ending, the events reversed and each given twice,
    every time zone), so the call is deterministic and still bounded.
    """
    subject = _subject(ruleset)
    check_instance("history", history, History, "a followup_rules.History")
    check_day("today", today)
    if data is not None:
        check_instance("data", data, st.DataObject, "None or what hypothesis draws from st.data()")
    decision = _decide(history, today, subject)
    if decision is not None:
        _check_case(_Case(subject, history, today, decision, data))


def _subject(ruleset: object) -> RuleSet | Composition:
    if not isinstance(ruleset, RuleSet | Composition):
        raise InvalidArgumentError(
            f"ruleset {ruleset!r} is not a RuleSet or a Composition: for a registered one, "
            f"pass followup_rules.rulesets.get(name)"
        )
    return ruleset


def _settings(max_examples: object) -> settings:
    active = settings()  # a copy of the active profile
    if max_examples is not None and (
        isinstance(max_examples, bool)
        or not isinstance(max_examples, int)
        or not 1 <= max_examples <= MAX_EXAMPLES
    ):
        raise InvalidArgumentError(
            f"max_examples={max_examples!r}: expected None (the active hypothesis profile's) or "
            f"a whole number from 1 to {MAX_EXAMPLES}"
        )
    return settings(
        active,
        max_examples=active.max_examples if max_examples is None else max_examples,
        deadline=None,
        report_multiple_bugs=False,
        phases=[phase for phase in active.phases if phase is not Phase.explain],
        suppress_health_check=[*active.suppress_health_check, HealthCheck.too_slow],
    )


def _calendar(
    calendar: object,
) -> WorkCalendar | st.SearchStrategy[WorkCalendar] | None:
    if calendar is not None and not isinstance(calendar, WorkCalendar | st.SearchStrategy):
        raise InvalidArgumentError(
            f"calendar={calendar!r}: expected a WorkCalendar, a strategy for one, or None"
        )
    return calendar


def _report(subject: RuleSet | Composition, invariant: str, lines: Sequence[str]) -> str:
    what = (
        f"rule set {subject.name!r} {subject.version}"
        if isinstance(subject, RuleSet)
        else f"composition {subject.name!r}"
    )
    return "\n".join([f"{what} breaks {invariant!r}: {INVARIANTS[invariant]}.", *lines])


# -- the definition -------------------------------------------------------------------------------


def _check_definition(subject: RuleSet | Composition) -> None:
    """The rule set as written, before any history: see ``INVARIANTS["definition"]``."""
    problems = [problem for part in subject.parts for problem in _definition_problems(part)]
    if problems:
        lines = [f"- {problem}" for problem in problems]
        raise ConformanceError("definition", _report(subject, "definition", lines))


def _definition_problems(part: RuleSet) -> list[str]:
    where = f"rule set {part.name!r}"
    problems = []
    if not isinstance(part.version, str) or not part.version.strip():
        problems.append(f"{where} has version {part.version!r}: expected a non-empty string")
    if not part.rules:
        problems.append(f"{where} has no rules: expected at least one")
    ids = [rule.id for rule in part.rules]
    problems += [
        f"{where}: rule id {rule_id!r} is not a lower-case slug such as 'wait-a-week'"
        for rule_id in ids
        if not is_slug(rule_id)
    ]
    counts = Counter(rule_id for rule_id in ids if isinstance(rule_id, str))
    problems += [
        f"{where}: rule id {rule_id!r} appears {count} times: expected unique ids"
        for rule_id, count in counts.items()
        if count > 1
    ]
    problems += [
        f"{where}: rule {rule.id!r} has citation {rule.citation!r}: expected a Citation"
        for rule in part.rules
        if not isinstance(rule.citation, Citation)
    ]
    return problems


# -- one example ----------------------------------------------------------------------------------


@attrs.frozen
class _Case:
    """One drawn history and day, the rule set's answer on them, and the rest of the draws."""

    subject: RuleSet | Composition
    history: History
    today: date
    decision: Decision
    data: st.DataObject | None

    def choices(
        self, drawn: st.SearchStrategy[_T], every: Sequence[_T], label: str
    ) -> Sequence[_T]:
        """The one choice hypothesis draws, or without ``data`` each of ``every`` in turn."""
        if self.data is None:
            return every
        return [self.data.draw(drawn, label=label)]

    @property
    def next_date(self) -> date | None:
        """The proposed day when the answer schedules one, else None."""
        if self.decision.action in _SCHEDULED:
            return self.decision.next_date
        return None

    def decide(
        self,
        history: History | None = None,
        today: date | None = None,
        rules: RuleSet | Composition | None = None,
    ) -> Decision | None:
        return _decide(
            self.history if history is None else history,
            self.today if today is None else today,
            self.subject if rules is None else rules,
        )

    def with_events(self, *events: Event) -> History:
        return History([*self.history.events, *events], calendar=self.history.calendar)


def _decide(history: History, today: date, rules: RuleSet | Composition) -> Decision | None:
    """The decision, or None for a typed error the history causes; anything else breaks."""
    try:
        return evaluate(history, today, rules=rules)
    except RuleSetDefinitionError as err:
        raise ConformanceError("only-effects", f"On {today}: {err}") from err
    except FollowupError:
        return None
    except Exception as err:
        raise ConformanceError(
            "only-typed-errors", f"On {today}, evaluating raised {type(err).__name__}: {err}"
        ) from err


def _check_example(subject: RuleSet | Composition, history: History, data: st.DataObject) -> None:
    today = data.draw(days_after(history), label="today")
    decision = _decide(history, today, subject)
    if decision is not None:
        _check_case(_Case(subject, history, today, decision, data))


def _check_case(case: _Case) -> None:
    for invariant in _INVARIANTS:
        if invariant.check is None:
            continue
        try:
            invariant.check(case)
        except _BrokenError as broken:
            raise ConformanceError(invariant.name, str(broken)) from None
        except ConformanceError as err:  # evaluating failed: another invariant, noted here
            err.add_note(f"While checking {invariant.name!r}.")
            raise


class _BrokenError(Exception):
    """What a per-example check raises: the invariant it checks is broken, and how.

    ``_check_case`` turns it into a :class:`ConformanceError` named for the invariant, so each
    name is written once, in ``_INVARIANTS``.
    """


def _said(decision: Decision) -> str:
    purpose = decision.purpose.value if decision.purpose else "no purpose"
    if decision.action is Action.WAIT:
        return f"WAIT until {decision.next_date} ({purpose})"
    if decision.action is Action.FOLLOW_UP:
        return f"FOLLOW_UP on {decision.next_date} ({purpose})"
    return decision.action.name


def _next_date_not_before_today(case: _Case) -> None:
    decision, today = case.decision, case.today
    scheduled = decision.action in _SCHEDULED
    day = decision.next_date
    if scheduled != (day is not None) or (day is not None and day < today):
        raise _BrokenError(
            f"On {today} the answer is {decision.action.name} with next_date {day}.",
        )


def _silent_says_nothing(case: _Case) -> None:
    decision = case.decision
    if decision.action is not Action.SILENT:
        return
    said = (
        decision.window_end,
        decision.purpose,
        decision.channel,
        decision.time_of_day,
        decision.timed_by,
        decision.guidance,
    )
    scoped = bool(decision.reasons) and all(r.ref.rule == "scope" for r in decision.reasons)
    if said != (None, None, None, None, (), ()) or not scoped:
        raise _BrokenError(f"On {case.today} it is SILENT, yet says {decision!r}.")


def _next_date_is_a_business_day(case: _Case) -> None:
    day = case.next_date
    calendar = case.history.calendar
    if case.subject.business_days_only and day is not None and not calendar.is_business_day(day):
        raise _BrokenError(
            f"On {case.today} it proposes {DAY_NAMES[day.weekday()]} {day}, not a business day "
            f"of {calendar!r}.",
        )


def _follow_up_means_today(case: _Case) -> None:
    day = case.next_date
    if day is not None and (case.decision.action is Action.FOLLOW_UP) != (day == case.today):
        raise _BrokenError(f"On {case.today} it says {_said(case.decision)}.")


def _follow_up_on_the_proposed_day(case: _Case) -> None:
    day = case.next_date
    if day is None:
        return
    then = case.decide(today=day)
    if then is None:
        return
    if (then.action, then.next_date, then.purpose) != (
        Action.FOLLOW_UP,
        day,
        case.decision.purpose,
    ):
        raise _BrokenError(
            f"On {case.today} it says {_said(case.decision)}; on {day} it says {_said(then)}.",
        )


def _waiting_keeps_the_day(case: _Case) -> None:
    day = case.next_date
    if day is None or day == case.today:
        return
    gap = (day - case.today).days
    drawn = case.choices(st.integers(1, gap), [gap], "days waited")
    for wait in sorted({*range(1, min(gap, _WAITED_DAYS + 1)), *drawn}):
        later = case.today + timedelta(days=wait)
        then = case.decide(today=later)
        if then is not None and (then.next_date, then.purpose) != (day, case.decision.purpose):
            raise _BrokenError(
                f"On {case.today} it says {_said(case.decision)}; on {later} it says "
                f"{_said(then)}.",
            )


def _logging_moves_on(case: _Case) -> None:
    day = case.next_date
    if day is None:
        return
    outcomes = [o for o in Outcome if o is not Outcome.NO_ANSWER]
    for outcome in case.choices(st.sampled_from(outcomes), outcomes, "outcome"):
        made = FollowUp(
            day,
            channel=case.decision.channel or Channel.PHONE,
            outcome=outcome,
            purpose=case.decision.purpose or Purpose.STATUS,
        )
        after = case.decide(case.with_events(made), day)
        if after is None:
            continue
        moved = after.next_date is not None and after.next_date > day
        if not moved and after.action not in (Action.STOP, Action.DONE):
            raise _BrokenError(
                f"On {case.today} it says {_said(case.decision)}; after logging {made!r}, on "
                f"{day} it says {_said(after)}.",
            )


def _an_ending_is_done(case: _Case) -> None:
    today = case.today
    every: list[Event] = [
        *(Answer(today, verdict=verdict) for verdict in Verdict),
        AskedToStop(today),
        Withdrew(today),
    ]
    endings: st.SearchStrategy[Event] = st.one_of(
        st.builds(Answer, st.just(today), verdict=st.sampled_from(Verdict)),
        st.builds(AskedToStop, st.just(today)),
        st.builds(Withdrew, st.just(today)),
    )
    for ending in case.choices(endings, every, "ending"):
        after = case.decide(case.with_events(ending))
        if after is not None and (after.action, after.next_date) != (Action.DONE, None):
            raise _BrokenError(f"After {ending!r}, on {today} it says {_said(after)}.")


def _order_changes_nothing(case: _Case) -> None:
    for events in _reorderings(case):
        again = case.decide(History(events, calendar=case.history.calendar))
        if again is not None and again != case.decision:
            raise _BrokenError(
                f"On {case.today}, given in the order {events!r}, it says {_said(again)} "
                f"instead of {_said(case.decision)}.",
            )


def _reorderings(case: _Case) -> list[list[Event]]:
    """The events shuffled with a few given twice; without ``data``, all twice and reversed."""
    events = list(case.history.events)
    if case.data is None:
        return [(events + events)[::-1]]
    events += case.data.draw(st.lists(st.sampled_from(events), max_size=3), label="duplicates")
    random.Random(case.data.draw(st.integers(0, 2**32), label="shuffle seed")).shuffle(events)
    return [events]


def _self_composition_changes_nothing(case: _Case) -> None:
    doubled = case.decide(rules=case.subject + case.subject)
    if doubled is not None and doubled != case.decision:
        raise _BrokenError(
            f"On {case.today}, alone it says {_said(case.decision)}; composed with itself, "
            f"{_said(doubled)}.",
        )


def _process_time_zone_changes_nothing(case: _Case) -> None:
    for zone in case.choices(st.sampled_from(_PROCESS_ZONES), _PROCESS_ZONES, "process time zone"):
        with _process_time_zone(zone):
            elsewhere = case.decide()
        if elsewhere is not None and elsewhere != case.decision:
            raise _BrokenError(
                f"On {case.today}, in the process's own zone it says {_said(case.decision)}; "
                f"with TZ={zone}, {_said(elsewhere)}.",
            )


@contextlib.contextmanager
def _process_time_zone(zone: str) -> Iterator[None]:
    before = os.environ.get("TZ")
    _set_process_time_zone(zone)
    try:
        yield
    finally:
        _set_process_time_zone(before)


def _set_process_time_zone(zone: str | None) -> None:
    if zone is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = zone
    # Windows has no tzset: there the process zone cannot change, and the check holds trivially.
    getattr(time_module, "tzset", _nothing)()


def _nothing() -> None:
    """Stands in for ``time.tzset`` where the platform has none."""


@attrs.frozen
class _Invariant:
    """One invariant of the kit: its name (``ConformanceError.invariant``), the sentence that
    states it (in every report, and in :data:`INVARIANTS`), and the check made on each example.

    The definition and the two invariants about what evaluating raises have no check of their
    own: the definition is checked once before any example, and ``_decide`` catches the errors
    of every evaluation.
    """

    name: str
    text: str
    check: Callable[[_Case], None] | None


_INVARIANTS: tuple[_Invariant, ...] = (
    _Invariant(
        "definition",
        "every rule set has a slug name, a version and at least one rule; rule ids are "
        "unique lower-case slugs, and every rule's citation is a Citation",
        None,
    ),
    _Invariant(
        "only-typed-errors",
        "evaluating a valid history raises nothing but a FollowupError: a rule that raises "
        "ValueError, KeyError or anything else breaks it",
        None,
    ),
    _Invariant(
        "only-effects",
        "every rule returns effects from followup_rules.effects, nothing else",
        None,
    ),
    _Invariant(
        "next-date-not-before-today",
        "FOLLOW_UP and WAIT propose a day on or after today; STOP, DONE, BLOCKED and SILENT "
        "propose none",
        _next_date_not_before_today,
    ),
    _Invariant(
        "silent-says-nothing",
        "a SILENT answer (the history is outside the rule set's scope) carries no date, "
        "window, purpose, channel, time of day, timing or guidance, and its reasons name the "
        "scope",
        _silent_says_nothing,
    ),
    _Invariant(
        "next-date-is-a-business-day",
        "with business_days_only (the default), the proposed day is a business day of the calendar",
        _next_date_is_a_business_day,
    ),
    _Invariant(
        "follow-up-means-today",
        "the answer is FOLLOW_UP exactly when the proposed day is today",
        _follow_up_means_today,
    ),
    _Invariant(
        "follow-up-on-the-proposed-day",
        "evaluated on the day it proposes, the rule set says FOLLOW_UP on that day, for the "
        "same purpose",
        _follow_up_on_the_proposed_day,
    ),
    _Invariant(
        "waiting-keeps-the-day",
        "evaluated on any day up to the one it proposes, the rule set proposes the same day "
        "for the same purpose",
        _waiting_keeps_the_day,
    ),
    _Invariant(
        "logging-moves-on",
        "once the proposed contact is logged (on that day, for its purpose, by its channel or "
        "the phone, with any outcome but NO_ANSWER), the next day is later, or the answer is "
        "STOP or DONE",
        _logging_moves_on,
    ),
    _Invariant(
        "an-ending-is-done",
        "after a definite answer, a request to stop or a withdrawal, the answer is DONE",
        _an_ending_is_done,
    ),
    _Invariant(
        "order-changes-nothing",
        "the order the events are given in, and exact duplicates, change nothing",
        _order_changes_nothing,
    ),
    _Invariant(
        "self-composition-changes-nothing",
        "the rule set composed with itself answers exactly as it does alone",
        _self_composition_changes_nothing,
    ),
    _Invariant(
        "process-time-zone-changes-nothing",
        "the machine's time zone (the process's TZ) changes nothing",
        _process_time_zone_changes_nothing,
    ),
)
"""Every invariant, in the order the kit checks them: each stated here and nowhere else."""

INVARIANTS: Mapping[str, str] = MappingProxyType({row.name: row.text for row in _INVARIANTS})
"""The invariants :func:`check_ruleset` checks, by name, with the sentence that states each, in
the order it checks them."""
