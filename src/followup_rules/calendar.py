"""Work calendars: which days are business days, and which days border a holiday break.

Holiday tables come from the ``holidays`` package and are built once per country, subdivision and
year, then shared as immutable sets: a ``holidays`` object fills in years lazily on read, so it is
never shared itself.

The package's data does not reach equally far for every holiday. A country has a first and a
last year, but some of its holidays follow a lunar calendar whose tables cover fewer years (in
India, Diwali and Holi are known from 2001 to 2035 only); outside them the package leaves the
holiday out, at most with a warning. So a year, read when it is first asked about, counts as
covered only if building it raised no warning and found every date it looked up in those
tables; a year that is not is refused: its days are unknown, never guessed to be working days.
``WorkCalendar.years`` is the first and last covered year, found looking inwards from the
package's own range (the years a table lacks are at its ends).
"""

from __future__ import annotations

import functools
import re
import types
import warnings
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from followup_rules._checks import (
    check_collection,
    check_day,
    check_integer,
    shown,
    shown_list,
)
from followup_rules.errors import CalendarError, InvalidHistoryError, OutsideHolidayDataError

if TYPE_CHECKING:
    import holidays

__all__ = ["MAX_NON_BUSINESS_RUN", "YEARS_KEPT", "WorkCalendar"]

MAX_NON_BUSINESS_RUN = 366
"""The longest run of days without a business day that a calendar may have.

A longer run (a calendar whose closed dates cover a whole year, say) is a calendar error rather
than an endless search.
"""

_ONE_DAY = timedelta(days=1)

_TABLE_LOOKUP = re.compile(r"_add_\w+_calendar_holiday(?:_set)?")
"""How the ``holidays`` package adds a holiday from a lunar-calendar table: the date it looked
up is None (or no date at all) for a year the table does not reach."""

_LABELS = ("observed_label", "observed_label_before", "estimated_label", "observed_estimated_label")
"""The name formats the ``holidays`` package gives an observed or estimated day, such as
``"%s (observed)"``."""


@attrs.frozen
class _Names:
    """The holiday names of one country and subdivision, over the years its data covers."""

    spellings: Mapping[str, str]
    """Each name case-folded, to its spelling in the data; a name the data writes with an
    observed or estimated label is also there without it."""
    labels: tuple[str, ...]
    """The formats of observed and estimated names, such as ``"%s (observed)"``."""


@attrs.frozen
class _Year:
    complete: bool
    """The data fully covers the year: no warning, no date missing from a lunar table."""
    holidays: frozenset[date]
    names: Mapping[date, tuple[str, ...]]
    """The names of each holiday, in English where the data has them."""
    off: frozenset[date]
    """Holidays and weekend days that are not designated working days."""
    weekend: frozenset[date]
    """The days off by the weekend alone, whether or not a holiday falls on them too."""


def _package() -> types.ModuleType:
    """The ``holidays`` package, imported when a calendar first needs it rather than with
    ``import followup_rules``: it is the heaviest import the library has, and evaluating starts
    from a calendar anyway."""
    import holidays

    return holidays


@functools.cache
def _supported() -> dict[str, list[str]]:
    found: dict[str, list[str]] = _package().list_supported_countries()
    return found


@functools.cache
def _language(country: str) -> str | None:
    """English names where the data has them, so ``open_on`` takes the same names everywhere."""
    entity = _package().country_holidays(country, years=())
    if entity.default_language is None or entity.default_language.startswith("en"):
        return None
    english = [name for name in entity.supported_languages if name.startswith("en")]
    return "en_US" if "en_US" in english else min(english, default=None)


def _entity(country: str, subdivision: str | None) -> holidays.HolidayBase:
    """A fresh ``holidays`` object with no year filled in yet: it is never shared."""
    entity: holidays.HolidayBase = _package().country_holidays(
        country, subdiv=subdivision, years=(), language=_language(country)
    )
    return entity


@functools.cache
def _bounds(country: str) -> tuple[int, int]:
    """The first and last year the package has any data for."""
    entity = _package().country_holidays(country, years=())
    return entity.start_year, entity.end_year


