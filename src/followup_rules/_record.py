"""The one record of a decision: the fields a table or a JSON document of decisions shows.

A decision reads the same wherever it is shown. ``evaluate_frame`` and ``decision_columns``,
``Comparison.to_pandas`` and the command line's JSON take their fields, cells and types from
here: an enum as its value (a pandas categorical of the vocabulary's values), a day as a date
(``datetime64[ns]`` at midnight, ISO text in JSON), a budget as a number or None (``Int64``),
``why`` as the binding reasons, each ``rule set/rule: what``, joined by ``"; "``.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Final

import attrs

from followup_rules.decision import Decision, Reason
from followup_rules.vocabulary import Action, Channel, Purpose, TimeOfDay

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "DECISION_COLUMNS",
    "FIELDS",
    "Json",
    "cells",
    "frame_columns",
    "reason_json",
    "to_json",
    "why",
]

Json = dict[str, Any]
"""A JSON object, as ``json.dumps`` writes it: text keys; dicts, lists, text, numbers, booleans
and None as values."""


@attrs.frozen
class _Field:
    """How one field reads a decision (a plain value) and what pandas type holds it."""

    cell: Callable[[Decision], object]
    dtype: str
    vocabulary: type[enum.Enum] | None = None


def _value(member: enum.Enum | None) -> str | None:
    return None if member is None else str(member.value)


def why(reasons: Iterable[Reason]) -> str:
    """The binding ``reasons``, each ``rule set/rule: what``, joined by ``"; "``."""
    return "; ".join(f"{reason.ref}: {reason.what}" for reason in reasons if reason.binding)


FIELDS: Final[Mapping[str, _Field]] = MappingProxyType(
    {
        "today": _Field(lambda d: d.today, "datetime64[ns]"),
        "action": _Field(lambda d: d.action.value, "category", Action),
        "next_date": _Field(lambda d: d.next_date, "datetime64[ns]"),
        "window_end": _Field(lambda d: d.window_end, "datetime64[ns]"),
        "overdue": _Field(lambda d: d.overdue, "bool"),
        "purpose": _Field(lambda d: _value(d.purpose), "category", Purpose),
        "channel": _Field(lambda d: _value(d.channel), "category", Channel),
        "time_of_day": _Field(lambda d: _value(d.time_of_day), "category", TimeOfDay),
        "follow_ups_left": _Field(lambda d: d.follow_ups_left, "Int64"),
        "messages_left": _Field(lambda d: d.messages_left, "Int64"),
        "why": _Field(lambda d: why(d.reasons), "string"),
        "rulesets": _Field(
            lambda d: ", ".join(f"{name} {version}" for name, version in d.rulesets), "string"
        ),
    }
)
"""Each field of the record, in the order tables show them."""

DECISION_COLUMNS: Final = tuple(FIELDS)
"""The names of the record's fields, in order: the columns of a table of decisions."""


def cells(decisions: Iterable[Decision], names: Sequence[str]) -> dict[str, list[object]]:
    """The plain values of the fields ``names`` of each decision, column by column.

    Each decision is read once and let go, so a generator of decisions keeps none alive; only
    ``why`` makes a decision explain itself.
    """
    readers = [FIELDS[name].cell for name in names]
    rows = [[read(decision) for read in readers] for decision in decisions]
    return {name: [row[index] for row in rows] for index, name in enumerate(names)}


def frame_columns(columns: Mapping[str, Sequence[object]]) -> dict[str, pd.Series]:
    """``columns`` of :func:`cells` as pandas series of the record's types."""
    import pandas as pd

    typed: dict[str, pd.Series] = {}
    for name, values in columns.items():
        field = FIELDS[name]
        if field.vocabulary is None:
            typed[name] = pd.Series(list(values), dtype=field.dtype)
        else:
            categories = [member.value for member in field.vocabulary]
            typed[name] = pd.Series(pd.Categorical(list(values), categories=categories))
    return typed


def _json(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value


def reason_json(reason: Reason) -> Json:
    """A reason as JSON: its rule, what it says, its citation and whether it binds."""
    return {
        "rule": str(reason.ref),
        "what": reason.what,
        "citation": str(reason.citation),
        "binding": reason.binding,
    }


_IN_FULL: Final = frozenset({"why", "rulesets"})
"""Fields a JSON document gives in full, as lists, rather than as a table's text."""


def to_json(d: Decision) -> Json:
    """The decision as JSON: the record's fields, dates as ISO text, with every reason in full
    instead of ``why``, the rule sets as names and versions, and what timed the decision, kept
    it silent, or stopped its search at the end of the holiday data."""
    record = {name: _json(f.cell(d)) for name, f in FIELDS.items() if name not in _IN_FULL}
    record.update(
        timed_by=[str(ref) for ref in d.timed_by],
        silent=list(d.silent),
        beyond_data=_json(d.beyond_data),
        reasons=[reason_json(r) for r in d.reasons],
        rulesets=[{"name": name, "version": version} for name, version in d.rulesets],
    )
    return record
