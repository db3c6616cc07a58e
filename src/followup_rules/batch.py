"""Many applications at once: a batch of histories, or the events of many in one long table.

``evaluate_many`` answers for a batch of histories on one day, resolving the rule sets once
rather than once per history. ``evaluate_frame`` takes a long pandas table, one row per event,
and answers with a table of one row per application. It reads only the rows it is given, so it
runs unchanged on each partition of a larger table, provided every event of an application is in
the same partition: a Dask DataFrame shuffled on the application column is such a table (the
how-to ``docs/how-to/batch-and-dask.md`` shows the recipe).

The long table uses the columns and values of a CSV tracker file (see :data:`EVENT_COLUMNS`).
pandas is an optional extra, imported only inside the functions that read or build a table.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any, Final

from followup_rules._checks import check_collection, check_instance, shown, shown_list
from followup_rules._event_values import EVENT_COLUMNS as _EVENT_COLUMNS
from followup_rules._event_values import event_kind, read_event, value_error
from followup_rules._extras import requires_extra
from followup_rules._record import DECISION_COLUMNS, cells, frame_columns
from followup_rules.calendar import WorkCalendar
from followup_rules.decision import Decision
from followup_rules.engine import decide
from followup_rules.errors import FollowupError, InvalidArgumentError, InvalidHistoryError
from followup_rules.events import Event
from followup_rules.history import History
from followup_rules.ruleset import RulesLike
from followup_rules.rulesets import registry

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DECISION_COLUMNS",
    "EVENT_COLUMNS",
    "decision_columns",
    "evaluate_frame",
    "evaluate_many",
    "histories_from_frame",
]

EVENT_COLUMNS: Final = _EVENT_COLUMNS
"""The columns of a long table of events besides its key; ``type`` and ``on`` are required.

A row is read as the same event of a tracker file is, by the same reader and with the same
messages: ``on`` holds a date, an aware datetime, or ISO 8601 text of one with its offset
(``2026-11-02``, ``2026-11-02T09:30:00-05:00``); ``by`` and ``until`` hold a date or its
``YYYY-MM-DD`` text; the others hold the values of the vocabularies (``"phone"``,
``"voicemail-left"``, ``"thank-you"``, ...) or the members themselves, and ``note`` one line of
text. A naive timestamp at midnight is how pandas holds a date, so it is read as that date; any
other naive time is refused. A cell an event type does not take must be empty; other columns
are left alone.
"""


def evaluate_many(
    histories: Iterable[History], today: date | datetime, *, rules: RulesLike = None
) -> list[Decision]:
    """The decision on ``today`` for each of ``histories``, in order.

    Each is the decision ``evaluate(history, today, rules=rules)`` gives; the rule sets are
    resolved once for the whole batch, which is what a daily run over every open application
    needs.
    """
    batch = _batch(histories)
    prepared = registry.prepare(registry.resolve(rules))
    return [decide(history, today, prepared) for history in batch]


def _batch(histories: Iterable[History]) -> list[History]:
    """``histories`` checked: a collection, not one History."""
    expected = "an iterable of History (use evaluate for one)"
    if isinstance(histories, History):
        raise InvalidArgumentError(f"histories={shown(histories)}: expected {expected}")
    return check_collection("histories", histories, expected)


_MIDNIGHT = time()


def _cell(value: object) -> object:
    """A cell as the one reader of event values takes it: pandas holds a column of dates as
    naive timestamps at midnight, which are those dates, and its aware timestamps are read as
    Python's datetimes; any other naive time is left for the reader to refuse."""
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is not None:
        return value.to_pydatetime() if hasattr(value, "to_pydatetime") else value
    midnight = value.time() == _MIDNIGHT and getattr(value, "nanosecond", 0) == 0
    return value.date() if midnight else value


def _hashable(value: object) -> bool:
    """Whether ``value`` can key a dict: a list in a cell cannot."""
    try:
        hash(value)
    except TypeError:
        return False
    return True


def _missing(value: object) -> bool:
    """An empty cell: None, NaN, or pandas' NA or NaT."""
    if value is None or type(value).__name__ in ("NAType", "NaTType"):
        return True
    return isinstance(value, float) and value != value


class _Rows:
    """The cells of a long table, column by column, read into events one row at a time."""

    def __init__(self, columns: Mapping[str, Sequence[object]], labels: Sequence[Hashable]):
        self.columns = columns
        self.labels = labels
        self._fields = [name for name in EVENT_COLUMNS[1:] if name in columns]

    def event(self, row: int, calendar: WorkCalendar) -> Event:
        values = {
            name: _cell(self.columns[name][row])
            for name in self._fields
            if not _missing(self.columns[name][row])
        }
        kind = event_kind(self.columns["type"][row], self.place(row, "type"))
        return read_event(kind, values, where=lambda name: self.place(row, name), calendar=calendar)

    def place(self, row: int, name: str) -> str:
        return f"row {shown(self.labels[row])}, column {name!r}"


