"""Studies: rule sets replayed across many searches, and figures the documents state."""

from __future__ import annotations

import sys
from datetime import date, timedelta

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import followup_rules as fr
from followup_rules.errors import MissingExtraError
from followup_rules.plan import PlanEnd
from followup_rules.rulesets import registry
from followup_rules.scenarios import SCENARIOS, Scenario, Search
from followup_rules.study import Study, replay, study
from followup_rules.testing import searches

US = fr.WorkCalendar("US")
START = date(2026, 3, 2)
APPLIED, INTERVIEW = date(2026, 3, 2), date(2026, 3, 9)
"""The hand-made search of the dated tests: applied Monday 2 March, interviewed Monday 9th."""


def search_of(name: str, **change: object) -> Search:
    """The hand-made search, with the employer of archetype ``name`` (changed by ``change``)."""
    history = fr.History([fr.Applied(APPLIED), fr.Interview(INTERVIEW)], calendar=US)
    archetype = attrs.evolve(SCENARIOS[name], **change)  # type: ignore[arg-type]
    return Search(scenario=archetype, history=history, seed="dated")


def test_three_by_three_calls_a_silent_employer_every_week_after_the_interview() -> None:
    run = replay(search_of("silent-employer"), registry.resolve("three-by-three"), weeks=12)
    after = [c for c in run.contacts if c.on > INTERVIEW]
    assert after[0].on == date(2026, 3, 10)
    assert after[0].purpose is fr.Purpose.THANK_YOU
    assert [c.on for c in after[1:]] == [
        date(2026, 3, 10) + timedelta(weeks=w) for w in range(1, 11)
    ]
    assert {c.channel for c in after} == {fr.Channel.PHONE}
    assert run.end is PlanEnd.HORIZON
    # Before the interview, the method's three business days after applying: Thursday 5 March.
    assert [c.on for c in run.contacts if c.on < INTERVIEW] == [date(2026, 3, 5)]
    assert run.first_follow_up == 3


def test_call_back_stops_after_two_messages_left() -> None:
    rules = registry.resolve("three-by-three+call-back")
    run = replay(search_of("voicemail-heavy", reply_chance=0.0), rules, weeks=12)
    status = [c for c in run.contacts if c.on > INTERVIEW and c.purpose is fr.Purpose.STATUS]
    assert [c.on for c in status] == [date(2026, 3, 17), date(2026, 3, 24)]
    assert {c.outcome for c in status} == {fr.Outcome.VOICEMAIL_LEFT}
    assert run.end is PlanEnd.STOP


def test_call_back_alone_times_only_the_first_follow_up() -> None:
    run = replay(
        search_of("voicemail-heavy", reply_chance=0.0), registry.resolve("call-back"), weeks=12
    )
    assert [c.on for c in run.contacts] == [date(2026, 3, 17)]
    assert run.end is PlanEnd.UNTIMED


def test_five_rules_asks_whether_to_stop_after_contacts_through_two_channels() -> None:
    run = replay(search_of("silent-employer"), registry.resolve("five-rules"), weeks=12)
    first = [(c.on, c.channel, c.purpose) for c in run.contacts[:4]]
    assert first == [
        (date(2026, 3, 16), fr.Channel.PHONE, fr.Purpose.STATUS),
        (date(2026, 3, 23), fr.Channel.PHONE, fr.Purpose.STATUS),
        (date(2026, 3, 30), fr.Channel.EMAIL, fr.Purpose.STATUS),
        (date(2026, 4, 6), fr.Channel.EMAIL, fr.Purpose.ASK_WHETHER_TO_CONTINUE),
    ]
    asked = [c for c in run.contacts if c.purpose is fr.Purpose.ASK_WHETHER_TO_CONTINUE]
    assert len(asked) == 1
    assert run.first_follow_up == 7


