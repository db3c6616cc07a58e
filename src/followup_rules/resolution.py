"""Composition in one place: what the effects of every rule add up to on a given day.

The steps, in order: a definite end wins (DONE over STOP); a composition whose every rule set is
outside its scope is SILENT; the purpose of the next contact is chosen and effects scoped to
other purposes drop out; spent budgets become waits (or a STOP); the earliest day is the latest
of today and every wait; days are then walked one by one, each checked against every exclusion,
for at most ``HORIZON_DAYS`` days. The waits that set the time (``NotBefore.sets_time``) make the
decision timed; without one it is untimed, and only says which day is the first allowed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Sequence
from datetime import date, timedelta
from functools import partial
from typing import TypeVar, assert_never

import attrs

from followup_rules._format import day
from followup_rules.calendar import WorkCalendar
from followup_rules.citations import Citation
from followup_rules.decision import (
    Conflict,
    Decision,
    Explanation,
    Note,
    Reason,
    RuleRef,
    SkippedDay,
    explained_later,
)
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
from followup_rules.facts import Facts
from followup_rules.vocabulary import Action, Channel, Purpose, TimeOfDay

__all__ = ["HORIZON_DAYS", "Ruled", "resolve"]

HORIZON_DAYS = 366
"""How many days past the earliest allowed bound the search walks before answering BLOCKED."""

_PRIORITY = (Purpose.THANK_YOU, Purpose.ASK_WHETHER_TO_CONTINUE, Purpose.STATUS)
_WORKING_TIMES = (TimeOfDay.MORNING, TimeOfDay.AFTERNOON)
_ONE_DAY = timedelta(days=1)

_SCOPED = (NotBefore, DueBy, ExcludeWeekdays, ExcludeHolidayBorders, ExcludeDates)
_WINDOW_LOOKBACK = 31
"""How many days before a window's last day are searched for one a contact is allowed on."""


@attrs.define
class Ruled:
    """An effect, with the rule that produced it.

    One is made for every effect of every evaluation, so it is a plain slotted class: a frozen
    one guards each field as it is set, which more than doubles the cost of making it. Nothing
    changes a Ruled once it is made (``attrs.evolve`` makes a new one).
    """

    ref: RuleRef
    citation: Citation
    effect: Effect


E = TypeVar("E", bound=Effect)
_With = list[tuple[Ruled, E]]
"""Effects of one kind, each with the rule that produced it."""


@attrs.define
class _Kinds:
    """``ruled`` sorted by kind of effect in one pass, each kind in rule order.

    The sort is an exhaustive ``match`` over ``Effect``: a kind added to the union and not
    sorted here fails type checking, and reaches ``assert_never`` at run time, rather than
    being read as some other kind. An effect of a subclass (a rule may return one) is sorted as
    its kind.
    """

    waits: _With[NotBefore] = attrs.Factory(list)
    dues: _With[DueBy] = attrs.Factory(list)
    exclusions: _With[Exclusion] = attrs.Factory(list)
    budgets: _With[Budget] = attrs.Factory(list)
    lifts: _With[LiftBudgets] = attrs.Factory(list)
    stops: _With[Stop] = attrs.Factory(list)
    done: _With[Done] = attrs.Factory(list)
    purposes: _With[ProposePurpose] = attrs.Factory(list)
    channels: _With[PreferChannel] = attrs.Factory(list)
    times: _With[AvoidTimesOfDay] = attrs.Factory(list)
    guidance: _With[Guidance] = attrs.Factory(list)


