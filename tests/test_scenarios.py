"""Scenarios: archetypes of a job search, drawn reproducibly on a real calendar."""

from __future__ import annotations

from datetime import date
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis.errors import InvalidArgument

import followup_rules as fr
from followup_rules.scenarios import SCENARIOS, Scenario, Search, scenario, scenario_names
from followup_rules.testing import searches

US = fr.WorkCalendar("US")
START = date(2026, 3, 2)
GOOD: dict[str, Any] = {
    "name": "mine",
    "summary": "An interview, then nothing.",
    "applies_within": (0, 3),
}


def kinds(search: Search) -> list[str]:
    return [type(event).__name__ for event in search.history]


def test_the_eight_archetypes_are_named_in_their_documented_order() -> None:
    assert scenario_names() == (
        "silent-employer",
        "decide-by-friday",
        "voicemail-heavy",
        "quick-reply",
        "informational-meeting",
        "two-rounds",
        "holidays",
        "rejection-after-weeks",
    )


def test_the_same_seed_draws_the_same_search_and_replies() -> None:
    archetype = SCENARIOS["two-rounds"]
    one = archetype.generate(seed=7, start=START, calendar=US)
    two = archetype.generate(seed=7, start=START, calendar=US)
    assert one == two
    first = [delay for delay, _ in zip(one.replies(), range(20), strict=False)]
    again = [delay for delay, _ in zip(two.replies(), range(20), strict=False)]
    assert first == again
    assert any(delay is None for delay in first)
    assert any(delay is not None for delay in first)


def test_another_seed_draws_another_search() -> None:
    archetype = SCENARIOS["rejection-after-weeks"]
    drawn = {archetype.generate(seed=s, start=START, calendar=US).history for s in range(30)}
    assert len(drawn) > 10


def test_a_silent_employer_brings_an_application_and_an_interview_on_business_days() -> None:
    search = SCENARIOS["silent-employer"].generate(seed=1, start=START, calendar=US)
    assert kinds(search) == ["Applied", "Interview"]
    assert [day for day, _ in search.history.dated()] == [date(2026, 3, 9), date(2026, 3, 16)]
    assert search.start == date(2026, 3, 9)
    assert {delay for delay, _ in zip(search.replies(), range(50), strict=False)} == {None}


def test_decide_by_friday_names_the_friday_after_the_interview() -> None:
    for seed in range(20):
        search = SCENARIOS["decide-by-friday"].generate(seed=seed, start=START, calendar=US)
        interview = next(e for e in search.history if isinstance(e, fr.Interview))
        stated = next(e for e in search.history if isinstance(e, fr.DecisionExpected))
        assert stated.on == interview.on
        assert stated.by.weekday() == 4
        assert 1 <= (stated.by - interview.on).days <= 7


def test_the_holidays_archetype_interviews_before_christmas_and_is_away_until_january() -> None:
    search = SCENARIOS["holidays"].generate(seed=3, start=START, calendar=US)
    interview = next(e for e in search.history if isinstance(e, fr.Interview))
    away = next(e for e in search.history if isinstance(e, fr.OutOfOffice))
    assert date(2026, 12, 15) <= interview.on <= date(2026, 12, 22)
    assert away.on == date(2026, 12, 23)
    assert away.until == date(2027, 1, 2)
    late = SCENARIOS["holidays"].generate(seed=3, start=date(2026, 12, 28), calendar=US)
    assert next(e for e in late.history if isinstance(e, fr.Interview)).on.year == 2027


def test_two_rounds_and_an_informational_meeting() -> None:
    rounds = SCENARIOS["two-rounds"].generate(seed=2, start=START, calendar=US)
    assert kinds(rounds) == ["Applied", "Interview", "Interview", "Answer"]
    meeting = SCENARIOS["informational-meeting"].generate(seed=2, start=START, calendar=US)
    interview = next(e for e in meeting.history if isinstance(e, fr.Interview))
    assert interview.kind is fr.InterviewKind.INFORMATIONAL


def test_a_search_without_an_interview_may_still_get_an_answer() -> None:
    archetype = Scenario(**GOOD, interview=None, answer=(10, 10), verdict=fr.Verdict.FILLED)
    search = archetype.generate(seed=0, start=START, calendar=US)
    applied, answer = search.history
    assert isinstance(answer, fr.Answer)
    assert answer.verdict is fr.Verdict.FILLED
    assert (applied.on, answer.on) == (date(2026, 3, 2), date(2026, 3, 12))


