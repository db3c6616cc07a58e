"""Rules about which days of the calendar are never contact days."""

from __future__ import annotations

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


def _weekdays(values: Iterable[object]) -> tuple[weekday, ...]:
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
        names = " or ".join(day_name[d.weekday] for d in self.weekdays)
        yield ExcludeWeekdays(frozenset(d.weekday for d in self.weekdays), f"never on a {names}")


@attrs.frozen
class AvoidHolidayBorders:
    """Never the last business day before, or the first business day after, a holiday break."""

    id: str = id_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        yield ExcludeHolidayBorders("never the business day before or after a holiday")


@attrs.frozen
class BusinessDaysOnly:
    """Contacts reach people at work: weekends and holidays of the calendar are out."""

    id: str = id_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        yield ExcludeNonBusinessDays("business days only")
