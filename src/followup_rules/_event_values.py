"""The one reading of an event's values, whether a tracker file, a table's row or a test
strategy gives them.

Each reader gets the raw values of one event (text, dates, vocabulary values or members) and
either builds the event or raises an :class:`~followup_rules.errors.InvalidHistoryError` whose
message starts with the place of the bad value (``applications[0].events[1].on``,
``line 3, column 'by'``, ``row 7, column 'channel'``), then the value, then what would be
valid. The place is the caller's; the words are these, so every edge refuses the same values
with the same message. Reading is strict, because a misread date is a wrong follow-up day:
dates are ISO 8601 only (``03/04/2026`` could be either way round, so it is refused, not
guessed at), and a date and time must carry its offset. A space may stand for the ``T`` between
date and time, as RFC 3339 allows and as Python and Dask write a datetime as text. Which
fields a kind takes, which it needs and how each is given come from the event classes' attrs
fields.
"""

from __future__ import annotations

import contextlib
import enum
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import MAXYEAR, MINYEAR, date, datetime, time
from types import MappingProxyType
from typing import Any, Final
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import attrs

from followup_rules._checks import member_of, shown
from followup_rules.calendar import WorkCalendar
from followup_rules.errors import FollowupError, InvalidHistoryError
from followup_rules.events import EVENT_NAMES, READS, Event

__all__ = [
    "DATE",
    "DATES",
    "EVENT_COLUMNS",
    "MAX_TEXT",
    "MOMENTS",
    "day",
    "event_kind",
    "kind_of",
    "member",
    "moment",
    "name_of",
    "read_event",
    "text_problem",
    "value_error",
    "zone",
]

EVENT_COLUMNS: Final = (
    "type",
    "on",
    "channel",
    "outcome",
    "purpose",
    "kind",
    "by",
    "until",
    "verdict",
    "note",
)
"""The name of each value of an event in a table or a CSV tracker file, in the order a file
writes them: ``type`` (the kind's name, such as ``"follow-up"``), then the event classes'
fields. A test checks that every field of every kind is here."""

MAX_TEXT: Final = 200
"""The longest free text of a tracker (a company, a title, a note), in characters."""

DATES: Final = "YYYY-MM-DD (such as 2026-11-02)"
MOMENTS: Final = (
    "YYYY-MM-DD, or a date and time with its offset such as 2026-11-02T09:30:00-05:00 "
    "(a time zone name may follow it: 2026-11-02T09:30:00-05:00[America/New_York])"
)

DATE: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
"""The shape of an ISO 8601 date, the one way files give a day."""
_DATETIME: Final = re.compile(
    r"(?P<moment>[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(?::[0-9]{2}(?:\.[0-9]{1,6})?)?)"
    r"(?P<offset>Z|[+-][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?(?:\[(?P<zone>[^\]]*)\])?"
)
_ZONE_KEY: Final = re.compile(r"[A-Za-z0-9_+-]{1,30}(?:/[A-Za-z0-9_+-]{1,30}){0,3}")
_AMBIGUOUS: Final = re.compile(r"[0-9]{1,2}[/.-][0-9]{1,2}[/.-][0-9]{2,4}")
_UNPRINTABLE: Final = frozenset({"Cc", "Cs", "Zl", "Zp"})
_YEARS: Final = f"expected a year from {MINYEAR + 1} to {MAXYEAR - 1}"

_NAMES: Final[Mapping[type[Event], str]] = MappingProxyType(
    {kind: name for name, kind in EVENT_NAMES.items()}
)


def name_of(kind: type[Event]) -> str:
    """The name files and tables give ``kind`` (``"follow-up"``)."""
    return _NAMES[kind]


def value_error(place: str, value: object, problem: str) -> InvalidHistoryError:
    """The error of every bad value: where it is, what it is, and what would be valid."""
    return InvalidHistoryError(f"{place} = {shown(value)}: {problem}")


def kind_of(value: object) -> str:
    """What a value is, in words a person who wrote a file knows."""
    kinds: tuple[tuple[type | tuple[type, ...], str], ...] = (
        (bool, "a boolean"),
        (int, "a whole number"),
        (float, "a number"),
        (str, "a string"),
        (datetime, "a date and time"),
        (date, "a date"),
        (time, "a time of day"),
        (list, "an array"),
        (dict, "a table"),
    )
    return next((name for kind, name in kinds if isinstance(value, kind)), "null")


def event_kind(value: object, place: str) -> type[Event]:
    """The event kind named ``value`` (``"follow-up"``)."""
    if isinstance(value, str) and value in EVENT_NAMES:
        return EVENT_NAMES[value]
    raise value_error(place, value, f"expected one of {', '.join(EVENT_NAMES)}")


def read_event(
    kind: type[Event],
    values: Mapping[str, object],
    *,
    where: Callable[[str], str],
    calendar: WorkCalendar | None = None,
) -> Event:
    """The event of ``kind`` that ``values`` give, by field name; ``where(name)`` is the place
    of a field in the caller's terms. A value left out is absent: the caller drops empty cells.

    The days ``by`` and ``until`` name must be on ``calendar``, when one is given, so that a
    day outside its holiday data is reported where it is written.
    """
    fields = {field.name: field for field in attrs.fields(kind)}
    for name, value in values.items():
        if name not in fields:
            raise value_error(
                where(name),
                value,
                f"{name_of(kind)!r} events have no {name}: expected only {', '.join(fields)}",
            )
    needed = [name for name, field in fields.items() if field.default is attrs.NOTHING]
    for name in needed:
        if name not in values:
            raise InvalidHistoryError(
                f"{where(name)}: missing, but {name_of(kind)!r} events need it (they need "
                f"{', '.join(needed)})"
            )
    read = {
        name: _read(fields[name].metadata[READS], value, where(name))
        for name, value in values.items()
    }
    if calendar is not None:
        for name in ("by", "until"):
            if name in read:
                _covered(calendar, read[name], values[name], where(name))
    return kind(**read)


