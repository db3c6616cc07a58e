"""The timeline of plans: it renders, labels each row, and refuses what it cannot draw."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

import followup_rules as fr
from followup_rules.errors import MissingExtraError
from followup_rules.examples import EXAMPLE_TODAY, example_history
from followup_rules.timeline import plot_plans

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
US = fr.WorkCalendar("US")


@pytest.fixture
def plt() -> Iterator[Any]:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    import matplotlib.pyplot as pyplot

    yield pyplot
    pyplot.close("all")


def _plans(until: date = date(2026, 12, 31)) -> dict[str, fr.Plan]:
    history = example_history()
    plans = {
        name: fr.plan(history, EXAMPLE_TODAY, rules=name, until=until)
        for name in fr.rulesets.names()
    }
    plans["all five"] = fr.plan(history, EXAMPLE_TODAY, until=until)
    return plans


def _labels(ax: Any) -> list[str]:
    return [label.get_text() for label in ax.get_yticklabels()]


def test_the_timeline_renders_to_a_png_with_a_row_per_rule_set(plt: Any, tmp_path: Path) -> None:
    from matplotlib.figure import Figure

    ax = plot_plans(_plans())
    path = tmp_path / "plans.png"
    figure = ax.figure
    assert isinstance(figure, Figure)
    figure.savefig(path)
    data = path.read_bytes()
    assert data.startswith(PNG_SIGNATURE)
    assert len(data) > 10_000
    assert _labels(ax) == [*fr.rulesets.names(), "all five"]
    assert ax.get_title() == "Planned contacts"


def test_each_row_ends_with_how_its_plan_ended(plt: Any) -> None:
    ax = plot_plans(_plans())
    ends = [text.get_text() for text in ax.texts]
    # After the follow-up of 17 November, Career Staffing, RightChanges and call-back give no
    # time for the next contact; the Five Rules and the 3x3 method time one a week, and so the
    # five together go on to the horizon.
    assert ends == [
        "untimed",
        "untimed",
        "horizon",
        "horizon",
        "untimed",
        "horizon",
    ]


def test_the_legend_shows_the_purposes_and_channels_drawn(plt: Any) -> None:
    ax = plot_plans(_plans())
    legend = ax.get_legend()
    assert legend is not None
    # The Five Rules ask whether to stop once two calls and an email went unanswered.
    assert [text.get_text() for text in legend.get_texts()] == [
        "status",
        "ask-whether-to-continue",
        "by phone",
        "by email",
    ]


def test_short_plans_tick_every_monday(plt: Any) -> None:
    ax = plot_plans(_plans(until=date(2026, 12, 31)))
    # From Wednesday 25 November to Thursday 31 December: Mondays from 23 November on.
    labels = [label.get_text() for label in ax.get_xticklabels()]
    assert labels[:3] == ["Nov 23", "Nov 30", "Dec 7"]
    assert labels[-1] == "Jan 4"


def test_long_plans_tick_every_month(plt: Any) -> None:
    ax = plot_plans(_plans(until=date(2027, 3, 31)))
    labels = [label.get_text() for label in ax.get_xticklabels()]
    assert labels == ["Nov 2026", "Dec 2026", "Jan 2027", "Feb 2027", "Mar 2027", "Apr 2027"]


def test_a_long_horizon_keeps_the_ticks_few(plt: Any) -> None:
    plan = fr.plan(example_history(), EXAMPLE_TODAY, rules="five-rules", until=date(2028, 11, 30))
    ax = plot_plans({"five-rules": plan})
    labels = [label.get_text() for label in ax.get_xticklabels()]
    assert labels[:3] == ["Nov 2026", "Jan 2027", "Mar 2027"]
    assert len(labels) <= 13


def test_a_thank_you_has_its_own_marker(plt: Any) -> None:
    history = fr.History([fr.Interview(date(2026, 11, 3))], calendar=US)
    plan = fr.plan(history, date(2026, 11, 3), rules="three-by-three", until=date(2026, 11, 20))
    ax = plot_plans({"three-by-three": plan})
    markers = {line.get_marker() for line in ax.get_lines()}
    assert {"*", "o", "|"} <= markers
    legend = ax.get_legend()
    assert legend is not None
    assert [t.get_text() for t in legend.get_texts()] == [
        "status",
        "thank-you",
        "by phone",
    ]


def test_plans_with_no_contact_have_no_legend(plt: Any) -> None:
    history = fr.History(
        [fr.Applied(date(2026, 11, 2)), fr.Withdrew(date(2026, 11, 3))], calendar=US
    )
    ax = plot_plans({"all five": fr.plan(history, date(2026, 11, 4))})
    assert ax.get_legend() is None
    assert [t.get_text() for t in ax.texts] == ["done"]


def test_the_timeline_draws_on_a_given_axes(plt: Any) -> None:
    from matplotlib.figure import Figure

    ax = Figure().subplots()
    assert plot_plans(_plans(), ax=ax) is ax
    assert _labels(ax)[0] == "career-staffing"


@pytest.mark.parametrize(
    ("plans", "match"),
    [
        ([], r"not a mapping: expected labels"),
        ({}, r"plans is empty: expected at least one label"),
        ({3: None}, r"plan label 3: expected a string"),
        ({"call-back": "a plan"}, r"plans\['call-back'\] is 'a plan': expected a Plan"),
    ],
)
def test_what_is_not_labelled_plans_is_refused(plans: object, match: str) -> None:
    with pytest.raises(fr.InvalidArgumentError, match=match):
        plot_plans(plans)  # type: ignore[arg-type]


def test_an_axes_that_is_not_one_is_refused(plt: Any) -> None:
    with pytest.raises(fr.InvalidArgumentError, match=r"ax='axes': expected a matplotlib Axes"):
        plot_plans(_plans(), ax="axes")  # type: ignore[arg-type]


def test_without_matplotlib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.axes", None)
    with pytest.raises(MissingExtraError, match=r"plot_plans\(\) needs .*followup-rules\[plot\]"):
        plot_plans(_plans())
