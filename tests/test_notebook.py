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
    # Call-back: voicemails today and on Friday 27 November (Thanksgiving between), then stop.
    plans = namespace["plans"]
    assert plans["call-back"].days == (date(2026, 11, 25), date(2026, 11, 27))
    assert plans["call-back"].end is fr.PlanEnd.STOP
    # Five Rules: once a week, every Wednesday from today to Wednesday 27 January.
    assert plans["five-rules"].days[-1] == date(2027, 1, 27)
    assert len(plans["five-rules"].days) == 10


def test_its_what_ifs(namespace: dict[str, Any]) -> None:
    # Answered, Call-back calls every business day but Monday to Friday 29 January: Wed 25
    # and Fri 27 November, 18 days in December (Christmas off), 16 in January (New Year off).
    contacts = namespace["contacts"]
    assert contacts["call-back", "silence"] == contacts["call-back", "voicemail left"] == 2
    assert contacts["call-back", "reached"] == contacts["call-back", "they reply"] == 36
    assert contacts["five-rules", "reached"] == 10
