"""One application's history, read once into the facts the rules read on a given day.

``Facts`` and ``Contact`` live in ``facts``; they are named here too, where they were first.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime

import attrs

from followup_rules._checks import check_day, shown
from followup_rules.calendar import WorkCalendar
from followup_rules.errors import InvalidArgumentError, InvalidHistoryError
from followup_rules.events import (
    EVENT_TYPES,
    Answer,
    AskedToStop,
    DecisionExpected,
    Event,
    FollowUp,
    Interview,
    OutOfOffice,
    PrefersChannel,
    Reply,
    Withdrew,
)
from followup_rules.facts import Contact, Facts
from followup_rules.vocabulary import (
    FOLLOW_UP_PURPOSES,
    Outcome,
    Stage,
    TimeOfDay,
)

__all__ = ["Contact", "Facts", "History"]

_RANK = {kind: rank for rank, kind in enumerate(EVENT_TYPES)}
_OTHER_FIELDS = {
    kind: tuple(field.name for field in attrs.fields(kind) if field.name != "on")
    for kind in EVENT_TYPES
}


_OTHERS: dict[type, Callable[[Event], object]] = {
    kind: operator.attrgetter(*names) for kind, names in _OTHER_FIELDS.items()
}
"""Each kind's fields besides ``on``, read at once (every kind has one at least: its ``note``)."""
_KINDS = ", ".join(kind.__name__ for kind in EVENT_TYPES)


def _events(values: Iterable[object], *, empty: bool = False) -> list[Event]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidHistoryError(f"events {shown(values)} are not an iterable of events")
    events = list(values)
    for value in events:
        if type(value) not in _RANK:
            raise InvalidHistoryError(f"{shown(value)} is not an event: expected one of {_KINDS}")
    if not events and not empty:
        raise InvalidHistoryError("an empty history: expected at least one event")
    return events  # type: ignore[return-value]


@attrs.frozen(init=False)
class History:
    """The events of one application, read through the employer's work calendar.

    Events are kept in a canonical order (by day, then by the moment where events carry a time,
    then by kind) with duplicates removed, so the order they were given in never changes a
    result.
    """

    events: tuple[Event, ...]
    calendar: WorkCalendar
    _days: tuple[date, ...] = attrs.field(repr=False, eq=False)
    _contacts: tuple[Contact | None, ...] = attrs.field(repr=False, eq=False)
    """Each event as the contact it is, or None: worked out once, read by every evaluation."""

    def __init__(self, events: Iterable[Event], *, calendar: WorkCalendar) -> None:
        if not isinstance(calendar, WorkCalendar):
            raise InvalidArgumentError(f"calendar {shown(calendar)} is not a WorkCalendar")
        ordered = _ordered(_dated(calendar, _unique(_events(events))))
        _check_all(ordered, calendar)
        self.__attrs_init__(
            tuple(event for _, event in ordered),
            calendar,
            tuple(day for day, _ in ordered),
            tuple(_contact(calendar, day, event) for day, event in ordered),
        )

    def __iter__(self) -> Iterator[Event]:
        return iter(self.events)

    def __len__(self) -> int:
        return len(self.events)

    def dated(self) -> Iterator[tuple[date, Event]]:
        """Each event with the calendar day it falls on, in order."""
        return zip(self._days, self.events, strict=True)

    def until(self, day: date) -> History:
        """The history as it was known at the end of ``day``."""
        check_day("day", day)
        kept = [event for on, event in self.dated() if on <= day]
        if not kept:
            raise InvalidHistoryError(
                f"no event on or before {day}: the history starts on {self._days[0]}"
            )
        return History(kept, calendar=self.calendar)

    def with_events(self, events: Iterable[Event]) -> History:
        """This history with ``events`` added: what logging the next contacts gives.

        Equal to a History of all the events, but cheap when they come at the end, as a plan's
        do: the events before the first day added are kept in their order, and only the new
        events are checked, so the cost grows with what is added, not with the history.
        """
        added = _events(events, empty=True)
        calendar = self.calendar
        dated = _dated(calendar, added)
        if not dated:
            return self
        _check_all(dated, calendar)
        # Events of different days are never the same event, nor read in another order: only
        # the days from the first one added on are ordered again.
        kept = bisect.bisect_left(self._days, min(day for day, _ in dated))
        again = _unique([*self.events[kept:], *added])
        ordered = _ordered(_dated(calendar, again))
        extended = History.__new__(History)
        extended.__attrs_init__(
            self.events[:kept] + tuple(event for _, event in ordered),
            calendar,
            self._days[:kept] + tuple(day for day, _ in ordered),
            self._contacts[:kept] + tuple(_contact(calendar, day, e) for day, e in ordered),
        )
        return extended

    def facts(self, today: date) -> Facts:
        """What the rules need to know on ``today``, derived once."""
        self.calendar.check_covers(today)
        last_day, last_event = self._days[-1], self.events[-1]
        if last_day > today:
            raise InvalidHistoryError(
                f"{last_event!r} falls on {last_day}, after today ({today}): expected events "
                f"on or before the day evaluated (use history.until(day) to replay a past day)"
            )
        return _derive(self, today)