def _sort(ruled: Iterable[Ruled]) -> _Kinds:
    kinds = _Kinds()
    for r in ruled:
        effect = r.effect
        match effect:
            case NotBefore():
                kinds.waits.append((r, effect))
            case (
                ExcludeWeekdays()
                | ExcludeHolidayBorders()
                | ExcludeDates()
                | ExcludeNonBusinessDays()
            ):
                kinds.exclusions.append((r, effect))
            case Budget():
                kinds.budgets.append((r, effect))
            case Guidance():
                kinds.guidance.append((r, effect))
            case PreferChannel():
                kinds.channels.append((r, effect))
            case DueBy():
                kinds.dues.append((r, effect))
            case ProposePurpose():
                kinds.purposes.append((r, effect))
            case LiftBudgets():
                kinds.lifts.append((r, effect))
            case AvoidTimesOfDay():
                kinds.times.append((r, effect))
            case Stop():
                kinds.stops.append((r, effect))
            case Done():
                kinds.done.append((r, effect))
            case _:
                assert_never(effect)
    return kinds


def _scoped(effect: Effect, purpose: Purpose) -> bool:
    return not isinstance(effect, _SCOPED) or purpose in effect.purposes


def resolve(
    ruled: Sequence[Ruled],
    facts: Facts,
    rulesets: tuple[tuple[str, str], ...],
    *,
    silent: tuple[Reason, ...] = (),
    eager: bool = False,
) -> Decision:
    """The decision that every rule behind ``ruled`` allows on ``facts.today``.

    ``silent`` holds a reason for each rule set outside its scope: those added no effects. The
    decision is made first and explained when its explanation is first read, or at once if
    ``eager`` (the two are the same decision: the tests compare them).
    """
    kinds = _sort(ruled)
    done = kinds.done
    ended = done or kinds.stops
    quiet = tuple(reason.ref.ruleset for reason in silent)
    if ended:
        action = Action.DONE if done else Action.STOP
        decision = Decision(action=action, today=facts.today, rulesets=rulesets, silent=quiet)
        return _explained(
            decision, partial(_explain_end, ended, kinds.guidance, ending=bool(done)), eager
        )
    if silent and len(silent) == len(rulesets):
        return Decision(
            action=Action.SILENT, today=facts.today, reasons=silent, rulesets=rulesets, silent=quiet
        )
    purpose = _purpose(kinds)
    active = [r for r in ruled if _scoped(r.effect, purpose)]
    active_kinds = kinds if len(active) == len(ruled) else _sort(active)
    waits, spent = _budget_waits(active_kinds)
    if spent:
        decision = Decision(
            action=Action.STOP, today=facts.today, purpose=purpose, rulesets=rulesets, silent=quiet
        )
        return _explained(
            decision, partial(_explain_end, spent, kinds.guidance, ending=False), eager
        )
    if waits:
        active += [r for r, _ in waits]
        active_kinds = attrs.evolve(active_kinds, waits=active_kinds.waits + waits)
    schedule = _Schedule(active, active_kinds, facts, kinds.guidance, silent)
    decision = schedule.decide(purpose, rulesets, quiet)
    return _explained(decision, schedule.explain, eager)


def _explained(decision: Decision, explain: Callable[[], Explanation], eager: bool) -> Decision:
    if not eager:
        return explained_later(decision, explain)
    reasons, guidance, conflicts, skipped = explain()
    return attrs.evolve(
        decision, reasons=reasons, guidance=guidance, conflicts=conflicts, skipped=skipped
    )


def _notes(guidance: _With[Guidance], *, ending: bool = False) -> tuple[Note, ...]:
    """The guidance as notes; only the advice given on an end, if ``ending``."""
    return tuple(Note(r.ref, e.text) for r, e in guidance if e.on_end or not ending)


def _explain_end(
    ended: Sequence[tuple[Ruled, Done | Stop | Budget]],
    guidance: _With[Guidance],
    *,
    ending: bool,
) -> Explanation:
    """Why it ended: the rules that ended it, and the advice (only the parting advice if
    ``ending``: the process is over, not given up)."""
    return _deciding(ended), _notes(guidance, ending=ending), (), ()


def _deciding(effects: Sequence[tuple[Ruled, Done | Stop | Budget]]) -> tuple[Reason, ...]:
    """The reasons of effects that decide alone (a DONE, a STOP, a spent budget's STOP)."""
    return tuple(Reason(r.ref, r.citation, e.why, True) for r, e in effects)


