"""The command line: each command on the demo tracker on Wednesday 25 November 2026, in table
and JSON form; the exit codes and error lines; a closed pipe; the entry points.

The demo's decisions are worked out in tests/test_tracker.py; Thanksgiving is Thursday 26th,
so under the five composed, every waiting application's next day is Tuesday 1 December.
"""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import date
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import followup_rules as fr
from followup_rules import cli
from followup_rules.cli import main
from followup_rules.tracker import CSV_COLUMNS, demo_tracker, dump_tracker

DEMO_FILE = str(resources.files("followup_rules") / "data" / "demo-tracker.toml")
TODAY = ["--today", "2026-11-25"]
SCRIPT = Path(sys.executable).parent / "followup-rules"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    return captured.out


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    return json.loads(_run(capsys, *argv, "--format", "json"))


def _error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert main(list(argv)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err
    return captured.err


def _column(out: str, index: int) -> list[str]:
    """The first word of each table line after the header and its rule."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("---")) + 1
    rows = lines[start:]
    return [line.split()[index] for line in rows if line.strip() and not line.startswith("They")]


# today ------------------------------------------------------------------------------------


def test_today_lists_the_most_urgent_first(capsys: pytest.CaptureFixture[str]) -> None:
    # All five composed: four wait for Tue 1 December (cobalt's window closed Mon 23
    # November, so it comes first), maple-health stopped (Call-back's two voicemails), then
    # lumen-bank's definite answer.
    out = _run(capsys, "today", DEMO_FILE, *TODAY)
    assert out.startswith("As of Wed 2026-11-25, by call-back+career-staffing+five-rules+")
    assert _column(out, 0) == [
        "cobalt-robotics",
        "harbor-analytics",
        "tern-studio",
        "sierra-solar",
        "maple-health",
        "lumen-bank",
    ]
    lines = out.splitlines()
    assert lines[3].split()[:4] == ["cobalt-robotics", "wait", "(overdue)", "Tue"]
    assert lines[7].split()[:2] == ["maple-health", "stop"]


def test_today_puts_overdue_follow_ups_first_then_waits_by_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Three by three: cobalt's window closed Mon 23 November (overdue), maple and tern follow
    # up today, harbor waits for Fri 27 (three business days after Mon 23, Thanksgiving
    # skipped), sierra for Mon 30 November (away until the 25th, then Thanksgiving and the
    # day after).
    out = _run(capsys, "today", DEMO_FILE, *TODAY, "--rules", "three-by-three")
    assert _column(out, 0) == [
        "cobalt-robotics",
        "maple-health",
        "tern-studio",
        "harbor-analytics",
        "sierra-solar",
        "lumen-bank",
    ]
    assert "cobalt-robotics   follow-up (overdue)  Wed 2026-11-25  Mon 2026-11-23" in out
    assert "harbor-analytics  wait                 Fri 2026-11-27" in out


def test_today_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "today", DEMO_FILE, *TODAY)
    assert data["today"] == "2026-11-25"
    assert data["rules"] == "call-back+career-staffing+five-rules+right-changes+three-by-three"
    first = data["applications"][0]
    assert (first["id"], first["action"], first["next_date"]) == (
        "cobalt-robotics",
        "wait",
        "2026-12-01",
    )
    assert (first["window_end"], first["overdue"], first["channel"]) == (
        "2026-11-23",
        True,
        "phone",
    )
    assert {"rule": "common/business-days-only", "binding": True}.items() <= first["reasons"][
        1
    ].items()
    assert [a["action"] for a in data["applications"]][-2:] == ["stop", "done"]
    assert data["applications"][-1]["next_date"] is None


def test_today_with_several_rule_sets_and_a_rule_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "coach.toml"
    path.write_text(fr.rulesets.to_toml(fr.rulesets.get("five-rules").without("wait-a-week")))
    data = _json(capsys, "today", DEMO_FILE, *TODAY, "--rules", "five-rules,call-back")
    assert data["rules"] == "call-back+five-rules"
    data = _json(capsys, "today", DEMO_FILE, *TODAY, "--rules-file", str(path))
    assert data["rules"] == "five-rules-without-wait-a-week"


# compare ----------------------------------------------------------------------------------


def test_compare_one_application(capsys: pytest.CaptureFixture[str]) -> None:
    # They named Thu 19 November and said nothing: all but RightChanges would call today.
    out = _run(capsys, "compare", DEMO_FILE, *TODAY, "--application", "cobalt-robotics")
    assert out.startswith("As of Wed 2026-11-25:\nrule set")
    assert _column(out, 1) == ["follow-up", "wait", "follow-up", "follow-up", "follow-up"]
    assert "right-changes    wait       Tue 2026-12-01" in out
    assert out.endswith("They differ on: action, next date, window end, channel, left\n")


def test_compare_every_application_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "compare", DEMO_FILE, *TODAY)
    ids = [a["id"] for a in data["applications"]]
    assert ids == list(demo_tracker().ids)
    harbor = data["applications"][0]
    assert [(r["ruleset"], r["action"], r["next_date"]) for r in harbor["rows"]] == [
        ("career-staffing", "wait", "2026-11-30"),
        ("right-changes", "wait", "2026-12-01"),
        ("five-rules", "follow-up", "2026-11-25"),
        ("three-by-three", "wait", "2026-11-27"),
        ("call-back", "follow-up", "2026-11-25"),
    ]
    assert data["applications"][3]["disagreements"] == []


def test_compare_one_application_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "compare", DEMO_FILE, *TODAY, "--application", "lumen-bank")
    (lumen,) = data["applications"]
    assert {row["action"] for row in lumen["rows"]} == {"done"}


def test_compare_an_unknown_application(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, "compare", DEMO_FILE, "--application", "acme")
    assert err.startswith("followup-rules: no application 'acme' in the tracker: expected ")


# plan -------------------------------------------------------------------------------------


def test_plan_three_by_three_to_the_end_of_the_year(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Three business days apart from Mon 23 November, skipping Thanksgiving (Thu 26
    # November), Christmas (Fri 25 December) and New Year's Day (Fri 1 January).
    out_file = tmp_path / "harbor.ics"
    argv = ["plan", DEMO_FILE, *TODAY, "--application", "harbor-analytics"]
    argv += ["--rules", "three-by-three", "--until", "2026-12-31", "--ics", str(out_file)]
    out = _run(capsys, *argv)
    days = ["11-27", "12-02", "12-07", "12-10", "12-15", "12-18", "12-23", "12-29"]
    assert [line.split()[1] for line in out.splitlines()[1:9]] == [f"2026-{d}:" for d in days]
    assert "then the next contact falls on Mon 2027-01-04, after Thu 2026-12-31" in out
    assert out.endswith(f"Wrote 8 event(s) to {out_file}\n")
    assert out_file.read_text().count("DTSTART;VALUE=DATE:2026") == 8


def test_plan_what_ifs_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", DEMO_FILE, *TODAY, "--application", "maple-health", "--rules"]
    data = _json(capsys, *argv, "career-staffing", "--assume", "voicemail-left")
    # Career Staffing's one message is spent: the call would leave another, so none is made.
    assert (data["contacts"], data["end"]) == ([], "no-message-left")
    data = _json(capsys, *argv, "career-staffing", "--assume", "reached", "--replies")
    assert data["contacts"][0] | {"reasons": []} == {
        "on": "2026-11-25",
        "purpose": "status",
        "channel": "phone",
        "proposed": "phone",
        "outcome": "reached",
        "replied": True,
        "reasons": [],
    }
    assert (data["assume"], data["replies"], data["until"]) == ("reached", True, "2027-11-26")


def test_plan_by_default_assumes_nobody_answers(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "plan", DEMO_FILE, *TODAY, "--application", "cobalt-robotics")
    assert out.splitlines()[:2] == [
        "Plan for cobalt-robotics by call-back+career-staffing+five-rules+right-changes+"
        "three-by-three, assuming nobody answers:",
        "Tue 2026-12-01: status by phone, assumed voicemail-left",
    ]


def test_plan_needs_an_application(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, "plan", DEMO_FILE)
    assert err == (
        "followup-rules: the following arguments are required: --application "
        "(see followup-rules plan --help)\n"
    )


def test_plan_an_unwritable_calendar_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    where = tmp_path / "no-such-folder" / "plan.ics"
    argv = ["plan", DEMO_FILE, *TODAY, "--application", "cobalt-robotics", "--ics", str(where)]
    assert _error(capsys, *argv) == (
        f"followup-rules: {where}: cannot be written (No such file or directory)\n"
    )


# rulesets and explain ---------------------------------------------------------------------


def test_rulesets(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "rulesets")
    assert _column(out, 0) == list(fr.rulesets.names())
    assert "five-rules       1.0      Jim Vassallo, “Five Rules for Following Up" in out
    data = _json(capsys, "rulesets")
    assert data["rulesets"][2] == {
        "name": "five-rules",
        "version": "1.0",
        "source": {
            "title": "Five Rules for Following Up After a Job Interview",
            "author": "Jim Vassallo",
            "url": fr.rulesets.get("five-rules").source.url,  # type: ignore[union-attr]
        },
    }


def test_explain_lists_each_rule_with_its_citation(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "explain", "five-rules")
    assert out.startswith("five-rules 1.0: Jim Vassallo, “Five Rules for Following Up")
    assert (
        "- wait-a-week (wait-after)\n    rule “Persistent Does not Include Daily Contact”\n" in out
    )
    data = _json(capsys, "explain", "five-rules")
    assert [rule["id"] for rule in data["rules"]] == list(fr.rulesets.get("five-rules").ids)
    assert data["rules"][1]["kind"] == "wait-after"


def test_explain_a_rule_set_without_source_or_url(capsys: pytest.CaptureFixture[str]) -> None:
    bare = fr.RuleSet("bare-coach", fr.rulesets.get("five-rules").rules[:1])
    registry = fr.rulesets.Registry([bare], plugins=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "registry", registry)
        out = _run(capsys, "explain", "bare-coach")
        assert out.startswith(
            "bare-coach 1.0: no source given\n- polite-and-humble (advice)\n"
            "    Jim Vassallo, “Five Rules for Following Up After a Job Interview”, rule “Be "
        )
        assert _json(capsys, "rulesets")["rulesets"] == [
            {"name": "bare-coach", "version": "1.0", "source": None}
        ]


def test_explain_names_an_unknown_rule_set(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, "explain", "six-rules")
    assert err.startswith("followup-rules: unknown rule set 'six-rules': expected one of ")


# demo -------------------------------------------------------------------------------------


def test_demo_reads_the_bundled_tracker_on_its_own_day(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "demo")
    assert out.startswith("The demo tracker: 6 applications of one job seeker in autumn 2026.")
    assert "As of Wed 2026-11-25, by call-back+" in out
    for name in fr.rulesets.names():
        assert out.count(f" {name} ") == 6
    assert "  sierra-solar: next date, channel, left\n" in out


def test_demo_as_json_on_another_day(capsys: pytest.CaptureFixture[str]) -> None:
    # On Tuesday 1 December every waiting application is due under the five composed.
    data = _json(capsys, "demo", "--today", "2026-12-01")
    actions = data["actions"]["applications"]
    assert data["actions"]["today"] == "2026-12-01"
    assert [a["action"] for a in actions[:2]] == ["follow-up", "follow-up"]
    assert len(data["comparison"]["applications"]) == 6


def test_options_before_the_command_are_kept(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "--today", "2026-12-01", "--rules", "five-rules", "demo")
    assert (data["actions"]["today"], data["actions"]["rules"]) == ("2026-12-01", "five-rules")


# CSV trackers and their calendar ----------------------------------------------------------


def test_a_csv_tracker_takes_its_calendar_from_the_options(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Harbor Analytics alone, applied Mon 23 November: under Three by three, three business
    # days later is Fri 27 November in New York, but that Friday is a state holiday in
    # California, so Mon 30 November there.
    path = tmp_path / "harbor.csv"
    harbor = fr.Tracker(demo_tracker().calendar, [demo_tracker().application("harbor-analytics")])
    dump_tracker(harbor, path, format="csv")
    argv = ["today", str(path), *TODAY, "--rules", "three-by-three", "--format", "json"]
    ny = json.loads(_run(capsys, *argv, "--country", "US", "--subdivision", "NY"))
    ca = json.loads(_run(capsys, *argv, "--country", "US", "--subdivision", "CA"))
    assert ny["applications"][0]["next_date"] == "2026-11-27"
    assert ca["applications"][0]["next_date"] == "2026-11-30"


def test_open_on_keeps_holidays_open_for_a_csv_tracker(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Applied Mon 2 November, US: under Right changes, Tue 10 to Thu 12 November are around
    # Veterans Day; kept open, Tuesday 10 November is the first allowed day.
    path = tmp_path / "acme.csv"
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=fr.WorkCalendar("US"))
    dump_tracker(
        fr.Tracker(history.calendar, [fr.Application("acme", history)]), path, format="csv"
    )
    argv = ["today", str(path), "--today", "2026-11-10", "--rules", "right-changes"]
    argv += ["--format", "json", "--country", "US"]
    plain = json.loads(_run(capsys, *argv))
    kept_open = json.loads(_run(capsys, *argv, "--open-on", "veterans day"))
    both = json.loads(_run(capsys, *argv, "--open-on", "Veterans Day", "--open-on", "2026-11-14"))
    assert plain["applications"][0]["next_date"] == "2026-11-17"
    assert kept_open["applications"][0]["next_date"] == "2026-11-10"
    assert both["applications"][0]["next_date"] == "2026-11-10"


def test_an_unknown_holiday_to_keep_open(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "jobs.csv"
    path.write_text(",".join(CSV_COLUMNS) + "\n")
    err = _error(capsys, "today", str(path), "--country", "US", "--open-on", "Veteran Day")
    assert err.startswith("followup-rules: unknown holiday name 'Veteran Day' in open_on:")


def test_a_csv_tracker_without_a_country(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, "today", "jobs.csv")
    assert err.startswith("followup-rules: jobs.csv is a CSV tracker, which holds no calendar:")


def test_a_toml_tracker_with_a_country(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, "today", DEMO_FILE, "--subdivision", "CA")
    assert err.endswith(
        "names its own calendar: --country, --subdivision and --open-on are for a CSV tracker "
        "only\n"
    )


def test_an_unknown_country(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    err = _error(capsys, "today", str(tmp_path / "jobs.csv"), "--country", "XX")
    assert err.startswith("followup-rules: ")
    assert "'XX'" in err


# Errors -----------------------------------------------------------------------------------


def test_a_missing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert _error(capsys, "today", "nowhere.toml") == (
        "followup-rules: nowhere.toml: cannot be read (No such file or directory): expected a "
        "readable file\n"
    )


def test_a_bad_tracker_names_the_place(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(
        '{"calendar": {"country": "US"}, "applications": [{"id": "Acme", "events": []}]}'
    )
    err = _error(capsys, "compare", str(path))
    assert err.startswith(f"followup-rules: {path}: applications[0]")
    assert "'Acme' is not a slug" in err


def test_a_bad_date_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert _error(capsys, "today", DEMO_FILE, "--today", "25/11/2026") == (
        "followup-rules: argument --today: '25/11/2026' is not a date: expected YYYY-MM-DD "
        "(see followup-rules today --help)\n"
    )


def test_an_unknown_command_or_outcome(capsys: pytest.CaptureFixture[str]) -> None:
    assert "invalid choice: 'tomorrow'" in _error(capsys, "tomorrow")
    err = _error(capsys, "plan", DEMO_FILE, "--application", "x", "--assume", "no-answer")
    assert "argument --assume: invalid choice: 'no-answer'" in err


def test_a_closed_output_ends_quietly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Closed(io.StringIO):
        def write(self, text: str) -> int:
            raise BrokenPipeError

    with (tmp_path / "sink").open("w") as sink:
        closed = Closed()
        monkeypatch.setattr(closed, "fileno", sink.fileno)
        monkeypatch.setattr(sys, "stdout", closed)
        assert main(["rulesets"]) == 1


# The first command line, kept: the bundled example under each rule set --------------------


def test_no_command_shows_the_example_under_each_rule_set(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(capsys, *TODAY)
    for title in ("career-staffing", "right-changes", "five-rules", "three-by-three", "call-back"):
        assert f"== {title} ==" in out
    assert "== all five, composed ==\nWAIT until Tue 2026-12-01" in out


def test_no_command_with_one_rule_set_and_a_rule_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "coach.toml"
    path.write_text(fr.rulesets.to_toml(fr.rulesets.get("five-rules").without("wait-a-week")))
    out = _run(capsys, *TODAY, "--rules", "right-changes", "--rules-file", str(path))
    assert out.startswith("== right-changes ==\nWAIT until Tue 2026-12-01")
    assert f"== five-rules-without-wait-a-week (from {path}) ==" in out
    assert "== five-rules ==" not in out


def test_no_command_with_an_unknown_rule_set(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, *TODAY, "--rules", "six-rules")
    assert err.startswith("followup-rules: unknown rule set 'six-rules'")


def test_the_clock_is_the_default_day(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Wednesday(date):
        @classmethod
        def today(cls) -> Wednesday:
            return cls(2026, 11, 25)

    monkeypatch.setattr(cli, "date", Wednesday)
    assert "As of Wed 2026-11-25" in _run(capsys, "today", DEMO_FILE)
    assert "== all five, composed ==\nWAIT until Tue 2026-12-01" in _run(capsys)


# As a process: the entry points, --help, demo, a closed pipe ------------------------------


def _process(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, check=False, timeout=60)


def test_python_dash_m_runs_it() -> None:
    done = _process(sys.executable, "-m", "followup_rules", *TODAY, "--rules", "call-back")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("== call-back ==\nFOLLOW UP today, Wed 2026-11-25")


def test_the_console_script_runs_the_demo() -> None:
    done = _process(str(SCRIPT), "demo")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "Each philosophy on its own:\nAs of Wed 2026-11-25:" in done.stdout


def test_help_lists_the_commands() -> None:
    done = _process(sys.executable, "-m", "followup_rules", "--help")
    assert done.returncode == 0
    for command in ("today", "compare", "plan", "rulesets", "explain", "demo"):
        assert command in done.stdout


def test_an_error_as_a_process_is_one_line_and_status_2() -> None:
    done = _process(sys.executable, "-m", "followup_rules", "today", "nowhere.toml")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("followup-rules: nowhere.toml: cannot be read")
    assert done.stderr.count("\n") == 1


def test_a_closed_pipe_as_a_process_ends_without_a_traceback() -> None:
    # The reading end is closed before the command has even started writing.
    process = subprocess.Popen(
        [sys.executable, "-m", "followup_rules", "demo"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()
    err = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert err == ""


def test_the_readme_command_works_in_a_shell_pipeline() -> None:
    done = _process("sh", "-c", f"{SCRIPT} demo | head -1")
    assert done.stdout == "The demo tracker: 6 applications of one job seeker in autumn 2026.\n"
    assert done.stderr == ""
