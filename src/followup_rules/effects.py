"""What a rule can say: a closed vocabulary of effects.

Rules only ever return these values; what they add up to is decided in one place, the engine's
resolution. Each effect carries ``why``, the rule's own account of what it did, which becomes a
reason in the decision. ``purposes`` scopes an effect to the contacts it governs: a wait before a
follow-up does not hold back a thank-you call, and a weekday a document keeps status follow-ups
off does not push back a next-day thank-you.

A :class:`NotBefore` with ``sets_time`` is a time the document gives (a wait, a window, a
cadence, or a date they named); one without it only filters. A decision with no time-setting
wait is *untimed*: it still names the first allowed day, but a plan never schedules it.
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
    "ExcludeDates",
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
    """Nothing of ``purposes`` before ``day``; ``sets_time`` if the document times the contact.

    Without ``sets_time`` the wait only filters: a budget's wait for a lift, one contact a day,
    or a wait that was met by an earlier contact and only keeps later ones from coming sooner.
    """

    day: date
    why: str
    purposes: frozenset[Purpose] = attrs.field(default=FOLLOW_UP_PURPOSES, kw_only=True)
    sets_time: bool = attrs.field(default=False, kw_only=True)


@attrs.frozen
class DueBy:
    day: date
    why: str
    purposes: frozenset[Purpose] = attrs.field(default=FOLLOW_UP_PURPOSES, kw_only=True)


@attrs.frozen
class ExcludeWeekdays:
    """Never these weekdays for a contact of ``purposes`` (status follow-ups by default)."""

    weekdays: frozenset[int]
    """``date.weekday()`` numbers: Monday is 0."""
    why: str
    purposes: frozenset[Purpose] = attrs.field(default=FOLLOW_UP_PURPOSES, kw_only=True)


@attrs.frozen
class ExcludeHolidayBorders:
    """Avoid the last business day before, and the first after, each holiday break."""

    why: str
    purposes: frozenset[Purpose] = attrs.field(default=FOLLOW_UP_PURPOSES, kw_only=True)


@attrs.frozen
class ExcludeDates:
    """Never these days for a contact of ``purposes``: their first day back from time away."""

    days: frozenset[date]
    why: str
    purposes: frozenset[Purpose] = attrs.field(default=FOLLOW_UP_PURPOSES, kw_only=True)


@attrs.frozen
class ExcludeNonBusinessDays:
    """Weekends and holidays of the work calendar, for every purpose."""

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
    """What to say or do; ``on_end`` advice is also given once the process has ended."""

    text: str
    on_end: bool = attrs.field(default=False, kw_only=True)


Effect: TypeAlias = (
    NotBefore
    | DueBy
    | ExcludeWeekdays
    | ExcludeHolidayBorders
    | ExcludeDates
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
