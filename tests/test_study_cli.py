"""The ``study`` command: the rule sets replayed across generated searches, as text or JSON."""

from __future__ import annotations

import json
from datetime import date

import pytest

from followup_rules.cli import main
from followup_rules.study import study

START = ["--start", "2026-03-02"]


def test_the_text_table_and_the_disagreement(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["study", "--scenarios", "silent-employer", "--histories", "6", "--weeks", "12"]
    assert main([*argv, "--rules", "five-rules,call-back", *START]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("ruleset | scenario | contacts (q1 median q3)")
    assert out[1].startswith("five-rules | silent-employer | 10 10 ")
    assert out[2] == "call-back | silent-employer | 1 1 1 | 7 7.5 8 | 0.08 | untimed 100%"
    expected = study(
        "silent-employer", rules=["five-rules", "call-back"], start=date(2026, 3, 2), histories=6
    ).disagreement["silent-employer"]
    assert out[-1] == (
        f"silent-employer: the rule sets disagree on the first follow-up day in "
        f"{expected:.0%} of searches"
    )


def test_json_holds_the_summaries_and_the_agreement(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["study", "--scenarios", "holidays,quick-reply", "--histories", "3", "--seed", "9"]
    assert (
        main([*argv, "--rules", "five-rules,call-back+three-by-three", *START, "--format", "json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["rulesets"] == ["five-rules", "call-back+three-by-three"]
    assert data["scenarios"] == ["holidays", "quick-reply"]
    assert (data["start"], data["weeks"], data["histories"], data["seed"]) == (
        "2026-03-02",
        12,
        3,
        "9",
    )
    first = data["summaries"][0]
    assert (first["ruleset"], first["scenario"]) == ("five-rules", "holidays")
    assert first["ends"] == {"horizon": 1.0}
    assert len(first["weekdays"]) == 7
    assert data["summaries"][3]["ends"] == {"done": 1.0}
    assert data["agreement"]["holidays"][0]["rulesets"] == [
        "five-rules",
        "call-back+three-by-three",
    ]
    assert set(data["disagreement"]) == {"holidays", "quick-reply"}


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--weeks", "0"], "weeks=0: expected a whole number from 1 to 104"),
        (["--scenarios", "nope"], "scenario 'nope': expected a Scenario or one of"),
        (["--histories", "x"], "argument --histories: invalid int value: 'x'"),
        (["--rules", "nope"], "unknown rule set 'nope'"),
        (["--today", "2026-03-02"], "study does not take --today"),
    ],
)
def test_bad_options_are_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    assert main(["study", "--histories", "1", *START, *argv]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert message in captured.err
    assert captured.err.count("\n") == 1
