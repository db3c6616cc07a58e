"""What a tracker file may hold: its formats, columns and limits, and the arguments that
choose a format or a calendar."""

from __future__ import annotations

import os
import re
from typing import Final, Literal, get_args

from followup_rules._event_values import EVENT_COLUMNS
from followup_rules.calendar import WorkCalendar
from followup_rules.errors import InvalidArgumentError

MAX_BYTES: Final = 1024 * 1024
"""The largest tracker file read, in bytes of UTF-8 (1 MiB): hundreds of applications."""

MAX_APPLICATIONS: Final = 1_000
"""The most applications one file may hold."""

MAX_EVENTS: Final = 1_000
"""The most events one application may hold."""

MAX_NESTING: Final = 16
"""The deepest nesting of arrays and tables a JSON file may have (the format needs five)."""

MAX_ID: Final = 64
MAX_CLOSED: Final = 1_000


TrackerFormat = Literal["toml", "json", "csv"]
"""The file formats a tracker is read from and written to."""

FORMATS: Final[tuple[str, ...]] = get_args(TrackerFormat)


DEFAULT_COUNTRY: Final = "US"
"""The calendar of a TOML or JSON tracker that names none, and of a CSV tracker loaded with no
``calendar=``: the United States' federal holidays, weekends closed, no time zone. For a quick
try; name yours for real use. A saved TOML or JSON tracker always names its calendar, so it
reads back the same."""

CSV_COLUMNS: Final = ("application", *EVENT_COLUMNS, "company", "title", "application_note")
"""The columns of a CSV tracker, in the order they are written (any order is read). ``note``
is the event's own; ``company``, ``title`` and ``application_note`` are the application's, given
on any of its rows."""

APPLICATION_TEXTS: Final = {"company": "company", "title": "title", "application_note": "note"}
"""The CSV columns of an application's texts, and the field each fills."""

FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r", "'")
"""What a spreadsheet reads a cell starting with as a formula, and the quote that escapes them.

A CSV cell starting with one of these is written with a ``'`` in front, so a spreadsheet shows
it as text instead of running it; one ``'`` before one of these is removed on reading, so every
value reads back as it was written. Only a company or a title can start so: ids, dates and
vocabulary values start with a letter or a digit, and no cell holds a number.
"""

JSON_STRING: Final = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
BRACKETS: Final = re.compile(r"[\[\]{}]")


def unescaped(cell: str) -> str:
    return cell[1:] if cell[:1] == "'" and cell[1:].startswith(FORMULA_STARTS) else cell


def escaped(cell: str) -> str:
    return f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell


def check_format(format: object) -> TrackerFormat:
    if format not in FORMATS:
        raise InvalidArgumentError(
            f"format={format!r}: expected one of {', '.join(map(repr, FORMATS))}"
        )
    return format  # type: ignore[return-value]


def format_of(name: str, format: TrackerFormat | None) -> TrackerFormat | None:
    if format is not None:
        return check_format(format)
    suffix = os.path.splitext(name)[1].lower().lstrip(".")
    return suffix if suffix in FORMATS else None  # type: ignore[return-value]


def csv_calendar(calendar: object) -> WorkCalendar:
    """The calendar a CSV tracker is read on: the one given, or, like a TOML or JSON tracker
    that names none, the documented default."""
    if calendar is None:
        return WorkCalendar(DEFAULT_COUNTRY)
    if not isinstance(calendar, WorkCalendar):
        raise InvalidArgumentError(
            f"calendar={calendar!r}: a CSV tracker holds no calendar, so expected "
            f"calendar=WorkCalendar(...) for its employers, or none for the default "
            f"(WorkCalendar({DEFAULT_COUNTRY!r}))"
        )
    return calendar


def check_calendar_argument(format: TrackerFormat, calendar: object) -> None:
    if format == "csv":
        csv_calendar(calendar)
    elif calendar is not None:
        raise InvalidArgumentError(
            f"calendar={calendar!r}: a {format.upper()} tracker names its own calendar, so "
            f"expected no calendar= argument"
        )


def path_name(path: object) -> str:
    if not isinstance(path, str | os.PathLike):
        raise InvalidArgumentError(f"path {path!r} is not a str or os.PathLike")
    return os.fsdecode(path)
