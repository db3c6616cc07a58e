"""The reference policy P, its inputs, and its plain hand-written form (the floor).

P, as issue 5 states it:

- any answer: DONE; two or more follow-ups since their last reply: STOP;
- the earliest day is the latest of: last application + 7 days, last interview + 7 days, the date
  they named + 1 day, last follow-up + 7 days (those that exist), and today;
- the first day from there that is a Tuesday, Wednesday or Thursday, not a holiday and not next
  to one (the day before or after); at most 366 days past the earliest, else STOP;
- FOLLOW_UP if that day is today, else WAIT; the reasons name the bounds that set the day.

Where P is silent about interviews, every variant reads it as the library's stage model does: an
interview starts afresh, so the application, a date named, and the follow-ups before it no longer
bound the day or count towards the stop (the interview is them getting back to the seeker).
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

import holidays

__all__ = [
    "ANSWER",
    "APPLIED",
    "DECISION_EXPECTED",
    "FOLLOW_UP",
    "INTERVIEW",
    "REPLY",
    "Answer",
    "Case",
    "Facts",
    "PEvent",
    "cases",
    "decide",
    "long_case",
    "open_on",
    "read",
    "us_holidays",
]

APPLIED = "applied"
INTERVIEW = "interview"
DECISION_EXPECTED = "decision-expected"
FOLLOW_UP = "follow-up"
REPLY = "reply"
ANSWER = "answer"

ONE_DAY = timedelta(days=1)
WEEK = timedelta(days=7)
HORIZON = 366
"""Days past the earliest bound that the search may walk, as the library's ``HORIZON_DAYS``."""

OPEN_WEEKDAYS = frozenset({1, 2, 3})
"""Tuesday, Wednesday, Thursday (``date.weekday()`` numbers)."""


class PEvent(NamedTuple):
    """One event of P's input: its day, kind and channel, and the date a decision-expected names."""

    day: date
    kind: str
    channel: str | None = None
    named: date | None = None


class Case(NamedTuple):
    """A history (events in day order) and the day it is decided on."""

    events: tuple[PEvent, ...]
    today: date


Answer = tuple[str, date | None, tuple[str, ...]]
"""What every variant answers: the action, the day, and the bounds that set the day (sorted)."""


def us_holidays(first: int = 2020, last: int = 2032) -> frozenset[date]:
    """The US public holidays of those years, prepared once and shared by every decision."""
    return frozenset(holidays.country_holidays("US", years=range(first, last + 1)))


class Facts(NamedTuple):
    """What one pass over the events tells P."""

    answered: bool
    unanswered: int
    applied: date | None
    interview: date | None
    named: date | None
    follow_up: date | None


def read(events: Sequence[PEvent]) -> Facts:
    """One pass over the events, in day order."""
    applied = interview = named = follow_up = None
    unanswered = 0
    for day, kind, _channel, by in events:
        if kind == FOLLOW_UP:
            follow_up = day
            unanswered += 1
        elif kind == REPLY:
            unanswered = 0
        elif kind == APPLIED:
            applied = day
        elif kind == INTERVIEW:
            interview, applied, named, follow_up, unanswered = day, None, None, None, 0
        elif kind == DECISION_EXPECTED:
            named = by
        elif kind == ANSWER:
            return Facts(True, unanswered, applied, interview, named, follow_up)
    return Facts(False, unanswered, applied, interview, named, follow_up)


def decide(events: Sequence[PEvent], today: date, holidays: frozenset[date]) -> Answer:
    """P, written out by hand: the floor every other variant is measured against."""
    facts = read(events)
    if facts.answered:
        return ("done", None, ("answer",))
    if facts.unanswered >= 2:
        return ("stop", None, ("follow-ups",))
    bounds = []
    if facts.applied is not None:
        bounds.append((facts.applied + WEEK, "applied"))
    if facts.interview is not None:
        bounds.append((facts.interview + WEEK, "interview"))
    if facts.named is not None:
        bounds.append((facts.named + ONE_DAY, "named-date"))
    if facts.follow_up is not None:
        bounds.append((facts.follow_up + WEEK, "follow-up"))
    earliest = max([today, *(day for day, _ in bounds)])
    day = earliest
    for _ in range(HORIZON + 1):
        if (
            day.weekday() in OPEN_WEEKDAYS
            and day not in holidays
            and day - ONE_DAY not in holidays
            and day + ONE_DAY not in holidays
        ):
            why = () if earliest == today else tuple(sorted(n for d, n in bounds if d == earliest))
            return ("follow-up" if day == today else "wait", day, why)
        day += ONE_DAY
    return ("stop", None, ())


