"""Calendar cases that mutants of calendar.py survived: non-business days next to a holiday
break, and the exact refusals at the first and last years of the holiday data."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta, tzinfo

import holidays
import pytest

import followup_rules as fr
from followup_rules.calendar import _entity, _language
from followup_rules.errors import (
    InvalidArgumentError,
    InvalidHistoryError,
    OutsideHolidayDataError,
)

US = fr.WorkCalendar("US")


@pytest.mark.parametrize(
    "day",
    [date(2026, 11, 26), date(2026, 11, 28), date(2026, 11, 29)],
    ids=["Thanksgiving", "Saturday", "Sunday"],
)
def test_a_day_off_never_borders_a_holiday_break(day: date) -> None:
    # Wednesday 2026-11-25 and Monday 2026-11-30 do; the days between are the break itself.
    assert US.borders_holiday(date(2026, 11, 25))
    assert not US.borders_holiday(day)


def test_the_first_day_of_the_data_after_a_weekend_is_unknown_not_guessed() -> None:
    # France's data starts with 1803, on a Saturday: Monday 1803-01-03 has no known day before.
    message = (
        "whether 1803-01-03 borders a holiday break is unknown: the days before it reach past "
        "the holiday data for 'FR', which covers 1803 to 2100"
    )
    with pytest.raises(OutsideHolidayDataError, match=f"^{re.escape(message)}$"):
        fr.WorkCalendar("FR").borders_holiday(date(1803, 1, 3))


def test_counting_past_the_last_year_names_the_call() -> None:
    message = (
        "add_business_days(2100-12-30, 5) is unknown: business day 5 after 2100-12-30 is past "
        "the holiday data for 'US', which ends with 2100: its days are unknown"
    )
    with pytest.raises(OutsideHolidayDataError, match=f"^{re.escape(message)}$"):
        US.add_business_days(date(2100, 12, 30), 5)


def test_counting_back_past_the_first_year_names_the_call() -> None:
    message = (
        "add_business_days(1777-01-03, -5) is unknown: business day 5 before 1777-01-03 is "
        "past the holiday data for 'US', which starts with 1777: its days are unknown"
    )
    with pytest.raises(OutsideHolidayDataError, match=f"^{re.escape(message)}$"):
        US.add_business_days(date(1777, 1, 3), -5)


def test_a_subdivision_has_its_own_holidays_borders_and_names() -> None:
    california = fr.WorkCalendar("US", "CA")
    # The day after Thanksgiving is a California holiday only; so is Cesar Chavez Day (Tue 3-31).
    assert california.is_holiday(date(2026, 11, 27))
    assert not US.is_holiday(date(2026, 11, 27))
    assert [
        california.borders_holiday(date(2026, 3, 30)),
        US.borders_holiday(date(2026, 3, 30)),
    ] == [
        True,
        False,
    ]
    assert [
        US.borders_holiday(date(2026, 11, 30)),
        california.borders_holiday(date(2026, 11, 30)),
    ] == [
        False,
        True,
    ]
    kept_open = fr.WorkCalendar("US", "CA", open_on=["Day After Thanksgiving"])
    assert kept_open.is_business_day(date(2026, 11, 27))


def test_a_subdivision_is_named_with_its_country_in_refusals() -> None:
    california = fr.WorkCalendar("US", "CA")
    last = california.years[1]  # 2035 in holidays 0.109; it moves with the package's data
    message = (
        f"add_business_days({last}-12-30, 5) is unknown: business day 5 after {last}-12-30 is "
        f"past the holiday data for 'US-CA', which ends with {last}: its days are unknown"
    )
    with pytest.raises(OutsideHolidayDataError, match=f"^{re.escape(message)}$"):
        california.add_business_days(date(last, 12, 30), 5)


def test_day_of_refuses_text_naming_the_argument() -> None:
    message = "when='2026-03-02': expected a datetime.date or an aware datetime"
    with pytest.raises(InvalidArgumentError, match=f"^{re.escape(message)}$"):
        US.day_of("2026-03-02")  # type: ignore[arg-type]


class _NoOffset(tzinfo):
    """A time zone that does not know its offset: such a datetime is naive."""

    def utcoffset(self, dt: datetime | None) -> timedelta | None:
        return None

    def dst(self, dt: datetime | None) -> timedelta | None:
        return None

    def tzname(self, dt: datetime | None) -> str | None:
        return None


def test_a_datetime_whose_zone_has_no_offset_is_naive() -> None:
    message = "naive datetime '2026-03-02T09:00:00': expected a date or an aware datetime"
    with pytest.raises(InvalidHistoryError, match=f"^{re.escape(message)}$"):
        US.day_of(datetime(2026, 3, 2, 9, tzinfo=_NoOffset()))


def test_a_time_zone_that_is_not_text_is_named() -> None:
    message = "time zone 5 is not a string: expected an IANA name or None"
    with pytest.raises(fr.CalendarError, match=f"^{re.escape(message)}$"):
        fr.WorkCalendar("US", timezone=5)


def test_covers_names_its_argument() -> None:
    message = "day='x': expected a datetime.date"
    with pytest.raises(InvalidArgumentError, match=f"^{re.escape(message)}$"):
        US.covers("x")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("search", "origin"),
    [
        (lambda c: c.next_business_day(date(2026, 6, 1)), "2026-06-01"),
        (lambda c: c.previous_business_day(date(2027, 6, 1)), "2027-06-01"),
    ],
    ids=["forwards", "backwards"],
)
def test_a_calendar_closed_for_a_year_names_the_day_searched_from(
    search: Callable[[fr.WorkCalendar], date], origin: str
) -> None:
    closed = [date(2026, 1, 1) + timedelta(days=n) for n in range(800)]
    message = f"has no business day within 366 days of {origin}: expected closed dates"
    with pytest.raises(fr.CalendarError, match=re.escape(message)):
        search(fr.WorkCalendar("US", closed=closed))


@pytest.mark.parametrize("country", ["IL", "JO"])
def test_a_year_s_holidays_are_the_package_s(country: str) -> None:
    # Israel's Hebrew-calendar holidays and Jordan's second days of Eid are looked up in tables
    # with an offset, which the watch on those tables must pass on.
    calendar = fr.WorkCalendar(country)
    expected = holidays.country_holidays(country, years=2026, language=_language(country))
    days = [date(2026, 1, 1) + timedelta(days=n) for n in range(365)]
    assert {day for day in days if calendar.is_holiday(day)} == set(expected)


def test_holiday_names_are_english_whatever_the_process_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANGUAGE", "de")
    entity = _entity("DE", None)
    assert entity.get(date(2026, 12, 25)) == "Christmas Day"


def test_a_name_the_data_writes_only_with_a_label_is_known_without_it() -> None:
    # Jordan's data writes every Eid al-Fitr as estimated: "Eid al-Fitr (estimated)".
    assert fr.WorkCalendar("JO", open_on=["eid al-fitr"]).open_on == frozenset({"Eid al-Fitr"})


def test_a_name_cut_short_is_not_a_holiday_name() -> None:
    # "Indep" is "Independence Day" without as many letters as " (observed)" has.
    with pytest.raises(fr.CalendarError, match=r"^unknown holiday name 'Indep' in open_on"):
        fr.WorkCalendar("US", open_on=["Indep"])


def test_the_next_business_day_past_the_data_is_refused_without_a_call_named() -> None:
    message = (
        "business day 1 after 2100-12-31 is past the holiday data for 'US', which ends with "
        "2100: its days are unknown"
    )
    with pytest.raises(OutsideHolidayDataError, match=f"^{re.escape(message)}$"):
        US.next_business_day(date(2100, 12, 31))