def _purpose(kinds: _Kinds) -> Purpose:
    proposed = {e.purpose for _, e in kinds.purposes}
    return next(p for p in _PRIORITY if p in proposed or p is Purpose.STATUS)


def _budget_waits(kinds: _Kinds) -> tuple[_With[NotBefore], _With[Budget]]:
    """Spent follow-up budgets: a wait until their rule set's lift, or a stop without one."""
    lifts: dict[str, tuple[Ruled, LiftBudgets]] = {}
    for r, lift in kinds.lifts:
        if r.ref.ruleset not in lifts or lift.day > lifts[r.ref.ruleset][1].day:
            lifts[r.ref.ruleset] = (r, lift)
    waits: _With[NotBefore] = []
    spent: _With[Budget] = []
    for r, budget in kinds.budgets:
        if budget.resource is not Resource.FOLLOW_UPS or budget.left > 0:
            continue
        if r.ref.ruleset not in lifts:
            spent.append((r, budget))
            continue
        lift = lifts[r.ref.ruleset][1]
        why = f"{budget.why} until {day(lift.day)}, when {lift.why}"
        wait = NotBefore(lift.day, why)
        waits.append((attrs.evolve(r, effect=wait), wait))
    return waits, spent


@attrs.define
class _Schedule:
    """The search for the next day: what decides it first, then, on demand, why.

    ``decide`` finds the day without recording the days it passes over; ``explain`` walks them
    again for the skipped days, the binding reasons and the conflicts. Nothing it holds changes
    after ``decide``, so the explanation made later is the one that would have been made then.
    """

    active: list[Ruled]
    kinds: _Kinds
    facts: Facts
    guidance: _With[Guidance]
    silent: tuple[Reason, ...]
    earliest: date = attrs.field(init=False)
    checks: list[_Check] = attrs.field(init=False)
    tests: list[_Test] = attrs.field(init=False)
    """The distinct tests of ``checks``: rules that exclude alike share one (two hundred rules
    that avoid Fridays are one test of a day)."""
    found: date | None = None
    beyond_data: date | None = None
    window: _Window | None = None

    def __attrs_post_init__(self) -> None:
        self.earliest = max([self.facts.today] + [e.day for _, e in self.kinds.waits])
        self.checks = _checks(self.kinds.exclusions, self.facts.calendar)
        self.tests = list(dict.fromkeys(excludes for _, excludes in self.checks))

    def decide(
        self, purpose: Purpose, rulesets: tuple[tuple[str, str], ...], quiet: tuple[str, ...]
    ) -> Decision:
        facts, kinds = self.facts, self.kinds
        self.found, self.beyond_data = _search(self.earliest, self.tests, facts.calendar)
        found = self.found
        if found is None:
            return Decision(
                action=Action.BLOCKED,
                today=facts.today,
                purpose=purpose,
                rulesets=rulesets,
                beyond_data=self.beyond_data,
                silent=quiet,
            )
        self.window = _window(kinds.dues, kinds.waits, self.tests)
        late = self.window is not None and facts.today <= self.window.due.day < found
        return Decision(
            action=Action.FOLLOW_UP if found == facts.today else Action.WAIT,
            today=facts.today,
            next_date=found,
            window_end=None if self.window is None or late else self.window.last,
            purpose=purpose,
            channel=_channel(kinds),
            time_of_day=_time_of_day(kinds),
            follow_ups_left=_left(kinds.budgets, Resource.FOLLOW_UPS),
            messages_left=_left(kinds.budgets, Resource.MESSAGES),
            rulesets=rulesets,
            timed_by=tuple(dict.fromkeys(r.ref for r, e in kinds.waits if e.sets_time)),
            silent=quiet,
        )

    def explain(self) -> Explanation:
        """The reasons (binding or not), the notes, the conflicts and the days passed over."""
        stop = self.found or self.beyond_data or self.earliest + _ONE_DAY * (HORIZON_DAYS + 1)
        skipped = _skipped(self.earliest, stop, self.checks)
        binding = _binding(
            self.kinds.waits, self.kinds.exclusions, self.earliest, skipped, self.facts
        )
        reasons = [
            Reason(r.ref, r.citation, r.effect.why, id(r) in binding)
            for r in self.active
            if not isinstance(r.effect, Guidance)
        ]
        reasons.extend(attrs.evolve(reason, binding=False) for reason in self.silent)
        notes = _notes(self.guidance)
        if self.found is None:
            return tuple(reasons), notes, (), skipped
        notes += _spent_notes(self.kinds.budgets)
        conflicts = _conflicts(self.window, self.kinds.waits, self.checks, self.found, self.facts)
        return tuple(reasons), notes, conflicts, skipped