_GAPS = (1, 0, 2, 3, 5, 7, 7, 8, 10, 14, 21, 4, 6, 9, 11, 15, 30)
_NEXT = (FOLLOW_UP, FOLLOW_UP, FOLLOW_UP, FOLLOW_UP, REPLY, REPLY, INTERVIEW, DECISION_EXPECTED)
_CHANNELS = ("phone", "phone", "email", "email", "in-person")
_REPLY_CHANNELS = ("phone", "email", None)
_RANK = {APPLIED: 0, INTERVIEW: 1, DECISION_EXPECTED: 2, FOLLOW_UP: 5, REPLY: 6, ANSWER: 7}
"""Same-day events are read in the library's order: what was known before what was done."""


def _event(rng: random.Random, day: date, kind: str) -> PEvent:
    if kind == FOLLOW_UP:
        return PEvent(day, kind, rng.choice(_CHANNELS))
    if kind == REPLY:
        return PEvent(day, kind, rng.choice(_REPLY_CHANNELS))
    if kind == DECISION_EXPECTED:
        return PEvent(day, kind, None, day + timedelta(days=rng.randrange(0, 31)))
    return PEvent(day, kind)


def _history(rng: random.Random, count: int, start: date) -> tuple[PEvent, ...]:
    day = start
    events = [PEvent(day, APPLIED)]
    seen: set[tuple[date, str, str | None]] = {(day, APPLIED, None)}
    while len(events) < count:
        day += timedelta(days=rng.choice(_GAPS))
        ending = rng.randrange(40) == 0
        kind = ANSWER if ending else rng.choice(_NEXT)
        event = _event(rng, day, kind)
        key = (day, kind, event.channel if kind == FOLLOW_UP else None)
        if key in seen:
            continue  # one event of a kind a day (one per channel for follow-ups)
        seen.add(key)
        events.append(event)
        if ending:
            break
    return tuple(sorted(events, key=lambda e: (e.day, _RANK[e.kind], e.channel or "")))


def cases(
    count: int,
    *,
    seed: int,
    start: date = date(2024, 1, 1),
    end: date = date(2027, 12, 31),
) -> list[Case]:
    """``count`` realistic histories of 1 to 12 events, each with the day it is decided on.

    An application opens each history; follow-ups, replies, interviews and named dates follow a
    few days apart, and now and then an answer ends it. Today is the last event's day or up to a
    month later, most often within three weeks.
    """
    rng = random.Random(seed)
    span = (end - start).days
    found = []
    for _ in range(count):
        first = start + timedelta(days=rng.randrange(span))
        events = _history(rng, rng.randint(1, 12), first)
        later = rng.choice((rng.randrange(22), rng.randrange(31)))
        found.append(Case(events, events[-1].day + timedelta(days=later)))
    return found


def open_on(today: date, count: int, *, seed: int) -> list[Case]:
    """``count`` applications open on ``today``: a daily run over every application.

    Each opened up to six months before today, and holds the events of the realistic mix
    that happened by today.
    """
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        first = today - timedelta(days=rng.randrange(183))
        events = _history(rng, rng.randint(1, 12), first)
        found.append(Case(tuple(e for e in events if e.day <= today), today))
    return found


def long_case(length: int, *, seed: int, start: date = date(2010, 1, 4)) -> Case:
    """One history of exactly ``length`` events: an application, then follow-ups and replies.

    Follow-ups and replies alternate a day apart, so the history stays open however long it
    grows (5,000 events span fourteen years); today is a week after its last event.
    """
    rng = random.Random(seed)
    day = start
    events = [PEvent(day, APPLIED)]
    while len(events) < length:
        day += ONE_DAY
        kind = FOLLOW_UP if len(events) % 2 else REPLY
        events.append(_event(rng, day, kind))
    return Case(tuple(events), day + WEEK)
