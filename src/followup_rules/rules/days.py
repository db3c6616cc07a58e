"""Rules about which days of the calendar are never contact days."""

from __future__ import annotations

import functools
import locale
from calendar import day_name
from collections.abc import Iterable, Iterator
from typing import Any

import attrs
from dateutil.relativedelta import weekday

from followup_rules.citations import Citation
from followup_rules.effects import (
    Effect,
    ExcludeHolidayBorders,
    ExcludeNonBusinessDays,
    ExcludeWeekdays,
)
from followup_rules.errors import RuleSetDefinitionError
from followup_rules.history import Facts
from followup_rules.rules.base import citation_field, id_field

__all__ = ["AvoidHolidayBorders", "AvoidWeekdays", "BusinessDaysOnly"]

_HOLIDAY_BORDERS = ExcludeHolidayBorders("never the business day before or after a holiday")
_NON_BUSINESS_DAYS = ExcludeNonBusinessDays("business days only")
"""Effects that depend on nothing: made once, as values they can be shared by every decision."""


def _weekdays(values: object) -> tuple[weekday, ...]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise RuleSetDefinitionError(
            f"AvoidWeekdays.weekdays is {values!r}: expected a sequence of dateutil weekdays "
            f"MO to SU"
        )
    days: list[weekday] = []
    for value in values:
        if not isinstance(value, weekday) or value.n is not None:
            raise RuleSetDefinitionError(
                f"AvoidWeekdays.weekdays holds {value!r}: expected dateutil weekdays MO to SU"
            )
        days.append(value)
    if not days or len({d.weekday for d in days}) == 7:
        raise RuleSetDefinitionError(
            f"AvoidWeekdays.weekdays is {days!r}: expected one to six distinct weekdays"
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
        numbers = tuple(d.weekday for d in self.weekdays)
        yield _excluded(numbers, locale.setlocale(locale.LC_TIME))


@functools.lru_cache(maxsize=256)
def _excluded(weekdays: tuple[int, ...], time_locale: str) -> ExcludeWeekdays:
    """The effect of avoiding ``weekdays``, named in the current locale, made once per locale.

    Weekday names are looked up in the locale (``calendar.day_name``), and each look-up formats
    a date: too slow to repeat in every decision.
    """
    names = " or ".join(day_name[weekday] for weekday in weekdays)
    return ExcludeWeekdays(frozenset(weekdays), f"never on a {names}")


@attrs.frozen
class AvoidHolidayBorders:
    """Never the last business day before, or the first business day after, a holiday break."""

    id: str = id_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        yield _HOLIDAY_BORDERS


@attrs.frozen
class BusinessDaysOnly:
    """Contacts reach people at work: weekends and holidays of the calendar are out."""

    id: str = id_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        yield _NON_BUSINESS_DAYS
