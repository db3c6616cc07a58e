"""Hypothesis strategies for histories, events, calendars and job searches.

Importing this module imports ``hypothesis``. Its public names are imported from
:mod:`followup_rules.testing`, whose docstring shows them at work.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from followup_rules._checks import check_instance
from followup_rules._event_values import read_event
from followup_rules.calendar import WorkCalendar
from followup_rules.events import (
    EVENT_TYPES,
    Answer,
    Applied,
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
from followup_rules.history import History
from followup_rules.scenarios import SCENARIOS, Scenario, Search, scenario
from followup_rules.vocabulary import Channel, InterviewKind, Outcome, Purpose, Verdict

__all__ = ["END", "PLACES", "START", "calendars", "days_after", "events", "histories", "searches"]

START = date(2024, 1, 1)
"""The first day the strategies date events on, unless told otherwise."""

END = date(2027, 12, 31)
"""The last day the strategies date events on, unless told otherwise."""

PLACES: tuple[tuple[str, str | None, tuple[str, ...]], ...] = (
    ("US", None, ("America/New_York", "America/Chicago")),
    ("US", "CA", ("America/Los_Angeles",)),
    ("GB", None, ("Europe/London",)),
    ("DE", None, ("Europe/Berlin",)),
    ("FR", None, ("Europe/Paris",)),
)
"""Country, subdivision and fitting time zones that :func:`calendars` draws from by default."""

_ZONES: tuple[tzinfo, ...] = (
    UTC,
    ZoneInfo("America/New_York"),
    ZoneInfo("Europe/Paris"),
    ZoneInfo("Asia/Tokyo"),
    timezone(timedelta(hours=-8)),
)
"""Zones that aware event times are written in (not necessarily the employer's)."""

_GAPS = (1, 0, 2, 3, 5, 7, 7, 8, 10, 14, 21, 4, 6, 9, 11, 15, 30)
"""Days between consecutive events: mostly days to a few weeks, now and then the same day."""

_KINDS: tuple[type[Event], ...] = (
    FollowUp,
    FollowUp,
    FollowUp,
    FollowUp,
    Reply,
    Reply,
    Interview,
    DecisionExpected,
    OutOfOffice,
    PrefersChannel,
)
"""The kinds of event that continue a history, weighted by repetition (follow-ups dominate)."""

_ATTEMPTS = 4
"""Draws per wanted event before a history that keeps repeating itself is given up."""

_ENDINGS: tuple[type[Event], ...] = (Answer, Answer, AskedToStop, Withdrew)

_PURPOSES = (Purpose.STATUS, Purpose.STATUS, Purpose.THANK_YOU, Purpose.ASK_WHETHER_TO_CONTINUE)


def _check_day(name: str, value: object) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidArgument(f"{name}={value!r}: expected a datetime.date")
    return value


def _check_range(start: object, end: object) -> tuple[date, date]:
    start, end = _check_day("start", start), _check_day("end", end)
    if start > end:
        raise InvalidArgument(f"start={start} is after end={end}: expected start <= end")
    return start, end


def calendars(
    *,
    places: Sequence[tuple[str, str | None, Sequence[str]]] = PLACES,
    time_zones: bool = True,
    closed_dates: bool = True,
    start: date = START,
    end: date = END,
) -> st.SearchStrategy[WorkCalendar]:
    """Work calendars for ``places``: (country, subdivision, time zones that fit it).

    With ``time_zones``, a calendar may carry one of its place's zones; with ``closed_dates``,
    up to three dates from ``start`` to ``end`` on which the employer is closed.
    """
    start, end = _check_range(start, end)
    if not places:
        raise InvalidArgument("places=(): expected at least one (country, subdivision, zones)")
    options = [
        WorkCalendar(country, subdivision, timezone=zone)
        for country, subdivision, zones in places
        for zone in (None, *(zones if time_zones else ()))
    ]
    plain = st.sampled_from(options)
    if not closed_dates:
        return plain
    closed = st.lists(st.dates(start, end), max_size=3, unique=True)
    return st.builds(
        lambda calendar, days: WorkCalendar(
            calendar.country,
            calendar.subdivision,
            timezone=calendar.timezone,
            closed=frozenset(days),
        ),
        plain,
        st.one_of(st.just([]), closed),
    )


@st.composite
def _moment(draw: st.DrawFn, day: date, aware: bool) -> date | datetime:
    """``day`` itself, or now and then an aware time on it written in some zone."""
    if not aware or draw(st.integers(0, 5)) != 0:
        return day
    hour = draw(st.integers(7, 20))
    minute = draw(st.sampled_from((0, 15, 30, 45)))
    return datetime.combine(day, time(hour, minute), tzinfo=draw(st.sampled_from(_ZONES)))


def _day_of(on: date | datetime, calendar: WorkCalendar | None) -> date:
    if calendar is not None:
        return calendar.day_of(on)
    if isinstance(on, datetime):
        # Read in any zone, an aware time may fall on the day after its own date.
        return on.date() + timedelta(days=1)
    return on


@st.composite
def _event_of(
    draw: st.DrawFn,
    kind: type[Event],
    on: date | datetime,
    calendar: WorkCalendar | None,
) -> Event:
    day = _day_of(on, calendar)
    values: dict[str, object] = {"on": on}
    if kind is Interview:
        values["kind"] = draw(st.sampled_from(InterviewKind))
    elif kind is DecisionExpected:
        values["by"] = day + timedelta(days=draw(st.integers(0, 30)))
    elif kind is FollowUp:
        values["channel"] = draw(st.sampled_from(Channel))
        values["outcome"] = draw(st.sampled_from(Outcome))
        values["purpose"] = draw(st.sampled_from(_PURPOSES))
    elif kind is Reply:
        channel = draw(st.one_of(st.sampled_from(Channel), st.none()))
        values.update({} if channel is None else {"channel": channel})
    elif kind is OutOfOffice:
        values["until"] = day + timedelta(days=draw(st.integers(0, 21)))
    elif kind is Answer:
        values["verdict"] = draw(st.sampled_from(Verdict))
    elif kind is PrefersChannel:
        values["channel"] = draw(st.sampled_from(Channel))
    return read_event(kind, values, where=lambda name: f"{kind.__name__}.{name}")


def events(
    *,
    start: date = START,
    end: date = END,
    kinds: Sequence[type[Event]] = EVENT_TYPES,
    aware: bool = True,
) -> st.SearchStrategy[Event]:
    """Single events of ``kinds``, dated from ``start`` to ``end``.

    With ``aware``, some events are dated by an aware datetime instead of a date. Dates an event
    names (``DecisionExpected.by``, ``OutOfOffice.until``) are never before the event's day.
    """
    start, end = _check_range(start, end)
    unknown = [kind for kind in kinds if kind not in EVENT_TYPES]
    if not kinds or unknown:
        raise InvalidArgument(
            f"kinds={kinds!r}: expected one or more of {', '.join(k.__name__ for k in EVENT_TYPES)}"
        )

    @st.composite
    def event(draw: st.DrawFn) -> Event:
        kind = draw(st.sampled_from(tuple(kinds)))
        on = draw(_moment(draw(st.dates(start, end)), aware))
        return draw(_event_of(kind, on, None))

    return event()


def histories(
    *,
    start: date = START,
    end: date = END,
    calendar: WorkCalendar | st.SearchStrategy[WorkCalendar] | None = None,
    min_events: int = 1,
    max_events: int = 12,
    endings: bool = True,
    aware: bool = True,
) -> st.SearchStrategy[History]:
    """Realistic histories of one application, ``min_events`` to ``max_events`` events long.

    The history opens with an application on a day from ``start`` to ``end``; each later event
    follows the one before by a few days (or on the same day), never past ``end``. Follow-ups come
    through every channel, with every outcome and purpose; interviews, stated deadlines (never
    before the day they were stated), replies, absences and stated preferences are mixed in; with
    ``endings``, a history now and then ends with an answer, a request to stop or a withdrawal.

    ``calendar`` is a fixed calendar, a strategy for one, or None for :func:`calendars` with
    closed dates near the application. With ``aware``, some events carry aware datetimes.
    """
    start, end = _check_range(start, end)
    if not 1 <= min_events <= max_events:
        raise InvalidArgument(
            f"min_events={min_events!r}, max_events={max_events!r}: expected "
            f"1 <= min_events <= max_events"
        )
    if calendar is not None and not isinstance(calendar, WorkCalendar | st.SearchStrategy):
        raise InvalidArgument(
            f"calendar={calendar!r}: expected a WorkCalendar, a strategy for one, or None"
        )

    @st.composite
    def history(draw: st.DrawFn) -> History:
        day = draw(st.dates(start, end))
        if calendar is None:
            used = draw(calendars(start=day, end=day + timedelta(days=90)))
        elif isinstance(calendar, WorkCalendar):
            used = calendar
        else:
            used = draw(calendar)
        count = draw(st.integers(min_events, max_events))
        found: list[Event] = [Applied(day)]
        for _ in range(_ATTEMPTS * max_events):
            if len(found) >= count:
                break
            day = min(end, day + timedelta(days=draw(st.sampled_from(_GAPS))))
            ending = endings and len(found) + 1 >= min_events and draw(st.integers(0, 39)) == 0
            kind = draw(st.sampled_from(_ENDINGS if ending else _KINDS))
            moment = draw(_moment(day, aware and start < day < end))
            if used.day_of(moment) != day:
                moment = day  # read in the employer's zone, it would fall out of order
            event = draw(_event_of(kind, moment, used))
            if event in found:
                continue  # History would merge it with its twin
            found.append(event)
            if ending:
                break
        assume(len(found) >= min_events)
        return History(found, calendar=used)

    return history()


def searches(
    scenarios: Sequence[str | Scenario] | None = None,
    *,
    start: date = date(2026, 3, 2),
    calendar: WorkCalendar | None = None,
) -> st.SearchStrategy[Search]:
    """Job searches of the archetypes ``scenarios`` (all by default), started around ``start``.

    Each is ``Scenario.generate`` with a seed hypothesis draws, so a failing example shrinks to
    a small seed and is replayed exactly; ``calendar`` is the United States' by default.
    """
    _check_day("start", start)
    chosen = [scenario(item) for item in (tuple(SCENARIOS) if scenarios is None else scenarios)]
    if not chosen:
        raise InvalidArgument("scenarios=[]: expected at least one scenario, or None for all")
    place = WorkCalendar("US") if calendar is None else calendar
    check_instance("calendar", place, WorkCalendar, "a WorkCalendar or None", InvalidArgument)
    return st.builds(
        lambda archetype, seed: archetype.generate(seed=seed, start=start, calendar=place),
        st.sampled_from(chosen),
        st.integers(min_value=0, max_value=2**32),
    )


def days_after(history: History, *, max_days: int = 120) -> st.SearchStrategy[date]:
    """Days to evaluate ``history`` on: the day of its last event, or up to ``max_days`` later.

    Days close to the last event are drawn most often, since that is where rules disagree.
    """
    if isinstance(max_days, bool) or not isinstance(max_days, int) or max_days < 0:
        raise InvalidArgument(f"max_days={max_days!r}: expected a whole number >= 0")
    last = max(day for day, _ in history.dated())
    near = st.integers(0, min(max_days, 21))
    return st.one_of(near, near, st.integers(0, max_days)).map(
        lambda offset: last + timedelta(days=offset)
    )
