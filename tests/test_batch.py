"""Many applications at once: evaluate_many, the long-table path, and the Dask recipe.

The dated cases are on the US calendar on Wednesday 11 November 2026, Veterans Day, with the
Five Rules: a week after the interview, follow-ups a week apart, business days only.
"""

from __future__ import annotations

import enum
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import followup_rules as fr
from followup_rules.batch import (
    DECISION_COLUMNS,
    decision_columns,
    evaluate_frame,
    evaluate_many,
    histories_from_frame,
)
from followup_rules.effects import NotBefore
from followup_rules.errors import MissingExtraError
from followup_rules.events import EVENT_NAMES
from followup_rules.testing import days_after, histories

pd = pytest.importorskip("pandas")

US = fr.WorkCalendar("US")
VETERANS_DAY = date(2026, 11, 11)
NAMES = {kind: name for name, kind in EVENT_NAMES.items()}

APPLICATIONS: dict[str, list[fr.Event]] = {
    # Interviewed Thu 5 Nov: not before Thu 12 Nov, a week later.
    "a": [fr.Applied(date(2026, 10, 26)), fr.Interview(date(2026, 11, 5))],
    # Followed up Mon 9 Nov: the next follow-up a week later, Mon 16 Nov.
    "b": [
        fr.Interview(date(2026, 11, 2)),
        fr.FollowUp(date(2026, 11, 9), channel=fr.Channel.EMAIL, outcome=fr.Outcome.SENT),
    ],
    # Rejected on Fri 6 Nov: done.
    "c": [fr.Applied(date(2026, 11, 2)), fr.Answer(date(2026, 11, 6), verdict=fr.Verdict.REJECTED)],
    # The week after Mon 2 Nov is over, but today is Veterans Day: Thu 12 Nov.
    "d": [fr.Interview(date(2026, 11, 2))],
}
EXPECTED = {
    "a": ("wait", date(2026, 11, 12), "five-rules/wait-a-week"),
    "b": ("wait", date(2026, 11, 16), "five-rules/no-daily-contact"),
    "c": ("done", None, "common/definite-answer"),
    "d": ("wait", date(2026, 11, 12), "common/business-days-only"),
}


def _rows(key: object, history: fr.History) -> Iterator[dict[str, object]]:
    """A history as rows of a long table, one per event, in the columns of a CSV tracker."""
    for event in history.events:
        row: dict[str, object] = {"application": key, "type": NAMES[type(event)]}
        for field in attrs.fields(type(event)):
            value = getattr(event, field.name)
            row[field.name] = value.value if isinstance(value, enum.Enum) else value
        yield row


def _frame(applications: dict[Any, fr.History]) -> Any:
    return pd.DataFrame([row for key, h in applications.items() for row in _rows(key, h)])


def _histories() -> dict[str, fr.History]:
    return {key: fr.History(events, calendar=US) for key, events in APPLICATIONS.items()}


def _plain(value: object) -> object:
    """A cell of a table of decisions as a plain value: NA as None, a timestamp as a date."""
    if pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value.item() if hasattr(value, "item") else value


def _cells(decision: fr.Decision) -> tuple[object, ...]:
    """What a row of the table says about ``decision``, worked out from the decision itself."""

    def named(member: enum.Enum | None) -> object:
        return None if member is None else member.value

    return (
        decision.today,
        decision.action.value,
        decision.next_date,
        decision.window_end,
        decision.overdue,
        named(decision.purpose),
        named(decision.channel),
        named(decision.time_of_day),
        decision.follow_ups_left,
        decision.messages_left,
        "; ".join(f"{r.ref}: {r.what}" for r in decision.reasons if r.binding),
        ", ".join(f"{name} {version}" for name, version in decision.rulesets),
    )


def _table_rows(table: Any) -> list[tuple[object, ...]]:
    return [tuple(_plain(value) for value in row) for row in table[list(DECISION_COLUMNS)].values]