def test_a_reply_resets_the_follow_ups() -> None:
    # Every contact is answered two days later: five-rules never meets two unanswered ones.
    run = replay(
        search_of("silent-employer", reply_chance=1.0, reply_days=(2, 2)),
        registry.resolve("five-rules"),
        weeks=12,
    )
    assert {c.purpose for c in run.contacts} == {fr.Purpose.STATUS}
    assert {c.channel for c in run.contacts} == {fr.Channel.PHONE}
    assert run.contacts[0].on == date(2026, 3, 16)


def test_a_definite_answer_ends_the_replay() -> None:
    history = fr.History(
        [
            fr.Applied(APPLIED),
            fr.Interview(INTERVIEW),
            fr.Answer(date(2026, 3, 25), verdict=fr.Verdict.REJECTED),
        ],
        calendar=US,
    )
    ended = replay(
        attrs.evolve(search_of("silent-employer"), history=history),
        registry.resolve("three-by-three"),
        weeks=12,
    )
    assert [c.on for c in ended.contacts] == [
        date(2026, 3, 5),
        date(2026, 3, 10),
        date(2026, 3, 17),
        date(2026, 3, 24),
    ]
    assert ended.end is PlanEnd.DONE


def small(**arguments: object) -> Study:
    given_ = {"start": START, "weeks": 12, "histories": 12, "seed": 5, **arguments}
    return study(**given_)  # type: ignore[arg-type]


def test_a_study_summarises_each_rule_set_on_each_scenario() -> None:
    result = small(
        scenarios=["silent-employer", "quick-reply"], rules=["three-by-three", "five-rules"]
    )
    assert result.rulesets == ("three-by-three", "five-rules")
    assert result.scenarios == ("silent-employer", "quick-reply")
    assert len(result.replays) == 2 * 2 * 12
    silent = result.summary("three-by-three", "silent-employer")
    assert silent.histories == 12
    assert silent.ends == {PlanEnd.HORIZON: 1.0}
    assert silent.followed_up == 1.0
    assert silent.weekdays[5:] == (0, 0)
    five = result.summary("five-rules", "silent-employer")
    assert five.first_follow_up == (7, 7, 7)
    assert five.contacts[1] >= 9
    quick = result.summary("five-rules", "quick-reply")
    assert quick.ends == {PlanEnd.DONE: 1.0}
    assert quick.contacts[1] < five.contacts[1]


def test_the_same_seed_gives_the_same_study_and_another_seed_another() -> None:
    one = small(scenarios="two-rounds", rules=["three-by-three"], seed="a")
    assert one == small(scenarios="two-rounds", rules=["three-by-three"], seed="a")
    assert one.replays != small(scenarios="two-rounds", rules=["three-by-three"], seed="b").replays


def test_agreement_and_disagreement_are_shares_of_the_same_first_day() -> None:
    result = small(scenarios="silent-employer", rules=["five-rules", "call-back", "right-changes"])
    shares = result.agreement["silent-employer"]
    assert set(shares) == {
        ("five-rules", "call-back"),
        ("five-rules", "right-changes"),
        ("call-back", "right-changes"),
    }
    # right-changes times no follow-up here; the others always make one.
    assert shares[("five-rules", "right-changes")] == 0.0
    assert result.disagreement["silent-employer"] == 1.0
    # The same rule set without its guidance-only rule makes its contacts on the same days.
    plain = registry.get("five-rules").without("stand-out", name="plain")
    same = small(scenarios="silent-employer", rules=["five-rules", plain])
    assert same.agreement["silent-employer"] == {("five-rules", "plain"): 1.0}
    assert same.disagreement["silent-employer"] == 0.0


def test_the_default_studies_every_registered_rule_set_on_every_archetype() -> None:
    result = small(histories=1, weeks=2)
    assert result.rulesets == tuple(registry.names())
    assert result.scenarios == tuple(SCENARIOS)
    assert len(result.summaries) == len(SCENARIOS) * len(registry.names())