def _binding(
    waits: _With[NotBefore],
    exclusions: _With[Exclusion],
    earliest: date,
    skipped: tuple[SkippedDay, ...],
    facts: Facts,
) -> set[int]:
    """The effects that set the answer: the waits that set the day, the rules that skipped days.

    Effects are told apart by identity: equal effects of one rule are binding alike.
    """
    binding = {id(r) for r, e in waits if e.day == earliest and earliest > facts.today}
    ruled_out = {ref for s in skipped for ref in s.by}
    binding.update(id(r) for r, _ in exclusions if r.ref in ruled_out)
    return binding


_Test = Callable[[date], bool]
"""Whether an exclusion rules a day out."""
_Check = tuple[RuleRef, _Test]
"""An exclusion as a test of a day: the rule, and whether it rules the day out."""


def _checks(exclusions: _With[Exclusion], calendar: WorkCalendar) -> list[_Check]:
    """Each exclusion as a test of a day, built once per decision rather than once per day."""
    return [(r.ref, _day_test(effect, calendar)) for r, effect in exclusions]


def _day_test(effect: Exclusion, calendar: WorkCalendar) -> Callable[[date], bool]:
    """Whether ``effect`` rules a day out: each kind of exclusion named, none taken for another."""
    match effect:
        case ExcludeWeekdays():
            return _on_weekdays(effect.weekdays)
        case ExcludeDates():
            return effect.days.__contains__
        case ExcludeNonBusinessDays():
            return calendar._off_or_unknown
        case ExcludeHolidayBorders():
            return calendar._borders_or_unknown
        case _:
            assert_never(effect)


@functools.lru_cache(maxsize=256)
def _on_weekdays(weekdays: frozenset[int]) -> _Test:
    def excludes(day: date) -> bool:
        return day.weekday() in weekdays

    return excludes


def _excluded_by(day: date, checks: Sequence[_Check]) -> tuple[RuleRef, ...]:
    """The rules that rule ``day`` out, each distinct test of it made once."""
    ruled_out: dict[_Test, bool] = {}
    refs = []
    for ref, excludes in checks:
        out = ruled_out.get(excludes)
        if out is None:
            out = ruled_out[excludes] = excludes(day)
        if out:
            refs.append(ref)
    return tuple(refs)


def _allowed(day: date, tests: Sequence[_Test]) -> bool:
    return not any(excludes(day) for excludes in tests)


def _search(
    start: date, tests: Sequence[_Test], calendar: WorkCalendar
) -> tuple[date | None, date | None]:
    """The first day no test rules out, or the day the holiday data ran out if the search
    reached it first (or neither, past the horizon)."""
    day, covered = start, None  # whether the data covers a day depends on its year alone
    for _ in range(HORIZON_DAYS + 1):
        if day.year != covered:
            if not calendar.covers(day):
                return None, day
            covered = day.year
        if _allowed(day, tests):
            return day, None
        day += _ONE_DAY
    return None, None


def _skipped(start: date, stop: date, checks: Sequence[_Check]) -> tuple[SkippedDay, ...]:
    """The days from ``start`` to the day before ``stop``, each with the rules that ruled it out
    (the search passed over every one)."""
    days = (start + _ONE_DAY * n for n in range((stop - start).days))
    return tuple([SkippedDay(day, _excluded_by(day, checks)) for day in days])