def _latest(found: list[fr.History]) -> fr.History:
    return max(found, key=lambda history: max(day for day, _ in history.dated()))


# evaluate_many


def test_evaluate_many_answers_each_history_in_order() -> None:
    decisions = evaluate_many(_histories().values(), VETERANS_DAY, rules="five-rules")
    found = [(d.action.value, d.next_date) for d in decisions]
    assert found == [(action, day) for action, day, _ in EXPECTED.values()]
    binding = [next(str(r.ref) for r in d.reasons if r.binding) for d in decisions]
    assert binding == [ref for _, _, ref in EXPECTED.values()]


@pytest.mark.slow
@pytest.mark.parametrize("rules", [None, "five-rules", "right-changes+call-back"])
@given(data=st.data(), found=st.lists(histories(), min_size=1, max_size=4))
def test_evaluate_many_gives_the_decisions_of_evaluate(
    rules: str | None, data: st.DataObject, found: list[fr.History]
) -> None:
    today = data.draw(days_after(_latest(found)), label="today")
    one_by_one = [fr.evaluate(history, today, rules=rules) for history in found]
    assert evaluate_many(found, today, rules=rules) == one_by_one


def test_evaluate_many_takes_any_iterable_once_and_a_rule_set() -> None:
    ruleset = fr.rulesets.get("five-rules")
    decisions = evaluate_many(iter(_histories().values()), VETERANS_DAY, rules=ruleset)
    assert [d.next_date for d in decisions][:2] == [date(2026, 11, 12), date(2026, 11, 16)]
    assert evaluate_many([], VETERANS_DAY) == []


def test_evaluate_many_counts_a_subclassed_effect_as_its_kind() -> None:
    class Until(NotBefore):  # type: ignore[misc]  # final to type checkers, allowed at run time
        """A user's own kind of wait: still a NotBefore to the engine."""

    @attrs.frozen
    class WaitForFriday:
        id: str = "wait-for-friday"
        citation: fr.Citation = fr.Citation(fr.Source("house rules", "us"), "Fridays")

        def apply(self, facts: fr.Facts) -> Iterator[NotBefore]:
            yield Until(date(2026, 11, 13), "not before Fri 2026-11-13: house rules")

    rules = fr.RuleSet("house", [WaitForFriday()])
    history = _histories()["d"]
    decisions = evaluate_many([history], VETERANS_DAY, rules=rules)
    assert decisions == [fr.evaluate(history, VETERANS_DAY, rules=rules)]
    assert decisions[0].next_date == date(2026, 11, 13)
    assert [str(r.ref) for r in decisions[0].reasons if r.binding] == ["house/wait-for-friday"]


@pytest.mark.parametrize(
    ("histories_given", "match"),
    [
        (_histories()["a"], r"histories=History\(.*expected an iterable of History"),
        (42, r"histories=42: expected an iterable of History"),
        ("a history", r"histories='a history': expected an iterable of History"),
        (["a history"], r"history 'a history' is not a History"),
    ],
)
def test_evaluate_many_refuses_what_is_not_histories(histories_given: Any, match: str) -> None:
    with pytest.raises(fr.InvalidArgumentError, match=match):
        evaluate_many(histories_given, VETERANS_DAY)


def test_evaluate_many_names_an_unknown_rule_set() -> None:
    with pytest.raises(fr.UnknownRuleSetError, match="unknown rule set 'five-rule'"):
        evaluate_many(_histories().values(), VETERANS_DAY, rules="five-rule")


# The long table


def test_a_long_table_gives_one_row_per_application() -> None:
    table = evaluate_frame(_frame(_histories()), VETERANS_DAY, calendar=US, rules="five-rules")
    assert list(table.columns) == ["application", *DECISION_COLUMNS]
    assert list(table["application"]) == ["a", "b", "c", "d"]
    rows = _table_rows(table)
    assert [(row[1], row[2]) for row in rows] == [(a, d) for a, d, _ in EXPECTED.values()]
    assert {row[0] for row in rows} == {VETERANS_DAY}
    assert rows[1][10] == (
        "five-rules/no-daily-contact: not before Mon 2026-11-16: 7 days after the last follow-up"
    )
    assert rows[3][10] == "common/business-days-only: business days only"
    assert rows[0][4:10] == (False, "status", None, None, None, None)
    assert rows[2][11] == "five-rules 2.0"


