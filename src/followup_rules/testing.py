"""Hypothesis strategies for property-testing code that uses followup_rules.

Importing this module imports ``hypothesis``; nothing else in the library does, so an app that
never imports ``followup_rules.testing`` never needs it installed.

The strategies are plural nouns, their options keyword-only:

- :func:`calendars` draws work calendars for a handful of countries and subdivisions, with or
  without the employer's time zone and a few closed dates;
- :func:`events` draws single events of every kind;
- :func:`histories` draws realistic histories of one application: an application first, then
  interviews, stated deadlines, follow-ups of every channel, outcome and purpose, replies,
  absences, stated preferences and, rarely, an ending;
- :func:`days_after` draws a day to evaluate a history on: its last event's day or later;
- :func:`searches` draws job searches of the study's archetypes (:mod:`followup_rules.scenarios`).

:func:`check_ruleset` runs the core's invariants (:data:`INVARIANTS`) on any rule set with these
strategies, so a rule set of your own is checked as thoroughly as the built-in ones
(:func:`check_example` runs them on one history you chose)::

    def test_my_rules():
        check_ruleset(MY_RULES)

For example::

    from hypothesis import given, strategies as st
    import followup_rules as fr
    from followup_rules.testing import days_after, histories

    @given(st.data(), histories())
    def test_never_before_today(data, history):
        today = data.draw(days_after(history))
        decision = fr.evaluate(history, today)
        assert decision.next_date is None or decision.next_date >= today
"""

from __future__ import annotations

import contextlib
import os
import random
import time as time_module
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from types import MappingProxyType
from typing import TypeVar
from zoneinfo import ZoneInfo

import attrs
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from followup_rules._checks import check_day, check_instance, is_slug
from followup_rules._event_values import read_event
from followup_rules._format import DAY_NAMES
from followup_rules.calendar import WorkCalendar
from followup_rules.citations import Citation
from followup_rules.decision import Decision
from followup_rules.errors import FollowupError, InvalidArgumentError, RuleSetDefinitionError
from followup_rules.events import (
    EVENT_TYPES,
    Answer,
    Applied,
    AskedToStop,
    DecisionExpected,
    Event,
    FollowUp,
    Interview,
    OutOfOffice,
    PrefersChannel,
    Reply,
    Withdrew,
)
from followup_rules.history import History
from followup_rules.ruleset import Composition, RuleSet
from followup_rules.rulesets.registry import evaluate
from followup_rules.scenarios import SCENARIOS, Scenario, Search, scenario
from followup_rules.vocabulary import Action, Channel, InterviewKind, Outcome, Purpose, Verdict

__all__ = [
    "END",
    "INVARIANTS",
    "MAX_EXAMPLES",
    "PLACES",
    "START",
    "ConformanceError",
    "calendars",
    "check_example",
    "check_ruleset",
    "days_after",
    "events",
    "histories",
    "searches",
]

START = date(2024, 1, 1)
"""The first day the strategies date events on, unless told otherwise."""

END = date(2027, 12, 31)
"""The last day the strategies date events on, unless told otherwise."""

PLACES: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (
    ("US", None, ("America/New_York", "America/Chicago")),
    ("US", "CA", ("America/Los_Angeles",)),
    ("GB", None, ("Europe/London",)),
    ("DE", None, ("Europe/Berlin",)),
    ("FR", None, ("Europe/Paris",)),
)
"""Country, subdivision and fitting time zones that :func:`calendars` draws from by default."""

_ZONES: tuple[tzinfo, ...] = (
    UTC,
    ZoneInfo("America/New_York"),
    ZoneInfo("Europe/Paris"),
    ZoneInfo("Asia/Tokyo"),
    timezone(timedelta(hours=-8)),
)
"""Zones that aware event times are written in (not necessarily the employer's)."""

_GAPS = (1, 0, 2, 3, 5, 7, 7, 8, 10, 14, 21, 4, 6, 9, 11, 15, 30)
"""Days between consecutive events: mostly days to a few weeks, now and then the same day."""

_KINDS: tuple[type[Event], ...] = (
    FollowUp,
    FollowUp,
    FollowUp,
    FollowUp,
    Reply,
    Reply,
    Interview,
    DecisionExpected,
    OutOfOffice,
    PrefersChannel,
)
"""The kinds of event that continue a history, weighted by repetition (follow-ups dominate)."""

_ATTEMPTS = 4
"""Draws per wanted event before a history that keeps repeating itself is given up."""

_ENDINGS: tuple[type[Event], ...] = (Answer, Answer, AskedToStop, Withdrew)

_PURPOSES = (Purpose.STATUS, Purpose.STATUS, Purpose.THANK_YOU, Purpose.ASK_WHETHER_TO_CONTINUE)


