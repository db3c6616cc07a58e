"""The command line: each command on the demo tracker on Wednesday 25 November 2026, in table
and JSON form; the exit codes and error lines; a closed pipe; the entry points.

The demo's decisions are worked out in tests/test_tracker.py; Thanksgiving is Thursday 26th,
so under the five composed, every waiting application's next day is Tuesday 1 December. Before
an interview the Five Rules and call-back are silent.
"""

from __future__ import annotations

import io
import json
import os
import re
import signal
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
    """The ``index``-th word of each table row after the header and its rule (a row starts
    at the left margin; the wrapped ``why`` lines under it are indented)."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("---")) + 1
    rows = [line for line in lines[start:] if line[:1].strip() and not line.startswith("They")]
    return [line.split()[index] for line in rows]


def _words(out: str) -> str:
    """The output with every run of spaces and line breaks as one space: what wraps where
    depends on the width."""
    return " ".join(out.split())


# today ------------------------------------------------------------------------------------


def test_today_lists_the_most_urgent_first(capsys: pytest.CaptureFixture[str]) -> None:
    # All five composed: five wait for Tue 1 December, in the tracker's order (cobalt's
    # 3x3 window, Fri 20 to Mon 23 November, held no day the five allow together, so it is
    # not overdue), then lumen-bank's definite answer.
    # Maple Health's two voicemails no longer stop anything: call-back, which stops after
    # two, is silent before an interview.
    out = _run(capsys, "today", DEMO_FILE, *TODAY)
    assert out.startswith("As of Wed 2026-11-25, by call-back+career-staffing+five-rules+")
    assert _column(out, 0) == [
        "harbor-analytics",
        "cobalt-robotics",
        "maple-health",
        "tern-studio",
        "sierra-solar",
        "lumen-bank",
    ]
    lines = out.splitlines()
    assert lines[1].split() == [
        "application", "action", "next", "date", "window", "purpose", "channel",
        "follow-ups", "messages", "why", "(rule", "set/rule)",
    ]  # fmt: skip
    assert lines[2].split() == ["end", "left", "left"]
    assert lines[4].split() == [
        "harbor-analytics", "wait", "Tue", "1", "Dec", "Thu", "3", "Dec", "status", "phone",
        "1", "1",
    ]  # fmt: skip
    assert lines[5] == (
        "    career-staffing/wait-after-application, right-changes/no-monday-friday"
    )
    assert lines[6].split()[:6] == ["cobalt-robotics", "wait", "Tue", "1", "Dec", "-"]
    assert lines[-2].split() == [
        "lumen-bank",
        "done",
        "-",
        "-",
        "-",
        "-",
        "no",
        "limit",
        "no",
        "limit",
    ]
    assert lines[-1] == "    common/definite-answer"


def test_today_puts_overdue_follow_ups_first_then_waits_by_date(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Three by three: cobalt's window closed Mon 23 November (overdue), maple and tern follow
    # up today (untimed: after their one follow-up before an interview the method sets no day,
    # so today is only the first day allowed), harbor waits for Fri 27 (three business days
    # after Mon 23, Thanksgiving skipped), sierra for Mon 30 November (away until the 25th,
    # then Thanksgiving and the day after).
    out = _run(capsys, "today", DEMO_FILE, *TODAY, "--rules", "three-by-three")
    assert _column(out, 0) == [
        "cobalt-robotics",
        "maple-health",
        "tern-studio",
        "harbor-analytics",
        "sierra-solar",
        "lumen-bank",
    ]
    assert "cobalt-robotics   follow-up (overdue)  Wed 25 Nov  Mon 23 Nov  status   phone" in out
    assert "harbor-analytics  wait                 Fri 27 Nov  -           status   phone" in out


def test_today_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "today", DEMO_FILE, *TODAY)
    assert data["today"] == "2026-11-25"
    assert data["rules"] == "call-back+career-staffing+five-rules+right-changes+three-by-three"
    by_id = {entry["id"]: entry for entry in data["applications"]}
    first = by_id["cobalt-robotics"]
    assert (first["action"], first["next_date"]) == ("wait", "2026-12-01")
    # The 3x3 window after the 11-13 call (Fri 11-20 to Mon 11-23) holds no day the five allow
    # together (Friday, the weekend, Monday): it has no last day, and nothing is overdue.
    assert (first["window_end"], first["overdue"], first["channel"]) == (None, False, "phone")
    assert {"rule": "common/business-days-only", "binding": True}.items() <= first["reasons"][
        1
    ].items()
    assert [a["action"] for a in data["applications"]] == ["wait"] * 5 + ["done"]
    assert data["applications"][-1]["next_date"] is None


def test_today_with_several_rule_sets_and_a_rule_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "coach.toml"
    path.write_text(fr.rulesets.to_toml(fr.rulesets.get("five-rules").without("wait-a-week")))
    data = _json(capsys, "today", DEMO_FILE, *TODAY, "--rules", "five-rules,call-back")
    assert data["rules"] == "call-back+five-rules"
    again = _json(
        capsys, "today", DEMO_FILE, *TODAY, "--rules", "five-rules", "--rules", "call-back"
    )
    assert again == data
    data = _json(capsys, "today", DEMO_FILE, *TODAY, "--rules-file", str(path))
    assert data["rules"] == "five-rules-without-wait-a-week"


# compare ----------------------------------------------------------------------------------


def test_compare_takes_repeated_rules_as_it_takes_a_comma_list(
    capsys: pytest.CaptureFixture[str],
) -> None:
    repeated = _json(
        capsys, "compare", DEMO_FILE, *TODAY, "--rules", "five-rules", "--rules", "call-back"
    )
    listed = _json(capsys, "compare", DEMO_FILE, *TODAY, "--rules", "five-rules,call-back")
    assert repeated == listed
    rows = repeated["applications"][0]["rows"]
    assert [row["ruleset"] for row in rows] == ["five-rules", "call-back"]


def test_compare_one_application(capsys: pytest.CaptureFixture[str]) -> None:
    # They named Thu 19 November and said nothing: all but RightChanges would call today.
    out = _run(capsys, "compare", DEMO_FILE, *TODAY, "--application", "cobalt-robotics")
    assert out.startswith("As of Wed 2026-11-25:\napplication      rule set         action")
    assert _column(out, 1) == ["career-staffing"]
    assert "\n                 right-changes    wait                 Tue 1 Dec   -  " in out
    assert "\n    call-back/day-after-deadline\n" in out
    assert out.endswith(
        "They differ on:\n  cobalt-robotics: action, next date, window end, channel, "
        "follow-ups left, messages left\n"
    )


def test_compare_every_application_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    data = _json(capsys, "compare", DEMO_FILE, *TODAY)
    ids = [a["id"] for a in data["applications"]]
    assert ids == list(demo_tracker().ids)
    harbor = data["applications"][0]
    assert [(r["ruleset"], r["action"], r["next_date"]) for r in harbor["rows"]] == [
        ("career-staffing", "wait", "2026-11-30"),
        ("right-changes", "wait", "2026-12-01"),
        ("five-rules", "silent", None),
        ("three-by-three", "wait", "2026-11-27"),
        ("call-back", "silent", None),
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
    # Cobalt Robotics interviewed on Thu 12 November and was thanked on Fri 13th: the 3x3
    # method calls a week to ten days after the last contact, so (overdue) today, then every
    # Wednesday until the end of the year.
    out_file = tmp_path / "cobalt.ics"
    argv = ["plan", DEMO_FILE, *TODAY, "--application", "cobalt-robotics"]
    argv += ["--rules", "three-by-three", "--until", "2026-12-31", "--ics", str(out_file)]
    out = _run(capsys, *argv)
    days = ["11-25", "12-02", "12-09", "12-16", "12-23", "12-30"]
    assert [line.split()[1] for line in out.splitlines()[1:7]] == [f"2026-{d}:" for d in days]
    assert (
        "then nothing more until Thu 2026-12-31, where the plan ends; the next contact would be "
        "on Wed 2027-01-06" in out
    )
    assert out.endswith(f"Wrote 6 event(s) to {out_file}\n")
    assert out_file.read_text().count("DTSTART;VALUE=DATE:2026") == 6


def test_plan_before_an_interview_stops_where_no_time_is_set(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Harbor Analytics applied Mon 23 November: three business days later, Thanksgiving
    # skipped, is Fri 27th. Before an interview the method names no further step.
    argv = ["plan", DEMO_FILE, *TODAY, "--application", "harbor-analytics"]
    out = _run(capsys, *argv, "--rules", "three-by-three")
    assert out.splitlines()[1:] == [
        "Fri 2026-11-27: status by phone, assumed voicemail-left",
        "then no time set: three-by-three gives no time for the next contact, so none is "
        "scheduled (the first day allowed would be Mon 2026-11-30)",
    ]
    data = _json(capsys, *argv, "--rules", "three-by-three")
    assert (len(data["contacts"]), data["end"]) == (1, "untimed")


def test_plan_what_ifs_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["plan", DEMO_FILE, *TODAY, "--application", "maple-health", "--rules"]
    data = _json(capsys, *argv, "career-staffing", "--assume", "voicemail-left")
    # Maple Health was called on 5 November: after a first follow-up Career Staffing gives no
    # time for the next, so nothing is scheduled.
    assert (data["contacts"], data["end"]) == ([], "untimed")
    # Cobalt Robotics has had no follow-up: a week after the interview has passed, so today.
    argv[argv.index("maple-health")] = "cobalt-robotics"
    data = _json(capsys, *argv, "career-staffing", "--assume", "reached", "--replies")
    assert data["end"] == "untimed"
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
        f"followup-rules: application 'cobalt-robotics': {where}: cannot be written (No such "
        f"file or directory): expected a folder that exists, that you may write to and that has "
        f"room for the file\n"
    )


def _plan_to(capsys: pytest.CaptureFixture[str], out: Path | str, *more: str) -> str:
    argv = ["plan", DEMO_FILE, *TODAY, "--application", "harbor-analytics", "--ics", str(out)]
    return _error(capsys, *argv, *more)


def test_plan_never_writes_over_the_tracker_it_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tracker = tmp_path / "victim.toml"
    tracker.write_text(Path(DEMO_FILE).read_text(encoding="utf-8"), encoding="utf-8")
    before = tracker.read_bytes()
    (tmp_path / "link.ics").symlink_to(tracker)
    argv = ["plan", str(tracker), *TODAY, "--application", "harbor-analytics", "--ics"]
    for out in (str(tracker), str(tmp_path / "." / "victim.toml"), str(tmp_path / "link.ics")):
        assert _error(capsys, *argv, out, "--force") == (
            f"followup-rules: application 'harbor-analytics': --ics {out}: that is {tracker}, the "
            f"tracker file this command reads: expected another file, so that the tracker file "
            f"is not written over\n"
        )
    assert tracker.read_bytes() == before


def test_plan_never_writes_over_a_rule_file_it_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    coach = tmp_path / "coach.toml"
    coach.write_text(fr.rulesets.to_toml(fr.rulesets.get("five-rules")))
    before = coach.read_bytes()
    err = _plan_to(capsys, coach, "--rules-file", str(coach), "--force")
    assert f"--ics {coach}: that is {coach}, the rule-set file this command reads" in err
    assert coach.read_bytes() == before


def test_plan_replaces_a_calendar_file_only_with_force(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    out = tmp_path / "harbor.ics"
    out.write_text("my calendar\n")
    assert _plan_to(capsys, out) == (
        f"followup-rules: application 'harbor-analytics': {out}: already exists: expected a new "
        f"file, or --force to replace it\n"
    )
    assert out.read_text() == "my calendar\n"
    argv = ["plan", DEMO_FILE, *TODAY, "--application", "harbor-analytics", "--ics", str(out)]
    assert _run(capsys, *argv, "--force").endswith(f"Wrote 1 event(s) to {out}\n")
    assert out.read_text().startswith("BEGIN:VCALENDAR")
    assert os.listdir(tmp_path) == ["harbor.ics"]


def test_plan_never_writes_to_a_folder(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert _plan_to(capsys, tmp_path, "--force") == (
        f"followup-rules: application 'harbor-analytics': {tmp_path}: a folder: expected the "
        f"path of a file to write\n"
    )


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["compare", DEMO_FILE], "'harbor-analytics': its last event (applied, Mon 2026-11-23)"),
        (
            ["compare", DEMO_FILE, "--application", "lumen-bank"],
            "'lumen-bank': its last event (answer, Fri 2026-11-06)",
        ),
        (
            ["plan", DEMO_FILE, "--application", "tern-studio"],
            "'tern-studio': its last event (reply, Mon 2026-11-16)",
        ),
        (["today", DEMO_FILE], "'harbor-analytics': its last event (applied, Mon 2026-11-23)"),
        (["demo"], "'harbor-analytics': its last event (applied, Mon 2026-11-23)"),
    ],
)
def test_a_day_before_an_application_s_events_is_refused_in_the_user_s_words(
    capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    # 1 October 2026 is before every application of the demo was made; the error names the
    # application with the latest event, and the day from which the command would run.
    err = _error(capsys, *argv, "--today", "2026-10-01")
    day = named.split(", ")[-1][4:-1]
    assert err == (
        f"followup-rules: application {named} is after the day asked for (Thu 2026-10-01): "
        f"expected --today {day} or later, or no --today for the current date\n"
    )
    assert "datetime" not in err


def test_plan_refuses_an_until_before_today_in_the_user_s_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    err = _error(
        capsys, "plan", DEMO_FILE, *TODAY, "--application", "tern-studio", "--until", "2026-11-01"
    )
    assert err == (
        "followup-rules: --until 2026-11-01 is before the day the plan starts (Wed 2026-11-25): "
        "expected a later day, or no --until for a year ahead\n"
    )


def test_a_tracker_file_with_another_suffix(capsys: pytest.CaptureFixture[str]) -> None:
    assert _error(capsys, "today", "jobs.txt") == (
        "followup-rules: jobs.txt: a tracker file's name ends in .toml, .json or .csv: expected "
        "one of those, by the format the file is written in\n"
    )


def test_an_unknown_subdivision_lists_the_country_s_own(
    capsys: pytest.CaptureFixture[str],
) -> None:
    err = _error(capsys, "today", "jobs.csv", "--country", "DE", "--subdivision", "XX")
    assert err.startswith(
        "followup-rules: --subdivision XX: DE has no such state or province: expected one of BB, "
        "BE, BW, BY,"
    )
    assert err.endswith(", or no --subdivision for the holidays of the whole country\n")
    assert "None" not in err
    assert "'" not in err
    assert _error(capsys, "today", "jobs.csv", "--country", "IS", "--subdivision", "XX") == (
        "followup-rules: --subdivision XX: IS has no such state or province: expected no "
        "--subdivision for the holidays of the whole country\n"
    )


def test_an_unknown_rule_set_is_not_blamed_on_an_application(
    capsys: pytest.CaptureFixture[str],
) -> None:
    err = _error(capsys, "compare", DEMO_FILE, *TODAY, "--rules", "five-rules,six-rules")
    assert err.startswith("followup-rules: unknown rule set 'six-rules'")


# rulesets and explain ---------------------------------------------------------------------


def test_rulesets(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "rulesets")
    assert _column(out, 0) == list(fr.rulesets.names())
    assert "five-rules       2.0      Jim Vassallo, “Five Rules for Following Up" in out
    assert "\n                          Being a Pest”\n" in out
    data = _json(capsys, "rulesets")
    assert data["rulesets"][2] == {
        "name": "five-rules",
        "version": "2.0",
        "source": {
            "title": "Five Rules for Following Up After a Job Interview",
            "author": "Jim Vassallo",
            "url": fr.rulesets.get("five-rules").source.url,  # type: ignore[union-attr]
        },
        "scope": ["post-interview"],
    }


def test_explain_says_what_each_rule_does_with_its_parameters_and_citation(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(capsys, "explain", "five-rules")
    assert out.startswith("five-rules 2.0: Jim Vassallo, “Five Rules for Following Up")
    assert (
        "- wait-a-week (wait-after)\n"
        "    After an interview, the first follow-up waits a week.\n"
        "    parameters: stage=POST_INTERVIEW, days=7, latest=None, business=False, "
        "unless_stated=False, channel=None\n"
        "    cites: rule “Persistent Does not Include Daily Contact”\n"
    ) in out
    data = _json(capsys, "explain", "five-rules")
    assert [rule["id"] for rule in data["rules"]] == list(fr.rulesets.get("five-rules").ids)
    wait = data["rules"][1]
    assert (wait["kind"], wait["does"]) == (
        "wait-after",
        "After an interview, the first follow-up waits a week.",
    )
    assert wait["parameters"] == {
        "stage": "POST_INTERVIEW",
        "days": "7",
        "latest": "None",
        "business": "False",
        "unless_stated": "False",
        "channel": "None",
    }


_DOCS_ROW = re.compile(r"^\| `([a-z0-9-]+)` \|([^|]*)\| `([^`]*)` \|", re.MULTILINE)


@pytest.mark.parametrize("name", fr.rulesets.names())
def test_explain_agrees_with_the_docs_page_of_the_rule_set(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    # What each rule does is the page's "what it does" column, word for word; each parameter
    # the page names has the value explain shows (explain shows the defaults too).
    page = (Path(__file__).parent.parent / "docs" / "rulesets" / f"{name}.md").read_text("utf-8")
    documented = {id: (does.strip(), call) for id, does, call in _DOCS_ROW.findall(page)}
    rules = _json(capsys, "explain", name)["rules"]
    assert [rule["id"] for rule in rules] == list(documented)
    for rule in rules:
        does, call = documented[rule["id"]]
        assert rule["does"] == does
        shown = {f"{key}={value}" for key, value in rule["parameters"].items()}
        assert set(re.findall(r"(\w+=(?:\([^)]*\)|[^,)]+))", call)) <= shown, rule["id"]


def test_explain_a_rule_set_without_source_or_url(capsys: pytest.CaptureFixture[str]) -> None:
    bare = fr.RuleSet("bare-coach", fr.rulesets.get("five-rules").rules[:1])
    registry = fr.rulesets.Registry([bare], plugins=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "registry", registry)
        out = _run(capsys, "explain", "bare-coach")
        assert out.startswith(
            "bare-coach 1.0: no source given\n- polite-and-humble (advice)\n"
            "    Be polite and humble by phone or email alike; silence is no reason to sound "
            "upset.\n    parameters: when=ALWAYS, after_rejection=False\n"
            "    cites: Jim Vassallo, “Five Rules for Following Up After a Job Interview”, "
            "rule “Be "
        )
        assert _json(capsys, "rulesets")["rulesets"] == [
            {"name": "bare-coach", "version": "1.0", "source": None, "scope": None}
        ]


def test_explain_a_rule_of_a_plugin_that_is_not_an_attrs_class(
    capsys: pytest.CaptureFixture[str],
) -> None:
    class Plain:
        """A rule written by hand, as a plugin may: no attrs fields, no guidance text."""

        id = "plain"
        citation = fr.rulesets.get("five-rules").rules[0].citation

        def apply(self, facts: object) -> list[object]:
            return []

    plain = fr.RuleSet("plain-coach", [Plain()])
    registry = fr.rulesets.Registry([plain], plugins=False)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(cli, "registry", registry)
        out = _run(capsys, "explain", "plain-coach")
    assert "- plain (Plain)\n    (not described)\n    parameters: none\n" in out


def test_explain_names_an_unknown_rule_set(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, "explain", "six-rules")
    assert err.startswith("followup-rules: unknown rule set 'six-rules': expected one of ")


# demo -------------------------------------------------------------------------------------


def test_demo_reads_the_bundled_tracker_on_its_own_day(capsys: pytest.CaptureFixture[str]) -> None:
    out = _run(capsys, "demo")
    assert out.startswith("The demo tracker: 6 applications of one job seeker in autumn 2026.")
    assert "As of Wed 2026-11-25, by call-back+" in out
    for name in fr.rulesets.DEFAULT:
        assert out.count(f" {name} ") == 6
    assert (
        "  sierra-solar: action, next date, purpose, channel, follow-ups left, messages left\n"
    ) in out


def test_demo_as_json_on_another_day(capsys: pytest.CaptureFixture[str]) -> None:
    # On Tuesday 1 December every waiting application is due under the five composed.
    data = _json(capsys, "demo", "--today", "2026-12-01")
    actions = data["actions"]["applications"]
    assert data["actions"]["today"] == "2026-12-01"
    assert [a["action"] for a in actions[:2]] == ["follow-up", "follow-up"]
    assert len(data["comparison"]["applications"]) == 6


def test_options_before_the_command_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert _error(capsys, "--format", "json") == (
        "followup-rules: --format goes after a command, as in followup-rules demo --format: see "
        "followup-rules --help for the commands\n"
    )


@pytest.mark.parametrize(
    ("argv", "refused"),
    [
        (
            ["rulesets", "--country", "GB", "--today", "2020-01-01"],
            "--country GB --today 2020-01-01",
        ),
        (["explain", "five-rules", "--country", "DE"], "--country DE"),
        (["demo", "--country", "GB"], "--country GB"),
        (["example", "--format", "json"], "--format json"),
        (["check-message", "--today", "2026-11-25"], "--today 2026-11-25"),
        (["check-message", "--country", "GB"], "--country GB"),
    ],
)
def test_a_command_refuses_the_options_it_does_not_use(
    capsys: pytest.CaptureFixture[str], argv: list[str], refused: str
) -> None:
    assert _error(capsys, *argv) == (
        f"followup-rules: followup-rules {argv[0]} does not take {refused}: see followup-rules "
        f"{argv[0]} --help for what it takes\n"
    )


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
    assert err.startswith(
        "followup-rules: unknown holiday name 'Veteran Day' given to --open-on: expected a date "
        "or a name 'US' has"
    )


@pytest.mark.slow
def test_a_csv_tracker_without_a_country_is_read_on_the_default(tmp_path: Path) -> None:
    # Refused before; now read on DEFAULT_COUNTRY, as a TOML or JSON tracker naming no calendar,
    # with a note. Applied Monday 2 November: Career Staffing calls a week later, Monday 9.
    from followup_rules.tracker import DEFAULT_COUNTRY

    path = tmp_path / "jobs.csv"
    path.write_text("application,type,on\nacme,applied,2026-11-02\n", encoding="utf-8")
    argv = [str(SCRIPT), "today", str(path), "--today", "2026-11-04", "--format", "json"]
    done = _process(*argv, "--rules", "career-staffing")
    assert done.returncode == 0, done.stderr
    assert done.stderr == (
        f"followup-rules: note: {path} is a CSV tracker, which holds no calendar: read on the "
        f"default, --country {DEFAULT_COUNTRY}; give your employers' --country (and "
        f"--subdivision) for theirs\n"
    )
    assert json.loads(done.stdout)["applications"][0]["next_date"] == "2026-11-09"
    # Applied Friday 6 November: under the 3x3, three business days later is Thursday 12
    # November on the US calendar (Wednesday 11 is Veterans Day), Wednesday 11 on the British.
    path.write_text("application,type,on\nacme,applied,2026-11-06\n", encoding="utf-8")
    argv = [str(SCRIPT), "today", str(path), "--today", "2026-11-09", "--format", "json"]
    argv += ["--rules", "three-by-three"]
    days = {
        country: json.loads(_process(*argv, *country).stdout)["applications"][0]["next_date"]
        for country in ((), ("--country", "US"), ("--country", "GB"))
    }
    assert days == {
        (): "2026-11-12",
        ("--country", "US"): "2026-11-12",
        ("--country", "GB"): "2026-11-11",
    }
    assert _process(*argv, "--country", "US").stderr == ""
    # --subdivision alone is a state of the default country.
    ca = _process(*argv, "--subdivision", "CA")
    assert ca.returncode == 0, ca.stderr
    assert ca.stdout == _process(*argv, "--country", "US", "--subdivision", "CA").stdout


@pytest.mark.slow
def test_the_help_names_the_default_country() -> None:
    from followup_rules.tracker import DEFAULT_COUNTRY

    done = _process(str(SCRIPT), "today", "--help")
    assert f"for a CSV tracker (default {DEFAULT_COUNTRY})" in " ".join(done.stdout.split())


def test_a_toml_tracker_with_a_country(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, "today", DEMO_FILE, "--subdivision", "CA")
    assert err.endswith(
        "names its own calendar: --country, --subdivision and --open-on are for a CSV tracker "
        "only\n"
    )


def test_an_unknown_country(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    err = _error(capsys, "today", str(tmp_path / "jobs.csv"), "--country", "XX")
    assert err.startswith("followup-rules: --country XX: unknown country 'XX': expected an ISO")


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


class _Full(io.TextIOWrapper):
    def flush(self) -> None:
        raise OSError(28, "No space left on device")


def test_a_full_output_is_one_line_and_status_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", _Full(io.BytesIO(), encoding="utf-8"))
    assert main(["rulesets"]) == 1
    assert capsys.readouterr().err == (
        "followup-rules: standard output cannot be written (No space left on device): expected "
        "a terminal, a file or a pipe that takes it\n"
    )


def test_no_output_at_all_is_one_line_and_status_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    assert main(["rulesets"]) == 1
    assert capsys.readouterr().err == (
        "followup-rules: standard output is closed: expected a terminal, a file or a pipe to "
        "write to\n"
    )
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["rulesets"]) == 1
    assert main(["today", "nowhere.toml"]) == 2


def _ascii(monkeypatch: pytest.MonkeyPatch, name: str) -> io.BytesIO:
    written = io.BytesIO()
    monkeypatch.setattr(sys, name, io.TextIOWrapper(written, encoding="ascii"))
    return written


def test_an_ascii_output_gets_the_nearest_ascii_in_a_table(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    written = _ascii(monkeypatch, "stdout")
    assert main(["explain", "call-back"]) == 0
    first = written.getvalue().decode("ascii").splitlines()[0]
    assert first.endswith(', "Why didn\'t they call me back after the interview?"')
    assert cli._nearest("\u00e9") == "e"
    assert cli._nearest("\u2026") == "..."
    assert cli._nearest("\u20ac") == "?"


def test_an_ascii_output_gets_exact_escapes_in_json(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    exact = _json(capsys, "explain", "call-back")
    written = _ascii(monkeypatch, "stdout")
    assert main(["explain", "call-back", "--format", "json"]) == 0
    text = written.getvalue().decode("ascii")
    assert "\\u201cWhy didn\\u2019t they call me back" in text
    assert json.loads(text) == exact


def test_an_ascii_error_output_gets_python_escapes(monkeypatch: pytest.MonkeyPatch) -> None:
    written = _ascii(monkeypatch, "stderr")
    assert main(["today", "caf\u00e9.toml"]) == 2
    assert written.getvalue() == (
        b"followup-rules: caf\\xe9.toml: cannot be read (No such file or directory): expected a "
        b"readable file\n"
    )


# example: the first command line, kept as a command -------------------------------------


def test_example_shows_the_example_under_each_rule_set(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(capsys, "example", *TODAY)
    for title in ("career-staffing", "right-changes", "five-rules", "three-by-three", "call-back"):
        assert f"== {title} ==" in out
    assert "== all five, composed ==\nWAIT until Tue 2026-12-01" in out


def test_example_with_one_rule_set_and_a_rule_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "coach.toml"
    path.write_text(fr.rulesets.to_toml(fr.rulesets.get("five-rules").without("wait-a-week")))
    out = _run(capsys, "example", *TODAY, "--rules", "right-changes", "--rules-file", str(path))
    assert out.startswith("== right-changes ==\nWAIT until Tue 2026-12-01")
    assert f"== five-rules-without-wait-a-week (from {path}) ==" in out
    assert "== five-rules ==" not in out


def test_example_with_an_unknown_rule_set(capsys: pytest.CaptureFixture[str]) -> None:
    err = _error(capsys, "example", *TODAY, "--rules", "six-rules")
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
    assert "== all five, composed ==\nWAIT until Tue 2026-12-01" in _run(capsys, "example")


# As a process: the entry points, --help, demo, a closed pipe ------------------------------


def _process(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, check=False, timeout=60)


@pytest.mark.slow
def test_python_dash_m_runs_it() -> None:
    done = _process(
        sys.executable, "-m", "followup_rules", "example", *TODAY, "--rules", "call-back"
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("== call-back ==\nFOLLOW UP today, Wed 2026-11-25")


@pytest.mark.slow
def test_the_console_script_runs_the_demo() -> None:
    done = _process(str(SCRIPT), "demo")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert "Each philosophy on its own:\nAs of Wed 2026-11-25:" in done.stdout


@pytest.mark.slow
def test_no_command_prints_the_help_listing_the_commands() -> None:
    done = _process(str(SCRIPT))
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("usage: followup-rules [-h] [-V] COMMAND ...\n")
    commands = ("today", "compare", "plan", "rulesets", "explain", "demo", "example", "draft")
    for command in (*commands, "check-message"):
        assert f"\n    {command} " in done.stdout or f"\n    {command}\n" in done.stdout
    assert done.stdout == _process(str(SCRIPT), "--help").stdout


@pytest.mark.slow
@pytest.mark.parametrize("option", ["--version", "-V"])
def test_version(option: str) -> None:
    from importlib.metadata import version

    done = _process(str(SCRIPT), option)
    assert (done.returncode, done.stdout) == (0, f"followup-rules {version('followup-rules')}\n")


@pytest.mark.slow
def test_a_command_help_lists_only_its_options() -> None:
    done = _process(str(SCRIPT), "rulesets", "--help")
    assert done.returncode == 0
    assert "--format {table,json}" in done.stdout
    for unused in ("--today", "--country", "--subdivision", "--rules-file", "--open-on"):
        assert unused not in done.stdout


@pytest.mark.slow
def test_an_error_as_a_process_is_one_line_and_status_2() -> None:
    done = _process(sys.executable, "-m", "followup_rules", "today", "nowhere.toml")
    assert done.returncode == 2
    assert done.stdout == ""
    assert done.stderr.startswith("followup-rules: nowhere.toml: cannot be read")
    assert done.stderr.count("\n") == 1


@pytest.mark.slow
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


def _shell(command: str, **env: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        ["sh", "-c", command],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={**os.environ, **env},
    )
    assert "Traceback" not in done.stderr
    return done


@pytest.mark.slow
def test_a_closed_output_as_a_process_is_one_line_and_status_1() -> None:
    done = _shell(f"{SCRIPT} demo >&-")
    assert (done.returncode, done.stderr) == (
        1,
        "followup-rules: standard output is closed: expected a terminal, a file or a pipe to "
        "write to\n",
    )
    assert _shell(f"{SCRIPT} demo >&- 2>&-; echo $?").stdout == "1\n"


@pytest.mark.slow
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_disk_as_a_process_is_one_line_and_status_1() -> None:
    done = _shell(f"{SCRIPT} demo > /dev/full")
    assert (done.returncode, done.stderr) == (
        1,
        "followup-rules: standard output cannot be written (No space left on device): expected "
        "a terminal, a file or a pipe that takes it\n",
    )


@pytest.mark.slow
def test_an_ascii_output_as_a_process_is_readable() -> None:
    done = _shell(f"{SCRIPT} explain five-rules", PYTHONIOENCODING="ascii")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith(
        'five-rules 2.0: Jim Vassallo, "Five Rules for Following Up After a Job Interview"\n'
    )
    done = _shell(f"{SCRIPT} demo --format json", PYTHONIOENCODING="ascii")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.isascii()
    assert json.loads(done.stdout) == json.loads(_shell(f"{SCRIPT} demo --format json").stdout)


@pytest.mark.slow
def test_a_folder_as_the_tracker_as_a_process_is_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "jobs.toml"
    folder.mkdir()
    done = _shell(f"{SCRIPT} today '{folder}'")
    assert (done.returncode, done.stderr) == (
        2,
        f"followup-rules: {folder}: a folder, not a tracker file: expected the path of one\n",
    )


@pytest.mark.slow
def test_a_plan_past_the_file_size_limit_leaves_the_old_calendar_whole(tmp_path: Path) -> None:
    resource = pytest.importorskip("resource")
    out = tmp_path / "harbor.ics"
    out.write_text("my calendar\n")

    def small_files() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))

    argv = [str(SCRIPT), "plan", DEMO_FILE, *TODAY, "--application", "cobalt-robotics"]
    argv += ["--rules", "three-by-three", "--ics", str(out), "--force"]
    done = subprocess.run(
        argv, capture_output=True, text=True, check=False, timeout=60, preexec_fn=small_files
    )
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (
        f"followup-rules: application 'cobalt-robotics': {out}: cannot be written (File too "
        f"large), so the file there is left as it was: expected a folder that exists, that you "
        f"may write to and that has room for the file\n"
    )
    assert out.read_text() == "my calendar\n"
    assert os.listdir(tmp_path) == ["harbor.ics"]


@pytest.mark.slow
def test_the_readme_command_works_in_a_shell_pipeline() -> None:
    done = _process("sh", "-c", f"{SCRIPT} demo | head -1")
    assert done.stdout == "The demo tracker: 6 applications of one job seeker in autumn 2026.\n"
    assert done.stderr == ""


def test_explain_names_the_scope_of_a_document_that_speaks_after_an_interview(
    capsys: pytest.CaptureFixture[str],
) -> None:
    out = _run(capsys, "explain", "call-back")
    assert out.splitlines()[1] == (
        "  speaks after an interview only (title and opening paragraphs: calling back once the "
        "interview is over); silent otherwise"
    )
    data = _json(capsys, "explain", "call-back")
    assert data["scope"] == ["post-interview"]
    assert _json(capsys, "explain", "right-changes")["scope"] is None


def test_decisions_as_json_say_what_timed_them_and_which_rule_sets_are_silent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = _json(capsys, "today", DEMO_FILE, *TODAY, "--rules", "three-by-three,five-rules")
    by_id = {entry["id"]: entry for entry in data["applications"]}
    assert by_id["harbor-analytics"]["silent"] == ["five-rules"]
    assert by_id["cobalt-robotics"]["silent"] == []
    assert by_id["cobalt-robotics"]["timed_by"] == [
        "five-rules/wait-a-week",
        "three-by-three/weekly-until-answer",
    ]


def test_a_decision_past_the_holiday_data_says_where_the_data_ends(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    tracker = tmp_path / "late.toml"
    tracker.write_text(
        '[calendar]\ncountry = "US"\n\n[[applications]]\nid = "far-future"\n'
        'events = [{ type = "applied", on = 2100-12-20 }]\n',
        encoding="utf-8",
    )
    argv = ["today", str(tracker), "--today", "2100-12-31", "--rules", "right-changes"]
    [entry] = _json(capsys, *argv)["applications"]
    assert (entry["action"], entry["beyond_data"]) == ("blocked", "2101-01-01")
    assert "the holiday data does not reach Sat 2101-01-01" in _words(_run(capsys, *argv))


# Tables for a person: the terminal's width, colour on a terminal only ----------------------


def test_a_wide_terminal_shows_why_as_a_column(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    out = _run(capsys, "today", DEMO_FILE, *TODAY)
    assert (
        "harbor-analytics  wait    Tue 1 Dec  Thu 3 Dec  status   phone    1           1         "
        "career-staffing/wait-after-application, right-changes/no-monday-friday\n"
    ) in out
    assert max(len(line) for line in out.splitlines()) <= 200


def test_a_middling_terminal_wraps_the_why_column_within_its_width(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The other columns take 88 characters; the 42 left hold the why column, wrapped. With 37
    # left, "career-staffing/wait-after-application," (39) would not fit: the column would go
    # under its rows, as on a narrower terminal.
    monkeypatch.setenv("COLUMNS", "130")
    out = _run(capsys, "today", DEMO_FILE, *TODAY)
    lines = out.splitlines()
    assert max(len(line) for line in lines[1:]) <= 130
    cobalt = lines.index(next(line for line in lines if line.startswith("cobalt-robotics")))
    assert [line[88:] for line in lines[cobalt : cobalt + 4]] == [
        "common/business-days-only,",
        "call-back/no-monday,",
        "right-changes/no-monday-friday,",
        "right-changes/not-next-to-holiday",
    ]


def _on_a_terminal(*argv: str, env: dict[str, str]) -> str:
    """What the command writes to a pseudo-terminal."""
    import pty

    main_end, terminal = pty.openpty()
    with subprocess.Popen(
        [str(SCRIPT), *argv],
        stdout=terminal,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "200", **env},
    ) as process:
        os.close(terminal)
        chunks = []
        while True:
            try:
                chunk = os.read(main_end, 65536)
            except OSError:  # the terminal closed: the command is done
                break
            if not chunk:
                break
            chunks.append(chunk)
        assert process.wait(timeout=60) == 0
    os.close(main_end)
    return b"".join(chunks).decode("utf-8")


@pytest.mark.slow
def test_actions_are_coloured_on_a_terminal_unless_no_color(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    argv = ["today", DEMO_FILE, *TODAY, "--rules", "three-by-three"]
    coloured = _on_a_terminal(*argv, env={})
    assert "\033[1mapplication     \033[0m" in coloured
    assert "cobalt-robotics   \033[1;32mfollow-up (overdue)\033[0m  Wed 25 Nov" in coloured
    assert "harbor-analytics  \033[33mwait               \033[0m  Fri 27 Nov" in coloured
    assert "lumen-bank        \033[2mdone               \033[0m" in coloured
    plain = _on_a_terminal(*argv, env={"NO_COLOR": "1"})
    assert "\033" not in plain
    assert "cobalt-robotics   follow-up (overdue)  Wed 25 Nov" in plain
    piped = _process(str(SCRIPT), *argv)
    assert "\033" not in piped.stdout


def test_version_and_help_in_process(capsys: pytest.CaptureFixture[str]) -> None:
    from importlib.metadata import version

    with pytest.raises(SystemExit) as exited:
        main(["-V"])
    assert exited.value.code == 0
    assert capsys.readouterr().out == f"followup-rules {version('followup-rules')}\n"
    assert _run(capsys).startswith("usage: followup-rules [-h] [-V] COMMAND ...\n")


def test_a_coloured_screen_paints_the_heading_and_the_actions_only() -> None:
    from followup_rules._console import Screen

    lines = [("acme", "stop", "x"), ("bolt", "wait (overdue)", "y")]
    assert Screen(60, colour=True).table(("id", "action", "why"), lines, actions=1) == [
        "\033[1mid  \033[0m  \033[1maction        \033[0m  \033[1mwhy\033[0m",
        "----  --------------  " + "-" * 38,
        "acme  \033[1;31mstop          \033[0m  x",
        "bolt  \033[33mwait (overdue)\033[0m  y",
    ]


# Narrow terminals -------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(
    "argv",
    [
        ["demo"],
        ["today", DEMO_FILE, *TODAY],
        ["today", DEMO_FILE, *TODAY, "--rules", "three-by-three"],
        ["compare", DEMO_FILE, *TODAY],
        ["rulesets"],
        ["explain", "three-by-three"],
        ["explain", "call-back"],
    ],
    ids=" ".join,
)
def test_at_60_columns_nothing_runs_past_the_edge(argv: list[str]) -> None:
    # Below about 88 columns the fixed columns alone ran past the edge (the demo: 118).
    done = subprocess.run(
        [str(SCRIPT), *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={**os.environ, "COLUMNS": "60"},
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) > 5
    assert max(len(line) for line in lines) <= 60, max(lines, key=len)


def _narrow(*argv: str) -> str:
    done = subprocess.run(
        [str(SCRIPT), *argv],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={**os.environ, "COLUMNS": "60"},
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.slow
def test_a_narrow_terminal_stacks_each_row() -> None:
    # Each application's decision as a block: its name, then heading-value pairs in the same
    # place in every block, then the why, wrapped. Harbor: Three by three waits three business
    # days from Monday 23 November, Thanksgiving skipped: Friday 27.
    out = _narrow("today", DEMO_FILE, *TODAY, "--rules", "three-by-three")
    lines = out.splitlines()
    assert lines[0] == "As of Wed 2026-11-25, by three-by-three:"
    harbor = lines.index("harbor-analytics")
    assert lines[harbor + 1 : harbor + 6] == [
        "  action: wait                  next date: Fri 27 Nov",
        "  window end: -            purpose: status   channel: phone",
        "  follow-ups left: no limit   messages left: no limit",
        "  why (rule set/rule): three-by-three/three-business-days",
        "sierra-solar",
    ]
    assert "  action: follow-up (overdue)   next date: Wed 25 Nov" in lines


@pytest.mark.slow
def test_a_narrow_comparison_keeps_the_application_over_its_rule_sets() -> None:
    out = _narrow("compare", DEMO_FILE, *TODAY, "--application", "cobalt-robotics")
    lines = out.splitlines()
    assert lines[:2] == ["As of Wed 2026-11-25:", "cobalt-robotics"]
    assert [line.split()[2] for line in lines if line.startswith("  rule set: ")] == list(
        fr.rulesets.DEFAULT
    )
    assert lines[-3:] == [
        "They differ on:",
        "  cobalt-robotics: action, next date, window end, channel,",
        "    follow-ups left, messages left",
    ]


@pytest.mark.slow
def test_a_narrow_heading_breaks_after_a_plus() -> None:
    out = _narrow("today", DEMO_FILE, *TODAY)
    assert out.splitlines()[:3] == [
        "As of Wed 2026-11-25, by call-back+career-staffing+",
        "  five-rules+right-changes+three-by-three:",
        "harbor-analytics",
    ]


@pytest.mark.slow
def test_a_narrow_terminal_paints_the_stacked_actions() -> None:
    argv = ["today", DEMO_FILE, *TODAY, "--rules", "three-by-three"]
    coloured = _on_a_terminal(*argv, env={"COLUMNS": "60", "NO_COLOR": ""})
    assert "\033[1mcobalt-robotics\033[0m" in coloured
    assert "  action: \033[1;32mfollow-up (overdue)\033[0m   next date: Wed 25 Nov" in coloured


@pytest.mark.slow
def test_a_file_keeps_one_line_per_row() -> None:
    # A pipe has no edge: the rows stay lines to grep, at the nominal 100 columns. (The
    # environment is passed explicitly: a library loaded by the tests may have set COLUMNS in
    # the process's own environment, which a child would inherit.)
    piped = subprocess.run(
        [str(SCRIPT), "today", DEMO_FILE, *TODAY, "--rules", "three-by-three"],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={name: value for name, value in os.environ.items() if name != "COLUMNS"},
    )
    assert "cobalt-robotics   follow-up (overdue)  Wed 25 Nov  Mon 23 Nov  status   phone" in (
        piped.stdout
    )


@pytest.mark.slow
def test_a_narrow_terminal_and_no_application(tmp_path: Path) -> None:
    path = tmp_path / "empty.toml"
    path.write_text("applications = []\n", encoding="utf-8")
    assert _narrow("today", str(path), *TODAY) == (
        "As of Wed 2026-11-25, by call-back+career-staffing+\n"
        "  five-rules+right-changes+three-by-three:\n"
    )


def test_in_process_a_narrow_screen_stacks_and_breaks_headings(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "60")
    lines = _run(capsys, "compare", DEMO_FILE, *TODAY, "--application", "cobalt-robotics")
    assert lines.splitlines()[:3] == [
        "As of Wed 2026-11-25:",
        "cobalt-robotics",
        "  rule set: career-staffing   action: follow-up",
    ]
    assert max(len(line) for line in lines.splitlines()) <= 60
    assert _run(capsys, "today", DEMO_FILE, *TODAY).splitlines()[:2] == [
        "As of Wed 2026-11-25, by call-back+career-staffing+",
        "  five-rules+right-changes+three-by-three:",
    ]


def test_a_stacked_table_paints_the_first_cell_and_the_actions() -> None:
    from followup_rules._console import Screen

    header = ("application", "action", "next date", "why")
    lines = [("acme", "follow-up (overdue)", "Wed 25 Nov", "x"), ("", "wait", "-", "y")]
    assert Screen(30, colour=True).table(header, lines, actions=1) == [
        "\033[1macme\033[0m",
        "  action: \033[1;32mfollow-up (overdue)\033[0m",
        "  next date: Wed 25 Nov",
        "  why: x",
        "  action: \033[33mwait               \033[0m",
        "  next date: -",
        "  why: y",
    ]
    # A file has no edge: the same rows stay one line each, past the nominal width.
    plain = Screen(30, colour=False, measured=False).table(header, lines, actions=1)
    assert plain[2:4] == ["acme         follow-up (overdue)  Wed 25 Nov", "    x"]


def test_in_process_a_csv_tracker_without_a_country_gets_a_note(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "jobs.csv"
    path.write_text("application,type,on\nacme,applied,2026-11-02\n", encoding="utf-8")
    assert main(["today", str(path), "--today", "2026-11-04", "--rules", "career-staffing"]) == 0
    captured = capsys.readouterr()
    assert captured.err.startswith(f"followup-rules: note: {path} is a CSV tracker")
    assert "acme" in captured.out