def test_a_silent_rule_set_gives_a_row_with_no_date() -> None:
    # The Five Rules speak only after an interview: an application alone gets no opinion.
    applied = {"e": fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)}
    table = evaluate_frame(_frame(applied), VETERANS_DAY, calendar=US, rules="five-rules")
    ((_, action, next_date, window_end, _, purpose, *_, why, rulesets),) = _table_rows(table)
    assert (action, next_date, window_end, purpose) == ("silent", None, None, None)
    assert why == "five-rules/scope: silent: this document covers after an interview only"
    assert rulesets == "five-rules 2.0"


def test_the_table_has_typed_columns_even_when_empty() -> None:
    events = _frame(_histories())
    full = evaluate_frame(events, VETERANS_DAY, calendar=US)
    empty = evaluate_frame(events.iloc[:0], VETERANS_DAY, calendar=US)
    assert len(empty) == 0
    assert dict(empty.dtypes) == dict(full.dtypes)
    assert str(full.dtypes["next_date"]) == "datetime64[ns]"
    assert str(full.dtypes["follow_ups_left"]) == "Int64"
    assert list(full["action"].cat.categories) == [action.value for action in fr.Action]
    assert str(full.dtypes["why"]) == "string"


@pytest.mark.slow
@given(data=st.data(), found=st.lists(histories(calendar=US), min_size=1, max_size=5))
def test_the_table_gives_the_decisions_of_evaluate(
    data: st.DataObject, found: list[fr.History]
) -> None:
    today = data.draw(days_after(_latest(found)), label="today")
    applications = dict(enumerate(found))
    events = _frame(applications)
    assert histories_from_frame(events, calendar=US) == applications
    table = evaluate_frame(events, today, calendar=US)
    assert list(table["application"]) == list(applications)
    assert _table_rows(table) == [_cells(fr.evaluate(h, today)) for h in found]


def test_dates_may_be_timestamps_or_iso_text() -> None:
    new_york = timezone(timedelta(hours=-5))
    events = pd.DataFrame(
        {
            "application": [7, 7, 7, 7],
            "type": ["interview", "decision-expected", "follow-up", "out-of-office"],
            "on": [
                pd.Timestamp("2026-11-02"),
                "2026-11-02",
                pd.Timestamp("2026-11-09T10:30", tz=new_york),
                "2026-11-09T11:00:00-05:00",
            ],
            "by": [None, "2026-11-06", None, None],
            "until": [None, None, None, pd.Timestamp("2026-11-10")],
            "channel": [None, None, fr.Channel.PHONE, None],
            "outcome": [None, None, "voicemail-left", None],
        }
    )
    (history,) = histories_from_frame(events, calendar=US).values()
    assert history.events == (
        fr.Interview(date(2026, 11, 2)),
        fr.DecisionExpected(date(2026, 11, 2), by=date(2026, 11, 6)),
        fr.FollowUp(
            datetime(2026, 11, 9, 10, 30, tzinfo=new_york),
            channel=fr.Channel.PHONE,
            outcome=fr.Outcome.VOICEMAIL_LEFT,
        ),
        fr.OutOfOffice(datetime(2026, 11, 9, 11, tzinfo=new_york), until=date(2026, 11, 10)),
    )
    assert type(history.events[2].on) is datetime


def _one_row(**cells: object) -> Any:
    return pd.DataFrame({"application": ["x"], **{k: [v] for k, v in cells.items()}})