_START_OF_DAY = datetime.min.replace(tzinfo=UTC)


def _identity(event: Event) -> tuple[object, ...]:
    """What makes two events the same: their kind, their instant and their other fields.

    Not ``==``: two aware datetimes of one zone compare equal across a change of the clocks
    (``fold`` is ignored), while one instant written in two zones compares unequal when it
    falls in a fold.
    """
    on, kind = event.on, type(event)
    if isinstance(on, datetime):  # the instant in UTC: ``fold`` tells the two 01:30 apart
        return (kind, True, on.astimezone(UTC), _OTHERS[kind](event))
    return (kind, False, on, _OTHERS[kind](event))


def _unique(events: Iterable[Event]) -> list[Event]:
    """Each event once; of one event written twice (one instant in two zones), the one whose
    ``repr`` sorts first, so the order they are given in never decides which."""
    kept: dict[tuple[object, ...], Event] = {}
    for event in events:
        key = _identity(event)
        other = kept.get(key)
        if other is None or repr(event) < repr(other):
            kept[key] = event
    return list(kept.values())


_Key = tuple[date, datetime, int, bool]
"""Where an event is read: its day, its moment (in UTC), its kind's rank, and whether it has no
time (after a timed event of its kind at that moment)."""


def _dated(calendar: WorkCalendar, events: Iterable[Event]) -> list[tuple[date, Event]]:
    """Each event with the calendar day it falls on (a date is its own day)."""
    return [
        (event.on if type(event.on) is date else calendar.day_of(event.on), event)
        for event in events
    ]


def _keys(dated: list[tuple[date, Event]]) -> list[_Key]:
    """Each event's place: a timed event at its instant; a date-only event at the latest
    instant of the timed events of its day whose kind is its own or is read before it (the
    start of the day if there are none), so it is read after them."""
    timed: dict[date, list[tuple[int, datetime]]] = {}
    for day, event in dated:
        if isinstance(event.on, datetime):
            timed.setdefault(day, []).append((_RANK[type(event)], event.on.astimezone(UTC)))
    if not timed:
        return [(day, _START_OF_DAY, _RANK[type(event)], True) for day, event in dated]
    keys: list[_Key] = []
    for day, event in dated:
        rank = _RANK[type(event)]
        if isinstance(event.on, datetime):
            moment, untimed = event.on.astimezone(UTC), False
        else:
            earlier = [at for kind, at in timed.get(day, ()) if kind <= rank]
            moment, untimed = max(earlier, default=_START_OF_DAY), True
        keys.append((day, moment, rank, untimed))
    return keys


_FIRST = operator.itemgetter(0)


