"""P in ``rule-engine`` (zeroSteiner/rule-engine): expressions in its own language, compiled once.

Like the other engines it gets the events read once into P's facts (``policy.read``); the
expressions then decide DONE and STOP, compute each bound with the engine's date arithmetic,
and judge each candidate day. Holiday membership reaches the engine as three facts about the
day (looked up in the table prepared once): handing it the table itself would make it convert
the whole set on every evaluation, which is no way to use it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import rule_engine
from policy import HORIZON, ONE_DAY, Answer, PEvent, read

__all__ = ["decide"]

_CONTEXT = rule_engine.Context(default_timezone=UTC)

DONE = rule_engine.Rule("answered", context=_CONTEXT)
STOP = rule_engine.Rule("unanswered >= 2", context=_CONTEXT)
BOUNDS = (
    ("applied", rule_engine.Rule('applied == null ? null : applied + t"P7D"', context=_CONTEXT)),
    (
        "interview",
        rule_engine.Rule('interview == null ? null : interview + t"P7D"', context=_CONTEXT),
    ),
    ("named-date", rule_engine.Rule('named == null ? null : named + t"P1D"', context=_CONTEXT)),
    (
        "follow-up",
        rule_engine.Rule('follow_up == null ? null : follow_up + t"P7D"', context=_CONTEXT),
    ),
)
OPEN_DAY = rule_engine.Rule(
    'day.weekday in ["Tuesday", "Wednesday", "Thursday"] and not holiday '
    "and not day_before_holiday and not day_after_holiday",
    context=_CONTEXT,
)


def _moment(day: date | None) -> datetime | None:
    return None if day is None else datetime.combine(day, time(), tzinfo=UTC)


def decide(events: tuple[PEvent, ...], today: date, holidays: frozenset[date]) -> Answer:
    """P through rule-engine: the ending rules, the bound expressions, then the day rule."""
    facts = read(events)
    thing: dict[str, Any] = {
        "answered": facts.answered,
        "unanswered": facts.unanswered,
        "applied": _moment(facts.applied),
        "interview": _moment(facts.interview),
        "named": _moment(facts.named),
        "follow_up": _moment(facts.follow_up),
    }
    if DONE.matches(thing):
        return ("done", None, ("answer",))
    if STOP.matches(thing):
        return ("stop", None, ("follow-ups",))
    bounds = []
    for name, rule in BOUNDS:
        bound = rule.evaluate(thing)
        if bound is not None:
            bounds.append((bound.date(), name))
    earliest = max([today, *(day for day, _ in bounds)])
    day = earliest
    for _ in range(HORIZON + 1):
        facts_of_day = {
            "day": _moment(day),
            "holiday": day in holidays,
            "day_before_holiday": day + ONE_DAY in holidays,
            "day_after_holiday": day - ONE_DAY in holidays,
        }
        if OPEN_DAY.matches(facts_of_day):
            why = () if earliest == today else tuple(sorted(n for d, n in bounds if d == earliest))
            return ("follow-up" if day == today else "wait", day, why)
        day += ONE_DAY
    return ("stop", None, ())