@pytest.mark.parametrize(
    ("events", "match"),
    [
        (
            pd.DataFrame({"application": ["x"], "on": [date(2026, 11, 2)]}),
            r"no column 'type': expected the key column 'application', 'type' and 'on' "
            r"among its columns 'application', 'on'",
        ),
        (
            _one_row(type="called", on=date(2026, 11, 2)),
            r"row 0, column 'type' = 'called': expected one of applied, interview, "
            r"decision-expected",
        ),
        (
            _one_row(type=None, on=date(2026, 11, 2)),
            r"row 0, column 'type' = None: expected one of",
        ),
        (
            _one_row(type="applied", on=datetime(2026, 11, 2, 9, 30)),
            r"row 0, column 'on' = Timestamp\('2026-11-02 09:30:00'\): a date and time without "
            r"an offset: expected YYYY-MM-DD",
        ),
        (
            _one_row(type="applied", on=pd.Timestamp("2026-11-02") + pd.Timedelta(1, "ns")),
            r"row 0, column 'on' = Timestamp\('2026-11-02 00:00:00.000000001'\): a date and time "
            r"without an offset: expected YYYY-MM-DD, or a date and time with its offset",
        ),
        (
            _one_row(type="applied", on="2 Nov 2026"),
            r"row 0, column 'on' = '2 Nov 2026': not an ISO 8601 date: expected YYYY-MM-DD",
        ),
        (
            _one_row(type="applied", on=20261102),
            r"row 0, column 'on' = 20261102: a whole number: expected YYYY-MM-DD",
        ),
        (
            _one_row(type="applied", on=float("nan")),
            r"row 0, column 'on': missing, but 'applied' events need it",
        ),
        (
            _one_row(type="follow-up", on=date(2026, 11, 2), channel="fax", outcome="sent"),
            r"row 0, column 'channel' = 'fax': expected one of phone, email, mail, in-person, "
            r"other",
        ),
        (
            _one_row(type="follow-up", on=date(2026, 11, 2), channel="email"),
            r"row 0, column 'outcome': missing, but 'follow-up' events need it",
        ),
        (
            _one_row(type="decision-expected", on=date(2026, 11, 2), by=pd.NaT),
            r"row 0, column 'by': missing, but 'decision-expected' events need it",
        ),
        (
            _one_row(type="decision-expected", on=date(2026, 11, 2), by="2026-11-06T12:00"),
            r"row 0, column 'by' = '2026-11-06T12:00': not an ISO 8601 date: expected YYYY-MM-DD",
        ),
        (
            _one_row(type="out-of-office", on=date(2026, 11, 2), until=datetime(2026, 11, 9, 8)),
            r"row 0, column 'until' = Timestamp\('2026-11-09 08:00:00'\): a date and time: "
            r"expected a date YYYY-MM-DD",
        ),
        (
            _one_row(type="out-of-office", on=date(2026, 11, 2), until=3),
            r"row 0, column 'until' = 3: a whole number: expected a date YYYY-MM-DD",
        ),
        (
            _one_row(type="applied", on=date(2026, 11, 2), verdict="offer"),
            r"row 0, column 'verdict' = 'offer': 'applied' events have no verdict: expected "
            r"only on, note",
        ),
        (
            pd.DataFrame({"application": [pd.NA], "type": ["applied"], "on": [date(2026, 11, 2)]}),
            r"row 0, column 'application' = <NA>: expected the key of an application",
        ),
        (
            pd.DataFrame(
                {"application": ["x"], "type": ["applied"], "on": [date(2026, 11, 2)]},
                index=["first"],
            ).assign(type="withdrawn"),
            r"row 'first', column 'type' = 'withdrawn'",
        ),
    ],
)
def test_a_bad_cell_names_its_row_column_and_value(events: Any, match: str) -> None:
    with pytest.raises(fr.InvalidHistoryError, match=match):
        evaluate_frame(events, VETERANS_DAY, calendar=US)


