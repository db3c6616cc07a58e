"""Rules about which days of the calendar are never contact days."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
from dateutil.relativedelta import weekday

from followup_rules._format import DAY_NAMES, day
from followup_rules.citations import Citation
from followup_rules.effects import (
    Effect,
    ExcludeDates,
    ExcludeHolidayBorders,
    ExcludeNonBusinessDays,
    ExcludeWeekdays,
)
from followup_rules.errors import RuleSetDefinitionError
from followup_rules.facts import Facts
from followup_rules.rules.base import citation_field, id_field

__all__ = ["AvoidHolidayBorders", "AvoidWeekdays", "BusinessDaysOnly"]

_HOLIDAY_BORDERS = ExcludeHolidayBorders("never the business day before or after a holiday")
_NON_BUSINESS_DAYS = ExcludeNonBusinessDays("business days only")
"""Effects that depend on nothing: made once, as values they can be shared by every decision."""


def _weekdays(values: object) -> tuple[weekday, ...]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise RuleSetDefinitionError(
            f"AvoidWeekdays.weekdays is {values!r}: expected a sequence of dateutil weekdays "
            f"MO to SU",
            field="weekdays",
        )
    days: list[weekday] = []
    for value in values:
        if not isinstance(value, weekday) or value.n is not None:
            raise RuleSetDefinitionError(
                f"AvoidWeekdays.weekdays holds {value!r}: expected dateutil weekdays MO to SU",
                field="weekdays",
            )
        days.append(value)
    if not days or len({d.weekday for d in days}) == 7:
        raise RuleSetDefinitionError(
            f"AvoidWeekdays.weekdays is {days!r}: expected one to six distinct weekdays",
            field="weekdays",
        )
    return tuple(sorted(set(days), key=lambda d: d.weekday))


def _weekday_field() -> Any:
    return attrs.field(kw_only=True, converter=_weekdays)


@attrs.frozen
class AvoidWeekdays:
    """Never contact on these weekdays (``dateutil.relativedelta.MO`` and friends)."""

    id: str = id_field()
    weekdays: tuple[weekday, ...] = _weekday_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        yield _excluded(tuple(d.weekday for d in self.weekdays))


@functools.lru_cache(maxsize=256)
def _excluded(weekdays: tuple[int, ...]) -> ExcludeWeekdays:
    """The effect of avoiding ``weekdays``: made once, shared by every decision."""
    names = " or ".join(DAY_NAMES[weekday] for weekday in weekdays)
    return ExcludeWeekdays(frozenset(weekdays), f"never on a {names}")


@attrs.frozen
class AvoidHolidayBorders:
    """Never the last business day before, or the first business day after, a holiday break.

    With ``first_day_back``, never their first business day back from time away either: the
    document's reason (catching up after a day off) holds for an out-of-office too.
    """

    id: str = id_field()
    first_day_back: bool = attrs.field(default=False, kw_only=True)
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        yield _HOLIDAY_BORDERS
        if self.first_day_back and facts.away_until is not None:
            back = facts.calendar.next_business_day(facts.away_until)
            yield ExcludeDates(
                frozenset({back}), f"never {day(back)}, their first day back from time away"
            )


@attrs.frozen
class BusinessDaysOnly:
    """Contacts reach people at work: weekends and holidays of the calendar are out."""

    id: str = id_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        yield _NON_BUSINESS_DAYS