def _check_day(name: str, value: object) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidArgument(f"{name}={value!r}: expected a datetime.date")
    return value


def _check_range(start: object, end: object) -> tuple[date, date]:
    start, end = _check_day("start", start), _check_day("end", end)
    if start > end:
        raise InvalidArgument(f"start={start} is after end={end}: expected start <= end")
    return start, end


def calendars(
    *,
    places: Sequence[tuple[str, str | None, Sequence[str]]] = PLACES,
    time_zones: bool = True,
    closed_dates: bool = True,
    start: date = START,
    end: date = END,
) -> st.SearchStrategy[WorkCalendar]:
    """Work calendars for ``places``: (country, subdivision, time zones that fit it).

    With ``time_zones``, a calendar may carry one of its place's zones; with ``closed_dates``,
    up to three dates from ``start`` to ``end`` on which the employer is closed.
    """
    start, end = _check_range(start, end)
    if not places:
        raise InvalidArgument("places=(): expected at least one (country, subdivision, zones)")
    options = [
        WorkCalendar(country, subdivision, timezone=zone)
        for country, subdivision, zones in places
        for zone in (None, *(zones if time_zones else ()))
    ]
    plain = st.sampled_from(options)
    if not closed_dates:
        return plain
    closed = st.lists(st.dates(start, end), max_size=3, unique=True)
    return st.builds(
        lambda calendar, days: WorkCalendar(
            calendar.country,
            calendar.subdivision,
            timezone=calendar.timezone,
            closed=frozenset(days),
        ),
        plain,
        st.one_of(st.just([]), closed),
    )


@st.composite
def _moment(draw: st.DrawFn, day: date, aware: bool) -> date | datetime:
    """``day`` itself, or now and then an aware time on it written in some zone."""
    if not aware or draw(st.integers(0, 5)) != 0:
        return day
    hour = draw(st.integers(7, 20))
    minute = draw(st.sampled_from((0, 15, 30, 45)))
    return datetime.combine(day, time(hour, minute), tzinfo=draw(st.sampled_from(_ZONES)))


def _day_of(on: date | datetime, calendar: WorkCalendar | None) -> date:
    if calendar is not None:
        return calendar.day_of(on)
    if isinstance(on, datetime):
        # Read in any zone, an aware time may fall on the day after its own date.
        return on.date() + timedelta(days=1)
    return on


@st.composite
def _event_of(
    draw: st.DrawFn,
    kind: type[Event],
    on: date | datetime,
    calendar: WorkCalendar | None,
) -> Event:
    day = _day_of(on, calendar)
    values: dict[str, object] = {"on": on}
    if kind is Interview:
        values["kind"] = draw(st.sampled_from(InterviewKind))
    elif kind is DecisionExpected:
        values["by"] = day + timedelta(days=draw(st.integers(0, 30)))
    elif kind is FollowUp:
        values["channel"] = draw(st.sampled_from(Channel))
        values["outcome"] = draw(st.sampled_from(Outcome))
        values["purpose"] = draw(st.sampled_from(_PURPOSES))
    elif kind is Reply:
        channel = draw(st.one_of(st.sampled_from(Channel), st.none()))
        values.update({} if channel is None else {"channel": channel})
    elif kind is OutOfOffice:
        values["until"] = day + timedelta(days=draw(st.integers(0, 21)))
    elif kind is Answer:
        values["verdict"] = draw(st.sampled_from(Verdict))
    elif kind is PrefersChannel:
        values["channel"] = draw(st.sampled_from(Channel))
    return read_event(kind, values, where=lambda name: f"{kind.__name__}.{name}")


def events(
    *,
    start: date = START,
    end: date = END,
    kinds: Sequence[type[Event]] = EVENT_TYPES,
    aware: bool = True,
) -> st.SearchStrategy[Event]:
    """Single events of ``kinds``, dated from ``start`` to ``end``.

    With ``aware``, some events are dated by an aware datetime instead of a date. Dates an event
    names (``DecisionExpected.by``, ``OutOfOffice.until``) are never before the event's day.
    """
    start, end = _check_range(start, end)
    unknown = [kind for kind in kinds if kind not in EVENT_TYPES]
    if not kinds or unknown:
        raise InvalidArgument(
            f"kinds={kinds!r}: expected one or more of {', '.join(k.__name__ for k in EVENT_TYPES)}"
        )

    @st.composite
    def event(draw: st.DrawFn) -> Event:
        kind = draw(st.sampled_from(tuple(kinds)))
        on = draw(_moment(draw(st.dates(start, end)), aware))
        return draw(_event_of(kind, on, None))

    return event()


