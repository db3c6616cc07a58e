"""What a rule can say: a closed vocabulary of effects.

Rules only ever return these values; what they add up to is decided in one place, the engine's
resolution. Each effect carries ``why``, the rule's own account of what it did, which becomes a
reason in the decision. ``purposes`` scopes an effect to the contacts it governs: a wait before a
follow-up does not hold back a thank-you call.
"""

from __future__ import annotations

import enum
from datetime import date
from typing import TypeAlias

import attrs

from followup_rules.vocabulary import FOLLOW_UP_PURPOSES, Channel, Purpose, TimeOfDay

__all__ = [
    "ALL_PURPOSES",
    "AvoidTimesOfDay",
    "Budget",
    "Done",
    "DueBy",
    "Effect",
    "ExcludeHolidayBorders",
    "ExcludeNonBusinessDays",
    "ExcludeWeekdays",
    "Guidance",
    "LiftBudgets",
    "NotBefore",
    "PreferChannel",
    "ProposePurpose",
    "Resource",
    "Stop",
]

ALL_PURPOSES = frozenset(Purpose)


class Resource(enum.Enum):
    """What a budget counts."""

    FOLLOW_UPS = "follow-ups"
    """Follow-ups that got through (a conversation or a sent message); a spent one blocks days."""
    MESSAGES = "messages"
    """Voicemails and messages left with a person; a spent one forbids leaving another."""


@attrs.frozen
class NotBefore:
    day: date
    why: str
    purposes: frozenset[Purpose] = attrs.field(default=FOLLOW_UP_PURPOSES, kw_only=True)


@attrs.frozen
class DueBy:
    day: date
    why: str
    purposes: frozenset[Purpose] = attrs.field(default=FOLLOW_UP_PURPOSES, kw_only=True)


@attrs.frozen
class ExcludeWeekdays:
    weekdays: frozenset[int]
    """``date.weekday()`` numbers: Monday is 0."""
    why: str


@attrs.frozen
class ExcludeHolidayBorders:
    """Avoid the last business day before, and the first after, each holiday break."""

    why: str


@attrs.frozen
class ExcludeNonBusinessDays:
    why: str


@attrs.frozen
class Budget:
    resource: Resource
    left: int
    limit: int
    why: str


@attrs.frozen
class LiftBudgets:
    """From ``day`` on, this rule set's spent budgets no longer block."""

    day: date
    why: str


@attrs.frozen
class Stop:
    why: str


@attrs.frozen
class Done:
    why: str


@attrs.frozen
class ProposePurpose:
    purpose: Purpose
    why: str


@attrs.frozen
class PreferChannel:
    """``firm`` for the other side's own preference; otherwise a document's usual medium."""

    channel: Channel
    why: str
    firm: bool = attrs.field(default=False, kw_only=True)


@attrs.frozen
class AvoidTimesOfDay:
    times: frozenset[TimeOfDay]
    why: str


@attrs.frozen
class Guidance:
    text: str


Effect: TypeAlias = (
    NotBefore
    | DueBy
    | ExcludeWeekdays
    | ExcludeHolidayBorders
    | ExcludeNonBusinessDays
    | Budget
    | LiftBudgets
    | Stop
    | Done
    | ProposePurpose
    | PreferChannel
    | AvoidTimesOfDay
    | Guidance
)