def _watched(add: Callable[..., Any], gaps: list[object]) -> Callable[..., Any]:
    """``add``, noting in ``gaps`` each date it is handed that a lunar table lacked."""

    def watched(name: str, looked_up: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(looked_up, tuple):  # (date or None, estimated)
            missing = looked_up[0] is None
        elif looked_up is None or isinstance(looked_up, date):
            missing = looked_up is None
        else:  # several (date, estimated) pairs, none for a year beyond the table
            looked_up = list(looked_up)
            missing = not looked_up
        if missing:
            gaps.append(name)
        return add(name, looked_up, *args, **kwargs)

    return watched


def _fill(entity: holidays.HolidayBase, year: int) -> bool:
    """Fill in ``year``; whether its data is complete.

    It is not when the package warns (India's Hindu holidays outside 2001 to 2035), when a
    lunar-calendar table lacks a date the country looks up, or when other years were filled in
    along with it (what they lack would not be seen).
    """
    gaps: list[object] = []
    for name in dir(entity):
        if _TABLE_LOOKUP.fullmatch(name):
            object.__setattr__(entity, name, _watched(getattr(entity, name), gaps))
    # Python's warning filters are process-wide: a warning another thread raises at this very
    # moment is caught here too. Each year is filled in once per process, so the window is small.
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        entity.get(date(year, 1, 1))  # fills in the year
    warned = any(issubclass(warning.category, UserWarning) for warning in caught)
    return not (gaps or warned) and set(entity.years) == {year}


YEARS_KEPT = 256
"""How many calendar-years the library keeps of holiday data, and of day tables, each: the
least recently used are dropped first and built again if asked for. Thirty years of histories
in eight calendars fit."""


@functools.lru_cache(maxsize=YEARS_KEPT)
def _year(country: str, subdivision: str | None, year: int) -> _Year:
    entity = _entity(country, subdivision)
    complete = _fill(entity, year)
    start = date(year, 1, 1)
    days = [start + timedelta(days=n) for n in range((date(year + 1, 1, 1) - start).days)]
    off = frozenset(day for day in days if not entity.is_working_day(day))
    names = {day: tuple(entity.get_list(day)) for day in sorted(entity) if day.year == year}
    for day in names:
        entity.pop(day)  # what is still off is off by the weekend alone
    weekend = frozenset(day for day in off if not entity.is_working_day(day))
    return _Year(complete, frozenset(names), names, off, weekend)


_BUSINESS = 1
_HOLIDAY = 2
_BORDERS = 4
_ASK = 8
"""Whether the day borders a holiday break cannot be told from the table: asking works it out
(the answer lies past the holiday data, or the calendar has no business day near it)."""


@attrs.frozen
class _Days:
    """What each day of one year is for one calendar, as flags indexed from the year's start."""

    first: int
    """The ordinal of the year's first day."""
    flags: bytes


@functools.lru_cache(maxsize=YEARS_KEPT)
def _days(calendar: WorkCalendar, year: int) -> _Days:
    """The day table of ``year``, a year the holiday data covers: worked out once, so that
    testing a day is a look-up however many rules ask."""
    start = date(year, 1, 1)
    count = (date(year, 12, 31) - start).days + 1
    flags = bytes([calendar._flags(start + timedelta(days=n)) for n in range(count)])
    return _Days(start.toordinal(), flags)


@functools.cache
def _years(country: str, subdivision: str | None) -> tuple[int, int]:
    """The first and last year whose data is complete, looking inwards from the package's."""
    first, last = _bounds(country)
    start = next(
        (year for year in range(first, last + 1) if _complete(country, subdivision, year)), None
    )
    if start is None:
        place = country if subdivision is None else f"{country}-{subdivision}"
        raise CalendarError(
            f"the holidays package has no year of complete holiday data for {place!r}: "
            f"expected another country or subdivision"
        )
    end = next(year for year in range(last, start - 1, -1) if _complete(country, subdivision, year))
    return start, end


def _complete(country: str, subdivision: str | None, year: int) -> bool:
    first, last = _bounds(country)
    return first <= year <= last and _year(country, subdivision, year).complete


@functools.cache
def _names(country: str, subdivision: str | None) -> _Names:
    """Every holiday name of the years the data covers, filling in all of them once."""
    first, last = _years(country, subdivision)
    entity = _entity(country, subdivision)
    for year in range(first, last + 1):
        entity.get(date(year, 1, 1))  # fills in the year
    translate = getattr(entity, "tr", str)
    labels = tuple(
        dict.fromkeys(
            translate(getattr(entity, label))
            for label in _LABELS
            if "%s" in getattr(entity, label, "") and getattr(entity, label) != "%s"
        )
    )
    spellings: dict[str, str] = {}
    for day in sorted(entity):
        for name in entity.get_list(day):
            for spelling in (name, *_unlabelled(name, labels)):
                spellings.setdefault(spelling.casefold(), spelling)
    return _Names(spellings, labels)


def _unlabelled(name: str, labels: tuple[str, ...]) -> Iterable[str]:
    """``name`` without an observed or estimated label: ``Independence Day (observed)`` ->
    ``Independence Day``."""
    for label in labels:
        prefix, suffix = label.split("%s", 1)
        if name.startswith(prefix) and name.endswith(suffix) and len(name) > len(label) - 2:
            yield name[len(prefix) : len(name) - len(suffix)]


@functools.cache
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def _check_country(country: object) -> str:
    if not isinstance(country, str) or country not in _supported():
        raise CalendarError(
            f"unknown country {shown(country)}: expected an ISO 3166-1 alpha-2 code supported "
            f"by the holidays package, such as 'US', 'GB' or 'DE'"
        )
    return country


def _check_subdivision(country: str, subdivision: object) -> str | None:
    if subdivision is None:
        return None
    valid = _supported()[country]
    if not isinstance(subdivision, str) or subdivision not in valid:
        raise CalendarError(
            f"unknown subdivision {shown(subdivision)} for {country}: expected None or one of "
            f"{shown_list(valid) if valid else 'none'}"
        )
    return subdivision


def _check_timezone(name: object) -> str | None:
    if name is None:
        return None
    if not isinstance(name, str):
        raise CalendarError(
            f"time zone {shown(name)} is not a string: expected an IANA name or None"
        )
    try:
        _zone(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):  # a folder or an overlong name
        raise CalendarError(
            f"unknown time zone {shown(name)}: expected an IANA name such as 'America/Chicago'"
        ) from None
    return name


def _dates(values: object, what: str, expected: str, kinds: tuple[type, ...]) -> frozenset[Any]:
    """A collection of dates (or of ``kinds``), refused as a whole if it is anything else."""
    found = check_collection(what, values, f"a collection of {expected}", CalendarError)
    for value in found:
        if isinstance(value, datetime) or not isinstance(value, kinds):
            raise CalendarError(f"{what} value {shown(value)}: expected one of {expected}")
    return frozenset(found)


def _closed_dates(values: object) -> frozenset[date]:
    return _dates(values, "closed", "datetime.date", (date,))


def _open_values(values: object) -> frozenset[date | str]:
    return _dates(values, "open_on", "holiday names and datetime.date", (date, str))


@attrs.frozen(repr=False, cache_hash=True)
class WorkCalendar:
    """The employer's working days: a ``holidays`` country, a subdivision and a time zone.

    ``closed`` adds dates the employer is closed beyond the public holidays; they count as
    holidays for every rule. ``open_on`` keeps holidays open that the employer works through:
    a holiday name (matched ignoring case, and keeping the day it is observed on open too) or a
    date, which is then a business day even on a weekend. Aware datetimes in a history are read
    in ``timezone`` (when it is set), so a contact at 23:30 in New York is the day New York
    saw, wherever the code runs.
    """

    country: str = attrs.field(converter=_check_country)
    subdivision: str | None = attrs.field(default=None)
    timezone: str | None = attrs.field(default=None, kw_only=True, converter=_check_timezone)
    closed: frozenset[date] = attrs.field(
        default=frozenset(), kw_only=True, converter=_closed_dates
    )
    open_on: frozenset[date | str] = attrs.field(
        default=frozenset(), kw_only=True, converter=_open_values
    )
    _open_days: frozenset[date] = attrs.field(init=False, eq=False, repr=False)
    _open_names: frozenset[str] = attrs.field(init=False, eq=False, repr=False)
    """The names (case-folded) of the holidays kept open, as written on each day they fall."""

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "subdivision", _check_subdivision(self.country, self.subdivision))
        days = frozenset(value for value in self.open_on if isinstance(value, date))
        both = sorted(days & self.closed)
        if both:
            raise CalendarError(
                f"{shown_list(both)} both closed and open: expected each date in one of "
                f"closed and open_on"
            )
        named = [value for value in self.open_on if isinstance(value, str)]
        spelled = frozenset(self._holiday_name(name) for name in named)
        labels = _names(self.country, self.subdivision).labels if named else ()
        forms = {form for name in spelled for form in (name, *(f % name for f in labels))}
        object.__setattr__(self, "open_on", days | spelled)
        object.__setattr__(self, "_open_days", days)
        object.__setattr__(self, "_open_names", frozenset(form.casefold() for form in forms))

    def _holiday_name(self, name: str) -> str:
        """``name`` as the data spells it, or an error listing the names the data has."""
        names = _names(self.country, self.subdivision).spellings
        spelled = names.get(name.casefold())
        if spelled is None:
            first, last = self.years
            raise CalendarError(
                f"unknown holiday name {shown(name)} in open_on: expected a date or a name "
                f"{self._place_name()} has from {first} to {last} (case aside): "
                f"{shown_list(sorted(set(names.values())))}"
            )
        return spelled

    def __repr__(self) -> str:
        parts = [repr(self.country)]
        if self.subdivision is not None:
            parts.append(f"subdivision={self.subdivision!r}")
        if self.timezone is not None:
            parts.append(f"timezone={self.timezone!r}")
        if self.closed:
            parts.append(f"closed={sorted(self.closed)!r}")
        if self.open_on:
            names = sorted(value for value in self.open_on if isinstance(value, str))
            parts.append(f"open_on={[*names, *sorted(self._open_days)]!r}")
        return f"WorkCalendar({', '.join(parts)})"

    @property
    def years(self) -> tuple[int, int]:
        """The first and last year the holiday data fully covers for this place."""
        return _years(self.country, self.subdivision)

    @property
    def zone(self) -> ZoneInfo | None:
        """The employer's time zone, if the calendar names one."""
        return None if self.timezone is None else _zone(self.timezone)

    def covers(self, day: date) -> bool:
        """Whether the holiday data fully covers ``day``: days outside it are unknown."""
        return self._covers(check_day("day", day))

    def check_covers(self, day: date) -> None:
        """Refuse a day the holiday data does not reach, rather than pretend it has no holidays."""
        if not self.covers(day):
            first, last = self.years
            raise OutsideHolidayDataError(
                f"{day} is outside the holiday data for {self._place_name()}: expected a date "
                f"from {first} to {last}"
            )

    def day_of(self, when: date | datetime) -> date:
        """The calendar day ``when`` falls on for this employer."""
        if not isinstance(when, datetime):
            return check_day("when", when, "a datetime.date or an aware datetime")
        if when.tzinfo is None or when.utcoffset() is None:
            raise InvalidHistoryError(
                f"naive datetime {when.isoformat()!r}: expected a date or an aware datetime"
            )
        zone = self.zone
        return when.date() if zone is None else when.astimezone(zone).date()

    def is_holiday(self, day: date) -> bool:
        """A public holiday of the calendar that is not kept open, or one of its closed dates."""
        self.check_covers(day)
        return bool(self._table(day) & _HOLIDAY)

    def is_business_day(self, day: date) -> bool:
        """A working day: no weekend day (unless a designated working day), holiday or closed
        date, or a date kept open."""
        self.check_covers(day)
        return bool(self._table(day) & _BUSINESS)

    def add_business_days(self, day: date, count: int) -> date:
        """The ``count``-th business day after ``day``, or before it for a negative ``count``.

        ``day`` itself is never counted, and a ``count`` of 0 is ``day`` itself.
        """
        self.check_covers(day)
        count = check_integer("count", count)
        step = _ONE_DAY if count >= 0 else -_ONE_DAY
        return self._step(day, step, abs(count), f"add_business_days({day}, {count})")

    def next_business_day(self, day: date) -> date:
        """The first business day strictly after ``day``."""
        self.check_covers(day)
        return self._step(day, _ONE_DAY)

    def previous_business_day(self, day: date) -> date:
        """The last business day strictly before ``day``."""
        self.check_covers(day)
        return self._step(day, -_ONE_DAY)

    def borders_holiday(self, day: date) -> bool:
        """``day`` is the last business day before, or the first after, a holiday break.

        A break is a run of non-business days holding at least one holiday; a plain weekend is
        not a break. Next to the edge of the holiday data the answer may be unknown: that is an
        ``OutsideHolidayDataError``, not a guess.
        """
        self.check_covers(day)
        flags = self._table(day)
        if flags & _ASK:
            return self._borders(day)
        return bool(flags & _BORDERS)

    def _off_or_unknown(self, day: date) -> bool:
        """``day`` is no business day, or the holiday data does not reach it: what a rule that
        keeps to business days rules out, read from the day's table without checking ``day``
        again (the day search asks this of every day it passes)."""
        if not _complete(self.country, self.subdivision, day.year):
            return True
        return not self._table(day) & _BUSINESS

    def _borders_or_unknown(self, day: date) -> bool:
        """``day`` borders a holiday break, or whether it does is unknown past the holiday data:
        what a rule that avoids holiday borders rules out (see ``_off_or_unknown``)."""
        if not _complete(self.country, self.subdivision, day.year):
            return True
        flags = self._table(day)
        if not flags & _ASK:
            return bool(flags & _BORDERS)
        try:
            return self._borders(day)
        except OutsideHolidayDataError:
            return True

    def _table(self, day: date) -> int:
        """The flags of ``day``, a day the data covers, from its year's table."""
        days = _days(self, day.year)
        return days.flags[day.toordinal() - days.first]

    def _flags(self, day: date) -> int:
        """What ``day`` is, worked out from the holiday data, for its year's table."""
        holiday = _HOLIDAY if self._holiday(day) else 0
        if not self._business(day):
            return holiday
        try:
            borders = self._borders(day)
        except CalendarError:
            return holiday | _BUSINESS | _ASK
        return holiday | _BUSINESS | (_BORDERS if borders else 0)

    def _covers(self, day: date) -> bool:
        return _complete(self.country, self.subdivision, day.year)

    def _place_name(self) -> str:
        return repr(
            self.country if self.subdivision is None else f"{self.country}-{self.subdivision}"
        )

    def _kept_open(self, day: date, year: _Year) -> bool:
        """A holiday whose every name is kept open."""
        return bool(self._open_names) and all(
            name.casefold() in self._open_names for name in year.names[day]
        )

    def _holiday(self, day: date) -> bool:
        if day in self.closed:
            return True
        year = _year(self.country, self.subdivision, day.year)
        return (
            day in year.holidays and day not in self._open_days and not self._kept_open(day, year)
        )

    def _business(self, day: date) -> bool:
        if day in self.closed:
            return False
        year = _year(self.country, self.subdivision, day.year)
        if day not in year.off or day in self._open_days:
            return True
        return day not in year.weekend and self._kept_open(day, year)

    def _borders(self, day: date) -> bool:
        if not self._business(day):
            return False
        after, before = self._run(day, _ONE_DAY), self._run(day, -_ONE_DAY)
        if after[1] or before[1]:
            return True
        if after[0] is None or before[0] is None:
            edge = "after" if after[0] is None else "before"
            raise OutsideHolidayDataError(
                f"whether {day} borders a holiday break is unknown: the days {edge} it reach "
                f"past the holiday data for {self._place_name()}, which covers "
                f"{self.years[0]} to {self.years[1]}"
            )
        return False

    def _run(self, day: date, step: timedelta) -> tuple[date | None, bool]:
        """The next business day from ``day`` by ``step`` (None past the data's edge), and
        whether a holiday lies between."""
        holiday = False
        for _ in range(MAX_NON_BUSINESS_RUN):
            day += step
            if not self._covers(day):
                return None, holiday
            if self._business(day):
                return day, holiday
            holiday = holiday or self._holiday(day)
        origin = day - step * MAX_NON_BUSINESS_RUN
        raise CalendarError(
            f"{self!r} has no business day within {MAX_NON_BUSINESS_RUN} days of {origin}: "
            f"expected closed dates that leave working days"
        )

    def _step(self, origin: date, step: timedelta, count: int = 1, asked: str = "") -> date:
        """The ``count``-th business day from ``origin`` by ``step``; ``asked`` names the call."""
        day = origin
        for _ in range(count):
            found, _holiday = self._run(day, step)
            if found is None:
                forward = step > timedelta()
                which = "after" if forward else "before"
                edge = f"ends with {self.years[1]}" if forward else f"starts with {self.years[0]}"
                what = f"business day {count} {which} {origin}"
                raise OutsideHolidayDataError(
                    f"{asked + ' is unknown: ' if asked else ''}{what} is past the holiday data "
                    f"for {self._place_name()}, which {edge}: its days are unknown"
                )
            day = found
        return day
