"""Tracker files: every application of a job search in one file, in TOML, JSON or CSV.

A :class:`Tracker` holds a work calendar and the :class:`Application` s read through it, each
with a unique id and its :class:`~followup_rules.history.History`. TOML and JSON files share
one structure (a ``calendar`` table and a list of ``applications``, each with its ``events``);
a CSV file holds one event per row, and the calendar is passed in by the caller.

Reading is strict, because a misread date is a wrong follow-up day: dates are ISO 8601 only
(``03/04/2026`` could be either way round, so it is refused, not guessed at), a date and time
must carry its offset, unknown keys and columns are errors, and so is an event given twice
(a history counts it once). Every problem is a :class:`~followup_rules.errors.LoadError` that
names the file, the key path or line, the value and what was expected. Sizes, counts and
nesting are capped before anything is parsed, so no file can make a load run long.

Saving keeps every field, so loading a saved tracker gives an equal one; a time zone given by
name (``America/New_York``) is kept as an ISO offset followed by the name in brackets. A CSV
cell a spreadsheet would run as a formula (``=...``) is written behind a ``'`` and read back
without it. Saving never costs the file it replaces: see :func:`dump_tracker`.
"""

from __future__ import annotations

import contextlib
import csv
import enum
import io
import json
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime, timedelta
from importlib import resources
from typing import Any, Final, Literal, get_args
from zoneinfo import ZoneInfo

import attrs

from followup_rules._checks import check_instance, is_slug, shown_path
from followup_rules._checks import short_repr as _shown
from followup_rules._event_values import (
    DATE,
    DATES,
    MAX_TEXT,
    day,
    event_kind,
    kind_of,
    name_of,
    read_event,
    text_problem,
    zone,
)
from followup_rules._extras import toml_text
from followup_rules._files import read_text, write_text
from followup_rules.calendar import WorkCalendar
from followup_rules.decision import Decision
from followup_rules.errors import (
    CalendarError,
    InvalidArgumentError,
    InvalidHistoryError,
    InvalidTrackerError,
    LoadError,
    UnknownApplicationError,
)
from followup_rules.events import (
    EVENT_FIELDS,
    EVENT_NAMES,
    Event,
)
from followup_rules.history import History
from followup_rules.ruleset import RulesLike
from followup_rules.rulesets.registry import evaluate

__all__ = [
    "CSV_COLUMNS",
    "DEFAULT_COUNTRY",
    "DEMO_TODAY",
    "MAX_APPLICATIONS",
    "MAX_BYTES",
    "MAX_EVENTS",
    "MAX_NESTING",
    "MAX_TEXT",
    "Application",
    "Tracker",
    "TrackerFormat",
    "demo_tracker",
    "dump_tracker",
    "dumps_tracker",
    "load_tracker",
    "loads_tracker",
]

MAX_BYTES: Final = 1024 * 1024
"""The largest tracker file read, in bytes of UTF-8 (1 MiB): hundreds of applications."""

MAX_APPLICATIONS: Final = 1_000
"""The most applications one file may hold."""

MAX_EVENTS: Final = 1_000
"""The most events one application may hold."""

MAX_NESTING: Final = 16
"""The deepest nesting of arrays and tables a JSON file may have (the format needs five)."""

_MAX_ID: Final = 64
_MAX_CLOSED: Final = 1_000
_MINUTE: Final = timedelta(minutes=1)

DEMO_TODAY: Final = date(2026, 11, 25)
"""The day the bundled demo tracker is read on: the Wednesday before Thanksgiving 2026."""

TrackerFormat = Literal["toml", "json", "csv"]
"""The file formats a tracker is read from and written to."""

_FORMATS: Final[tuple[str, ...]] = get_args(TrackerFormat)


DEFAULT_COUNTRY: Final = "US"
"""The calendar of a TOML or JSON tracker that names none, and of a CSV tracker loaded with no
``calendar=``: the United States' federal holidays, weekends closed, no time zone. For a quick
try; name yours for real use. A saved TOML or JSON tracker always names its calendar, so it
reads back the same."""