def test_the_text_table_and_the_html_table() -> None:
    result = small(scenarios="silent-employer", rules=["five-rules", "right-changes"], histories=4)
    lines = str(result).splitlines()
    assert lines[0].startswith("ruleset | scenario | contacts (q1 median q3)")
    assert lines[2] == "right-changes | silent-employer | 0 0 0 | none | 0.00 | untimed 100%"
    page = result._repr_html_()
    assert page.startswith("<table><thead><tr><th>ruleset</th>")
    assert "<td>right-changes</td><td>silent-employer</td><td>0 0 0</td><td>none</td>" in page


def test_to_pandas_has_a_row_per_rule_set_and_scenario() -> None:
    pytest.importorskip("pandas")
    result = small(scenarios=["silent-employer", "holidays"], rules=["five-rules", "right-changes"])
    frame = result.to_pandas()
    assert list(frame["ruleset"]) == ["five-rules", "right-changes"] * 2
    assert str(frame["ruleset"].dtype) == "string"
    row = frame.iloc[1]
    assert row["contacts_median"] == 0
    assert row["first_follow_up_median"] != row["first_follow_up_median"]  # NaN: no follow-up
    assert row["end_untimed"] == 1.0
    assert frame[["Sat", "Sun"]].to_numpy().sum() == 0


def test_the_plots_draw_on_axes() -> None:
    pytest.importorskip("matplotlib")
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    result = small(scenarios=["silent-employer", "quick-reply"], rules=["five-rules", "call-back"])
    ax = result.plot_contacts()
    assert ax.get_title() == "Contacts per search: all scenarios"
    assert [t.get_text() for t in ax.get_xticklabels()] == ["five-rules", "call-back"]
    _, mine = plt.subplots()
    assert result.plot_first_follow_up(scenario="quick-reply", ax=mine) is mine
    heat = result.plot_agreement(scenario="silent-employer")
    assert [t.get_text() for t in heat.texts][:2] == [
        "100%",
        f"{result.agreement['silent-employer'][('five-rules', 'call-back')]:.0%}",
    ]
    with pytest.raises(fr.InvalidArgumentError, match=r"scenario='holidays'.*silent-employer"):
        result.plot_contacts(scenario="holidays")
    with pytest.raises(fr.InvalidArgumentError, match=r"ax='axes': expected a matplotlib Axes"):
        result.plot_agreement(ax="axes")  # type: ignore[arg-type]
    plt.close("all")


def test_summary_of_an_unknown_pair_names_the_known_ones() -> None:
    result = small(scenarios="holidays", rules=["five-rules"], histories=1)
    with pytest.raises(fr.InvalidArgumentError, match=r"'call-back'.*five-rules.*holidays"):
        result.summary("call-back", "holidays")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"weeks": 0}, r"weeks=0: expected a whole number from 1 to 104"),
        ({"histories": 1.5}, r"histories=1.5: expected a whole number"),
        ({"seed": 2.5}, r"seed=2.5: expected a whole number or a string"),
        ({"start": date(1700, 1, 1)}, r"start=1700-01-01: expected a day from"),
        ({"calendar": "US"}, r"calendar='US': expected a WorkCalendar or None"),
        ({"rules": []}, r"rules=\[\]: expected at least one"),
        ({"rules": "five-rules"}, r"rules='five-rules': expected a list of rule sets"),
        ({"rules": [3]}, r"rules item 3: expected a rule-set name"),
        ({"rules": ["five-rules", "five-rules"]}, r"rules names five-rules more than once"),
        ({"scenarios": []}, r"scenarios=\[\]: expected at least one scenario"),
        ({"scenarios": 4}, r"scenarios=4: expected \"all\""),
        ({"scenarios": ["holidays", "holidays"]}, r"scenarios names holidays more than once"),
        ({"scenarios": "nope"}, r"scenario 'nope': expected a Scenario or one of"),
    ],
)
def test_bad_arguments_are_typed_errors_naming_them(
    arguments: dict[str, object], message: str
) -> None:
    with pytest.raises(fr.InvalidArgumentError, match=message):
        small(**{"rules": ["five-rules"], "scenarios": "holidays", **arguments})