def test_a_bad_history_names_its_application() -> None:
    events = pd.DataFrame(
        {
            "application": ["acme"],
            "type": ["decision-expected"],
            "on": [date(2026, 11, 10)],
            "by": [date(2026, 11, 6)],
        }
    )
    with pytest.raises(
        fr.InvalidHistoryError,
        match=r"application 'acme': DecisionExpected\(.*\) names 2026-11-06, before the day it "
        r"was recorded \(2026-11-10\)",
    ):
        histories_from_frame(events, calendar=US)


def test_the_table_path_refuses_other_arguments() -> None:
    with pytest.raises(fr.InvalidArgumentError, match=r"events=\[\]: expected a pandas"):
        evaluate_frame([], VETERANS_DAY, calendar=US)  # type: ignore[arg-type]
    events = _frame(_histories())
    with pytest.raises(fr.InvalidArgumentError, match="calendar 'US' is not a WorkCalendar"):
        histories_from_frame(events, calendar="US")  # type: ignore[arg-type]
    with pytest.raises(fr.InvalidHistoryError, match="no column 'app'"):
        histories_from_frame(events, calendar=US, key="app")


# The columnar path, against full decisions on the differential corpus

RULE_NAMES = tuple(fr.rulesets.names())
COMBINATIONS = [(name,) for name in RULE_NAMES] + [RULE_NAMES]


@pytest.mark.slow
@pytest.mark.parametrize("names", COMBINATIONS, ids="+".join)
@given(data=st.data(), found=st.lists(histories(), min_size=1, max_size=4))
def test_the_columns_are_those_of_full_decisions(
    names: tuple[str, ...], data: st.DataObject, found: list[fr.History]
) -> None:
    today = data.draw(days_after(_latest(found)), label="today")
    asked = data.draw(st.permutations(DECISION_COLUMNS), label="order")
    asked = asked[: data.draw(st.integers(1, len(asked)), label="how many")]
    rules = "+".join(names)
    columns = decision_columns(found, today, rules=rules, columns=asked)
    assert list(columns) == asked
    full = [
        dict(zip(DECISION_COLUMNS, _cells(fr.evaluate(h, today, rules=rules)), strict=True))
        for h in found
    ]
    for name in asked:
        assert columns[name] == [row[name] for row in full], name


def test_without_why_no_decision_is_explained(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("explained")

    monkeypatch.setattr("followup_rules.resolution._Schedule.explain", refuse)
    found = list(_histories().values())
    asked = [name for name in DECISION_COLUMNS if name != "why"]
    columns = decision_columns(found, VETERANS_DAY, rules="five-rules", columns=asked)
    assert columns["next_date"] == [
        date(2026, 11, 12),
        date(2026, 11, 16),
        None,
        date(2026, 11, 12),
    ]
    table = evaluate_frame(
        _frame(_histories()), VETERANS_DAY, calendar=US, rules="five-rules", columns=["action"]
    )
    assert list(table.columns) == ["application", "action"]
    assert list(table["action"]) == ["wait", "wait", "done", "wait"]
    with pytest.raises(AssertionError, match="explained"):
        decision_columns(found, VETERANS_DAY, rules="five-rules", columns=["why"])


@pytest.mark.parametrize(
    ("columns", "match"),
    [
        (["action", "reasons"], r"columns=\['action', 'reasons'\]: expected column names among"),
        ("action", r"columns='action': expected column names among 'today', 'action'"),
        (["why", "action", "why"], r"names 'why' more than once: expected each column once"),
        (3, "columns=3: expected column names"),
    ],
)
def test_the_columns_asked_for_are_checked(columns: Any, match: str) -> None:
    found = list(_histories().values())
    with pytest.raises(fr.InvalidArgumentError, match=match):
        decision_columns(found, VETERANS_DAY, columns=columns)
    with pytest.raises(fr.InvalidArgumentError, match=match):
        evaluate_frame(_frame(_histories()), VETERANS_DAY, calendar=US, columns=columns)
    with pytest.raises(fr.InvalidArgumentError, match="expected an iterable of History"):
        decision_columns(found[0], VETERANS_DAY)  # type: ignore[arg-type]


def test_another_key_column_may_name_the_applications() -> None:
    events = _frame(_histories()).rename(columns={"application": "job"})
    table = evaluate_frame(events, VETERANS_DAY, calendar=US, rules="five-rules", key="job")
    assert list(table["job"]) == ["a", "b", "c", "d"]


def test_the_table_path_needs_the_pandas_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    events = _frame(_histories())
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtraError, match=r"evaluate_frame needs pandas.*\[pandas\]"):
        evaluate_frame(events, VETERANS_DAY, calendar=US)
    with pytest.raises(MissingExtraError, match=r"histories_from_frame needs pandas"):
        histories_from_frame(events, calendar=US)


