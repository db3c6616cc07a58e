"""Writing a tracker as TOML, JSON or CSV text that reads back equal."""

from __future__ import annotations

import csv
import enum
import io
import json
import os
from datetime import date, datetime, timedelta
from typing import Final
from zoneinfo import ZoneInfo

from followup_rules._event_values import name_of
from followup_rules._extras import toml_text
from followup_rules._files import write_text
from followup_rules.calendar import WorkCalendar
from followup_rules.errors import InvalidArgumentError, InvalidTrackerError
from followup_rules.events import EVENT_FIELDS, Event
from followup_rules.tracker._formats import (
    CSV_COLUMNS,
    TrackerFormat,
    check_format,
    escaped,
    format_of,
    path_name,
)
from followup_rules.tracker._model import Tracker

_MINUTE: Final = timedelta(minutes=1)


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
            writer.writerow([escaped(cell) for cell in row])
    return out.getvalue()


def dumps_tracker(tracker: Tracker, *, format: TrackerFormat) -> str:
    """The text of ``tracker`` in ``format``; TOML needs the ``toml`` extra (tomli-w).

    A CSV file holds the events only: the calendar is given again when it is loaded, and an
    application with a calendar of its own cannot be written as CSV.
    """
    if not isinstance(tracker, Tracker):
        raise InvalidArgumentError(f"tracker {tracker!r} is not a Tracker")
    format = check_format(format)
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
    name = path_name(path)
    chosen = format_of(name, format)
    if chosen is None:
        raise InvalidArgumentError(
            f"path {name!r}: the suffix is not .toml, .json or .csv: expected one of those "
            f"suffixes, or format="
        )
    write_text(path, dumps_tracker(tracker, format=chosen), overwrite=overwrite)