def _check_columns(events: pd.DataFrame, key: str) -> None:
    check_instance("key", key, str, "the name of the table's key column, such as 'application'")
    twice = sorted({str(name) for name in events.columns[events.columns.duplicated()]})
    if twice:
        raise InvalidHistoryError(
            f"the table has the column {shown_list(twice)} more than once: expected each "
            f"column once"
        )
    missing = [name for name in (key, "type", "on") if name not in events.columns]
    if missing:
        raise InvalidHistoryError(
            f"the table has no column {shown_list(missing)}: expected the key column "
            f"{shown(key)}, 'type' and 'on' among its columns {shown_list(events.columns)}"
        )


def histories_from_frame(
    events: pd.DataFrame, *, calendar: WorkCalendar, key: str = "application"
) -> dict[Hashable, History]:
    """Each application's history, from a long table of events, in the order keys first appear.

    Every bad cell is an :class:`~followup_rules.errors.InvalidHistoryError` naming the row (by
    the table's index), the column, the value and what was expected.
    """
    with requires_extra("pandas", needed_by="histories_from_frame"):
        import pandas as pd

    if not isinstance(events, pd.DataFrame):
        raise InvalidArgumentError(f"events={shown(events)}: expected a pandas DataFrame")
    _check_columns(events, key)
    if not isinstance(calendar, WorkCalendar):
        raise InvalidArgumentError(f"calendar {shown(calendar)} is not a WorkCalendar")
    names = [name for name in (key, *EVENT_COLUMNS) if name in events.columns]
    rows = _Rows({name: events[name].tolist() for name in names}, events.index.tolist())
    grouped: dict[Hashable, list[Event]] = {}
    for row, application in enumerate(rows.columns[key]):
        if _missing(application) or not _hashable(application):
            raise value_error(
                rows.place(row, key),
                application,
                "expected the key of an application, such as its id",
            )
        grouped.setdefault(application, []).append(rows.event(row, calendar))
    return {
        application: _history(application, found, calendar)
        for application, found in grouped.items()
    }


def _history(application: Hashable, events: list[Event], calendar: WorkCalendar) -> History:
    try:
        return History(events, calendar=calendar)
    except FollowupError as error:
        raise type(error)(f"application {shown(application)}: {error}") from None


def evaluate_frame(
    events: pd.DataFrame,
    today: date | datetime,
    *,
    calendar: WorkCalendar,
    rules: RulesLike = None,
    key: str = "application",
    columns: Iterable[str] = DECISION_COLUMNS,
) -> pd.DataFrame:
    """One decision per application of a long table of events, as a table.

    The table holds the key column and ``columns``, by default all of :data:`DECISION_COLUMNS`,
    the record every table of decisions shares (``Comparison.to_pandas`` too): today, the
    action, the dates and whether the window is overdue, purpose, channel and time of day (as
    categoricals of the vocabularies' values), the budgets left, ``why`` (the binding reasons,
    ``rule set/rule: what``, joined by ``"; "``) and the rule sets with their versions. Only
    the columns asked for are worked out, and no decision is kept once its row is read: leaving
    out ``why`` leaves every explanation unmade, which is most of a decision's cost.
    An empty table of events gives an empty table of decisions with the same columns and types,
    which is what Dask's ``map_partitions`` takes as ``meta``.
    """
    with requires_extra("pandas", needed_by="evaluate_frame"):
        import pandas as pd

    names = _column_names(columns)
    histories = histories_from_frame(events, calendar=calendar, key=key)
    found = decision_columns(histories.values(), today, rules=rules, columns=names)
    table: dict[str, Any] = {key: pd.Series(list(histories), dtype=events[key].dtype)}
    table.update(frame_columns(found))
    return pd.DataFrame(table)


def decision_columns(
    histories: Iterable[History],
    today: date | datetime,
    *,
    rules: RulesLike = None,
    columns: Iterable[str] = DECISION_COLUMNS,
) -> dict[str, list[object]]:
    """The cells of ``columns`` (of :data:`DECISION_COLUMNS`) for each of ``histories``.

    Each column holds, in order, what the table of :func:`evaluate_frame` says of the decision
    ``evaluate(history, today, rules=rules)``: enum members as their values, dates as dates.
    Each decision is read for these columns and let go, so a batch keeps no decisions alive for
    the garbage collector to walk, and an explanation is made only for ``why``.
    """
    names = _column_names(columns)
    batch = _batch(histories)
    prepared = registry.prepare(registry.resolve(rules))
    return cells((decide(history, today, prepared) for history in batch), names)


def _column_names(columns: Iterable[str]) -> tuple[str, ...]:
    """``columns`` checked: known names, each once, in the order given."""
    expected = f"column names among {shown_list(DECISION_COLUMNS)}"
    names = tuple(check_collection("columns", columns, expected))
    unknown = [name for name in names if name not in DECISION_COLUMNS]
    if unknown:
        raise InvalidArgumentError(f"columns={shown(columns)}: expected {expected}")
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise InvalidArgumentError(
            f"columns={shown(columns)} names {shown_list(twice)} more than once: expected "
            f"each column once"
        )
    return names