def histories(
    *,
    start: date = START,
    end: date = END,
    calendar: WorkCalendar | st.SearchStrategy[WorkCalendar] | None = None,
    min_events: int = 1,
    max_events: int = 12,
    endings: bool = True,
    aware: bool = True,
) -> st.SearchStrategy[History]:
    """Realistic histories of one application, ``min_events`` to ``max_events`` events long.

    The history opens with an application on a day from ``start`` to ``end``; each later event
    follows the one before by a few days (or on the same day), never past ``end``. Follow-ups come
    through every channel, with every outcome and purpose; interviews, stated deadlines (never
    before the day they were stated), replies, absences and stated preferences are mixed in; with
    ``endings``, a history now and then ends with an answer, a request to stop or a withdrawal.

    ``calendar`` is a fixed calendar, a strategy for one, or None for :func:`calendars` with
    closed dates near the application. With ``aware``, some events carry aware datetimes.
    """
    start, end = _check_range(start, end)
    if not 1 <= min_events <= max_events:
        raise InvalidArgument(
            f"min_events={min_events!r}, max_events={max_events!r}: expected "
            f"1 <= min_events <= max_events"
        )
    if calendar is not None and not isinstance(calendar, WorkCalendar | st.SearchStrategy):
        raise InvalidArgument(
            f"calendar={calendar!r}: expected a WorkCalendar, a strategy for one, or None"
        )

    @st.composite
    def history(draw: st.DrawFn) -> History:
        day = draw(st.dates(start, end))
        if calendar is None:
            used = draw(calendars(start=day, end=day + timedelta(days=90)))
        elif isinstance(calendar, WorkCalendar):
            used = calendar
        else:
            used = draw(calendar)
        count = draw(st.integers(min_events, max_events))
        found: list[Event] = [Applied(day)]
        for _ in range(_ATTEMPTS * max_events):
            if len(found) >= count:
                break
            day = min(end, day + timedelta(days=draw(st.sampled_from(_GAPS))))
            ending = endings and len(found) + 1 >= min_events and draw(st.integers(0, 39)) == 0
            kind = draw(st.sampled_from(_ENDINGS if ending else _KINDS))
            moment = draw(_moment(day, aware and start < day < end))
            if used.day_of(moment) != day:
                moment = day  # read in the employer's zone, it would fall out of order
            event = draw(_event_of(kind, moment, used))
            if event in found:
                continue  # History would merge it with its twin
            found.append(event)
            if ending:
                break
        assume(len(found) >= min_events)
        return History(found, calendar=used)

    return history()


def searches(
    scenarios: Sequence[str | Scenario] | None = None,
    *,
    start: date = date(2026, 3, 2),
    calendar: WorkCalendar | None = None,
) -> st.SearchStrategy[Search]:
    """Job searches of the archetypes ``scenarios`` (all by default), started around ``start``.

    Each is ``Scenario.generate`` with a seed hypothesis draws, so a failing example shrinks to
    a small seed and is replayed exactly; ``calendar`` is the United States' by default.
    """
    _check_day("start", start)
    chosen = [scenario(item) for item in (tuple(SCENARIOS) if scenarios is None else scenarios)]
    if not chosen:
        raise InvalidArgument("scenarios=[]: expected at least one scenario, or None for all")
    place = WorkCalendar("US") if calendar is None else calendar
    check_instance("calendar", place, WorkCalendar, "a WorkCalendar or None", InvalidArgument)
    return st.builds(
        lambda archetype, seed: archetype.generate(seed=seed, start=start, calendar=place),
        st.sampled_from(chosen),
        st.integers(min_value=0, max_value=2**32),
    )


def days_after(history: History, *, max_days: int = 120) -> st.SearchStrategy[date]:
    """Days to evaluate ``history`` on: the day of its last event, or up to ``max_days`` later.

    Days close to the last event are drawn most often, since that is where rules disagree.
    """
    if isinstance(max_days, bool) or not isinstance(max_days, int) or max_days < 0:
        raise InvalidArgument(f"max_days={max_days!r}: expected a whole number >= 0")
    last = max(day for day, _ in history.dated())
    near = st.integers(0, min(max_days, 21))
    return st.one_of(near, near, st.integers(0, max_days)).map(
        lambda offset: last + timedelta(days=offset)
    )


# -- the conformance kit ------------------------------------------------------------------------

