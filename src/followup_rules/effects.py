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
from typing import TypeAlias, final

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
    "Exclusion",
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


@final
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


@final
@attrs.frozen
class DueBy:
    """The contact should happen by ``day``: the end of a window a document recommends.

    It never moves the day found; it gives the decision its ``window_end``, and names the
    rules that leave the window empty as conflicts, so a late contact is seen as late.
    """

    day: date
    why: str
    purposes: frozenset[Purpose] = attrs.field(default=FOLLOW_UP_PURPOSES, kw_only=True)


@final
@attrs.frozen
class ExcludeWeekdays:
    """Never these weekdays for a contact of ``purposes`` (status follow-ups by default).

    A document may keep follow-ups off the days it finds worst (a busy Monday, a Friday
    afternoon); each day passed over names the rule.
    """

    weekdays: frozenset[int]
    """``date.weekday()`` numbers: Monday is 0."""
    why: str
    purposes: frozenset[Purpose] = attrs.field(default=FOLLOW_UP_PURPOSES, kw_only=True)


@final
@attrs.frozen
class ExcludeHolidayBorders:
    """Avoid the last business day before, and the first after, each holiday break.

    A document's advice: on those days people are leaving or catching up, and a follow-up is
    lost in the pile. Which days border a break is the work calendar's to say.
    """

    why: str
    purposes: frozenset[Purpose] = attrs.field(default=FOLLOW_UP_PURPOSES, kw_only=True)


@final
@attrs.frozen
class ExcludeDates:
    """Never these days for a contact of ``purposes``: their first day back from time away.

    Days a rule works out from the history (an absence's end), rather than from the calendar.
    """

    days: frozenset[date]
    why: str
    purposes: frozenset[Purpose] = attrs.field(default=FOLLOW_UP_PURPOSES, kw_only=True)


@final
@attrs.frozen
class ExcludeNonBusinessDays:
    """Weekends and holidays of the work calendar, for every purpose.

    Nobody is at work to take the contact; the common rules add it unless every rule set of the
    composition turned business days off.
    """

    why: str


@final
@attrs.frozen
class Budget:
    """``left`` of ``limit`` contacts of one ``resource`` remain, as a document counts them.

    Documents cap follow-ups and messages; a spent follow-up budget becomes a wait until its
    rule set's :class:`LiftBudgets` (or a STOP without one). ``spent`` is the document's advice
    once none is left, a note of the decision when a day is found: the words stay in the rule
    set, resolution only places them.
    """

    resource: Resource
    left: int
    limit: int
    why: str
    spent: str | None = attrs.field(default=None, kw_only=True)


@final
@attrs.frozen
class LiftBudgets:
    """From ``day`` on, this rule set's spent budgets no longer block.

    A document that caps follow-ups may free them after a long silence: without a lift, a spent
    budget is a STOP; with one, a wait until ``day``.
    """

    day: date
    why: str


@final
@attrs.frozen
class Stop:
    """Give up on this application: a document says further contact does more harm than good.

    Any ``Stop`` makes the decision STOP, unless a :class:`Done` makes it DONE.
    """

    why: str


@final
@attrs.frozen
class Done:
    """The process is over (a definite answer, a request to stop, a withdrawal): nothing to do.

    It wins over everything, a :class:`Stop` included, so no later rule can revive it.
    """

    why: str


@final
@attrs.frozen
class ProposePurpose:
    """The next contact should be for ``purpose`` (a thank-you, say), not a status follow-up.

    Of the purposes proposed one is chosen, and the effects scoped to others drop out.
    """

    purpose: Purpose
    why: str


@final
@attrs.frozen
class PreferChannel:
    """Reach them through ``channel``: their own preference if ``firm``, else a document's usual.

    It never moves the day; it picks the decision's channel, their own preference first.
    """

    channel: Channel
    why: str
    firm: bool = attrs.field(default=False, kw_only=True)


@final
@attrs.frozen
class AvoidTimesOfDay:
    """Not at these times of day: a document's advice on when a call is unwelcome.

    It never moves the day; it picks the decision's ``time_of_day``.
    """

    times: frozenset[TimeOfDay]
    why: str


@final
@attrs.frozen
class Guidance:
    """What to say or do; ``on_end`` advice is also given once the process has ended.

    Advice that changes no date: it becomes a note of the decision, never a reason.
    """

    text: str
    on_end: bool = attrs.field(default=False, kw_only=True)


Exclusion: TypeAlias = (
    ExcludeWeekdays | ExcludeHolidayBorders | ExcludeDates | ExcludeNonBusinessDays
)
"""The effects that rule days out: each day of the search is tested against every one."""

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
"""Every effect a rule may return: resolution handles each member, and nothing else."""
