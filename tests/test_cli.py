"""The first command line: the bundled example under each rule set."""

from __future__ import annotations

import subprocess
import sys

import pytest

from followup_rules.cli import main


def test_the_example_runs_under_each_rule_set_and_the_composition(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["--today", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    for title in ("career-staffing", "right-changes", "five-rules", "three-by-three", "call-back"):
        assert f"== {title} ==" in out
    assert "== all five, composed ==\nWAIT until Tue 2026-12-01" in out


def test_one_rule_set_can_be_chosen(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--today", "2026-11-25", "--rules", "right-changes"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("== right-changes ==\nWAIT until Tue 2026-12-01")
    assert "== five-rules ==" not in out


def test_an_unknown_rule_set_is_one_line_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--today", "2026-11-25", "--rules", "six-rules"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("followup-rules: unknown rule set 'six-rules'")
    assert err.count("\n") == 1


def test_a_bad_date_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--today", "25/11/2026"])
    assert exit_.value.code == 2
    assert "'25/11/2026' is not a date: expected YYYY-MM-DD" in capsys.readouterr().err


def test_today_defaults_to_the_clock(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--rules", "five-rules"]) == 0
    assert "== five-rules ==" in capsys.readouterr().out


def test_python_dash_m_runs_it() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "followup_rules", "--today", "2026-11-25", "--rules", "call-back"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("== call-back ==\nFOLLOW UP today, Wed 2026-11-25")
