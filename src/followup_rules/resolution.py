"""Composition in one place: what the effects of every rule add up to on a given day.

The steps, in order: a definite end wins (DONE over STOP); the purpose of the next contact is
chosen and effects scoped to other purposes drop out; spent budgets become waits (or a STOP);
the earliest day is the latest of today and every wait; days are then walked one by one, each
checked against every exclusion, for at most ``HORIZON_DAYS`` days.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import TypeVar

import attrs

from followup_rules.citations import Citation
from followup_rules.decision import Conflict, Decision, Note, Reason, RuleRef, SkippedDay
from followup_rules.effects import (
    AvoidTimesOfDay,
    Budget,
    Done,
    DueBy,
    Effect,
    ExcludeHolidayBorders,
    ExcludeNonBusinessDays,
    ExcludeWeekdays,
    Guidance,
    LiftBudgets,
    NotBefore,
    PreferChannel,
    ProposePurpose,
    Resource,
    Stop,
)
from followup_rules.history import Facts
from followup_rules.vocabulary import Action, Channel, Purpose, TimeOfDay

__all__ = ["HORIZON_DAYS", "Ruled", "resolve"]

HORIZON_DAYS = 366
"""How many days past the earliest allowed bound the search walks before answering BLOCKED."""

_PRIORITY = (Purpose.THANK_YOU, Purpose.ASK_WHETHER_TO_CONTINUE, Purpose.STATUS)
_WORKING_TIMES = (TimeOfDay.MORNING, TimeOfDay.AFTERNOON)
_ONE_DAY = timedelta(days=1)

E = TypeVar("E", bound=Effect)


@attrs.frozen
class Ruled:
    """An effect, with the rule that produced it."""

    ref: RuleRef
    citation: Citation
    effect: Effect

    def reason(self, *, binding: bool = False) -> Reason:
        why = "" if isinstance(self.effect, Guidance) else self.effect.why
        return Reason(self.ref, self.citation, why, binding)


def _of(kind: type[E], ruled: Iterable[Ruled]) -> list[tuple[Ruled, E]]:
    return [(r, r.effect) for r in ruled if isinstance(r.effect, kind)]


def _scoped(effect: Effect, purpose: Purpose) -> bool:
    return not isinstance(effect, NotBefore | DueBy) or purpose in effect.purposes


def resolve(
    ruled: Sequence[Ruled], facts: Facts, rulesets: tuple[tuple[str, str], ...]
) -> Decision:
    """The decision that every rule behind ``ruled`` allows on ``facts.today``."""
    notes = tuple(Note(r.ref, e.text) for r, e in _of(Guidance, ruled))
    ended = [r for r, _ in _of(Done, ruled)] or [r for r, _ in _of(Stop, ruled)]
    if ended:
        done = bool(_of(Done, ended))
        return Decision(
            action=Action.DONE if done else Action.STOP,
            today=facts.today,
            reasons=tuple(r.reason(binding=True) for r in ended),
            guidance=() if done else notes,
            rulesets=rulesets,
        )
    purpose = _purpose(ruled)
    active = [r for r in ruled if _scoped(r.effect, purpose)]
    waits, spent = _budget_waits(active)
    if spent:
        return Decision(
            action=Action.STOP,
            today=facts.today,
            purpose=purpose,
            reasons=tuple(r.reason(binding=True) for r in spent),
            guidance=notes,
            rulesets=rulesets,
        )
    return _schedule(active + waits, facts, purpose, notes, rulesets)


def _purpose(ruled: Sequence[Ruled]) -> Purpose:
    proposed = {e.purpose for _, e in _of(ProposePurpose, ruled)}
    return next(p for p in _PRIORITY if p in proposed or p is Purpose.STATUS)


def _budget_waits(active: Sequence[Ruled]) -> tuple[list[Ruled], list[Ruled]]:
    """Spent follow-up budgets: a wait until their rule set's lift, or a stop without one."""
    lifts: dict[str, tuple[Ruled, LiftBudgets]] = {}
    for r, lift in _of(LiftBudgets, active):
        if r.ref.ruleset not in lifts or lift.day > lifts[r.ref.ruleset][1].day:
            lifts[r.ref.ruleset] = (r, lift)
    waits: list[Ruled] = []
    spent: list[Ruled] = []
    for r, budget in _of(Budget, active):
        if budget.resource is not Resource.FOLLOW_UPS or budget.left > 0:
            continue
        if r.ref.ruleset not in lifts:
            spent.append(r)
            continue
        lift = lifts[r.ref.ruleset][1]
        waits.append(attrs.evolve(r, effect=NotBefore(lift.day, f"{budget.why} until {lift.why}")))
    return waits, spent


