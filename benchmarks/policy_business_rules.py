"""P in ``business-rules`` (venmo/business-rules): rules as JSON-like data, compiled once.

The engine reads variables from Python objects and calls Python actions when a rule's conditions
hold. It gets the same head start as the hand-written floor: the events are read once into P's
facts (``policy.read``) and the holiday table is prepared once. The rules then decide: DONE,
STOP, each bound that applies, and, day by day, whether a day is open.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from business_rules import run_all
from business_rules.actions import BaseActions, rule_action
from business_rules.fields import FIELD_NUMERIC, FIELD_TEXT
from business_rules.variables import (
    BaseVariables,
    boolean_rule_variable,
    numeric_rule_variable,
)
from policy import HORIZON, ONE_DAY, Answer, Facts, PEvent, read

__all__ = ["decide"]


def _is_true(name: str) -> dict[str, Any]:
    return {"name": name, "operator": "is_true", "value": True}


def _is_false(name: str) -> dict[str, Any]:
    return {"name": name, "operator": "is_false", "value": True}


def _bound(flag: str, bound: str, after: str, days: int) -> dict[str, Any]:
    return {
        "conditions": {"all": [_is_true(flag)]},
        "actions": [
            {"name": "not_before", "params": {"bound": bound, "after": after, "days": days}}
        ],
    }


ENDINGS: list[dict[str, Any]] = [
    {"conditions": {"all": [_is_true("answered")]}, "actions": [{"name": "done"}]},
    {
        "conditions": {
            "all": [{"name": "unanswered", "operator": "greater_than_or_equal_to", "value": 2}]
        },
        "actions": [{"name": "stop"}],
    },
]
BOUNDS: list[dict[str, Any]] = [
    _bound("has_applied", "applied", "applied", 7),
    _bound("has_interview", "interview", "interview", 7),
    _bound("has_named_date", "named-date", "named", 1),
    _bound("has_follow_up", "follow-up", "follow_up", 7),
]
OPEN_DAY: list[dict[str, Any]] = [
    {
        "conditions": {
            "all": [
                _is_true("tuesday_to_thursday"),
                _is_false("holiday"),
                _is_false("day_before_holiday"),
                _is_false("day_after_holiday"),
            ]
        },
        "actions": [{"name": "open"}],
    }
]


class HistoryVariables(BaseVariables):  # type: ignore[misc]
    def __init__(self, facts: Facts) -> None:
        self.facts = facts

    @boolean_rule_variable  # type: ignore[untyped-decorator]
    def answered(self) -> bool:
        return self.facts.answered

    @numeric_rule_variable  # type: ignore[untyped-decorator]
    def unanswered(self) -> int:
        return self.facts.unanswered

    @boolean_rule_variable  # type: ignore[untyped-decorator]
    def has_applied(self) -> bool:
        return self.facts.applied is not None

    @boolean_rule_variable  # type: ignore[untyped-decorator]
    def has_interview(self) -> bool:
        return self.facts.interview is not None

    @boolean_rule_variable  # type: ignore[untyped-decorator]
    def has_named_date(self) -> bool:
        return self.facts.named is not None

    @boolean_rule_variable  # type: ignore[untyped-decorator]
    def has_follow_up(self) -> bool:
        return self.facts.follow_up is not None


class HistoryActions(BaseActions):  # type: ignore[misc]
    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        self.ended: str | None = None
        self.bounds: list[tuple[date, str]] = []

    @rule_action()  # type: ignore[untyped-decorator]
    def done(self) -> None:
        self.ended = "done"

    @rule_action()  # type: ignore[untyped-decorator]
    def stop(self) -> None:
        self.ended = "stop"

    @rule_action(params={"bound": FIELD_TEXT, "after": FIELD_TEXT, "days": FIELD_NUMERIC})  # type: ignore[untyped-decorator]
    def not_before(self, bound: str, after: str, days: int) -> None:
        start: date = getattr(self.facts, after)
        self.bounds.append((start + timedelta(days=days), bound))


class DayVariables(BaseVariables):  # type: ignore[misc]
    def __init__(self, day: date, holidays: frozenset[date]) -> None:
        self.day = day
        self.holidays = holidays

    @boolean_rule_variable  # type: ignore[untyped-decorator]
    def tuesday_to_thursday(self) -> bool:
        return 1 <= self.day.weekday() <= 3

    @boolean_rule_variable  # type: ignore[untyped-decorator]
    def holiday(self) -> bool:
        return self.day in self.holidays

    @boolean_rule_variable  # type: ignore[untyped-decorator]
    def day_before_holiday(self) -> bool:
        return self.day + ONE_DAY in self.holidays

    @boolean_rule_variable  # type: ignore[untyped-decorator]
    def day_after_holiday(self) -> bool:
        return self.day - ONE_DAY in self.holidays


class DayActions(BaseActions):  # type: ignore[misc]
    @rule_action()  # type: ignore[untyped-decorator]
    def open(self) -> None:
        """Nothing to do: ``run_all`` reports that the rule fired."""


_DAY_ACTIONS = DayActions()


def decide(events: tuple[PEvent, ...], today: date, holidays: frozenset[date]) -> Answer:
    """P through business-rules: the ending rules, then the bounds, then the day rule."""
    facts = read(events)
    variables = HistoryVariables(facts)
    actions = HistoryActions(facts)
    if run_all(ENDINGS, variables, actions, stop_on_first_trigger=True):
        ended = actions.ended or "stop"
        return (ended, None, ("answer",) if ended == "done" else ("follow-ups",))
    run_all(BOUNDS, variables, actions)
    earliest = max([today, *(day for day, _ in actions.bounds)])
    day = earliest
    for _ in range(HORIZON + 1):
        if run_all(OPEN_DAY, DayVariables(day, holidays), _DAY_ACTIONS):
            bounds = actions.bounds
            why = () if earliest == today else tuple(sorted(n for d, n in bounds if d == earliest))
            return ("follow-up" if day == today else "wait", day, why)
        day += ONE_DAY
    return ("stop", None, ())
