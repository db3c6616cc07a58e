"""The five philosophies side by side."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest

import followup_rules as fr
from followup_rules.compare import Comparisons, compare_many
from followup_rules.errors import MissingExtraError
from followup_rules.examples import EXAMPLE_TODAY, example_history

US = fr.WorkCalendar("US")


def test_one_row_per_registered_rule_set_by_default() -> None:
    comparison = fr.compare(example_history(), EXAMPLE_TODAY)
    assert [row.ruleset for row in comparison.rows] == list(fr.rulesets.DEFAULT)
    assert comparison.today == date(2026, 11, 25)


def test_rows_hold_each_rule_sets_own_decision() -> None:
    comparison = fr.compare(example_history(), EXAMPLE_TODAY)
    right_changes = comparison.row("right-changes").decision
    assert (right_changes.action, right_changes.next_date) == (fr.Action.WAIT, date(2026, 12, 1))
    assert comparison.row("call-back").decision.action is fr.Action.FOLLOW_UP


def test_disagreements_name_the_columns_that_differ() -> None:
    comparison = fr.compare(example_history(), EXAMPLE_TODAY)
    assert "action" in comparison.disagreements
    assert "next date" in comparison.disagreements
    assert "purpose" not in comparison.disagreements  # all five propose a status follow-up


def test_a_composition_can_be_a_row() -> None:
    comparison = fr.compare(
        example_history(), EXAMPLE_TODAY, rules=["five-rules", "five-rules+right-changes"]
    )
    assert [row.ruleset for row in comparison.rows] == ["five-rules", "five-rules+right-changes"]
    assert comparison.rows[1].decision.next_date == date(2026, 12, 1)


def test_the_table_reads_as_a_table() -> None:
    text = str(fr.compare(example_history(), EXAMPLE_TODAY, rules=["right-changes", "call-back"]))
    lines = text.splitlines()
    assert lines[0] == "As of Wed 2026-11-25:"
    assert lines[1] == (
        "rule set       action     next date       window end  purpose  channel  left  why"
    )
    assert lines[3].startswith("right-changes  wait       Tue 2026-12-01")
    assert lines[4].startswith("call-back      follow-up  Wed 2026-11-25")
    assert lines[-1] == "They differ on: action, next date, channel, left"


def test_html_marks_the_cells_that_differ() -> None:
    page = fr.compare(example_history(), EXAMPLE_TODAY)._repr_html_()
    assert page.startswith("<table><caption>As of Wed 2026-11-25</caption>")
    assert '<td style="font-weight:bold">wait</td>' in page
    assert "<td>status</td>" in page


def test_agreeing_rows_differ_on_nothing() -> None:
    history = fr.History(
        [fr.Applied(date(2026, 11, 2)), fr.Answer(date(2026, 11, 4), verdict=fr.Verdict.HIRED)],
        calendar=fr.WorkCalendar("US"),
    )
    comparison = fr.compare(history, date(2026, 11, 5))
    assert comparison.disagreements == ()
    assert str(comparison).endswith("They differ on: nothing")


def test_a_single_name_is_one_row() -> None:
    comparison = fr.compare(example_history(), EXAMPLE_TODAY, rules="five-rules+right-changes")
    assert [row.ruleset for row in comparison.rows] == ["five-rules+right-changes"]


def test_an_unknown_row_names_the_rows_there_are() -> None:
    comparison = fr.compare(example_history(), EXAMPLE_TODAY, rules=["call-back", "five-rules"])
    with pytest.raises(fr.UnknownRuleSetError, match=r"'three-by-three'.*call-back, five-rules"):
        comparison.row("three-by-three")


def test_rules_that_are_not_rule_sets_are_refused() -> None:
    with pytest.raises(fr.UnknownRuleSetError, match=r"rules=5"):
        fr.compare(example_history(), EXAMPLE_TODAY, rules=5)  # type: ignore[arg-type]


def test_a_history_that_is_not_a_history_is_refused_even_with_no_rows() -> None:
    with pytest.raises(fr.InvalidArgumentError, match=r"history 'acme' is not a History"):
        fr.compare("acme", EXAMPLE_TODAY, rules=[])  # type: ignore[arg-type]


def test_no_rows_is_an_empty_comparison_of_the_day() -> None:
    comparison = fr.compare(example_history(), EXAMPLE_TODAY, rules=[])
    assert (comparison.rows, comparison.today, comparison.disagreements) == ((), EXAMPLE_TODAY, ())


# to_pandas: one typed row per rule set


def test_to_pandas_has_one_typed_row_per_rule_set() -> None:
    pd = pytest.importorskip("pandas")
    frame = fr.compare(example_history(), EXAMPLE_TODAY).to_pandas()
    assert frame.shape == (5, len(FRAME_COLUMNS))
    assert list(frame.columns) == list(FRAME_COLUMNS)
    assert frame["ruleset"].tolist() == list(fr.rulesets.DEFAULT)
    _check_dtypes(pd, frame)
    assert frame["action"].cat.categories.tolist() == [a.value for a in fr.Action]
    assert frame["action"].tolist() == ["follow-up", "wait", "follow-up", "follow-up", "follow-up"]
    # Right-changes waits out Thanksgiving week's borders and the Monday: Tuesday 1 December.
    assert frame["next_date"].tolist() == [
        pd.Timestamp("2026-11-25"),
        pd.Timestamp("2026-12-01"),
        pd.Timestamp("2026-11-25"),
        pd.Timestamp("2026-11-25"),
        pd.Timestamp("2026-11-25"),
    ]
    # Only the 3x3 method has a window: ten days after the voicemail of Tuesday 17 November.
    window = frame.set_index("ruleset")["window_end"]
    assert window["three-by-three"] == pd.Timestamp("2026-11-27")
    assert window.drop("three-by-three").isna().all()
    assert (frame["today"] == pd.Timestamp("2026-11-25")).all()
    # Career Staffing: the voicemail spent the one message, not the one call; call-back: two.
    assert (frame.loc[0, "follow_ups_left"], frame.loc[0, "messages_left"]) == (1, 0)
    assert frame.loc[4, "messages_left"] == 2
    assert frame.loc[4, "follow_ups_left"] is pd.NA
    assert frame.loc[1, "channel"] == "email"
    assert pd.isna(frame.loc[2, "channel"])  # the Five Rules name no channel
    assert frame.loc[1, "why"] == (
        "common/business-days-only: business days only; right-changes/no-monday-friday: never "
        "on a Monday or Friday; right-changes/not-next-to-holiday: never the business day "
        "before or after a holiday"
    )
    assert frame["time_of_day"].isna().all()
    assert frame.loc[3, "rulesets"] == "three-by-three 2.0"
    assert frame.attrs["disagreements"] == (
        "action",
        "next date",
        "window end",
        "channel",
        "left",
    )


def test_to_pandas_marks_an_overdue_window() -> None:
    pytest.importorskip("pandas")
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    # Career Staffing's first call is due two weeks after the application, by Monday 16 November.
    frame = fr.compare(history, date(2026, 11, 17), rules=["career-staffing"]).to_pandas()
    assert frame["overdue"].tolist() == [True]


# compare_many: several applications at once

GLOBEX = fr.History(
    [fr.Applied(date(2026, 11, 2)), fr.Answer(date(2026, 11, 4), verdict=fr.Verdict.HIRED)],
    calendar=US,
)


def _many(**kwargs: object) -> Comparisons:
    histories = {"acme": example_history(), "globex": GLOBEX}
    return compare_many(histories, EXAMPLE_TODAY, **kwargs)  # type: ignore[arg-type]


def test_compare_many_compares_each_application_in_order() -> None:
    many = _many()
    assert list(many) == ["acme", "globex"]
    assert len(many) == 2
    assert many["acme"] == fr.compare(example_history(), EXAMPLE_TODAY)
    assert {row.decision.action for row in many["globex"].rows} == {fr.Action.DONE}
    assert many.disagreements == {
        "acme": ("action", "next date", "window end", "channel", "left"),
        "globex": (),
    }


def test_compare_many_is_a_mapping_whose_missing_key_names_the_keys() -> None:
    many = _many()
    assert "globex" in many
    assert many.get("initech") is None
    with pytest.raises(KeyError, match=r"'initech': expected one of 'acme', 'globex'"):
        many["initech"]


def test_compare_many_reads_as_one_table() -> None:
    text = str(_many(rules=["right-changes", "call-back"]))
    assert text.splitlines() == [
        "As of Wed 2026-11-25:",
        "application  rule set       action     next date       window end  purpose  channel  "
        "left  why",
        "-----------  -------------  ---------  --------------  ----------  -------  -------  "
        "----  " + "-" * 98,
        # Both called the day after Friday's date: neither document times another contact.
        "acme         right-changes  wait       Tue 2026-12-01  -           status   email    "
        "-/-   no time set: only the first day allowed; business-days-only, no-monday-friday, "
        "not-next-to-holiday",
        "             call-back      follow-up  Wed 2026-11-25  -           status   phone    "
        "-/2   no time set: only the first day allowed",
        "globex       right-changes  done       -               -           -        -        "
        "-/-   definite-answer",
        "             call-back      done       -               -           -        -        "
        "-/-   definite-answer",
        "They differ on:",
        "  acme: action, next date, channel, left",
        "  globex: nothing",
    ]


def test_compare_many_html_groups_applications_and_marks_their_differences() -> None:
    page = _many(rules=["right-changes", "call-back"])._repr_html_()
    assert page.startswith("<table><caption>As of Wed 2026-11-25</caption><thead><tr>")
    assert page.count("<tbody>") == 2
    assert '<tr><th rowspan="2">acme</th><td>right-changes</td>' in page
    assert '<td style="font-weight:bold">wait</td>' in page
    # globex's rows agree, so none of its cells is bold.
    globex = page[page.index('<th rowspan="2">globex</th>') :]
    assert "font-weight:bold" not in globex
    assert "<td>definite-answer</td>" in globex


def test_compare_says_silent_and_untimed_rows_in_words() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=fr.WorkCalendar("US"))
    rows = {row.ruleset: row.cells() for row in fr.compare(history, date(2026, 11, 3)).rows}
    assert rows["five-rules"][1:] == (
        "silent",
        "-",
        "-",
        "-",
        "-",
        "-/-",
        "silent: this document covers after an interview only",
    )
    assert rows["right-changes"][-1] == "no time set: only the first day allowed"
    assert rows["three-by-three"][-1] == "three-business-days"


def test_compare_many_with_no_rule_set_keeps_each_application_visible() -> None:
    many = _many(rules=[])
    assert '<tbody><tr><th rowspan="1">acme</th></tr></tbody>' in many._repr_html_()
    assert str(many).splitlines()[3:5] == ["acme", "globex"]


def test_compare_many_says_when_employers_see_different_days() -> None:
    histories = {
        "new-york": fr.History(
            example_history().events, calendar=fr.WorkCalendar("US", timezone="America/New_York")
        ),
        "tokyo": fr.History(
            example_history().events, calendar=fr.WorkCalendar("US", timezone="Asia/Tokyo")
        ),
    }
    # 03:00 UTC on the 25th is still the 24th in New York, already noon in Tokyo.
    many = compare_many(histories, datetime(2026, 11, 25, 3, tzinfo=UTC), rules="five-rules")
    lines = str(many).splitlines()
    assert lines[0] == "As of Tue 2026-11-24 to Wed 2026-11-25 (by each employer's time zone):"
    # The Five Rules wait a week after the voicemail of Tuesday 17 November.
    assert many["new-york"].rows[0].decision.next_date == date(2026, 11, 24)
    assert many["tokyo"].rows[0].decision.next_date == date(2026, 11, 25)
    assert "As of Tue 2026-11-24 to Wed 2026-11-25" in many._repr_html_()


def test_compare_many_of_nothing_is_empty() -> None:
    many = compare_many({}, EXAMPLE_TODAY)
    assert (len(many), many.disagreements) == (0, {})
    assert str(many) == "No applications to compare."
    assert many._repr_html_() == "<p>No applications to compare.</p>"


def test_compare_many_to_pandas_has_one_row_per_application_and_rule_set() -> None:
    pd = pytest.importorskip("pandas")
    frame = _many().to_pandas()
    assert frame.shape == (10, len(FRAME_COLUMNS) + 2)
    assert list(frame.columns) == ["application", *FRAME_COLUMNS, "disagreements"]
    _check_dtypes(pd, frame)
    assert pd.api.types.is_string_dtype(frame["application"])
    assert pd.api.types.is_string_dtype(frame["disagreements"])
    assert frame["application"].tolist() == ["acme"] * 5 + ["globex"] * 5
    assert frame["ruleset"].tolist() == list(fr.rulesets.DEFAULT) * 2
    assert frame["disagreements"].tolist() == (
        ["action, next date, window end, channel, left"] * 5 + [""] * 5
    )
    globex = frame[frame["application"] == "globex"]
    assert globex["action"].tolist() == ["done"] * 5
    assert globex["next_date"].isna().all()
    assert globex["purpose"].isna().all()


def test_compare_many_to_pandas_of_nothing_keeps_its_columns() -> None:
    pd = pytest.importorskip("pandas")
    frame = compare_many({}, EXAMPLE_TODAY).to_pandas()
    assert frame.shape == (0, len(FRAME_COLUMNS) + 2)
    _check_dtypes(pd, frame)


@pytest.mark.parametrize(
    ("histories", "match"),
    [
        ([example_history()], r"not a mapping: expected application names to histories"),
        ({"": example_history()}, r"application name '': expected a non-empty string"),
        ({3: example_history()}, r"application name 3: expected a non-empty string"),
        ({"acme": "history"}, r"histories\['acme'\] is 'history': expected a followup_rules"),
    ],
)
def test_compare_many_refuses_what_is_not_named_histories(histories: object, match: str) -> None:
    with pytest.raises(fr.InvalidArgumentError, match=match):
        compare_many(histories, EXAMPLE_TODAY)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("make", "needed_by"),
    [
        (lambda: fr.compare(example_history(), EXAMPLE_TODAY), r"Comparison\.to_pandas\(\)"),
        (_many, r"Comparisons\.to_pandas\(\)"),
    ],
)
def test_to_pandas_without_pandas_names_the_extra(
    monkeypatch: pytest.MonkeyPatch,
    make: Callable[[], fr.Comparison | Comparisons],
    needed_by: str,
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(
        MissingExtraError, match=needed_by + r" needs pandas.*followup-rules\[pandas\]"
    ) as caught:
        make().to_pandas()
    assert caught.value.name == "pandas"


def test_a_missing_extra_is_a_followup_error_and_an_import_error() -> None:
    assert issubclass(MissingExtraError, fr.FollowupError)
    assert issubclass(MissingExtraError, ModuleNotFoundError)


FRAME_COLUMNS = (
    "ruleset",
    "today",
    "action",
    "next_date",
    "window_end",
    "overdue",
    "purpose",
    "channel",
    "time_of_day",
    "follow_ups_left",
    "messages_left",
    "why",
    "rulesets",
)


def _check_dtypes(pd: Any, frame: Any) -> None:
    types = pd.api.types
    for name in ("today", "next_date", "window_end"):
        assert str(frame[name].dtype) == "datetime64[ns]", name
    for name in ("action", "purpose", "channel", "time_of_day"):
        assert isinstance(frame[name].dtype, pd.CategoricalDtype), name
    for name in ("follow_ups_left", "messages_left"):
        assert str(frame[name].dtype) == "Int64", name
    assert types.is_bool_dtype(frame["overdue"])
    assert types.is_string_dtype(frame["ruleset"])
    assert types.is_string_dtype(frame["why"])
    assert types.is_string_dtype(frame["rulesets"])


def test_compare_many_html_escapes_application_names() -> None:
    many = compare_many({"R&D <lab>": GLOBEX}, EXAMPLE_TODAY, rules="call-back")
    page = many._repr_html_()
    assert '<th rowspan="1">R&amp;D &lt;lab&gt;</th>' in page
    assert "<lab>" not in page
