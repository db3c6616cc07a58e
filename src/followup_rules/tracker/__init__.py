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

The package's modules follow a tracker's way: ``_model`` (the tracker and its applications),
``_formats`` (formats, columns and limits), ``_reading`` and ``_writing``; the one reading of
an event's values is ``followup_rules._event_values``, shared with DataFrames.
"""

from __future__ import annotations

from followup_rules._demo import DEMO_TODAY, demo_tracker
from followup_rules._event_values import MAX_TEXT
from followup_rules.tracker._formats import (
    CSV_COLUMNS,
    DEFAULT_COUNTRY,
    MAX_APPLICATIONS,
    MAX_BYTES,
    MAX_EVENTS,
    MAX_NESTING,
    TrackerFormat,
)
from followup_rules.tracker._model import Application, Tracker
from followup_rules.tracker._reading import load_tracker, loads_tracker
from followup_rules.tracker._writing import dump_tracker, dumps_tracker

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
