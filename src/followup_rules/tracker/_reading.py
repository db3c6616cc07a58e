"""Reading a tracker from TOML, JSON or CSV text: strict, capped, and naming the file, the
place, the value and what was expected in every error."""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import tomllib
from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import attrs

from followup_rules._checks import check_instance, shown_path
from followup_rules._checks import short_repr as _shown
from followup_rules._event_values import (
    DATE,
    DATES,
    day,
    event_kind,
    kind_of,
    read_event,
    zone,
)
from followup_rules._files import read_text
from followup_rules.calendar import WorkCalendar
from followup_rules.errors import (
    CalendarError,
    InvalidArgumentError,
    InvalidHistoryError,
    InvalidTrackerError,
    LoadError,
)
from followup_rules.events import EVENT_NAMES, Event
from followup_rules.history import History
from followup_rules.tracker._formats import (
    APPLICATION_TEXTS,
    BRACKETS,
    CSV_COLUMNS,
    DEFAULT_COUNTRY,
    JSON_STRING,
    MAX_APPLICATIONS,
    MAX_BYTES,
    MAX_CLOSED,
    MAX_EVENTS,
    MAX_NESTING,
    TrackerFormat,
    check_calendar_argument,
    check_format,
    csv_calendar,
    format_of,
    path_name,
    unescaped,
)
from followup_rules.tracker._model import TEXT_CHECKS, Application, Tracker, check_id

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
    """An array of at most ``MAX_CLOSED`` items, each read by ``item`` and given once."""
    found: dict[object, int] = {}
    for index, value_at in enumerate(read.array(value, where, limit=MAX_CLOSED)):
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
            TEXT_CHECKS[key](text)
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
    for bracket in BRACKETS.findall(JSON_STRING.sub("", text)):
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
        texts = {APPLICATION_TEXTS[key]: text for key, (text, _) in rows.texts.items()}
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
    return [unescaped(cell) for cell in row]


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
        name = check_id(cells["application"])
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
        if column in APPLICATION_TEXTS:
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
        TEXT_CHECKS[APPLICATION_TEXTS[column]](value)
    rows.texts.setdefault(column, (value, line))


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
    format = check_format(format)
    check_calendar_argument(format, calendar)
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
        return _from_csv(read, text, csv_calendar(calendar))
    data = _parse_toml(read, text) if format == "toml" else _parse_json(read, text)
    return _from_document(read, data)


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
    name = path_name(path)
    chosen = format_of(name, format)
    shown_name = shown_path(name)
    if chosen is None:
        raise LoadError(
            f"{shown_name}: no format given and the suffix is not .toml, .json or .csv: "
            f"expected one of those suffixes, or format="
        )
    check_calendar_argument(chosen, calendar)
    text = read_text(path, name=shown_name, max_bytes=MAX_BYTES, what="a tracker file")
    return loads_tracker(text, format=chosen, calendar=calendar, source=shown_name)