def _schedule(
    active: list[Ruled],
    facts: Facts,
    purpose: Purpose,
    notes: tuple[Note, ...],
    rulesets: tuple[tuple[str, str], ...],
) -> Decision:
    waits = _of(NotBefore, active)
    earliest = max([facts.today] + [e.day for _, e in waits])
    exclusions = [r for r in active if _is_exclusion(r.effect)]
    found, skipped = _search(earliest, exclusions, facts)
    dues = _of(DueBy, active)
    window_end = min((e.day for _, e in dues), default=None)
    binding = {r for r, e in waits if e.day == earliest and earliest > facts.today}
    binding.update(r for r in exclusions if any(r.ref in s.by for s in skipped))
    reasons = tuple(
        r.reason(binding=r in binding) for r in active if not isinstance(r.effect, Guidance)
    )
    common = {
        "today": facts.today,
        "purpose": purpose,
        "window_end": window_end,
        "reasons": reasons,
        "skipped": skipped,
        "rulesets": rulesets,
    }
    if found is None:
        return Decision(action=Action.BLOCKED, guidance=notes, **common)  # type: ignore[arg-type]
    budgets = _of(Budget, active)
    return Decision(
        action=Action.FOLLOW_UP if found == facts.today else Action.WAIT,
        next_date=found,
        channel=_channel(active),
        time_of_day=_time_of_day(active),
        follow_ups_left=_left(budgets, Resource.FOLLOW_UPS),
        messages_left=_left(budgets, Resource.MESSAGES),
        guidance=notes + _message_notes(budgets),
        conflicts=_window_conflicts(dues, waits, exclusions, facts),
        **common,  # type: ignore[arg-type]
    )


def _is_exclusion(effect: Effect) -> bool:
    return isinstance(effect, ExcludeWeekdays | ExcludeHolidayBorders | ExcludeNonBusinessDays)


def _excluded_by(day: date, exclusions: Sequence[Ruled], facts: Facts) -> tuple[RuleRef, ...]:
    calendar = facts.calendar
    refs = []
    for r in exclusions:
        effect = r.effect
        if isinstance(effect, ExcludeWeekdays):
            hit = day.weekday() in effect.weekdays
        elif isinstance(effect, ExcludeNonBusinessDays):
            hit = not calendar.is_business_day(day)
        else:
            hit = calendar.borders_holiday(day)
        if hit:
            refs.append(r.ref)
    return tuple(refs)


def _search(
    start: date, exclusions: Sequence[Ruled], facts: Facts
) -> tuple[date | None, tuple[SkippedDay, ...]]:
    skipped: list[SkippedDay] = []
    day = start
    for _ in range(HORIZON_DAYS + 1):
        by = _excluded_by(day, exclusions, facts)
        if not by:
            return day, tuple(skipped)
        skipped.append(SkippedDay(day, by))
        day += _ONE_DAY
    return None, tuple(skipped)


def _window_conflicts(
    dues: list[tuple[Ruled, DueBy]],
    waits: list[tuple[Ruled, NotBefore]],
    exclusions: Sequence[Ruled],
    facts: Facts,
) -> tuple[Conflict, ...]:
    """Each due date that no allowed day meets, with the rules that closed the window."""
    conflicts: list[Conflict] = []
    opens = max((e.day for _, e in waits), default=None)
    for due_rule, due in dues:
        late = [(r, e) for r, e in waits if e.day > due.day]
        conflicts.extend(Conflict(due_rule.ref, r.ref, f"{due.why}, but {e.why}") for r, e in late)
        if late or opens is None:
            continue
        blockers = _blockers(opens, due.day, exclusions, facts)
        conflicts.extend(
            Conflict(due_rule.ref, ref, f"{due.why}, but every day until then is ruled out")
            for ref in blockers
        )
    return tuple(dict.fromkeys(conflicts))


def _blockers(
    first: date, last: date, exclusions: Sequence[Ruled], facts: Facts
) -> tuple[RuleRef, ...]:
    """The rules that rule out every day from ``first`` to ``last``, or () if one is free."""
    refs: dict[RuleRef, None] = {}
    day = first
    while day <= last:
        by = _excluded_by(day, exclusions, facts)
        if not by:
            return ()
        refs.update(dict.fromkeys(by))
        day += _ONE_DAY
    return tuple(refs)


def _channel(active: Sequence[Ruled]) -> Channel | None:
    """Their own preference first, else the medium the first document to name one uses."""
    preferred = [e for _, e in _of(PreferChannel, active)]
    firm = [e for e in preferred if e.firm]
    return next((e.channel for e in firm + preferred), None)


def _time_of_day(active: Sequence[Ruled]) -> TimeOfDay | None:
    avoided = frozenset().union(*(e.times for _, e in _of(AvoidTimesOfDay, active)))
    if not avoided:
        return None
    return next((t for t in _WORKING_TIMES if t not in avoided), None)


def _left(budgets: list[tuple[Ruled, Budget]], resource: Resource) -> int | None:
    return min((e.left for _, e in budgets if e.resource is resource), default=None)


def _message_notes(budgets: list[tuple[Ruled, Budget]]) -> tuple[Note, ...]:
    return tuple(
        Note(r.ref, "No message left to spend: if you reach voicemail or a gatekeeper, hang up.")
        for r, e in budgets
        if e.resource is Resource.MESSAGES and e.left == 0
    )
