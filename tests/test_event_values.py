"""One reader of event values: a tracker file, a DataFrame and the test strategies refuse the
same bad values with the same words, and the field tables come from the event classes."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import attrs
import pytest

import followup_rules as fr
from followup_rules._event_values import read_event
from followup_rules.batch import EVENT_COLUMNS, histories_from_frame
from followup_rules.events import EVENT_FIELDS, EVENT_TYPES, FIELD_VOCABULARIES
from followup_rules.tracker import CSV_COLUMNS, loads_tracker
from followup_rules.vocabulary import Channel, InterviewKind, Outcome, Purpose, Verdict

pd = pytest.importorskip("pandas")

US = fr.WorkCalendar("US")
FOLLOW_UP = {"type": "follow-up", "on": "2026-11-09", "channel": "email", "outcome": "sent"}

BAD = [
    (
        "a number for a date",
        {"on": 20261102},
        "on",
        "20261102: a whole number: expected YYYY-MM-DD",
    ),
    (
        "an ISO week date",
        {"on": "2026-W45-1"},
        "on",
        "'2026-W45-1': not an ISO 8601 date: expected YYYY-MM-DD",
    ),
    ("a basic-format date", {"on": "20261102"}, "on", "'20261102': not an ISO 8601 date"),
    ("no such month", {"on": "2026-13-01"}, "on", "'2026-13-01': no such day: expected YYYY-MM-DD"),
    (
        "a naive time",
        {"on": "2026-11-02T00:00:00"},
        "on",
        "'2026-11-02T00:00:00': a date and time without an offset",
    ),
    (
        "an unknown channel",
        {"channel": "fax"},
        "channel",
        "'fax': expected one of phone, email, mail, in-person, other",
    ),
    (
        "a missing outcome",
        {"outcome": None},
        "outcome",
        ": missing, but 'follow-up' events need it (they need on, channel, outcome)",
    ),
    ("a note of the wrong type", {"note": 3}, "note", "3: a whole number: expected a string"),
    (
        "a field the kind does not take",
        {"verdict": "offer"},
        "verdict",
        "'offer': 'follow-up' events have no verdict: expected only on, channel, outcome, "
        "purpose, note",
    ),
]


def _values(change: dict[str, object]) -> dict[str, object]:
    found = {**FOLLOW_UP, **change}
    return {key: value for key, value in found.items() if value is not None}


def _tracker_error(change: dict[str, object]) -> Exception:
    document = {"applications": [{"id": "acme", "events": [_values(change)]}]}
    with pytest.raises(fr.LoadError) as raised:
        loads_tracker(json.dumps(document), format="json", source="jobs.json")
    assert isinstance(raised.value.__cause__, fr.InvalidHistoryError)
    return raised.value


def _frame_error(change: dict[str, object]) -> Exception:
    row = {"application": "acme", **dict.fromkeys(FOLLOW_UP), **_values(change)}
    with pytest.raises(fr.InvalidHistoryError) as raised:
        histories_from_frame(pd.DataFrame([row], dtype=object), calendar=US)
    return raised.value


def _strategy_error(change: dict[str, object]) -> Exception:
    values = {key: value for key, value in _values(change).items() if key != "type"}
    with pytest.raises(fr.InvalidHistoryError) as raised:
        read_event(fr.FollowUp, values, where=lambda name: f"FollowUp.{name}")
    return raised.value


@pytest.mark.parametrize(("change", "field", "said"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_every_edge_refuses_a_bad_value_with_the_same_words(
    change: dict[str, object], field: str, said: str
) -> None:
    places = {
        "jobs.json: applications[0].events[0]." + field: _tracker_error(change),
        f"row 0, column {field!r}": _frame_error(change),
        f"FollowUp.{field}": _strategy_error(change),
    }
    rests = set()
    for place, error in places.items():
        message = str(error)
        assert message.startswith(place), (place, message)
        rests.add(message.removeprefix(place).removeprefix(" = "))
    (rest,) = rests
    assert rest.startswith(said), rest


def test_a_frame_reads_the_dates_pandas_holds_and_refuses_what_a_tracker_refuses() -> None:
    table = pd.DataFrame(
        {
            "application": ["acme", "acme"],
            "type": ["applied", "decision-expected"],
            "on": [pd.Timestamp("2026-11-02"), "2026-11-04 09:30:00+00:00"],
            "by": [pd.NaT, pd.Timestamp("2026-11-13")],
            "note": [None, "said two weeks"],
        }
    )
    (history,) = histories_from_frame(table, calendar=US).values()
    assert history.events == (
        fr.Applied(date(2026, 11, 2)),
        fr.DecisionExpected(
            datetime(2026, 11, 4, 9, 30, tzinfo=UTC), by=date(2026, 11, 13), note="said two weeks"
        ),
    )


def test_a_day_outside_the_holiday_data_is_refused_where_it_is_written() -> None:
    row = {"application": "acme", "type": "decision-expected", "on": "2026-11-02"}
    table = pd.DataFrame([{**row, "by": "2300-01-01"}])
    with pytest.raises(fr.InvalidHistoryError, match=r"row 0, column 'by' = '2300-01-01': "):
        histories_from_frame(table, calendar=US)


def test_the_field_tables_come_from_the_event_classes() -> None:
    assert dict(EVENT_FIELDS) == {
        fr.Applied: (),
        fr.Interview: (("kind", False),),
        fr.DecisionExpected: (("by", True),),
        fr.FollowUp: (("channel", True), ("outcome", True), ("purpose", False)),
        fr.Reply: (("channel", False),),
        fr.OutOfOffice: (("until", True),),
        fr.PrefersChannel: (("channel", True),),
        fr.Answer: (("verdict", True),),
        fr.AskedToStop: (),
        fr.Withdrew: (),
    }
    assert dict(FIELD_VOCABULARIES) == {
        "channel": Channel,
        "outcome": Outcome,
        "purpose": Purpose,
        "kind": InterviewKind,
        "verdict": Verdict,
    }


def test_the_columns_of_tables_and_csv_files_hold_every_field_of_every_kind() -> None:
    fields = {field.name for kind in EVENT_TYPES for field in attrs.fields(kind)}
    assert set(EVENT_COLUMNS) == {"type", *fields}
    assert len(EVENT_COLUMNS) == len(fields) + 1
    assert ("application", *EVENT_COLUMNS, "company", "title", "application_note") == CSV_COLUMNS