CSV_COLUMNS: Final = (
    "application",
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
    "company",
    "title",
    "application_note",
)
"""The columns of a CSV tracker, in the order they are written (any order is read). ``note``
is the event's own; ``company``, ``title`` and ``application_note`` are the application's, given
on any of its rows."""

_APPLICATION_TEXTS: Final = {"company": "company", "title": "title", "application_note": "note"}
"""The CSV columns of an application's texts, and the field each fills."""

_FORMULA_STARTS: Final = ("=", "+", "-", "@", "\t", "\r", "'")
"""What a spreadsheet reads a cell starting with as a formula, and the quote that escapes them.

A CSV cell starting with one of these is written with a ``'`` in front, so a spreadsheet shows
it as text instead of running it; one ``'`` before one of these is removed on reading, so every
value reads back as it was written. Only a company or a title can start so: ids, dates and
vocabulary values start with a letter or a digit, and no cell holds a number.
"""

_JSON_STRING: Final = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_BRACKETS: Final = re.compile(r"[\[\]{}]")


# The tracker ----------------------------------------------------------------------------------


def _check_id(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidArgumentError(f"application id {value!r} is not a string")
    if not is_slug(value, max_length=_MAX_ID):
        raise InvalidTrackerError(
            f"application id {_shown.repr(value)} is not a slug: expected lowercase letters and "
            f"digits joined by single hyphens, at most {_MAX_ID} characters, such as "
            f"'acme-data-analyst'"
        )
    return value


def _check_text(value: object, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} {value!r} is not a string: expected a string or None")
    problem = text_problem(value)
    if problem:
        raise InvalidTrackerError(
            f"{name} {_shown.repr(value)} {problem}: expected one line of 1 to {MAX_TEXT} "
            f"characters, or no {name} at all"
        )
    return value


def _company(value: object) -> str | None:
    return _check_text(value, "company")


def _title(value: object) -> str | None:
    return _check_text(value, "title")


def _note(value: object) -> str | None:
    return _check_text(value, "note")


_CHECKS: Final[Mapping[str, Callable[[object], object]]] = {
    "id": _check_id,
    "company": _company,
    "title": _title,
    "note": _note,
}


def _check_history(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, History):
        raise InvalidArgumentError(f"history {value!r} is not a History")


@attrs.frozen
class Application:
    """One application: an id that names it in commands and files, and its history.

    ``company``, ``title`` and ``note`` (free text: "met Bob at the fair") are for people
    reading the tracker; no rule looks at them. Each event may carry a ``note`` of its own.
    """

    id: str = attrs.field(converter=_check_id)
    history: History = attrs.field(validator=_check_history)
    company: str | None = attrs.field(default=None, kw_only=True, converter=_company)
    title: str | None = attrs.field(default=None, kw_only=True, converter=_title)
    note: str | None = attrs.field(default=None, kw_only=True, converter=_note)

    @property
    def calendar(self) -> WorkCalendar:
        """The employer's calendar: the tracker's, unless this application has its own."""
        return self.history.calendar


def _check_calendar(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, WorkCalendar):
        raise InvalidArgumentError(f"calendar {value!r} is not a WorkCalendar")


def _applications(values: Iterable[object]) -> tuple[Application, ...]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidArgumentError(f"applications {values!r} are not an iterable of Application")
    found: dict[str, Application] = {}
    for value in values:
        if not isinstance(value, Application):
            raise InvalidArgumentError(f"{value!r} is not an Application")
        if value.id in found:
            raise InvalidTrackerError(
                f"application id {value.id!r} is given twice: expected each id once"
            )
        found[value.id] = value
    return tuple(found.values())


@attrs.frozen
class Tracker:
    """Every application of a job search, with the calendar they are read on by default.

    An application whose employer keeps other days (another state, another country) carries its
    own calendar in its history; ``Tracker.calendar`` is the one the others share.
    """

    calendar: WorkCalendar = attrs.field(validator=_check_calendar)
    applications: tuple[Application, ...] = attrs.field(default=(), converter=_applications)

    def __iter__(self) -> Iterator[Application]:
        return iter(self.applications)

    def __len__(self) -> int:
        return len(self.applications)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(application.id for application in self.applications)

    def application(self, id: str) -> Application:
        """The application named ``id``; an unknown id is an error listing the known ones."""
        for application in self.applications:
            if application.id == id:
                return application
        known = ", ".join(self.ids) or "none"
        raise UnknownApplicationError(
            f"no application {_shown.repr(id)} in the tracker: expected {known}"
        )

    def evaluate(self, today: date | datetime, *, rules: RulesLike = None) -> dict[str, Decision]:
        """Each application's decision on ``today``, by id, in the tracker's order.

        A history that cannot be evaluated on ``today`` (an event logged after it, say) is
        reported with the id of its application, as the error the history raised.
        """
        decisions = {}
        for application in self.applications:
            try:
                decisions[application.id] = evaluate(application.history, today, rules=rules)
            except (InvalidHistoryError, CalendarError) as error:
                raise type(error)(f"application {application.id!r}: {error}") from error
        return decisions


def demo_tracker() -> Tracker:
    """The bundled example: six applications of one job seeker in autumn 2026.

    Read it on :data:`DEMO_TODAY` to see every kind of answer: one just sent, one past the date
    the employer named, one with two unanswered voicemails, one answered, one with an email
    reply, and one at a California employer who is away over Thanksgiving.
    """
    text = (resources.files("followup_rules") / "data" / "demo-tracker.toml").read_text("utf-8")
    return loads_tracker(text, format="toml", source="demo-tracker.toml")


# Reading values -------------------------------------------------------------------------------


@attrs.frozen
class _Reader:
    """Where the values come from, so every error names the file and the place in it."""

    source: str

    def error(self, where: str, value: object, problem: str) -> LoadError:
        return LoadError(
            f"{self.source}: {where or 'the document'} = {_shown.repr(value)}: {problem}"
        )

    def missing(self, where: str, key: str, expected: str) -> LoadError:
        return LoadError(f"{self.source}: {where or 'the document'}: missing {key!r}: {expected}")

    @contextlib.contextmanager
    def located(self, where: str) -> Iterator[None]:
        """Report what the library's own checks refuse at ``where``."""
        try:
            yield
        except (InvalidTrackerError, InvalidHistoryError, CalendarError) as error:
            raise LoadError(f"{self.source}: {where}: {error}") from error

    def table(self, value: object, where: str) -> dict[str, object]:
        if not isinstance(value, dict):
            raise self.error(where, value, f"{kind_of(value)}: expected a table of keys")
        return value

    def array(self, value: object, where: str, *, limit: int) -> list[object]:
        if not isinstance(value, list):
            raise self.error(where, value, f"{kind_of(value)}: expected an array")
        if len(value) > limit:
            raise self.error(where, value, f"{len(value)} items: expected at most {limit}")
        return value

    def keys(
        self,
        table: dict[str, object],
        where: str,
        *,
        required: Sequence[str],
        optional: Sequence[str],
    ) -> None:
        allowed = (*required, *optional)
        for key in table:
            if key not in allowed:
                raise self.error(
                    _path(where, key), table[key], f"unknown key: expected {', '.join(allowed)}"
                )
        for key in required:
            if key not in table:
                raise self.missing(where, key, f"expected the keys {', '.join(allowed)}")

    def string(self, value: object, where: str) -> str:
        if not isinstance(value, str):
            raise self.error(where, value, f"{kind_of(value)}: expected a string")
        return value

    def day(self, value: object, where: str) -> date:
        with self.values():
            return day(value, where)

    def open_on(self, value: object, where: str) -> date | str:
        """A date, or text that is not one: a holiday name (no holiday is named like a date)."""
        if isinstance(value, str) and not DATE.fullmatch(value):
            return value
        if isinstance(value, datetime) or not isinstance(value, date | str):
            raise self.error(
                where, value, f"{kind_of(value)}: expected a holiday name or a date {DATES}"
            )
        return self.day(value, where)

    def zone(self, key: str, where: str) -> ZoneInfo:
        with self.values():
            return zone(key, where)

    @contextlib.contextmanager
    def values(self) -> Iterator[None]:
        """Report a value the one reader of event values refuses, in this file."""
        try:
            yield
        except InvalidHistoryError as error:
            raise LoadError(f"{self.source}: {error}") from error


def _path(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


# Documents: TOML and JSON ---------------------------------------------------------------------


def _calendar(read: _Reader, value: object, where: str) -> WorkCalendar:
    table = read.table(value, where)
    optional = ("subdivision", "timezone", "closed", "open_on")
    read.keys(table, where, required=("country",), optional=optional)
    country = read.string(table["country"], _path(where, "country"))
    subdivision = timezone = None
    if "subdivision" in table:
        subdivision = read.string(table["subdivision"], _path(where, "subdivision"))
    if "timezone" in table:
        timezone = read.string(table["timezone"], _path(where, "timezone"))
        read.zone(timezone, _path(where, "timezone"))
    closed = _listed(read, table.get("closed", []), _path(where, "closed"), read.day)
    open_on = _listed(read, table.get("open_on", []), _path(where, "open_on"), read.open_on)
    with read.located(_path(where, "country")):
        WorkCalendar(country)
    with read.located(_path(where, "subdivision")):
        calendar = WorkCalendar(country, subdivision, timezone=timezone, closed=closed)
    with read.located(_path(where, "open_on")):
        return attrs.evolve(calendar, open_on=open_on) if open_on else calendar


def _listed(
    read: _Reader, value: object, where: str, item: Callable[[object, str], object]
) -> frozenset[Any]:
    """An array of at most ``_MAX_CLOSED`` items, each read by ``item`` and given once."""
    found: dict[object, int] = {}
    for index, value_at in enumerate(read.array(value, where, limit=_MAX_CLOSED)):
        kept = item(value_at, f"{where}[{index}]")
        if kept in found:
            raise read.error(
                f"{where}[{index}]",
                value_at,
                f"already {where}[{found[kept]}]: expected each once",
            )
        found[kept] = index
    return frozenset(found)


def _from_document(read: _Reader, data: object) -> Tracker:
    top = read.table(data, "")
    read.keys(top, "", required=(), optional=("calendar", "applications"))
    if "calendar" in top:
        calendar = _calendar(read, top["calendar"], "calendar")
    else:
        calendar = WorkCalendar(DEFAULT_COUNTRY)
    if "applications" not in top:
        raise read.missing("", "applications", "expected an array of applications, maybe empty")
    items = read.array(top["applications"], "applications", limit=MAX_APPLICATIONS)
    applications: dict[str, Application] = {}
    for index, item in enumerate(items):
        application = _application(read, item, f"applications[{index}]", calendar)
        if application.id in applications:
            first = list(applications).index(application.id)
            raise read.error(
                f"applications[{index}].id",
                application.id,
                f"already the id of applications[{first}]: expected each id once",
            )
        applications[application.id] = application
    return Tracker(calendar, applications.values())


def _application(read: _Reader, value: object, where: str, calendar: WorkCalendar) -> Application:
    table = read.table(value, where)
    read.keys(
        table, where, required=("id", "events"), optional=("company", "title", "note", "calendar")
    )
    texts = {
        key: read.string(table[key], _path(where, key))
        for key in ("id", "company", "title", "note")
        if key in table
    }
    for key, text in texts.items():
        with read.located(_path(where, key)):
            _CHECKS[key](text)
    if "calendar" in table:
        calendar = _calendar(read, table["calendar"], _path(where, "calendar"))
    items = read.array(table["events"], _path(where, "events"), limit=MAX_EVENTS)
    events: list[tuple[str, Event]] = []
    for index, item in enumerate(items):
        at = f"{where}.events[{index}]"
        events.append((at, _document_event(read, item, at, calendar)))
    with read.located(f"{where} ({texts['id']!r})"):
        history = History(_distinct(read, events), calendar=calendar)
    return Application(
        texts["id"],
        history,
        company=texts.get("company"),
        title=texts.get("title"),
        note=texts.get("note"),
    )


def _document_event(read: _Reader, value: object, where: str, calendar: WorkCalendar) -> Event:
    table = read.table(value, where)
    if "type" not in table:
        raise read.missing(where, "type", f"expected one of {', '.join(EVENT_NAMES)}")
    values = {key: item for key, item in table.items() if key != "type"}
    with read.values():
        kind = event_kind(table["type"], _path(where, "type"))
        return read_event(kind, values, where=lambda key: _path(where, key), calendar=calendar)


def _distinct(read: _Reader, events: Sequence[tuple[str, Event]]) -> list[Event]:
    """The events, refusing one given twice: a history would silently count it once."""
    seen: dict[Event, str] = {}
    for where, event in events:
        if event in seen:
            raise LoadError(
                f"{read.source}: {where}: the same event as {seen[event]}: a history counts "
                f"each event once, so give it once"
            )
        seen[event] = where
    return list(seen)


def _parse_toml(read: _Reader, text: str) -> object:
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise LoadError(
            f"{read.source}: arrays and tables nested too deeply to read: expected a tracker, "
            f"whose arrays and tables nest five levels deep"
        ) from None
    except ValueError as error:
        raise LoadError(f"{read.source}: not valid TOML: {error}") from None


class _RepeatedKeyError(Exception):
    """A JSON object that gives a key twice (the json module would keep the last silently)."""


def _unique_keys(pairs: list[tuple[str, object]]) -> dict[str, object]:
    seen: set[str] = set()
    for key, _ in pairs:
        if key in seen:
            raise _RepeatedKeyError(key)
        seen.add(key)
    return dict(pairs)


def _parse_json(read: _Reader, text: str) -> object:
    depth = deepest = 0
    for bracket in _BRACKETS.findall(_JSON_STRING.sub("", text)):
        depth += 1 if bracket in "[{" else -1
        deepest = max(deepest, depth)
    if deepest > MAX_NESTING:
        raise LoadError(
            f"{read.source}: arrays and objects nested {deepest} deep: expected at most "
            f"{MAX_NESTING} levels"
        )
    try:
        return json.loads(text, object_pairs_hook=_unique_keys)
    except _RepeatedKeyError as error:
        raise LoadError(
            f"{read.source}: the key {_shown.repr(error.args[0])} is given twice in one object: "
            f"expected each key once"
        ) from None
    except ValueError as error:
        raise LoadError(f"{read.source}: not valid JSON: {error}") from None


# CSV --------------------------------------------------------------------------------------------


@attrs.define
class _Rows:
    """The rows of one application in a CSV file, gathered in file order."""

    line: int
    events: list[tuple[str, Event]] = attrs.Factory(list)
    texts: dict[str, tuple[str, int]] = attrs.Factory(dict)


def _csv_header(read: _Reader, header: list[str] | None) -> list[str]:
    expected = f"expected a header row naming columns among {','.join(CSV_COLUMNS)}"
    if not header:
        raise LoadError(f"{read.source}: line 1: no header row: {expected}")
    for index, name in enumerate(header):
        if name not in CSV_COLUMNS:
            raise read.error(f"line 1, column {index + 1}", name, f"not a column: {expected}")
        if header.index(name) < index:
            raise read.error(
                f"line 1, column {index + 1}",
                name,
                "a column given twice: expected each column once",
            )
    for name in ("application", "type", "on"):
        if name not in header:
            raise LoadError(f"{read.source}: line 1: no {name!r} column: {expected}")
    return header


def _from_csv(read: _Reader, text: str, calendar: WorkCalendar) -> Tracker:
    lines = _csv_rows(read, text)
    header = _csv_header(read, next(lines, (1, None))[1])
    groups: dict[str, _Rows] = {}
    for line, row in lines:
        cells = dict(zip(header, _cells(read, row, header, line), strict=True))
        _csv_event(read, cells, line, groups, calendar)
    applications = []
    for name, rows in groups.items():
        with read.located(f"application {name!r} (first on line {rows.line})"):
            history = History(_distinct(read, rows.events), calendar=calendar)
        texts = {_APPLICATION_TEXTS[key]: text for key, (text, _) in rows.texts.items()}
        applications.append(Application(name, history, **texts))
    return Tracker(calendar, applications)


def _csv_rows(read: _Reader, text: str) -> Iterator[tuple[int, list[str]]]:
    """Each row that is not a blank line, with the line it starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    while True:
        line = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            raise LoadError(f"{read.source}: line {line}: not valid CSV: {error}") from None
        if row:
            yield line, row


def _cells(read: _Reader, row: list[str], header: list[str], line: int) -> list[str]:
    if len(row) != len(header):
        raise LoadError(
            f"{read.source}: line {line}: {len(row)} cells: expected {len(header)}, one for each "
            f"column of the header ({','.join(header)})"
        )
    return [_unescaped(cell) for cell in row]


def _unescaped(cell: str) -> str:
    return cell[1:] if cell[:1] == "'" and cell[1:].startswith(_FORMULA_STARTS) else cell


def _escaped(cell: str) -> str:
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def _csv_event(
    read: _Reader,
    cells: dict[str, str],
    line: int,
    groups: dict[str, _Rows],
    calendar: WorkCalendar,
) -> None:
    def where(column: str) -> str:
        return f"line {line}, column {column!r}"

    with read.located(where("application")):
        name = _check_id(cells["application"])
    if name not in groups and len(groups) >= MAX_APPLICATIONS:
        raise read.error(
            where("application"), name, f"expected at most {MAX_APPLICATIONS} applications"
        )
    rows = groups.setdefault(name, _Rows(line))
    if len(rows.events) >= MAX_EVENTS:
        raise read.error(
            where("application"), name, f"expected at most {MAX_EVENTS} events per application"
        )
    values: dict[str, object] = {}
    for column, value in cells.items():
        if column in _APPLICATION_TEXTS:
            _csv_text(read, rows, column, value, line)
        elif value and column not in ("application", "type"):
            values[column] = value
    with read.values():
        kind = event_kind(cells["type"], where("type"))
        event = read_event(kind, values, where=where, calendar=calendar)
    rows.events.append((f"line {line}", event))


def _csv_text(read: _Reader, rows: _Rows, column: str, value: str, line: int) -> None:
    """A company, title or application note: given on any of an application's rows, the same
    wherever given."""
    if not value:
        return
    if column in rows.texts and rows.texts[column][0] != value:
        first, at = rows.texts[column]
        raise read.error(
            f"line {line}, column {column!r}",
            value,
            f"line {at} gives {first!r} for this application: expected the same {column} or none",
        )
    with read.located(f"line {line}, column {column!r}"):
        _CHECKS[_APPLICATION_TEXTS[column]](value)
    rows.texts.setdefault(column, (value, line))


# Writing ----------------------------------------------------------------------------------------


def _written_on(on: date | datetime, *, native: bool) -> date | str:
    """``on`` as a file holds it: a named time zone is kept after the offset, and an offset
    TOML cannot hold (one with seconds, as zones had before 1900) is written as text."""
    if not isinstance(on, datetime):
        return on if native else on.isoformat()
    if isinstance(on.tzinfo, ZoneInfo) and on.tzinfo.key:
        return f"{on.isoformat()}[{on.tzinfo.key}]"
    whole = (on.utcoffset() or _MINUTE) % _MINUTE == timedelta(0)
    return on if native and whole else on.isoformat()


def _written_event(event: Event, *, native: bool) -> dict[str, object]:
    found: dict[str, object] = {
        "type": name_of(type(event)),
        "on": _written_on(event.on, native=native),
    }
    for name, _ in EVENT_FIELDS[type(event)]:
        value = getattr(event, name)
        if isinstance(value, enum.Enum):
            found[name] = value.value
        elif value is not None:
            found[name] = value if native else value.isoformat()
    if event.note is not None:
        found["note"] = event.note
    return found


def _written_calendar(calendar: WorkCalendar, *, native: bool) -> dict[str, object]:
    found: dict[str, object] = {"country": calendar.country}
    if calendar.subdivision is not None:
        found["subdivision"] = calendar.subdivision
    if calendar.timezone is not None:
        found["timezone"] = calendar.timezone
    if calendar.closed:
        found["closed"] = [day if native else day.isoformat() for day in sorted(calendar.closed)]
    if calendar.open_on:
        names = sorted(value for value in calendar.open_on if isinstance(value, str))
        days = sorted(value for value in calendar.open_on if isinstance(value, date))
        found["open_on"] = [*names, *(day if native else day.isoformat() for day in days)]
    return found


def _to_document(tracker: Tracker, *, native: bool) -> dict[str, object]:
    applications = []
    for application in tracker:
        found: dict[str, object] = {"id": application.id}
        for key in ("company", "title", "note"):
            if getattr(application, key) is not None:
                found[key] = getattr(application, key)
        if application.calendar != tracker.calendar:
            found["calendar"] = _written_calendar(application.calendar, native=native)
        found["events"] = [_written_event(event, native=native) for event in application.history]
        applications.append(found)
    return {
        "calendar": _written_calendar(tracker.calendar, native=native),
        "applications": applications,
    }


def _to_toml(tracker: Tracker) -> str:
    return toml_text(_to_document(tracker, native=True), needed_by="saving a tracker as TOML")


def _to_csv(tracker: Tracker) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for application in tracker:
        if application.calendar != tracker.calendar:
            raise InvalidTrackerError(
                f"application {application.id!r} has its own calendar, "
                f"{application.calendar!r}, which a CSV file cannot hold: save as TOML or JSON"
            )
        texts = (application.company or "", application.title or "", application.note or "")
        for event in application.history:
            cells = _written_event(event, native=False)
            cells["type"], cells["application"] = name_of(type(event)), application.id
            row = [*(str(cells.get(column, "")) for column in CSV_COLUMNS[:-3]), *texts]
            writer.writerow([_escaped(cell) for cell in row])
    return out.getvalue()


# Loading and saving -----------------------------------------------------------------------------


def _check_format(format: object) -> TrackerFormat:
    if format not in _FORMATS:
        raise InvalidArgumentError(
            f"format={format!r}: expected one of {', '.join(map(repr, _FORMATS))}"
        )
    return format  # type: ignore[return-value]


def _format_of(name: str, format: TrackerFormat | None) -> TrackerFormat | None:
    if format is not None:
        return _check_format(format)
    suffix = os.path.splitext(name)[1].lower().lstrip(".")
    return suffix if suffix in _FORMATS else None  # type: ignore[return-value]


def _csv_calendar(calendar: object) -> WorkCalendar:
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


def _check_calendar_argument(format: TrackerFormat, calendar: object) -> None:
    if format == "csv":
        _csv_calendar(calendar)
    elif calendar is not None:
        raise InvalidArgumentError(
            f"calendar={calendar!r}: a {format.upper()} tracker names its own calendar, so "
            f"expected no calendar= argument"
        )


def loads_tracker(
    text: str,
    *,
    format: TrackerFormat,
    calendar: WorkCalendar | None = None,
    source: str = "<string>",
) -> Tracker:
    """The tracker written in ``text``; ``source`` names it in error messages.

    A CSV tracker holds no calendar: it is read on ``calendar``, by default on
    ``WorkCalendar(DEFAULT_COUNTRY)``; TOML and JSON name their own.
    """
    format = _check_format(format)
    _check_calendar_argument(format, calendar)
    if not isinstance(text, str):
        raise InvalidArgumentError(f"text {_shown.repr(text)} is not a string")
    source = shown_path(check_instance("source", source, str, "a string naming the text"))
    read = _Reader(source)
    size = len(text.encode("utf-8", "surrogatepass")) if len(text) <= MAX_BYTES else len(text)
    if size > MAX_BYTES:
        raise LoadError(
            f"{source}: {size} bytes or more: expected at most {MAX_BYTES} bytes (1 MiB)"
        )
    text = text.removeprefix("\ufeff")
    if format == "csv":
        return _from_csv(read, text, _csv_calendar(calendar))
    data = _parse_toml(read, text) if format == "toml" else _parse_json(read, text)
    return _from_document(read, data)


def _name(path: object) -> str:
    if not isinstance(path, str | os.PathLike):
        raise InvalidArgumentError(f"path {path!r} is not a str or os.PathLike")
    return os.fsdecode(path)


def load_tracker(
    path: str | os.PathLike[str],
    *,
    format: TrackerFormat | None = None,
    calendar: WorkCalendar | None = None,
) -> Tracker:
    """The tracker in the file at ``path``, whose format its suffix gives unless ``format`` does.

    A CSV tracker holds no calendar: it is read on ``calendar``, by default on
    ``WorkCalendar(DEFAULT_COUNTRY)``; TOML and JSON name their own.
    """
    name = _name(path)
    chosen = _format_of(name, format)
    shown_name = shown_path(name)
    if chosen is None:
        raise LoadError(
            f"{shown_name}: no format given and the suffix is not .toml, .json or .csv: "
            f"expected one of those suffixes, or format="
        )
    _check_calendar_argument(chosen, calendar)
    text = read_text(path, name=shown_name, max_bytes=MAX_BYTES, what="a tracker file")
    return loads_tracker(text, format=chosen, calendar=calendar, source=shown_name)


def dumps_tracker(tracker: Tracker, *, format: TrackerFormat) -> str:
    """The text of ``tracker`` in ``format``; TOML needs the ``toml`` extra (tomli-w).

    A CSV file holds the events only: the calendar is given again when it is loaded, and an
    application with a calendar of its own cannot be written as CSV.
    """
    if not isinstance(tracker, Tracker):
        raise InvalidArgumentError(f"tracker {tracker!r} is not a Tracker")
    format = _check_format(format)
    if format == "toml":
        return _to_toml(tracker)
    if format == "json":
        return json.dumps(_to_document(tracker, native=False), indent=2, ensure_ascii=False) + "\n"
    return _to_csv(tracker)


def dump_tracker(
    tracker: Tracker,
    path: str | os.PathLike[str],
    *,
    format: TrackerFormat | None = None,
    overwrite: bool = False,
) -> None:
    """Write ``tracker`` to ``path`` in UTF-8, in the format of its suffix unless ``format``.

    A file already at ``path`` is replaced only with ``overwrite=True``, and then in one step:
    the text goes to a temporary file beside it first, so a failure (a full disk, say) leaves
    the old file whole and raises a :class:`~followup_rules.errors.WriteError`.
    """
    name = _name(path)
    chosen = _format_of(name, format)
    if chosen is None:
        raise InvalidArgumentError(
            f"path {name!r}: the suffix is not .toml, .json or .csv: expected one of those "
            f"suffixes, or format="
        )
    write_text(path, dumps_tracker(tracker, format=chosen), overwrite=overwrite)
