"""Work calendars: business days, offsets, holiday borders, time zones and data limits."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

import followup_rules as fr

US = fr.WorkCalendar("US")


@pytest.mark.parametrize(
    ("day", "business"),
    [
        (date(2026, 11, 10), True),  # Tuesday
        (date(2026, 11, 11), False),  # Veterans Day
        (date(2026, 11, 14), False),  # Saturday
        (date(2026, 11, 26), False),  # Thanksgiving
        (date(2026, 11, 27), True),  # the Friday after is no federal holiday
        (date(2026, 7, 3), False),  # Independence Day, observed
    ],
)
def test_business_days_follow_the_us_calendar(day: date, business: bool) -> None:
    assert US.is_business_day(day) is business


def test_weekend_days_come_from_the_country() -> None:
    # Friday and Saturday are the weekend in Israel; Sunday is a working day.
    israel = fr.WorkCalendar("IL")
    assert not israel.is_business_day(date(2026, 11, 13))
    assert israel.is_business_day(date(2026, 11, 15))


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2026, 11, 24), 3, date(2026, 11, 30)),  # Thanksgiving skipped
        (date(2026, 11, 6), 1, date(2026, 11, 9)),  # Friday to Monday
        (date(2026, 11, 10), 1, date(2026, 11, 12)),  # over Veterans Day
        (date(2026, 11, 10), 0, date(2026, 11, 10)),
    ],
)
def test_business_day_offsets(start: date, count: int, expected: date) -> None:
    assert US.add_business_days(start, count) == expected


def test_previous_business_day_skips_weekend_and_holiday() -> None:
    assert US.previous_business_day(date(2026, 11, 12)) == date(2026, 11, 10)
    assert US.previous_business_day(date(2026, 11, 16)) == date(2026, 11, 13)


@pytest.mark.parametrize(
    ("day", "borders"),
    [
        (date(2026, 11, 10), True),  # last business day before Veterans Day
        (date(2026, 11, 12), True),  # first business day after it
        (date(2026, 11, 11), False),  # the holiday itself is no business day
        (date(2026, 11, 13), False),
        (date(2026, 11, 25), True),  # before Thanksgiving
        (date(2026, 11, 27), True),  # after Thanksgiving
        (date(2026, 7, 2), True),  # before the observed Friday holiday
        (date(2026, 7, 6), True),  # the Monday after that long weekend
        (date(2026, 11, 16), False),  # a plain weekend is no break
    ],
)
def test_holiday_borders(day: date, borders: bool) -> None:
    assert US.borders_holiday(day) is borders


def test_closed_dates_count_as_holidays() -> None:
    closed = fr.WorkCalendar("US", closed=[date(2026, 11, 18)])
    assert not closed.is_business_day(date(2026, 11, 18))
    assert closed.is_holiday(date(2026, 11, 18))
    assert closed.borders_holiday(date(2026, 11, 17))
    assert not US.borders_holiday(date(2026, 11, 17))


def test_subdivisions_add_their_holidays() -> None:
    # The day after Thanksgiving is a state holiday in California.
    assert not fr.WorkCalendar("US", "CA").is_business_day(date(2026, 11, 27))


def test_aware_datetimes_are_read_in_the_employer_time_zone() -> None:
    late_in_new_york = datetime(2026, 11, 10, 23, 30, tzinfo=ZoneInfo("America/New_York"))
    assert fr.WorkCalendar("US", timezone="America/New_York").day_of(late_in_new_york) == date(
        2026, 11, 10
    )
    assert fr.WorkCalendar("US", timezone="Europe/Berlin").day_of(late_in_new_york) == date(
        2026, 11, 11
    )
    assert US.day_of(late_in_new_york) == date(2026, 11, 10)


def test_a_date_is_its_own_day() -> None:
    assert US.day_of(date(2026, 11, 10)) == date(2026, 11, 10)


def test_data_range_is_reported() -> None:
    assert US.years == (1777, 2100)


def test_years_beyond_the_data_are_an_error_not_an_empty_calendar() -> None:
    # The holidays package knows Sri Lanka's holidays only up to a recent year; past it,
    # it would silently report none.
    sri_lanka = fr.WorkCalendar("LK")
    last = sri_lanka.years[1]
    with pytest.raises(fr.CalendarError, match=f"{last + 1}"):
        sri_lanka.is_business_day(date(last + 1, 1, 5))


def test_a_calendar_without_business_days_is_an_error_not_a_hang() -> None:
    start = date(2026, 1, 1)
    every_day = [start + timedelta(days=n) for n in range(800)]
    closed = fr.WorkCalendar("US", closed=every_day)
    with pytest.raises(fr.CalendarError, match="no business day within 366 days"):
        closed.next_business_day(start)


def test_repr_shows_only_what_was_set() -> None:
    assert repr(US) == "WorkCalendar('US')"
    full = fr.WorkCalendar("US", "CA", timezone="America/Los_Angeles", closed=[date(2026, 12, 24)])
    assert repr(full) == (
        "WorkCalendar('US', subdivision='CA', timezone='America/Los_Angeles', "
        "closed=[datetime.date(2026, 12, 24)])"
    )


def test_a_time_zone_must_be_a_string() -> None:
    with pytest.raises(fr.CalendarError, match="not a string"):
        fr.WorkCalendar("US", timezone=UTC)


def test_a_country_without_subdivisions_says_so() -> None:
    with pytest.raises(fr.CalendarError, match="expected None or one of none"):
        fr.WorkCalendar("IS", "XX")