def _ordered(dated: list[tuple[date, Event]]) -> list[tuple[date, Event]]:
    """By day, then moment, then kind, timed before date-only, then (only among events alike in
    all of these) repr.

    Events with a time are read in the order they happened; an event of one kind at one moment
    as another of an earlier kind comes after it, as does a date-only event (see ``_keys``). A
    repr costs more than the rest, so it is written out only where it decides.
    """
    keys = _keys(dated)
    keyed = sorted(zip(keys, dated, strict=True), key=_FIRST)
    if len(set(keys)) == len(keys):  # no two alike: the keys alone decide
        return [pair for _, pair in keyed]
    ordered: list[tuple[date, Event]] = []
    start = 0
    for end in range(1, len(keyed) + 1):
        if end == len(keyed) or keyed[end][0] != keyed[start][0]:
            run = [pair for _, pair in keyed[start:end]]
            ordered.extend(sorted(run, key=lambda pair: repr(pair[1])) if len(run) > 1 else run)
            start = end
    return ordered


def _check_all(dated: Iterable[tuple[date, Event]], calendar: WorkCalendar) -> None:
    covered: set[int] = set()  # whether the data covers a day depends on its year alone
    for day, event in dated:
        if day.year not in covered:
            calendar.check_covers(day)
            covered.add(day.year)
        if isinstance(event, DecisionExpected | OutOfOffice):
            _check_dates(day, event, calendar)


def _check_dates(day: date, event: DecisionExpected | OutOfOffice, calendar: WorkCalendar) -> None:
    """The date an event names (their date, or the end of an absence) is not before its day."""
    limit = event.by if isinstance(event, DecisionExpected) else event.until
    if limit < day:
        raise InvalidHistoryError(
            f"{event!r} names {limit}, before the day it was recorded ({day}): expected a date "
            f"on or after {day}"
        )
    calendar.check_covers(limit)


def _derive(history: History, today: date) -> Facts:
    calendar = history.calendar
    days = history._days
    stage, stage_start, kind = Stage.PRE_INTERVIEW, days[0], None
    deadline = ended = away = last_reply = reply_channel = stated = None
    contacts: list[Contact] = []
    unanswered: list[Contact] = []
    # Contacts were worked out with the history; they are most of it, so they come first.
    for day, event, contact in zip(days, history.events, history._contacts, strict=True):
        if contact is not None:
            contacts.append(contact)
            if contact.purpose in FOLLOW_UP_PURPOSES:
                unanswered.append(contact)
        elif isinstance(event, Reply):
            last_reply, unanswered = day, []
            reply_channel = event.channel or reply_channel
        elif isinstance(event, Interview):
            stage, stage_start, kind = Stage.POST_INTERVIEW, day, event.kind
            contacts, unanswered, deadline = [], [], None
        elif isinstance(event, DecisionExpected):
            deadline = event.by
        elif isinstance(event, OutOfOffice):
            away = event.until if away is None else max(away, event.until)
        elif isinstance(event, PrefersChannel):
            stated = event.channel
        elif isinstance(event, Answer | AskedToStop | Withdrew):
            ended = ended or event
    return Facts(
        today=today,
        calendar=calendar,
        stage=stage,
        stage_start=stage_start,
        interview_kind=kind,
        deadline=deadline,
        ended=ended,
        away_until=away,
        contacts=tuple(contacts),
        unanswered=tuple(unanswered),
        last_reply=last_reply,
        reply_channel=reply_channel,
        stated_channel=stated,
    )


def _contact(calendar: WorkCalendar, day: date, event: Event) -> Contact | None:
    """The follow-up as the rules see it; None for other events and a call that left nothing."""
    if not isinstance(event, FollowUp) or event.outcome is Outcome.NO_ANSWER:
        return None
    time_of_day = None
    if isinstance(event.on, datetime):
        local = event.on.astimezone(calendar.zone) if calendar.zone else event.on
        time_of_day = TimeOfDay.of_hour(local.hour)
    return Contact(day, event.channel, event.outcome, event.purpose, time_of_day)