@attrs.frozen
class _Window:
    """The earliest window a rule recommends: its rule, its due day, and its last allowed day."""

    rule: Ruled
    due: DueBy
    last: date | None


def _window(
    dues: list[tuple[Ruled, DueBy]], waits: list[tuple[Ruled, NotBefore]], tests: Sequence[_Test]
) -> _Window | None:
    """The window of the earliest due day, whose last allowed day is the decision's window_end.

    The window runs from its rule's own wait to its due day; with no allowed day in it, it has
    no last day (None). A window whose last day is already past is overdue, not a conflict: the
    seeker is late, and the answer is the first day allowed.
    """
    if not dues:
        return None
    due_rule, due = min(dues, key=lambda pair: pair[1].day)
    opens = max((e.day for r, e in waits if r.ref == due_rule.ref), default=None)
    last = _last_allowed(due.day, tests)
    if last is not None and opens is not None and last < opens:
        last = None  # no day of the window itself is allowed
    return _Window(due_rule, due, last)


def _conflicts(
    window: _Window | None,
    waits: list[tuple[Ruled, NotBefore]],
    checks: Sequence[_Check],
    found: date,
    facts: Facts,
) -> tuple[Conflict, ...]:
    """The rules that leave a window that is still open empty, when the day found is past it.

    A window that another rule's wait opens after its last allowed day names that wait (a date
    they named, say); one whose every day is ruled out names the rules that ruled them out.
    """
    if window is None or window.due.day < facts.today or found <= window.due.day:
        return ()
    due_rule, due = window.rule, window.due
    cutoff = due.day if window.last is None else window.last
    late = [(r, e) for r, e in waits if e.day > cutoff and r.ref != due_rule.ref]
    if late:
        found_conflicts = [
            Conflict(due_rule.ref, r.ref, f"{due.why}, but {e.why}") for r, e in late
        ]
    else:
        opens = max([facts.today] + [e.day for _, e in waits])
        first = max(opens, due.day - timedelta(days=_WINDOW_LOOKBACK))
        found_conflicts = [
            Conflict(due_rule.ref, ref, f"{due.why}, but every day until then is ruled out")
            for ref in _blockers(first, due.day, checks)
        ]
    return tuple(dict.fromkeys(found_conflicts))


def _last_allowed(last: date, tests: Sequence[_Test]) -> date | None:
    """The last day on or before ``last`` that no exclusion rules out, looking back a month."""
    day = last
    for _ in range(_WINDOW_LOOKBACK):
        if _allowed(day, tests):
            return day
        if day == date.min:
            break
        day -= _ONE_DAY
    return None


def _blockers(first: date, last: date, checks: Sequence[_Check]) -> tuple[RuleRef, ...]:
    """The rules that rule out the days from ``first`` to ``last``."""
    refs: dict[RuleRef, None] = {}
    day = first
    while day <= last:
        refs.update(dict.fromkeys(_excluded_by(day, checks)))
        day += _ONE_DAY
    return tuple(refs)


def _channel(kinds: _Kinds) -> Channel | None:
    """Their own preference first, else the medium the first document to name one uses."""
    preferred = [e for _, e in kinds.channels]
    firm = [e for e in preferred if e.firm]
    return next((e.channel for e in firm + preferred), None)


def _time_of_day(kinds: _Kinds) -> TimeOfDay | None:
    avoided = frozenset().union(*(e.times for _, e in kinds.times))
    if not avoided:
        return None
    return next((t for t in _WORKING_TIMES if t not in avoided), None)


def _left(budgets: list[tuple[Ruled, Budget]], resource: Resource) -> int | None:
    return min((e.left for _, e in budgets if e.resource is resource), default=None)


def _spent_notes(budgets: list[tuple[Ruled, Budget]]) -> tuple[Note, ...]:
    """Each spent budget's advice, in its document's words, after the guidance."""
    return tuple(Note(r.ref, e.spent) for r, e in budgets if e.left == 0 and e.spent is not None)
