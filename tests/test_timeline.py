"""The timeline of plans: it renders, labels each row, and refuses what it cannot draw."""

from __future__ import annotations

import itertools
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
        for name in fr.rulesets.DEFAULT
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
    assert _labels(ax) == [*fr.rulesets.DEFAULT, "all five"]
    assert ax.get_title() == "Planned contacts, assuming nobody answers"


def test_each_row_ends_with_how_its_plan_ended(plt: Any) -> None:
    ax = plot_plans(_plans())
    ends = [text.get_text() for text in ax.texts]
    # After the follow-up of 17 November, Career Staffing, RightChanges and call-back give no
    # time for the next contact; the Five Rules and the 3x3 method time one a week, and so the
    # five together go on to the horizon. Then the label of today's line.
    assert ends == [
        "no time set for the next",
        "no time set for the next",
        "end of the plan's horizon",
        "end of the plan's horizon",
        "no time set for the next",
        "end of the plan's horizon",
        "today",
    ]


def _end_marks(ax: Any) -> list[str]:
    """The mark at the end of each row (black, where the contacts have a black edge only)."""
    return [line.get_marker() for line in ax.get_lines() if line.get_color() == "black"]


def test_the_end_mark_tells_an_end_from_a_cut_from_no_time_given(plt: Any) -> None:
    ax = plot_plans(_plans())
    # The same rows as above: no time given is a question mark, the horizon a bar.
    assert _end_marks(ax) == ["$?$", "$?$", "|", "|", "$?$", "|"]
    history = fr.History(
        [fr.Applied(date(2026, 11, 2)), fr.Withdrew(date(2026, 11, 3))], calendar=US
    )
    ax = plot_plans({"all five": fr.plan(history, date(2026, 11, 4))})
    assert _end_marks(ax) == ["x"]


def test_every_way_a_plan_ends_has_a_mark_and_words() -> None:
    from followup_rules.timeline import _END_MARKERS, _END_WORDS

    assert set(_END_MARKERS) == set(_END_WORDS) == set(fr.PlanEnd)


def _keys(ax: Any) -> dict[str, list[str]]:
    """Each legend of ``ax`` by its title: the labels of its entries."""
    from matplotlib.legend import Legend

    legends = ax.figure.findobj(Legend)
    keys = {
        legend.get_title().get_text(): [text.get_text() for text in legend.get_texts()]
        for legend in legends
    }
    assert len(keys) == len(legends), "each key drawn once"
    return keys


def test_the_keys_show_purpose_by_shape_and_channel_by_colour_each_titled(plt: Any) -> None:
    ax = plot_plans(_plans())
    # The Five Rules ask whether to stop once two calls and an email went unanswered.
    assert _keys(ax) == {
        "Purpose": ["status", "ask whether to go on"],
        "Channel": ["phone", "email"],
    }
    from matplotlib.legend import Legend

    purpose = next(
        legend for legend in ax.figure.findobj(Legend) if legend.get_title().get_text() == "Purpose"
    )
    # Shape alone tells a purpose: its key is drawn in white with a black edge.
    handles: list[Any] = list(purpose.legend_handles)
    assert [handle.get_marker() for handle in handles] == ["o", "D"]
    assert {handle.get_color() for handle in handles} == {"white"}


def test_every_marker_reads_in_grey(plt: Any) -> None:
    # Each channel's colour has its own lightness, and every contact a black edge.
    from matplotlib.colors import to_rgb

    from followup_rules.timeline import _COLORS

    weights = (0.299, 0.587, 0.114)  # the lightness of a colour printed in grey (ITU-R 601)
    greys = sorted(
        sum(w * c for w, c in zip(weights, to_rgb(colour), strict=True))
        for colour in _COLORS.values()
    )
    assert all(b - a >= 0.1 for a, b in itertools.pairwise(greys))
    ax = plot_plans(_plans())
    contacts = [line for line in ax.get_lines() if line.get_marker() in ("o", "D", "^")]
    assert contacts
    assert {line.get_markeredgecolor() for line in contacts} == {"black"}


def test_the_title_names_the_application_and_the_what_if(plt: Any) -> None:
    history = example_history()
    assumed = fr.plan(history, EXAMPLE_TODAY, rules="five-rules", assume=fr.Outcome.VOICEMAIL_LEFT)
    replied = fr.plan(history, EXAMPLE_TODAY, rules="five-rules", replies=True)
    assert plot_plans(_plans(), application="acme").get_title() == (
        "Planned contacts for acme, assuming nobody answers"
    )
    assert plot_plans({"five-rules": assumed}).get_title() == (
        "Planned contacts, assuming every contact ends voicemail-left"
    )
    assert plot_plans({"five-rules": replied}).get_title() == (
        "Planned contacts, assuming nobody answers, with a reply each time"
    )
    assert plot_plans({"a": assumed, "b": replied}).get_title() == (
        "Planned contacts, under several what-ifs"
    )


def test_a_dashed_line_marks_today(plt: Any) -> None:
    ax = plot_plans(_plans())
    [today] = [line for line in ax.get_lines() if line.get_linestyle() == "--"]
    xdata: Any = today.get_xdata()
    assert list(xdata) == [EXAMPLE_TODAY.toordinal()] * 2
    assert ax.texts[-1].get_text() == "today"


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
    assert {"^", "o", "|"} <= markers
    assert _keys(ax) == {"Purpose": ["status", "thank-you"], "Channel": ["phone"]}


def test_plans_with_no_contact_have_no_legend(plt: Any) -> None:
    history = fr.History(
        [fr.Applied(date(2026, 11, 2)), fr.Withdrew(date(2026, 11, 3))], calendar=US
    )
    ax = plot_plans({"all five": fr.plan(history, date(2026, 11, 4))})
    assert ax.get_legend() is None
    assert _keys(ax) == {}
    assert [t.get_text() for t in ax.texts] == ["process over", "today"]


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