# The Dask recipe (docs/how-to/batch-and-dask.md), on Dask's local synchronous scheduler


def _on_dask(events: Any, today: date, rules: str | None, partitions: int) -> Any:
    dd = pytest.importorskip("dask.dataframe")
    meta = evaluate_frame(events.iloc[:0], today, calendar=US, rules=rules)
    spread = dd.from_pandas(events, npartitions=partitions).shuffle(on="application")
    decided = spread.map_partitions(evaluate_frame, today, calendar=US, rules=rules, meta=meta)
    return decided.compute(scheduler="synchronous"), decided.npartitions


@pytest.mark.slow
def test_the_dask_recipe_decides_each_application_once() -> None:
    table, partitions = _on_dask(_frame(_histories()), VETERANS_DAY, "five-rules", 2)
    assert partitions == 2
    table = table.sort_values("application").reset_index(drop=True)
    assert list(table["application"]) == ["a", "b", "c", "d"]
    assert [(row[1], row[2]) for row in _table_rows(table)] == [
        (action, day) for action, day, _ in EXPECTED.values()
    ]


@pytest.mark.slow
@settings(max_examples=15)
@given(data=st.data(), found=st.lists(histories(calendar=US), min_size=2, max_size=8))
def test_the_dask_recipe_gives_the_decisions_of_evaluate(
    data: st.DataObject, found: list[fr.History]
) -> None:
    today = data.draw(days_after(_latest(found)), label="today")
    table, _ = _on_dask(_frame(dict(enumerate(found))), today, None, 3)
    table = table.sort_values("application").reset_index(drop=True)
    assert list(table["application"]) == list(range(len(found)))
    assert _table_rows(table) == [_cells(fr.evaluate(h, today)) for h in found]


def test_aware_times_reach_the_history_as_python_datetimes() -> None:
    events = _one_row(type="applied", on=pd.Timestamp("2026-11-02T09:00", tz=UTC))
    (history,) = histories_from_frame(events, calendar=US).values()
    assert history.events == (fr.Applied(datetime(2026, 11, 2, 9, tzinfo=UTC)),)


def test_a_table_with_a_column_given_twice_is_refused() -> None:
    events = pd.DataFrame(
        [["acme", "applied", "2026-11-02", "reply"]], columns=["application", "type", "on", "type"]
    )
    with pytest.raises(fr.InvalidHistoryError, match="the column 'type' more than once"):
        evaluate_frame(events, VETERANS_DAY, calendar=US)


def test_a_key_that_cannot_key_an_application_names_its_row() -> None:
    events = pd.DataFrame({"application": [["acme"]], "type": ["applied"], "on": ["2026-11-02"]})
    with pytest.raises(
        fr.InvalidHistoryError, match=r"row 0, column 'application' = \['acme'\]: expected the key"
    ):
        evaluate_frame(events, VETERANS_DAY, calendar=US)


@pytest.mark.parametrize("key", [["application"], 7])
def test_the_key_column_is_named_by_a_string(key: object) -> None:
    with pytest.raises(fr.InvalidArgumentError, match="expected the name of the table's key"):
        histories_from_frame(_frame(_histories()), calendar=US, key=key)  # type: ignore[arg-type]
