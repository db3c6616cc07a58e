"""The hypothesis strategies of followup_rules.testing: bad arguments, and what they draw."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import followup_rules as fr
from followup_rules.events import EVENT_TYPES
from followup_rules.testing import END, PLACES, START, calendars, days_after, events, histories

ENDINGS = (fr.Answer, fr.AskedToStop, fr.Withdrew)
HISTORY = fr.History([fr.Applied(date(2026, 11, 2))], calendar=fr.WorkCalendar("US"))
OTHER_PLACES = (("CA", "ON", ("America/Toronto",)), ("JP", None, ("Asia/Tokyo",)))
# Zones at both ends of the clock, to read aware event times as far apart as they can be.
FAR_ZONES = (("US", None, ("Pacific/Kiritimati", "Etc/GMT+12")),)

BAD: list[tuple[str, Callable[[], object], tuple[str, ...]]] = [
    (
        "a start that is a datetime",
        lambda: events(start=datetime(2025, 1, 1, 9, tzinfo=UTC)),
        ("start=datetime.datetime(2025, 1, 1, 9, 0", "expected a datetime.date"),
    ),
    (
        "an end that is text",
        lambda: histories(end="2025-12-31"),  # type: ignore[arg-type]
        ("end='2025-12-31'", "expected a datetime.date"),
    ),
    (
        "a start after the end",
        lambda: calendars(start=date(2026, 1, 2), end=date(2026, 1, 1)),
        ("start=2026-01-02", "end=2026-01-01", "expected start <= end"),
    ),
    (
        "no places",
        lambda: calendars(places=()),
        ("places=()", "expected at least one (country, subdivision, zones)"),
    ),
    (
        "no kinds",
        lambda: events(kinds=()),
        ("kinds=()", "expected one or more of Applied, ", "Withdrew"),
    ),
    (
        "a kind that is not an event",
        lambda: events(kinds=[fr.Applied, str]),  # type: ignore[list-item]
        ("<class 'str'>", "expected one or more of Applied, "),
    ),
    (
        "no events",
        lambda: histories(min_events=0),
        ("min_events=0", "expected 1 <= min_events <= max_events"),
    ),
    (
        "fewer events at most than at least",
        lambda: histories(min_events=5, max_events=4),
        ("min_events=5", "max_events=4", "expected 1 <= min_events <= max_events"),
    ),
    (
        "a calendar named by its country",
        lambda: histories(calendar="US"),  # type: ignore[arg-type]
        ("calendar='US'", "expected a WorkCalendar, a strategy for one, or None"),
    ),
    (
        "a negative number of days",
        lambda: days_after(HISTORY, max_days=-1),
        ("max_days=-1", "expected a whole number >= 0"),
    ),
    (
        "a number of days that is a boolean",
        lambda: days_after(HISTORY, max_days=True),
        ("max_days=True", "expected a whole number >= 0"),
    ),
    (
        "a number of days that is not whole",
        lambda: days_after(HISTORY, max_days=1.5),  # type: ignore[arg-type]
        ("max_days=1.5", "expected a whole number >= 0"),
    ),
]


@pytest.mark.parametrize(("make", "named"), [case[1:] for case in BAD], ids=[c[0] for c in BAD])
def test_bad_arguments_are_refused_at_once_naming_the_value(
    make: Callable[[], object], named: tuple[str, ...]
) -> None:
    with pytest.raises(InvalidArgument) as raised:
        make()
    for text in named:
        assert text in str(raised.value)


@given(st.data())
def test_events_are_of_the_requested_kinds_and_dated_from_start_to_end(data: st.DataObject) -> None:
    start = data.draw(st.dates(START, END), label="start")
    end = data.draw(st.dates(start, min(END, start + timedelta(days=60))), label="end")
    kinds = data.draw(st.lists(st.sampled_from(EVENT_TYPES), min_size=1, unique=True))
    aware = data.draw(st.booleans(), label="aware")
    event = data.draw(events(start=start, end=end, kinds=kinds, aware=aware))
    assert type(event) in kinds
    if isinstance(event.on, datetime):
        assert aware
        assert event.on.utcoffset() is not None
        assert start <= event.on.date() <= end
    else:
        assert start <= event.on <= end


@given(
    events(kinds=[fr.DecisionExpected, fr.OutOfOffice]),
    calendars(places=PLACES + FAR_ZONES, closed_dates=False),
)
def test_a_date_an_event_names_is_never_before_its_day_in_any_zone(
    event: fr.Event, calendar: fr.WorkCalendar
) -> None:
    if isinstance(event, fr.DecisionExpected):
        named = event.by
    else:
        assert isinstance(event, fr.OutOfOffice)
        named = event.until
    assert named >= calendar.day_of(event.on)
    fr.History([event], calendar=calendar)  # so a history accepts it


@given(st.data())
def test_calendars_come_from_the_given_places_with_their_zones_and_closed_dates(
    data: st.DataObject,
) -> None:
    places = data.draw(st.sampled_from([PLACES, OTHER_PLACES]), label="places")
    time_zones = data.draw(st.booleans(), label="time_zones")
    closed_dates = data.draw(st.booleans(), label="closed_dates")
    start = data.draw(st.dates(START, END), label="start")
    end = data.draw(st.dates(start, END), label="end")
    calendar = data.draw(
        calendars(
            places=places, time_zones=time_zones, closed_dates=closed_dates, start=start, end=end
        )
    )
    zones = {(country, subdivision): zones for country, subdivision, zones in places}
    assert (calendar.country, calendar.subdivision) in zones
    if time_zones:
        assert calendar.timezone in (None, *zones[calendar.country, calendar.subdivision])
    else:
        assert calendar.timezone is None
    if closed_dates:
        assert len(calendar.closed) <= 3
        assert all(start <= day <= end for day in calendar.closed)
    else:
        assert calendar.closed == frozenset()


@given(st.data())
def test_histories_stay_from_start_to_end_with_one_application_and_at_most_max_events(
    data: st.DataObject,
) -> None:
    start = data.draw(st.dates(START, END), label="start")
    end = data.draw(st.dates(start, min(END, start + timedelta(days=120))), label="end")
    min_events = data.draw(st.integers(1, 12), label="min_events")
    max_events = data.draw(st.integers(min_events, 12), label="max_events")
    endings = data.draw(st.booleans(), label="endings")
    aware = data.draw(st.booleans(), label="aware")
    history = data.draw(
        histories(
            start=start,
            end=end,
            min_events=min_events,
            max_events=max_events,
            endings=endings,
            aware=aware,
        )
    )
    assert len(history) <= max_events
    ended = any(isinstance(event, ENDINGS) for event in history)
    assert len(history) >= min_events or ended
    assert all(start <= day <= end for day, _ in history.dated())
    assert sum(isinstance(event, fr.Applied) for event in history) == 1
    assert sum(isinstance(event, ENDINGS) for event in history) <= (1 if endings else 0)
    if not aware:
        assert not any(isinstance(event.on, datetime) for event in history)


@given(histories())
def test_a_history_opens_with_the_application_and_an_ending_closes_it(
    history: fr.History,
) -> None:
    kinds = [type(event) for event in history]
    assert kinds[0] is fr.Applied
    assert not any(kind in ENDINGS for kind in kinds[:-1])


@pytest.mark.slow
@given(histories(start=date(2026, 11, 2), end=date(2026, 11, 2), min_events=6, endings=False))
def test_a_history_without_endings_has_at_least_min_events(history: fr.History) -> None:
    assert len(history) >= 6


@given(histories())
def test_without_a_calendar_a_history_gets_one_of_the_places_closed_near_the_application(
    history: fr.History,
) -> None:
    calendar = history.calendar
    assert (calendar.country, calendar.subdivision) in {(c, s) for c, s, _ in PLACES}
    applied = next(day for day, event in history.dated() if isinstance(event, fr.Applied))
    assert all(applied <= day <= applied + timedelta(days=90) for day in calendar.closed)


GERMANY = fr.WorkCalendar("DE", timezone="Europe/Berlin")
CHOICES = (fr.WorkCalendar("GB"), fr.WorkCalendar("FR", timezone="Europe/Paris"))


@given(histories(calendar=GERMANY))
def test_a_fixed_calendar_is_the_calendar_of_every_history(history: fr.History) -> None:
    assert history.calendar == GERMANY


@given(histories(calendar=st.sampled_from(CHOICES)))
def test_a_calendar_strategy_is_drawn_from_for_each_history(history: fr.History) -> None:
    assert history.calendar in CHOICES


@pytest.mark.slow
@given(st.data(), histories())
def test_days_after_fall_on_or_after_the_last_event_and_within_max_days(
    data: st.DataObject, history: fr.History
) -> None:
    max_days = data.draw(st.integers(0, 400), label="max_days")
    day = data.draw(days_after(history, max_days=max_days))
    last = max(day for day, _ in history.dated())
    assert last <= day <= last + timedelta(days=max_days)


@given(st.data(), histories())
def test_days_after_with_no_days_to_spare_is_the_last_event_s_day(
    data: st.DataObject, history: fr.History
) -> None:
    last = max(day for day, _ in history.dated())
    assert data.draw(days_after(history, max_days=0)) == last
