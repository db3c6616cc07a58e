"""The facts the rules read on a given day: what a history says once it is read, and nothing else.

A rule reads ``Facts`` and nothing else, so this is the whole of what a rule can know; ``History``
derives them (``History.facts``), and a test or a benchmark may build them directly.
"""

from __future__ import annotations

from datetime import date

import attrs

from followup_rules.calendar import WorkCalendar
from followup_rules.events import Event
from followup_rules.vocabulary import (
    FOLLOW_UP_PURPOSES,
    Channel,
    InterviewKind,
    Outcome,
    Purpose,
    Stage,
    TimeOfDay,
)

__all__ = ["Contact", "Facts"]


@attrs.frozen
class Contact:
    """A follow-up as the rules see it."""

    day: date
    channel: Channel
    outcome: Outcome
    purpose: Purpose
    time_of_day: TimeOfDay | None = None


@attrs.frozen(kw_only=True)
class Facts:
    """Everything the rules read, derived once per evaluation.

    ``contacts`` are the seeker's contacts in the current stage; ``unanswered`` are the
    follow-ups (thank-yous excluded) since the later of the stage's start and their last reply.
    A call that reached nobody and left nothing is in neither: the other side never learns of it,
    and Career Staffing's advice to hang up and call back only works if it costs nothing.
    """

    today: date
    calendar: WorkCalendar
    stage: Stage
    stage_start: date
    interview_kind: InterviewKind | None
    deadline: date | None
    ended: Event | None
    away_until: date | None
    contacts: tuple[Contact, ...]
    unanswered: tuple[Contact, ...]
    last_reply: date | None
    reply_channel: Channel | None
    stated_channel: Channel | None

    @property
    def follow_ups(self) -> tuple[Contact, ...]:
        """Follow-ups of this stage, thank-yous excluded."""
        return tuple([c for c in self.contacts if c.purpose in FOLLOW_UP_PURPOSES])

    @property
    def last_contact(self) -> date | None:
        return self.contacts[-1].day if self.contacts else None

    @property
    def last_follow_up(self) -> date | None:
        latest = (c.day for c in reversed(self.contacts) if c.purpose in FOLLOW_UP_PURPOSES)
        return next(latest, None)

    @property
    def last_exchange(self) -> date:
        """The last day either side said anything, or the stage's start."""
        days = [self.stage_start, self.last_contact, self.last_reply]
        return max(day for day in days if day is not None)

    def sent_by(self, channel: Channel) -> bool:
        return any(c.channel is channel for c in self.contacts)
