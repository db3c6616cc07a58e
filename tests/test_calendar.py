"""Work calendars: business days, offsets, holiday borders, time zones and data limits."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

import followup_rules as fr
from conformance import spelled
from followup_rules import calendar

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


# The holiday data's limits ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("country", "years"),
    [
        ("IN", (2001, 2035)),  # Diwali, Holi, Dussehra: the package warns outside these years
        ("GY", (2001, 2035)),  # Phagwah and Deepavali come from the same Hindu tables, silently
        ("SA", (1925, None)),  # the Islamic tables start in 1925; their end grows with releases
        ("ID", (1946, 2050)),  # Nyepi, from the Balinese Saka table, ends in 2050
        ("LK", (2003, 2026)),  # the country's own last year
        ("US", (1777, 2100)),
    ],
)
def test_years_are_the_ones_the_data_fully_covers(
    country: str, years: tuple[int, int | None]
) -> None:
    calendar = fr.WorkCalendar(country)
    first, last = calendar.years
    assert (first, last if years[1] is not None else None) == years
    assert calendar.covers(date(first, 1, 1))
    assert calendar.covers(date(last, 12, 31))
    assert not calendar.covers(date(last + 1, 1, 1))
    assert not calendar.covers(date(first - 1, 12, 31))


@pytest.mark.parametrize("day", [date(2000, 11, 6), date(2036, 10, 27)])
def test_india_outside_its_hindu_holiday_tables_is_refused(day: date) -> None:
    india = fr.WorkCalendar("IN")
    with pytest.raises(fr.OutsideHolidayDataError, match="expected a date from 2001 to 2035"):
        india.is_business_day(day)
    assert not india.is_business_day(date(2035, 10, 30))  # Diwali, still known


@pytest.mark.slow
def test_a_place_without_one_complete_year_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(calendar, "_fill", lambda entity, year: False)
    try:
        with pytest.raises(fr.CalendarError, match="no year of complete holiday data for 'AD'"):
            fr.WorkCalendar("AD").years  # noqa: B018
    finally:
        calendar._year.cache_clear()
        calendar._years.cache_clear()


def test_the_last_business_day_of_the_data_has_no_known_successor() -> None:
    with pytest.raises(fr.OutsideHolidayDataError) as raised:
        US.next_business_day(date(2100, 12, 30))
    assert "2100-12-30" in str(raised.value)
    assert "2101" not in str(raised.value)
    assert US.previous_business_day(date(2100, 12, 31)) == date(2100, 12, 30)


def test_the_first_day_of_the_data_has_no_known_predecessor() -> None:
    with pytest.raises(fr.OutsideHolidayDataError, match="business day 1 before 1777-01-01"):
        US.previous_business_day(date(1777, 1, 1))
    with pytest.raises(fr.OutsideHolidayDataError, match="whether 1777-01-01 borders") as raised:
        US.borders_holiday(date(1777, 1, 1))
    assert "1776" not in str(raised.value)


def test_a_border_known_before_the_edge_is_still_answered() -> None:
    # New Year's Day 2101 is observed on Friday 2100-12-31: Thursday borders it, whatever 2101.
    assert US.borders_holiday(date(2100, 12, 30))
    with pytest.raises(fr.OutsideHolidayDataError, match="the days after it reach past"):
        fr.WorkCalendar("LK").borders_holiday(date(2026, 12, 31))


def test_an_evaluation_at_the_end_of_the_data_is_blocked_not_an_error() -> None:
    history = fr.History([fr.Applied(date(2100, 12, 1))], calendar=US)
    decision = fr.evaluate(history, date(2100, 12, 31))
    assert decision.action is fr.Action.BLOCKED
    assert decision.next_date is None
    assert [s.day for s in decision.skipped] == [date(2100, 12, 31)]


def test_a_day_whose_border_is_unknown_is_never_proposed() -> None:
    # Thursday 2026-12-31 is Sri Lanka's last day of data: whether it borders a holiday
    # depends on 2027, so Right changes skips it, and the next day is past the data.
    history = fr.History([fr.Applied(date(2026, 12, 1))], calendar=fr.WorkCalendar("LK"))
    decision = fr.evaluate(history, date(2026, 12, 31), rules="right-changes")
    assert decision.action is fr.Action.BLOCKED
    assert [(s.day, [str(r) for r in s.by]) for s in decision.skipped] == [
        (date(2026, 12, 31), ["right-changes/not-next-to-holiday"])
    ]


def test_a_rule_that_counts_past_the_data_blocks_the_decision() -> None:
    # Three business days after Tuesday 2026-12-29 fall in 2027, past Sri Lanka's data.
    sri_lanka = fr.WorkCalendar("LK")
    history = fr.History([fr.Applied(date(2026, 12, 29))], calendar=sri_lanka)
    decision = fr.evaluate(history, date(2026, 12, 29), rules="three-by-three")
    assert decision.action is fr.Action.BLOCKED
    binding = [r for r in decision.reasons if r.binding]
    assert [str(r.ref) for r in binding] == ["three-by-three/three-business-days"]
    assert "business day 3 after 2026-12-29 is past the holiday data" in binding[0].what


@pytest.mark.parametrize("calendar_", [fr.WorkCalendar("LK"), US], ids=["LK", "US"])
def test_a_plan_runs_up_to_the_end_of_the_data(calendar_: fr.WorkCalendar) -> None:
    last = calendar_.years[1]
    start = date(last, 11, 2)
    history = fr.History([fr.Applied(start), fr.Interview(start)], calendar=calendar_)
    plan = fr.plan(history, start, rules="three-by-three", assume=fr.Outcome.REACHED)
    assert plan.days[-1].year == last
    assert plan.end is fr.PlanEnd.END_OF_DATA
    assert plan.ending.action is fr.Action.BLOCKED
    unknown = plan.ending.beyond_data
    assert unknown is not None
    assert unknown.year == last + 1
    assert not calendar_.covers(unknown)
    assert str(plan).endswith(
        f"then the plan ends where the holiday data does: no day from {spelled(unknown)} is known"
    )


def test_a_search_that_reaches_the_end_of_the_data_says_so() -> None:
    history = fr.History([fr.Applied(date(2100, 12, 20))], calendar=US)
    decision = fr.evaluate(history, date(2100, 12, 31), rules="right-changes")
    assert decision.action is fr.Action.BLOCKED
    assert decision.beyond_data == date(2101, 1, 1)
    assert [s.day for s in decision.skipped] == [date(2100, 12, 31)]
    assert str(decision).splitlines()[1] == (
        "  the holiday data does not reach Sat 2101-01-01: no day from then on can be proposed"
    )


def test_the_first_days_of_the_data_are_skipped_not_an_error() -> None:
    history = fr.History([fr.Applied(date(1777, 1, 1))], calendar=US)
    decision = fr.evaluate(history, date(1777, 1, 2), rules="right-changes")
    assert decision.next_date == date(1777, 1, 2)


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (date(2026, 11, 12), -1, date(2026, 11, 10)),  # back over Veterans Day
        (date(2026, 11, 30), -3, date(2026, 11, 24)),  # back over Thanksgiving and a weekend
        (date(2026, 11, 9), -1, date(2026, 11, 6)),
    ],
)
def test_negative_counts_go_backwards(start: date, count: int, expected: date) -> None:
    assert US.add_business_days(start, count) == expected
    assert US.add_business_days(expected, -count) == start


@pytest.mark.parametrize("count", [2.5, True, "3", None])
def test_a_count_must_be_a_whole_number(count: object) -> None:
    with pytest.raises(fr.InvalidArgumentError, match=f"count={count!r}: expected a whole number"):
        US.add_business_days(date(2026, 11, 10), count)  # type: ignore[arg-type]


@pytest.mark.parametrize("day", ["2026-11-10", 1, None, datetime(2026, 11, 10, 9, tzinfo=UTC)])
def test_a_day_must_be_a_date(day: object) -> None:
    for method in (US.is_business_day, US.is_holiday, US.borders_holiday, US.check_covers):
        with pytest.raises(fr.InvalidArgumentError, match=r"expected a datetime\.date"):
            method(day)  # type: ignore[arg-type]


# Holidays the employer works through -------------------------------------------------------------

VETERANS_DAY_OPEN = fr.WorkCalendar("US", open_on=["Veterans Day"])


def test_a_holiday_kept_open_is_a_business_day_and_no_longer_a_border() -> None:
    wednesday = date(2026, 11, 11)
    assert VETERANS_DAY_OPEN.is_business_day(wednesday)
    assert not VETERANS_DAY_OPEN.is_holiday(wednesday)
    assert not VETERANS_DAY_OPEN.borders_holiday(date(2026, 11, 10))
    assert not VETERANS_DAY_OPEN.borders_holiday(date(2026, 11, 12))
    assert VETERANS_DAY_OPEN.borders_holiday(date(2026, 11, 25))  # Thanksgiving is still off
    # The shared per-year answers of the plain calendar are untouched.
    assert US.borders_holiday(date(2026, 11, 10))
    assert not US.is_business_day(wednesday)


def test_right_changes_may_then_propose_the_days_around_it() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=VETERANS_DAY_OPEN)
    decision = fr.evaluate(history, date(2026, 11, 10), rules="right-changes")
    assert decision.next_date == date(2026, 11, 10)


def test_names_are_matched_ignoring_case_and_spelled_as_the_data_does() -> None:
    shouted = fr.WorkCalendar("US", open_on=["VETERANS DAY"])
    assert shouted == VETERANS_DAY_OPEN
    assert hash(shouted) == hash(VETERANS_DAY_OPEN)
    assert shouted.open_on == frozenset({"Veterans Day"})
    assert shouted != US


def test_a_holiday_kept_open_keeps_its_observed_day_open_too() -> None:
    # Independence Day 2026 is a Saturday, observed on Friday 3 July.
    open_july = fr.WorkCalendar("US", open_on=["Independence Day"])
    assert open_july.is_business_day(date(2026, 7, 3))
    assert not open_july.is_business_day(date(2026, 7, 4))  # still a Saturday
    only_observed = fr.WorkCalendar("US", open_on=["Independence Day (observed)"])
    assert only_observed.is_business_day(date(2026, 7, 3))


def test_a_date_kept_open_is_a_business_day_even_on_a_weekend() -> None:
    calendar_ = fr.WorkCalendar("US", open_on=[date(2026, 11, 26), date(2026, 11, 28)])
    assert calendar_.is_business_day(date(2026, 11, 26))  # Thanksgiving
    assert calendar_.is_business_day(date(2026, 11, 28))  # a Saturday
    assert not calendar_.is_holiday(date(2026, 11, 26))
    assert calendar_.next_business_day(date(2026, 11, 25)) == date(2026, 11, 26)


def test_open_on_reads_in_the_repr() -> None:
    calendar_ = fr.WorkCalendar("US", open_on=[date(2026, 12, 24), "columbus day", "Veterans Day"])
    assert repr(calendar_) == (
        "WorkCalendar('US', open_on=['Columbus Day', 'Veterans Day', datetime.date(2026, 12, 24)])"
    )


def test_an_unknown_holiday_name_lists_the_names_of_the_country() -> None:
    with pytest.raises(fr.CalendarError) as raised:
        fr.WorkCalendar("US", open_on=["Veteran's Day"])
    message = str(raised.value)
    assert message.startswith(
        "unknown holiday name \"Veteran's Day\" in open_on: expected a date or a name 'US' has "
        "from 1777 to 2100 (case aside): 'Armistice Day', 'Christmas Day', "
    )
    assert message.endswith(" more")
    assert len(message) < 500


def test_names_of_a_country_whose_own_language_is_not_english_are_english() -> None:
    # Friday 1 May 2026 is Labour Day in Germany; the data's own German name is not taken.
    assert fr.WorkCalendar("DE", open_on=["Labor Day"]).is_business_day(date(2026, 5, 1))
    assert not fr.WorkCalendar("DE").is_business_day(date(2026, 5, 1))
    with pytest.raises(
        fr.CalendarError,
        match="unknown holiday name 'Erster Mai' in open_on: expected a date or a name 'DE'",
    ):
        fr.WorkCalendar("DE", open_on=["Erster Mai"])


@pytest.mark.parametrize(
    ("open_on", "message"),
    [
        ("Veterans Day", "open_on='Veterans Day': expected a collection of holiday names and"),
        ([11], "open_on value 11: expected one of holiday names and datetime.date"),
        ([datetime(2026, 11, 27, tzinfo=UTC)], "open_on value 2026-11-27T00:00:00\\+00:00"),
        ([date(2026, 11, 27)], "2026-11-27 both closed and open"),
        ([""], "unknown holiday name ''"),
        (["Veterans Day\r\nX"], "unknown holiday name 'Veterans Day\\\\r\\\\nX'"),
    ],
)
def test_open_on_refuses_what_is_not_a_holiday_name_or_a_date(
    open_on: object, message: str
) -> None:
    with pytest.raises(fr.CalendarError, match=message):
        fr.WorkCalendar("US", closed=[date(2026, 11, 27)], open_on=open_on)


# -- day tables --------------------------------------------------------------------------------


def _worked_out(cal: fr.WorkCalendar, day: date) -> tuple[bool, bool, bool | str]:
    """What ``day`` is, worked out from the holiday data without the day tables."""
    try:
        borders: bool | str = cal._borders(day)
    except fr.CalendarError as error:
        borders = str(error)
    return cal._business(day), cal._holiday(day), borders


def _looked_up(cal: fr.WorkCalendar, day: date) -> tuple[bool, bool, bool | str]:
    try:
        borders: bool | str = cal.borders_holiday(day)
    except fr.CalendarError as error:
        borders = str(error)
    return cal.is_business_day(day), cal.is_holiday(day), borders


@pytest.mark.parametrize(
    ("cal", "year"),
    [
        (US, 2026),
        (fr.WorkCalendar("US", closed=[date(2026, 11, 27), date(2026, 12, 24)]), 2026),
        (VETERANS_DAY_OPEN, 2026),
        (fr.WorkCalendar("DE", "BY"), 2027),
        (US, 2100),  # its last days border the unknown
    ],
    ids=repr,
)
def test_a_day_table_says_what_the_holiday_data_says_of_every_day(
    cal: fr.WorkCalendar, year: int
) -> None:
    days = [date(year, 1, 1) + timedelta(days=n) for n in range(365)]
    assert [_looked_up(cal, day) for day in days] == [_worked_out(cal, day) for day in days]


def test_a_year_table_is_built_once_then_looked_up(monkeypatch: pytest.MonkeyPatch) -> None:
    cal = fr.WorkCalendar("US", closed=[date(2031, 7, 3)])
    assert cal.borders_holiday(date(2031, 7, 2))  # before the closed Thursday and the Fourth
    asked: list[date] = []
    monkeypatch.setattr(fr.WorkCalendar, "_borders", lambda self, day: asked.append(day))
    assert cal.borders_holiday(date(2031, 7, 7))
    assert not cal.borders_holiday(date(2031, 7, 8))
    assert asked == []
    assert calendar._days.cache_info().maxsize == calendar.YEARS_KEPT == 256


def test_the_day_search_reads_an_unknown_day_as_ruled_out_and_a_known_one_from_its_table() -> None:
    past_the_data = date(2101, 1, 3)
    assert US._off_or_unknown(past_the_data) is True
    assert US._borders_or_unknown(past_the_data) is True
    # Veterans Day 2026 is off; Thursday the 12th, the first day back, borders it.
    assert US._off_or_unknown(date(2026, 11, 11)) is True
    assert US._off_or_unknown(date(2026, 11, 12)) is False
    assert US._borders_or_unknown(date(2026, 11, 12)) is True
    assert US._borders_or_unknown(date(2026, 11, 17)) is False