INVARIANTS: Mapping[str, str] = MappingProxyType(
    {
        "definition": (
            "every rule set has a slug name, a version and at least one rule; rule ids are "
            "unique lower-case slugs, and every rule's citation is a Citation"
        ),
        "only-typed-errors": "evaluating a valid history raises nothing but a FollowupError",
        "only-effects": "every rule returns effects from followup_rules.effects, nothing else",
        "next-date-not-before-today": (
            "FOLLOW_UP and WAIT propose a day on or after today; STOP, DONE, BLOCKED and SILENT "
            "none"
        ),
        "silent-says-nothing": (
            "a SILENT answer (outside the rule set's scope) carries no date, window, purpose, "
            "channel, timing or guidance, and its reasons name the scope"
        ),
        "next-date-is-a-business-day": (
            "with business_days_only, the proposed day is a business day of the calendar"
        ),
        "follow-up-means-today": "the answer is FOLLOW_UP exactly when the proposed day is today",
        "follow-up-on-the-proposed-day": (
            "evaluated on the day it proposes, the rule set says FOLLOW_UP on that day, for the "
            "same purpose"
        ),
        "waiting-keeps-the-day": (
            "evaluated on any day up to the one it proposes, the rule set proposes the same day "
            "for the same purpose"
        ),
        "logging-moves-on": (
            "once the proposed contact is logged (on that day, for its purpose and channel, with "
            "any outcome but NO_ANSWER), the next day is later, or the answer is STOP or DONE"
        ),
        "an-ending-is-done": (
            "after a definite answer, a request to stop or a withdrawal, the answer is DONE"
        ),
        "order-changes-nothing": (
            "the order the events are given in, and exact duplicates, change nothing"
        ),
        "self-composition-changes-nothing": (
            "the rule set composed with itself answers exactly as it does alone"
        ),
        "process-time-zone-changes-nothing": "the process's time zone (TZ) changes nothing",
    }
)
"""The invariants :func:`check_ruleset` checks, by name, in the order it checks them."""

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
    for name, check in _CHECKS:
        try:
            check(case)
        except ConformanceError as err:
            if err.invariant != name:
                err.add_note(f"While checking {name!r}.")
            raise


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
        raise ConformanceError(
            "next-date-not-before-today",
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
        raise ConformanceError(
            "silent-says-nothing", f"On {case.today} it is SILENT, yet says {decision!r}."
        )


def _next_date_is_a_business_day(case: _Case) -> None:
    day = case.next_date
    calendar = case.history.calendar
    if case.subject.business_days_only and day is not None and not calendar.is_business_day(day):
        raise ConformanceError(
            "next-date-is-a-business-day",
            f"On {case.today} it proposes {DAY_NAMES[day.weekday()]} {day}, not a business day "
            f"of {calendar!r}.",
        )


def _follow_up_means_today(case: _Case) -> None:
    day = case.next_date
    if day is not None and (case.decision.action is Action.FOLLOW_UP) != (day == case.today):
        raise ConformanceError(
            "follow-up-means-today", f"On {case.today} it says {_said(case.decision)}."
        )


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
        raise ConformanceError(
            "follow-up-on-the-proposed-day",
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
            raise ConformanceError(
                "waiting-keeps-the-day",
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
            raise ConformanceError(
                "logging-moves-on",
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
            raise ConformanceError(
                "an-ending-is-done", f"After {ending!r}, on {today} it says {_said(after)}."
            )


def _order_changes_nothing(case: _Case) -> None:
    for events in _reorderings(case):
        again = case.decide(History(events, calendar=case.history.calendar))
        if again is not None and again != case.decision:
            raise ConformanceError(
                "order-changes-nothing",
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
        raise ConformanceError(
            "self-composition-changes-nothing",
            f"On {case.today}, alone it says {_said(case.decision)}; composed with itself, "
            f"{_said(doubled)}.",
        )


def _process_time_zone_changes_nothing(case: _Case) -> None:
    for zone in case.choices(st.sampled_from(_PROCESS_ZONES), _PROCESS_ZONES, "process time zone"):
        with _process_time_zone(zone):
            elsewhere = case.decide()
        if elsewhere is not None and elsewhere != case.decision:
            raise ConformanceError(
                "process-time-zone-changes-nothing",
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


_CHECKS: tuple[tuple[str, Callable[[_Case], None]], ...] = (
    ("next-date-not-before-today", _next_date_not_before_today),
    ("silent-says-nothing", _silent_says_nothing),
    ("next-date-is-a-business-day", _next_date_is_a_business_day),
    ("follow-up-means-today", _follow_up_means_today),
    ("follow-up-on-the-proposed-day", _follow_up_on_the_proposed_day),
    ("waiting-keeps-the-day", _waiting_keeps_the_day),
    ("logging-moves-on", _logging_moves_on),
    ("an-ending-is-done", _an_ending_is_done),
    ("order-changes-nothing", _order_changes_nothing),
    ("self-composition-changes-nothing", _self_composition_changes_nothing),
    ("process-time-zone-changes-nothing", _process_time_zone_changes_nothing),
)
"""The checks made on each example, in the order of ``INVARIANTS``."""
