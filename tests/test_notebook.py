"""The notebooks in docs/notebooks run, cell by cell, so they cannot rot.

Each code cell is run in order in one namespace, as a kernel would, without Jupyter; then a
few of the values it computed are checked against dates worked out by hand. The notebooks
leave the backend to Jupyter, which draws inline; here nothing is shown, on Agg.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt

import followup_rules as fr

FOLDER = Path(__file__).parent.parent / "docs" / "notebooks"
NOTEBOOK = FOLDER / "compare-philosophies.ipynb"
COACH = FOLDER / "coach-variant.ipynb"


def _cells(path: Path) -> list[dict[str, Any]]:
    cells: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return cells


def _run(path: Path) -> Iterator[dict[str, Any]]:
    ran: dict[str, Any] = {"__name__": "__notebook__"}
    for index, cell in enumerate(_cells(path)):
        if cell["cell_type"] == "code":
            exec(compile("".join(cell["source"]), f"{path.name}[{index}]", "exec"), ran)
    yield ran
    plt.close("all")


@pytest.fixture(scope="module")
def namespace() -> Iterator[dict[str, Any]]:
    yield from _run(NOTEBOOK)


@pytest.fixture(scope="module")
def coach() -> Iterator[dict[str, Any]]:
    yield from _run(COACH)


@pytest.mark.parametrize("path", [NOTEBOOK, COACH], ids=lambda path: path.name)
def test_the_notebook_is_stored_without_outputs(path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["nbformat"] == 4
    code = [cell for cell in document["cells"] if cell["cell_type"] == "code"]
    assert code
    assert all(cell["outputs"] == [] and cell["execution_count"] is None for cell in code)


@pytest.mark.parametrize("path", [NOTEBOOK, COACH], ids=lambda path: path.name)
def test_the_notebook_leaves_the_backend_to_jupyter(path: Path) -> None:
    # Forcing Agg in the notebook kept its plots from ever showing in Jupyter.
    sources = ["".join(cell["source"]) for cell in _cells(path) if cell["cell_type"] == "code"]
    assert not [
        source for source in sources if "matplotlib.use" in source or "%matplotlib" in source
    ]
    # Each plot is drawn by a cell's last statement, which Jupyter shows inline once.
    assert any(source.startswith("ax = plot_plans(") for source in sources)


def test_it_reads_the_demo_on_its_day(namespace: dict[str, Any]) -> None:
    assert len(namespace["tracker"]) == 6
    assert namespace["today"] == date(2026, 11, 25)
    assert namespace["agree"] == ["lumen-bank"]


def test_it_plots_one_row_per_rule_set(namespace: dict[str, Any]) -> None:
    labels = [label.get_text() for label in namespace["ax"].get_yticklabels()]
    assert labels == list(fr.rulesets.DEFAULT)
    assert namespace["ax"].get_title() == (
        "Planned contacts for cobalt-robotics, assuming nobody answers"
    )


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


def test_the_coach_variant_drops_one_rule_only(coach: dict[str, Any]) -> None:
    assert coach["coach"].name == "right-changes-coach"
    assert coach["coach"].ids == tuple(
        rule for rule in coach["original"].ids if rule != "not-next-to-holiday"
    )
    # The registry still hands out the document's rule set.
    assert fr.rulesets.get("right-changes") is coach["original"]


def test_the_coach_variant_follows_up_in_thanksgiving_week(coach: dict[str, Any]) -> None:
    # Wednesday 25 November is the working day before Thanksgiving (Thursday 26): the original
    # waits for Tuesday 1 December (Friday 27 is the first day back, Monday 30 a Monday).
    assert coach["today_by"] == {
        "right-changes": [],
        "right-changes-coach": [
            "cobalt-robotics",
            "harbor-analytics",
            "maple-health",
            "tern-studio",
        ],
    }
    sierra = coach["comparisons"]["sierra-solar"]
    # Away until Wednesday 25; Friday 27 and Monday 30 are never the day, for either.
    assert [row.decision.next_date for row in sierra.rows] == [date(2026, 12, 1)] * 2
    assert sierra.disagreements == ()


def test_the_coach_variant_plans_for_cobalt_robotics(coach: dict[str, Any]) -> None:
    plans = coach["plans"]
    assert plans["right-changes"].days == (date(2026, 12, 1),)
    assert plans["coach's variant"].days == (date(2026, 11, 25),)
    # The 3x3 calls a week after each call: Tuesdays from 1 December for the original,
    # Wednesdays from today for the variant, to the end of the year.
    assert plans["right-changes + 3x3"].days == tuple(
        date(2026, 12, day) for day in (1, 8, 15, 22, 29)
    )
    assert plans["variant + 3x3"].days == (
        date(2026, 11, 25),
        *(date(2026, 12, day) for day in (2, 9, 16, 23, 30)),
    )
    assert plans["variant + 3x3"].end is fr.PlanEnd.HORIZON
    labels = [label.get_text() for label in coach["ax"].get_yticklabels()]
    assert labels == ["right-changes", "coach's variant", "right-changes + 3x3", "variant + 3x3"]
    assert (
        coach["ax"].get_title() == "Planned contacts for cobalt-robotics, assuming nobody answers"
    )


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
