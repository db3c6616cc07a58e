"""The five philosophies side by side."""

from __future__ import annotations

from datetime import date

import followup_rules as fr
from followup_rules.examples import EXAMPLE_TODAY, example_history


def test_one_row_per_registered_rule_set_by_default() -> None:
    comparison = fr.compare(example_history(), EXAMPLE_TODAY)
    assert [row.ruleset for row in comparison.rows] == list(fr.rulesets.names())
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