@settings(max_examples=25, deadline=None)
@given(
    searches(), st.sampled_from(["three-by-three", "five-rules", "call-back", "career-staffing"])
)
def test_a_replay_contacts_only_on_business_days_within_its_weeks(
    search: Search, name: str
) -> None:
    run = replay(search, registry.resolve(name), weeks=8)
    days = [c.on for c in run.contacts]
    assert days == sorted(set(days))
    assert all(US.is_business_day(day) for day in days)
    assert all(search.start <= day < search.start + timedelta(weeks=8) for day in days)
    assert run.follow_ups == tuple(
        c.on for c in run.contacts if c.purpose is not fr.Purpose.THANK_YOU
    )
    assert replay(search, registry.resolve(name), weeks=8) == run


@settings(max_examples=10, deadline=None)
@given(st.integers(0, 2**16), st.sampled_from(list(SCENARIOS)))
def test_a_study_s_counts_add_up(seed: int, name: str) -> None:
    result = small(scenarios=name, rules=["three-by-three", "five-rules"], histories=3, seed=seed)
    for summary in result.summaries:
        runs = [r for r in result.replays if r.ruleset == summary.ruleset]
        assert summary.histories == len(runs) == 3
        assert sum(summary.weekdays) == sum(len(r.contacts) for r in runs)
        assert sum(summary.ends.values()) == pytest.approx(1.0)
        assert summary.per_week == pytest.approx(sum(summary.weekdays) / 3 / 12)
        assert summary.contacts[0] <= summary.contacts[1] <= summary.contacts[2]


def test_a_progress_bar_when_asked_for_or_when_long(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("tqdm")
    small(scenarios="holidays", rules=["five-rules"], histories=2, progress=True)
    assert "study: 100%" in capsys.readouterr().err
    small(scenarios="holidays", rules=["five-rules"], histories=2)
    assert capsys.readouterr().err == ""  # two replays: too short for a bar
    monkeypatch.setattr(sys.modules["followup_rules.study"], "PROGRESS_FROM", 2)
    small(scenarios="holidays", rules=["five-rules"], histories=2)
    assert "2/2" in capsys.readouterr().err
    small(scenarios="holidays", rules=["five-rules"], histories=2, progress=False)
    assert capsys.readouterr().err == ""
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    small(scenarios="holidays", rules=["five-rules"], histories=2)
    assert capsys.readouterr().err == ""  # tqdm not installed: no bar, no error


def test_a_progress_bar_without_tqdm_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tqdm", None)
    with pytest.raises(MissingExtraError, match=r"followup-rules\[progress\]"):
        small(scenarios="holidays", rules=["five-rules"], histories=1, progress=True)
    with pytest.raises(fr.InvalidArgumentError, match="progress='yes': expected True, False"):
        small(scenarios="holidays", rules=["five-rules"], histories=1, progress="yes")


FIXED = attrs.evolve(
    SCENARIOS["voicemail-heavy"], name="fixed-days", applies_within=(0, 0), interview=(7, 7)
)
"""Every search of it has the same history: only the replies differ, so most share a replay."""


@pytest.mark.slow
@pytest.mark.parametrize("archetype", [FIXED, SCENARIOS["quick-reply"], SCENARIOS["holidays"]])
def test_a_replay_shared_between_searches_is_the_replay_each_would_have(
    archetype: Scenario,
) -> None:
    # Searches with the same history and the same first replies share one replay: each must
    # still be exactly what replaying that search alone gives.
    result = small(scenarios=[archetype], rules=["five-rules", "call-back"], histories=60, seed=3)
    searches_ = [
        archetype.generate(seed=f"3:{index}", start=START, calendar=US) for index in range(60)
    ]
    alone = [
        replay(search, registry.resolve(rules), weeks=12)
        for search in searches_
        for rules in ("five-rules", "call-back")
    ]
    assert list(result.replays) == alone
    assert len({r.seed for r in result.replays}) == 60
