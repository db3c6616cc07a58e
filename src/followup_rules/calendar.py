"""Work calendars: which days are business days, and which days border a holiday break.

Holiday tables come from the ``holidays`` package and are built once per country, subdivision and
year, then shared as immutable sets: a ``holidays`` object fills in years lazily on read, so it is
never shared itself.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs
import holidays

from followup_rules.errors import CalendarError, InvalidHistoryError

__all__ = ["MAX_NON_BUSINESS_RUN", "WorkCalendar"]

MAX_NON_BUSINESS_RUN = 366
"""The longest run of days without a business day that a calendar may have.

A longer run (a calendar whose closed dates cover a whole year, say) is a calendar error rather
than an endless search.
"""

_ONE_DAY = timedelta(days=1)


@attrs.frozen
class _Year:
    holidays: frozenset[date]
    off: frozenset[date]
    """Holidays and weekend days that are not designated working days."""
    borders: dict[date, bool] = attrs.field(factory=dict, eq=False, repr=False)
    """Whether a day borders a holiday break, kept as days are asked about.

    It holds the answers of calendars without closed dates only: closed dates are a calendar's
    own, and its answers are worked out afresh.
    """


@functools.cache
def _supported() -> dict[str, list[str]]:
    return holidays.list_supported_countries()


@functools.cache
def _year_range(country: str) -> tuple[int, int]:
    entity = holidays.country_holidays(country, years=())
    return entity.start_year, entity.end_year


@functools.cache
def _year(country: str, subdivision: str | None, year: int) -> _Year:
    first, last = _year_range(country)
    if not first <= year <= last:
        raise CalendarError(
            f"no holiday data for {country!r} in {year}: the holidays package covers "
            f"{first} to {last} for this country"
        )
    entity = holidays.country_holidays(country, subdiv=subdivision, years=year)
    start = date(year, 1, 1)
    days = [start + timedelta(days=n) for n in range((date(year + 1, 1, 1) - start).days)]
    off = frozenset(day for day in days if not entity.is_working_day(day))
    return _Year(holidays=frozenset(entity.keys()), off=off)


@functools.cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _check_country(country: object) -> str:
    if not isinstance(country, str) or country not in _supported():
        raise CalendarError(
            f"unknown country {country!r}: expected an ISO 3166-1 alpha-2 code supported by the "
            f"holidays package, such as 'US', 'GB' or 'DE'"
        )
    return country


def _check_subdivision(country: str, subdivision: object) -> str | None:
    if subdivision is None:
        return None
    valid = _supported()[country]
    if subdivision not in valid:
        shown = ", ".join(valid) if valid else "none"
        raise CalendarError(
            f"unknown subdivision {subdivision!r} for {country}: expected None or one of {shown}"
        )
    return str(subdivision)


def _check_timezone(name: object) -> str | None:
    if name is None:
        return None
    if not isinstance(name, str):
        raise CalendarError(f"time zone {name!r} is not a string: expected an IANA name or None")
    try:
        _zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # a folder or an overlong name
        raise CalendarError(
            f"unknown time zone {name!r}: expected an IANA name such as 'America/Chicago'"
        ) from None
    return name


def _closed_dates(values: object) -> frozenset[date]:
    if isinstance(values, str) or not isinstance(values, Iterable):
        raise CalendarError(f"closed={values!r}: expected a collection of datetime.date")
    closed: list[date] = []
    for value in values:
        if isinstance(value, datetime) or not isinstance(value, date):
            raise CalendarError(f"closed date {value!r} is not a date: expected datetime.date")
        closed.append(value)
    return frozenset(closed)


@attrs.frozen(repr=False)
class WorkCalendar:
    """The employer's working days: a ``holidays`` country, a subdivision and a time zone.

    ``closed`` adds dates the employer is closed beyond the public holidays; they count as
    holidays for every rule. Aware datetimes in a history are read in ``timezone`` (when it is
    set), so a contact at 23:30 in New York is the day New York saw, wherever the code runs.
    """

    country: str = attrs.field(converter=_check_country)
    subdivision: str | None = attrs.field(default=None)
    timezone: str | None = attrs.field(default=None, kw_only=True, converter=_check_timezone)
    closed: frozenset[date] = attrs.field(
        default=frozenset(), kw_only=True, converter=_closed_dates
    )

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "subdivision", _check_subdivision(self.country, self.subdivision))

    def __repr__(self) -> str:
        parts = [repr(self.country)]
        if self.subdivision is not None:
            parts.append(f"subdivision={self.subdivision!r}")
        if self.timezone is not None:
            parts.append(f"timezone={self.timezone!r}")
        if self.closed:
            parts.append(f"closed={sorted(self.closed)!r}")
        return f"WorkCalendar({', '.join(parts)})"

    @property
    def years(self) -> tuple[int, int]:
        """The first and last year the holiday data covers."""
        return _year_range(self.country)

    @property
    def zone(self) -> ZoneInfo | None:
        """The employer's time zone, if the calendar names one."""
        return None if self.timezone is None else _zone(self.timezone)

    def check_covers(self, day: date) -> None:
        """Refuse a day the holiday data does not reach, rather than pretend it has no holidays."""
        first, last = self.years
        if not first <= day.year <= last:
            raise CalendarError(
                f"{day} is outside the holiday data for {self.country!r}: expected a date from "
                f"{first} to {last}"
            )

    def day_of(self, when: date | datetime) -> date:
        """The calendar day ``when`` falls on for this employer."""
        if not isinstance(when, datetime):
            return when
        if when.tzinfo is None or when.utcoffset() is None:
            raise InvalidHistoryError(
                f"naive datetime {when.isoformat()!r}: expected a date or an aware datetime"
            )
        zone = self.zone
        return when.date() if zone is None else when.astimezone(zone).date()

    def is_holiday(self, day: date) -> bool:
        """A public holiday of the calendar or one of its closed dates."""
        return day in self.closed or day in _year(self.country, self.subdivision, day.year).holidays

    def is_business_day(self, day: date) -> bool:
        if day in self.closed:
            return False
        return day not in _year(self.country, self.subdivision, day.year).off

    def add_business_days(self, day: date, count: int) -> date:
        """The ``count``-th business day after ``day`` (``day`` itself is never counted)."""
        for _ in range(count):
            day = self._step(day, _ONE_DAY)
        return day

    def next_business_day(self, day: date) -> date:
        """The first business day strictly after ``day``."""
        return self._step(day, _ONE_DAY)

    def previous_business_day(self, day: date) -> date:
        """The last business day strictly before ``day``."""
        return self._step(day, -_ONE_DAY)

    def borders_holiday(self, day: date) -> bool:
        """``day`` is the last business day before, or the first after, a holiday break.

        A break is a run of non-business days holding at least one holiday; a plain weekend is
        not a break.
        """
        if self.closed:
            return self._borders(day)
        known = _year(self.country, self.subdivision, day.year).borders
        found = known.get(day)
        if found is None:
            found = known[day] = self._borders(day)
        return found

    def _borders(self, day: date) -> bool:
        if not self.is_business_day(day):
            return False
        return self._holiday_between(day, self.next_business_day(day)) or self._holiday_between(
            self.previous_business_day(day), day
        )

    def _holiday_between(self, start: date, end: date) -> bool:
        day = start + _ONE_DAY
        while day < end:
            if self.is_holiday(day):
                return True
            day += _ONE_DAY
        return False

    def _step(self, day: date, step: timedelta) -> date:
        for _ in range(MAX_NON_BUSINESS_RUN):
            day += step
            if self.is_business_day(day):
                return day
        origin = day - step * MAX_NON_BUSINESS_RUN
        raise CalendarError(
            f"{self!r} has no business day within {MAX_NON_BUSINESS_RUN} days of {origin}: "
            f"expected closed dates that leave working days"
        )