def test_a_quick_reply_usually_replies_within_two_days() -> None:
    search = SCENARIOS["quick-reply"].generate(seed=0, start=START, calendar=US)
    delays = [delay for delay, _ in zip(search.replies(), range(400), strict=False)]
    replied = [delay for delay in delays if delay is not None]
    assert set(replied) == {1, 2}
    assert 0.7 < len(replied) / len(delays) < 0.9


def test_scenario_looks_up_a_name_and_passes_a_scenario_through() -> None:
    assert scenario("holidays") is SCENARIOS["holidays"]
    assert scenario(SCENARIOS["holidays"]) is SCENARIOS["holidays"]
    with pytest.raises(fr.InvalidArgumentError, match=r"'holiday'.*silent-employer"):
        scenario("holiday")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"name": ""}, r"Scenario.name='': expected a non-empty string"),
        ({"summary": "two\nlines"}, r"Scenario.summary='two\\nlines'"),
        ({"applies_within": (3, 1)}, r"applies_within=\(3, 1\): expected a pair"),
        ({"applies_within": [0, 1]}, r"applies_within=\[0, 1\]"),
        ({"interview": (1, 2.5)}, r"interview=\(1, 2.5\).*or None"),
        ({"reply_days": (0, 2)}, r"reply_days=\(0, 2\).*1 <= fewest"),
        ({"second_round": (0, 3), "interview": (1, 2)}, r"second_round=\(0, 3\)"),
        ({"reply_chance": 1.5}, r"reply_chance=1.5: expected a probability"),
        ({"reply_chance": True}, r"reply_chance=True"),
        ({"decides_by_friday": 1}, r"decides_by_friday=1: expected True or False"),
        ({"channel": "phone"}, r"channel='phone': expected one of Channel.PHONE"),
        ({"outcome": "sent"}, r"outcome='sent'.*Outcome.SENT or None"),
        ({"outcome": fr.Outcome.NO_ANSWER}, r"NO_ANSWER.*leaves nothing"),
        ({"kind": None}, r"kind=None: expected one of InterviewKind.JOB"),
        ({"verdict": "no"}, r"verdict='no'"),
        ({"decides_by_friday": True}, r"'mine'.*need an interview"),
    ],
)
def test_a_bad_parameter_is_a_typed_error_naming_it(
    change: dict[str, object], message: str
) -> None:
    fields = {**GOOD, "interview": None, **change}
    with pytest.raises(fr.InvalidArgumentError, match=message):
        Scenario(**fields)


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"seed": 1.5}, r"seed=1.5: expected a whole number or a string"),
        ({"seed": True}, r"seed=True"),
        ({"start": "2026-03-02"}, r"start='2026-03-02': expected a datetime.date"),
        ({"calendar": "US"}, r"calendar='US': expected a WorkCalendar"),
    ],
)
def test_generate_refuses_bad_arguments(arguments: dict[str, object], message: str) -> None:
    given_ = {"seed": 1, "start": START, "calendar": US, **arguments}
    with pytest.raises(fr.InvalidArgumentError, match=message):
        SCENARIOS["silent-employer"].generate(**given_)  # type: ignore[arg-type]


def test_an_archetype_is_evolved_with_its_checks() -> None:
    quieter = attrs.evolve(SCENARIOS["quick-reply"], reply_chance=0.0)
    assert quieter.reply_chance == 0.0
    assert quieter.channel is fr.Channel.EMAIL
    with pytest.raises(fr.InvalidArgumentError, match=r"reply_chance=-0\.1"):
        attrs.evolve(quieter, reply_chance=-0.1)


@given(searches())
def test_every_drawn_search_is_a_valid_history_starting_with_the_application(
    search: Search,
) -> None:
    days = [day for day, _ in search.history.dated()]
    assert isinstance(next(iter(search.history)), fr.Applied)
    assert days == sorted(days)
    assert all(US.is_business_day(day) for day in days)
    assert search.start == days[0]


@given(searches(["voicemail-heavy", SCENARIOS["two-rounds"]], start=date(2027, 6, 1)))
def test_searches_draw_only_the_archetypes_asked_for(search: Search) -> None:
    assert search.scenario.name in {"voicemail-heavy", "two-rounds"}
    assert search.start >= date(2027, 6, 1)


def test_searches_refuses_no_archetype_and_a_bad_calendar() -> None:
    with pytest.raises(InvalidArgument, match=r"scenarios=\[\]"):
        searches([])
    with pytest.raises(InvalidArgument, match="calendar='US'"):
        searches(calendar="US")  # type: ignore[arg-type]