def _read(reads: Any, value: object, place: str) -> Any:
    """``value`` read as a field's metadata says its files and tables give it: "moment",
    "day", "text", or a vocabulary."""
    if reads in _READERS:
        return _READERS[reads](value, place)
    return member(reads, value, place)


def _covered(calendar: WorkCalendar, found: date, value: object, place: str) -> None:
    try:
        calendar.check_covers(found)
    except FollowupError as error:
        raise value_error(place, value, str(error)) from None


def member(vocabulary: type[enum.Enum], value: object, place: str) -> enum.Enum:
    """A member of ``vocabulary``, given by its value (``"phone"``) or as itself."""
    found = member_of(vocabulary, value)
    if found is None:
        valid = ", ".join(str(item.value) for item in vocabulary)
        raise value_error(place, value, f"expected one of {valid}")
    return found


def text_problem(value: str) -> str | None:
    """What is wrong with ``value`` as a tracker's free text (one line of 1 to ``MAX_TEXT``
    characters), or None."""
    if not value:
        return "is empty"
    if len(value) > MAX_TEXT:
        return f"has {len(value)} characters"
    if any(unicodedata.category(c) in _UNPRINTABLE for c in value):
        return "holds a control character or a line break"
    return None


def _note(value: object, place: str) -> str:
    if not isinstance(value, str):
        raise value_error(place, value, f"{kind_of(value)}: expected a string")
    problem = text_problem(value)
    if problem:
        raise value_error(
            place,
            value,
            f"{problem}: expected one line of 1 to {MAX_TEXT} characters, or no note at all",
        )
    return value


def day(value: object, place: str) -> date:
    """A day: a date, or its ISO 8601 text."""
    if isinstance(value, str):
        return _iso_day(value, place)
    if isinstance(value, datetime) or not isinstance(value, date):
        raise value_error(place, value, f"{kind_of(value)}: expected a date {DATES}")
    return value


def _iso_day(text: str, place: str) -> date:
    if not DATE.fullmatch(text):
        raise value_error(place, text, f"not an ISO 8601 date: expected {DATES}{_hint(text)}")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise value_error(place, text, f"no such day: expected {DATES}") from None


def moment(value: object, place: str) -> date | datetime:
    """An event's ``on``: a date, or a date and time whose offset says when it was."""
    if isinstance(value, str):
        value = _iso_moment(value, place)
    if isinstance(value, datetime):
        if value.utcoffset() is None:
            raise value_error(
                place, value, f"a date and time without an offset: expected {MOMENTS}"
            )
        if not MINYEAR < value.year < MAXYEAR:
            raise value_error(place, value, _YEARS)
        return value
    if isinstance(value, date):
        return value
    raise value_error(place, value, f"{kind_of(value)}: expected {MOMENTS}")


def _iso_moment(text: str, place: str) -> date | datetime:
    if DATE.fullmatch(text):
        return _iso_day(text, place)
    found = _DATETIME.fullmatch(text)
    if found is None:
        raise value_error(place, text, f"not an ISO 8601 date: expected {MOMENTS}{_hint(text)}")
    if found["offset"] is None:
        raise value_error(place, text, f"a date and time without an offset: expected {MOMENTS}")
    try:
        when = datetime.fromisoformat(found["moment"] + found["offset"])
    except ValueError:
        raise value_error(place, text, f"no such date and time: expected {MOMENTS}") from None
    return when if found["zone"] is None else _zoned(when, found["zone"], place, text)


def _zoned(when: datetime, key: str, place: str, text: str) -> datetime:
    """``when`` in the zone named ``key``, whose offset it must already have."""
    found = zone(key, place, shown_as=text)
    if not MINYEAR < when.year < MAXYEAR:
        raise value_error(place, text, _YEARS)
    local = when.astimezone(found)
    if local.replace(tzinfo=None) != when.replace(tzinfo=None):
        raise value_error(
            place, text, f"not {key}'s offset at that moment: expected {local.isoformat()}[{key}]"
        )
    return local


def zone(key: str, place: str, *, shown_as: str | None = None) -> ZoneInfo:
    """The IANA time zone named ``key``; ``shown_as`` is the text it was found in."""
    if _ZONE_KEY.fullmatch(key):
        with contextlib.suppress(ZoneInfoNotFoundError, ValueError, OSError):
            return ZoneInfo(key)
    raise value_error(
        place,
        shown_as or key,
        f"unknown time zone {key!r}: expected an IANA name such as America/Chicago",
    )


_READERS: Final[Mapping[str, Callable[[object, str], object]]] = MappingProxyType(
    {"moment": moment, "day": day, "text": _note}
)


def _hint(text: str) -> str:
    if _AMBIGUOUS.fullmatch(text):
        return " (a date like this could be day/month or month/day, so it is not guessed at)"
    return ""
