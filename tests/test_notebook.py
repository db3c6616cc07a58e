"""The notebook docs/notebooks/compare-philosophies.ipynb runs, cell by cell, so it cannot rot.

Each code cell is run in order in one namespace, as a kernel would, without Jupyter; then a
few of the values it computed are checked against dates worked out by hand.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import matplotlib.pyplot as plt
import pytest

import followup_rules as fr

NOTEBOOK = Path(__file__).parent.parent / "docs" / "notebooks" / "compare-philosophies.ipynb"


def _cells() -> list[dict[str, Any]]:
    cells: list[dict[str, Any]] = json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]
    return cells


@pytest.fixture(scope="module")
def namespace() -> Iterator[dict[str, Any]]:
    ran: dict[str, Any] = {"__name__": "__notebook__"}
    for index, cell in enumerate(_cells()):
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), f"{NOTEBOOK.name}[{index}]", "exec"), ran)
    yield ran
    plt.close("all")


def test_the_notebook_is_stored_without_outputs() -> None:
    document = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    assert document["nbformat"] == 4
    code = [cell for cell in document["cells"] if cell["cell_type"] == "code"]
    assert code
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)


def test_it_reads_the_demo_on_its_day(namespace: dict[str, Any]) -> None:
    assert len(namespace["tracker"]) == 6
    assert namespace["today"] == date(2026, 11, 25)
    assert namespace["agree"] == ["lumen-bank"]


def test_it_plots_one_row_per_rule_set(namespace: dict[str, Any]) -> None:
    labels = [label.get_text() for label in namespace["ax"].get_yticklabels()]
    assert labels == list(fr.rulesets.names())


def test_its_plans_for_cobalt_robotics(namespace: dict[str, Any]) -> None:
    # Call-back: the day after their date (Friday 20 November) has passed, so today; after
    # that one call the article gives no interval, so the plan ends untimed.
    plans = namespace["plans"]
    assert plans["call-back"].days == (date(2026, 11, 25),)
    assert plans["call-back"].end is fr.PlanEnd.UNTIMED
    # RightChanges: after their date, never next to Thanksgiving, a Monday or a Friday.
    assert plans["right-changes"].days == (date(2026, 12, 1),)
    assert plans["right-changes"].end is fr.PlanEnd.UNTIMED
    # Five Rules: once a week, every Wednesday from today to Wednesday 27 January.
    assert plans["five-rules"].days[-1] == date(2027, 1, 27)
    assert len(plans["five-rules"].days) == 10
    assert plans["five-rules"].end is fr.PlanEnd.HORIZON


def test_its_what_ifs(namespace: dict[str, Any]) -> None:
    # Alone, each document makes as many contacts whatever the answer.
    contacts = namespace["contacts"]
    for what_if in ("silence", "voicemail left", "reached", "they reply"):
        assert contacts["call-back", what_if] == contacts["career-staffing", what_if] == 1
        assert contacts["five-rules", what_if] == contacts["three-by-three", what_if] == 10
    # All five: the call of Tuesday 1 December leaves Career Staffing's one message (a reply
    # does not give it back), and the next would leave another.
    assert contacts["all five", "silence"] == contacts["all five", "they reply"] == 1
    assert namespace["silent"].end is fr.PlanEnd.NO_MESSAGE_LEFT
    # Reached: the one call is spent; two weeks of silence free the calls on Tuesday
    # 15 December, then weekly to Wednesday 27 January (Tuesday 19 January follows Martin
    # Luther King Day).
    assert namespace["reached"].days == (
        date(2026, 12, 1),
        date(2026, 12, 15),
        date(2026, 12, 22),
        date(2026, 12, 29),
        date(2027, 1, 5),
        date(2027, 1, 12),
        date(2027, 1, 20),
        date(2027, 1, 27),
    )
    assert contacts["all five", "reached"] == 8


def test_its_study_across_many_searches(namespace: dict[str, Any]) -> None:
    study = namespace["study"]
    assert study.scenarios == ("silent-employer", "quick-reply", "holidays")
    assert study.histories == 30
    five = study.summary("five-rules", "silent-employer")
    assert five.first_follow_up == (7, 7, 7)
    assert study.summary("call-back", "silent-employer").ends == {fr.PlanEnd.UNTIMED: 1.0}
    titles = [ax.get_title() for ax in namespace["figure"].axes]
    assert titles[:3] == [
        "Contacts per search: all scenarios",
        "Days to the first follow-up: all scenarios",
        "Agreement: silent-employer",
    ]
