"""Tracker files: the bundled demo read on a real day, the formats, every bad file, the caps,
the round trips, and a fuzz of each loader where anything but a Tracker or a LoadError fails.
"""

from __future__ import annotations

import copy
import csv
import io
import json
import os
import signal
import subprocess
import sys
import tomllib
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import tomli_w
from hypothesis import event, given, settings
from hypothesis import strategies as st

import followup_rules as fr
from followup_rules.errors import InvalidTrackerError, UnknownApplicationError
from followup_rules.events import EVENT_NAMES
from followup_rules.testing import calendars, histories
from followup_rules.tracker import (
    CSV_COLUMNS,
    DEMO_TODAY,
    MAX_APPLICATIONS,
    MAX_BYTES,
    MAX_EVENTS,
    MAX_NESTING,
    Application,
    Tracker,
    TrackerFormat,
    demo_tracker,
    dump_tracker,
    dumps_tracker,
    load_tracker,
    loads_tracker,
)

US = fr.WorkCalendar("US")
WED, THU, FRI = date(2026, 11, 25), date(2026, 11, 26), date(2026, 11, 27)
MON, TUE = date(2026, 11, 30), date(2026, 12, 1)
FORMATS: tuple[TrackerFormat, ...] = ("toml", "json", "csv")


def _decide(tracker: Tracker, id: str, rules: str | None = None) -> fr.Decision:
    return fr.evaluate(tracker.application(id).history, DEMO_TODAY, rules=rules)


def _next(tracker: Tracker, id: str, rules: str | None = None) -> tuple[fr.Action, date | None]:
    decision = _decide(tracker, id, rules)
    return decision.action, decision.next_date


# The demo tracker, read on Wednesday 25 November 2026 (Thanksgiving is Thursday 26th) --------


def test_the_demo_holds_six_applications_at_different_stages() -> None:
    tracker = demo_tracker()
    assert tracker.ids == (
        "harbor-analytics",
        "cobalt-robotics",
        "maple-health",
        "lumen-bank",
        "tern-studio",
        "sierra-solar",
    )
    assert tracker.calendar == fr.WorkCalendar("US", timezone="America/New_York")
    cobalt = tracker.application("cobalt-robotics")
    assert (cobalt.company, cobalt.title) == ("Cobalt Robotics", "Operations coordinator")
    interview = cobalt.history.events[1]
    assert interview == fr.Interview(datetime(2026, 11, 12, 19, tzinfo=UTC))


def test_demo_just_applied_waits_for_the_first_day_all_five_allow() -> None:
    # Applied Monday 23 November. Career Staffing: a week, Monday 30 November. 3x3: three
    # business days (Tue 24, Wed 25, Fri 27; Thanksgiving is no business day). RightChanges:
    # no date from them, so no time of its own, but Wed 25 and Fri 27 border Thanksgiving, and
    # Fri and Mon are never allowed: Tuesday 1 December. Five Rules and Call-back speak only
    # after an interview: silent.
    tracker = demo_tracker()
    assert _next(tracker, "harbor-analytics", "career-staffing") == (fr.Action.WAIT, MON)
    assert _next(tracker, "harbor-analytics", "three-by-three") == (fr.Action.WAIT, FRI)
    assert _next(tracker, "harbor-analytics", "right-changes") == (fr.Action.WAIT, TUE)
    assert not _decide(tracker, "harbor-analytics", "right-changes").timed
    assert _next(tracker, "harbor-analytics", "five-rules") == (fr.Action.SILENT, None)
    assert _next(tracker, "harbor-analytics", "call-back") == (fr.Action.SILENT, None)
    decision = _decide(tracker, "harbor-analytics")
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, TUE)
    assert decision.channel is fr.Channel.PHONE
    assert decision.timed_by == (
        fr.RuleRef("career-staffing", "wait-after-application"),
        fr.RuleRef("three-by-three", "three-business-days"),
    )
    assert decision.silent == ("call-back", "five-rules")
    assert _decide(tracker, "harbor-analytics", "career-staffing").window_end == date(2026, 12, 7)


def test_demo_two_unanswered_voicemails_before_an_interview_leave_no_time_set() -> None:
    # Voicemails on 5 and 17 November, nothing back, no interview yet: call-back, whose two
    # messages would end it, is silent before an interview. Career Staffing's one message is
    # spent but its call is not; none of the three that speak gives a time after a follow-up,
    # so the five together only name the first day they allow, Tuesday 1 December.
    tracker = demo_tracker()
    assert _next(tracker, "maple-health", "call-back") == (fr.Action.SILENT, None)
    career = _decide(tracker, "maple-health", "career-staffing")
    assert (career.action, career.follow_ups_left, career.messages_left) == (
        fr.Action.FOLLOW_UP,
        1,
        0,
    )
    decision = _decide(tracker, "maple-health")
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, TUE)
    assert not decision.timed
    assert decision.untimed_parts == ("career-staffing", "right-changes", "three-by-three")


def test_demo_answered_is_done_under_every_rule_set() -> None:
    tracker = demo_tracker()
    for name in (None, *fr.rulesets.names()):
        assert _next(tracker, "lumen-bank", name) == (fr.Action.DONE, None)
    # Rejected after an interview: call-back's advice for that case comes with the end.
    parting = _decide(tracker, "lumen-bank").guidance
    assert [str(note.ref) for note in parting] == ["call-back/stay-professional"]
    assert _decide(tracker, "lumen-bank", "five-rules").guidance == ()


def test_demo_past_the_date_they_named_most_would_call_today() -> None:
    # They named Thursday 19 November; it has passed. All but RightChanges (never next to a
    # holiday, never Monday or Friday) would follow up today; together, Tuesday 1 December.
    tracker = demo_tracker()
    for name in ("career-staffing", "five-rules", "three-by-three", "call-back"):
        assert _next(tracker, "cobalt-robotics", name) == (fr.Action.FOLLOW_UP, WED)
    assert _next(tracker, "cobalt-robotics", "right-changes") == (fr.Action.WAIT, TUE)
    assert _next(tracker, "cobalt-robotics") == (fr.Action.WAIT, TUE)


def test_demo_an_email_reply_makes_the_next_contact_an_email() -> None:
    # Reached on 10 November (Career Staffing's one call), an email reply on the 16th: the
    # silence that frees the call again counts from the reply, to Monday 30 November.
    tracker = demo_tracker()
    assert _next(tracker, "tern-studio", "career-staffing") == (fr.Action.WAIT, MON)
    decision = _decide(tracker, "tern-studio")
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, TUE)
    assert decision.channel is fr.Channel.EMAIL


def test_demo_the_california_calendar_keeps_the_day_after_thanksgiving() -> None:
    # Away until Wednesday 25 November. In California, Friday 27 November is a state holiday,
    # so they are back on Monday 30 November; on the tracker's federal calendar, Friday.
    # RightChanges never calls on a Monday, nor on their first day back: Tuesday.
    tracker = demo_tracker()
    sierra = tracker.application("sierra-solar")
    assert sierra.calendar == fr.WorkCalendar("US", "CA", timezone="America/Los_Angeles")
    assert _next(tracker, "sierra-solar", "career-staffing") == (fr.Action.WAIT, MON)
    assert _next(tracker, "sierra-solar", "right-changes") == (fr.Action.WAIT, TUE)
    federal = fr.History(sierra.history.events, calendar=tracker.calendar)
    assert fr.evaluate(federal, DEMO_TODAY, rules="career-staffing").next_date == FRI


def test_tracker_evaluate_gives_every_decision_by_id() -> None:
    decisions = demo_tracker().evaluate(DEMO_TODAY)
    assert {id: (d.action, d.next_date) for id, d in decisions.items()} == {
        "harbor-analytics": (fr.Action.WAIT, TUE),
        "cobalt-robotics": (fr.Action.WAIT, TUE),
        "maple-health": (fr.Action.WAIT, TUE),
        "lumen-bank": (fr.Action.DONE, None),
        "tern-studio": (fr.Action.WAIT, TUE),
        "sierra-solar": (fr.Action.WAIT, TUE),
    }
    only = demo_tracker().evaluate(DEMO_TODAY, rules="five-rules")
    assert only["harbor-analytics"].action is fr.Action.SILENT
    assert only["cobalt-robotics"].action is fr.Action.FOLLOW_UP


def test_tracker_evaluate_names_the_application_of_a_bad_history() -> None:
    with pytest.raises(fr.InvalidHistoryError, match=r"application 'harbor-analytics': Applied"):
        demo_tracker().evaluate(date(2026, 11, 20))


# The formats -------------------------------------------------------------------------------

SMALL_TOML = """\
[calendar]
country = "US"
closed = [2026-12-24]

[[applications]]
id = "acme"
company = "Acme"

[[applications.events]]
type = "applied"
on = 2026-11-02

[[applications.events]]
type = "follow-up"
on = "2026-11-09T10:15:00-05:00[America/New_York]"
channel = "phone"
outcome = "voicemail-left"

[[applications.events]]
type = "reply"
on = 2026-11-10T16:00:00Z

[[applications.events]]
type = "out-of-office"
on = 2026-11-10
until = 2026-11-13

[[applications]]
id = "globex"
title = "Analyst"
calendar = { country = "GB", timezone = "Europe/London" }
events = [
    { type = "applied", on = 2026-11-03 },
    { type = "prefers-channel", on = 2026-11-04, channel = "email" },
]
"""

SMALL_JSON = json.dumps(
    {
        "calendar": {"country": "US", "closed": ["2026-12-24"]},
        "applications": [
            {
                "id": "acme",
                "company": "Acme",
                "events": [
                    {"type": "applied", "on": "2026-11-02"},
                    {
                        "type": "follow-up",
                        "on": "2026-11-09T10:15:00-05:00[America/New_York]",
                        "channel": "phone",
                        "outcome": "voicemail-left",
                    },
                    {"type": "reply", "on": "2026-11-10T16:00:00Z"},
                    {"type": "out-of-office", "on": "2026-11-10", "until": "2026-11-13"},
                ],
            },
            {
                "id": "globex",
                "title": "Analyst",
                "calendar": {"country": "GB", "timezone": "Europe/London"},
                "events": [
                    {"type": "applied", "on": "2026-11-03"},
                    {"type": "prefers-channel", "on": "2026-11-04", "channel": "email"},
                ],
            },
        ],
    }
)

SMALL = Tracker(
    fr.WorkCalendar("US", closed=[date(2026, 12, 24)]),
    [
        Application(
            "acme",
            fr.History(
                [
                    fr.Applied(date(2026, 11, 2)),
                    fr.FollowUp(
                        datetime(2026, 11, 9, 10, 15, tzinfo=ZoneInfo("America/New_York")),
                        channel=fr.Channel.PHONE,
                        outcome=fr.Outcome.VOICEMAIL_LEFT,
                    ),
                    fr.Reply(datetime(2026, 11, 10, 16, tzinfo=UTC)),
                    fr.OutOfOffice(date(2026, 11, 10), until=date(2026, 11, 13)),
                ],
                calendar=fr.WorkCalendar("US", closed=[date(2026, 12, 24)]),
            ),
            company="Acme",
        ),
        Application(
            "globex",
            fr.History(
                [
                    fr.Applied(date(2026, 11, 3)),
                    fr.PrefersChannel(date(2026, 11, 4), channel=fr.Channel.EMAIL),
                ],
                calendar=fr.WorkCalendar("GB", timezone="Europe/London"),
            ),
            title="Analyst",
        ),
    ],
)


def test_toml_and_json_hold_the_same_tracker() -> None:
    assert loads_tracker(SMALL_TOML, format="toml") == SMALL
    assert loads_tracker(SMALL_JSON, format="json") == SMALL


def test_a_named_time_zone_is_kept_not_just_its_offset() -> None:
    loaded = loads_tracker(SMALL_TOML, format="toml")
    on = loaded.application("acme").history.events[1].on
    assert isinstance(on, datetime)
    assert on.tzinfo == ZoneInfo("America/New_York")
    assert on.utcoffset() == timedelta(hours=-5)
    assert '"2026-11-09T10:15:00-05:00[America/New_York]"' in dumps_tracker(loaded, format="json")


def test_dates_from_before_time_zones_were_whole_minutes_survive_every_format() -> None:
    # New York kept local mean time, 4:56:02 behind UTC, until 1883: TOML cannot write that
    # offset as a date-time, so it is written as text.
    old = datetime(1850, 3, 4, 10, tzinfo=ZoneInfo("America/New_York"))
    odd = datetime(2026, 11, 2, 9, 30, tzinfo=timezone(timedelta(hours=5, minutes=30, seconds=15)))
    tracker = Tracker(
        US, [Application("a", fr.History([fr.Applied(old), fr.Reply(odd)], calendar=US))]
    )
    toml = dumps_tracker(tracker, format="toml")
    assert 'on = "1850-03-04T10:00:00-04:56:02[America/New_York]"' in toml
    assert 'on = "2026-11-02T09:30:00+05:30:15"' in toml
    for format in FORMATS:
        text = dumps_tracker(tracker, format=format)
        assert (
            loads_tracker(text, format=format, calendar=US if format == "csv" else None) == tracker
        )


def test_csv_holds_the_events_and_takes_the_calendar_as_an_argument() -> None:
    text = (
        "application,type,on,channel,outcome,purpose,kind,by,until,verdict\n"
        "acme,applied,2026-11-02,,,,,,,\n"
        "acme,interview,2026-11-10T14:30:00-05:00,,,,informational,,,\n"
        "acme,decision-expected,2026-11-10,,,,,2026-11-13,,\n"
        "\n"
        "acme,follow-up,2026-11-11,email,sent,thank-you,,,,\n"
        "globex,applied,2026-11-03,,,,,,,\n"
        "acme,answer,2026-11-16,,,,,,,offer\n"
    )
    tracker = loads_tracker(text, format="csv", calendar=US)
    assert tracker.ids == ("acme", "globex")
    assert tracker.application("acme").history.events == (
        fr.Applied(date(2026, 11, 2)),
        fr.Interview(
            datetime(2026, 11, 10, 14, 30, tzinfo=timezone(timedelta(hours=-5))),
            kind=fr.InterviewKind.INFORMATIONAL,
        ),
        fr.DecisionExpected(date(2026, 11, 10), by=date(2026, 11, 13)),
        fr.FollowUp(
            date(2026, 11, 11),
            channel=fr.Channel.EMAIL,
            outcome=fr.Outcome.SENT,
            purpose=fr.Purpose.THANK_YOU,
        ),
        fr.Answer(date(2026, 11, 16), verdict=fr.Verdict.OFFER),
    )
    assert tracker.application("globex").company is None


def test_csv_columns_come_in_any_order_and_company_on_any_row() -> None:
    text = (
        "on,type,application,company\n"
        "2026-11-02,applied,acme,\n"
        "2026-11-09,withdrew,acme,Acme\n"
        "2026-11-10,asked-to-stop,acme,Acme\n"
    )
    tracker = loads_tracker(text, format="csv", calendar=US)
    assert tracker.application("acme").company == "Acme"
    assert len(tracker.application("acme").history) == 3


def test_a_csv_byte_order_mark_is_read_past(tmp_path: Path) -> None:
    path = tmp_path / "jobs.csv"
    path.write_bytes(b"\xef\xbb\xbfapplication,type,on\r\nacme,applied,2026-11-02\r\n")
    tracker = load_tracker(path, calendar=US)
    assert tracker.application("acme").history.events == (fr.Applied(date(2026, 11, 2)),)
    for format, text in (("toml", SMALL_TOML), ("json", SMALL_JSON)):
        (tmp_path / f"small.{format}").write_bytes(b"\xef\xbb\xbf" + text.encode())
        assert load_tracker(tmp_path / f"small.{format}") == SMALL


@pytest.mark.parametrize("day", ["03/04/2026", "3/4/26", "04.03.2026", "2026/11/02", "2026-11-2"])
def test_a_csv_date_that_is_not_iso_8601_is_refused_never_misread(day: str) -> None:
    text = f"application,type,on\nacme,applied,{day}\n"
    with pytest.raises(fr.LoadError) as raised:
        loads_tracker(text, format="csv", calendar=US, source="jobs.csv")
    message = str(raised.value)
    assert message.startswith(f"jobs.csv: line 2, column 'on' = {day!r}: not an ISO 8601 date")
    assert "YYYY-MM-DD" in message


def test_a_day_month_ambiguous_date_says_why_it_is_not_guessed() -> None:
    with pytest.raises(fr.LoadError, match="could be day/month or month/day"):
        loads_tracker("application,type,on\nacme,applied,03/04/2026\n", format="csv", calendar=US)


def test_an_empty_tracker_is_a_tracker() -> None:
    assert len(loads_tracker("application,type,on\n", format="csv", calendar=US)) == 0
    empty = loads_tracker('applications = []\n[calendar]\ncountry = "US"\n', format="toml")
    assert empty == Tracker(US)
    assert list(empty) == []


# Saving, and loading what was saved ----------------------------------------------------------


@pytest.mark.parametrize("format", ["toml", "json"])
def test_the_demo_survives_a_round_trip(format: TrackerFormat) -> None:
    tracker = demo_tracker()
    assert loads_tracker(dumps_tracker(tracker, format=format), format=format) == tracker


def test_the_demo_without_its_own_calendars_survives_a_csv_round_trip() -> None:
    demo = demo_tracker()
    tracker = Tracker(demo.calendar, [a for a in demo if a.calendar == demo.calendar])
    text = dumps_tracker(tracker, format="csv")
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    assert "maple-health,follow-up,2026-11-05,phone,voicemail-left,status" in text
    assert loads_tracker(text, format="csv", calendar=demo.calendar) == tracker


def test_csv_cannot_hold_an_application_with_its_own_calendar() -> None:
    with pytest.raises(InvalidTrackerError, match=r"'sierra-solar' has its own calendar.*TOML"):
        dumps_tracker(demo_tracker(), format="csv")


@pytest.mark.parametrize("format", FORMATS)
def test_dump_and_load_a_file_by_its_suffix(tmp_path: Path, format: TrackerFormat) -> None:
    tracker = Tracker(SMALL.calendar, [SMALL.application("acme")])
    path = tmp_path / f"jobs.{format.upper()}"
    dump_tracker(tracker, path)
    calendar = tracker.calendar if format == "csv" else None
    assert load_tracker(path, calendar=calendar) == tracker
    other = tmp_path / "jobs.txt"
    dump_tracker(tracker, other, format=format)
    assert load_tracker(str(other), format=format, calendar=calendar) == tracker


# Saving over a file: never without overwrite=True, and never half a file ---------------------


def test_an_existing_file_is_replaced_only_with_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "jobs.json"
    path.write_text("my notes\n")
    with pytest.raises(fr.WriteError) as raised:
        dump_tracker(SMALL, path)
    assert str(raised.value) == (
        f"{path}: already exists: expected a new file, or overwrite=True to replace it"
    )
    assert isinstance(raised.value, OSError)
    assert path.read_text() == "my notes\n"
    dump_tracker(SMALL, path, overwrite=True)
    assert load_tracker(path) == SMALL
    assert os.listdir(tmp_path) == ["jobs.json"]


def test_a_replaced_file_keeps_its_permissions_and_a_new_one_follows_the_umask(
    tmp_path: Path,
) -> None:
    kept, new = tmp_path / "kept.json", tmp_path / "new.json"
    kept.write_text("{}")
    kept.chmod(0o640)
    umask = os.umask(0o027)
    try:
        dump_tracker(SMALL, kept, overwrite=True)
        dump_tracker(SMALL, new)
    finally:
        os.umask(umask)
    assert (kept.stat().st_mode & 0o777, new.stat().st_mode & 0o777) == (0o640, 0o640)


def test_a_link_is_kept_and_the_file_it_points_to_is_replaced(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    real, link = tmp_path / "real" / "jobs.json", tmp_path / "jobs.json"
    real.write_text("{}")
    link.symlink_to(real)
    dump_tracker(SMALL, link, overwrite=True)
    assert link.is_symlink()
    assert load_tracker(real) == SMALL
    assert sorted(os.listdir(tmp_path / "real")) == ["jobs.json"]


def test_a_folder_or_a_device_is_never_written(tmp_path: Path) -> None:
    folder = tmp_path / "jobs.json"
    folder.mkdir()
    with pytest.raises(fr.WriteError, match=r"jobs.json: a folder: expected the path of a file"):
        dump_tracker(SMALL, folder, overwrite=True)
    with pytest.raises(fr.WriteError, match=r"not a regular file \(a device, a pipe or a socket"):
        dump_tracker(SMALL, os.devnull, format="json", overwrite=True)
    assert os.listdir(folder) == []


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "jobs.json"
    path.write_text("my notes\n")

    def no_room(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_room)
    with pytest.raises(fr.WriteError) as raised:
        dump_tracker(SMALL, path, overwrite=True)
    assert str(raised.value) == (
        f"{path}: cannot be written (No space left on device), so the file there is left as it "
        f"was: expected a folder that exists, that you may write to and that has room for the file"
    )
    assert path.read_text() == "my notes\n"
    assert os.listdir(tmp_path) == ["jobs.json"]


def test_an_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        dump_tracker(SMALL, tmp_path / "jobs.json")
    assert os.listdir(tmp_path) == []


def test_a_missing_folder_is_a_write_error(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "jobs.json"
    with pytest.raises(fr.WriteError, match=r"jobs.json: cannot be written \(No such file or di"):
        dump_tracker(SMALL, path)


_FILLS_THE_LIMIT = """
import sys
from followup_rules.tracker import Application, Tracker, demo_tracker, dump_tracker
demo = demo_tracker()
big = Tracker(demo.calendar, [
    Application(f"{a.id}-{n}", a.history, company=a.company, title=a.title)
    for n in range(100) for a in demo
])
try:
    dump_tracker(big, sys.argv[1], overwrite=True)
except OSError as error:
    print(type(error).__name__, error)
"""


def _small_files(limit: int) -> Callable[[], None]:
    """For a child process: files of at most ``limit`` bytes (``ulimit -f``), and a write past
    it an error (EFBIG) rather than the signal that would end the process."""
    resource = pytest.importorskip("resource")

    def limited() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return limited


@pytest.mark.slow
def test_a_tracker_larger_than_the_file_size_limit_leaves_the_old_file_whole(
    tmp_path: Path,
) -> None:
    path = tmp_path / "jobs.json"
    dump_tracker(SMALL, path)
    before = path.read_bytes()
    done = subprocess.run(
        [sys.executable, "-B", "-c", _FILLS_THE_LIMIT, str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        preexec_fn=_small_files(16_384),
    )
    assert done.stderr == ""
    assert done.stdout == (
        f"WriteError {path}: cannot be written (File too large), so the file there is left as "
        f"it was: expected a folder that exists, that you may write to and that has room for "
        f"the file\n"
    )
    assert path.read_bytes() == before
    assert os.listdir(tmp_path) == ["jobs.json"]


# Cells a spreadsheet would run as formulas ----------------------------------------------------

FORMULAS = {
    "acme": '=HYPERLINK("http://example.com","Click")',
    "globex": "+1 555 0100",
    "initech": "-ology",
    "umbrella": "@home",
    "tyrell": "'Til Dawn",
    "wayne": "'=not a formula",
}


def test_a_csv_cell_a_spreadsheet_would_run_is_written_behind_a_quote() -> None:
    tracker = Tracker(
        US,
        [
            Application(id, ONE, company=company, title="Analyst")
            for id, company in FORMULAS.items()
        ],
    )
    text = dumps_tracker(tracker, format="csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["company"] for row in rows] == [
        '\'=HYPERLINK("http://example.com","Click")',
        "'+1 555 0100",
        "'-ology",
        "'@home",
        "''Til Dawn",
        "''=not a formula",
    ]
    assert not [cell for row in rows for cell in row.values() if cell.startswith(tuple("=+-@\t\r"))]
    assert loads_tracker(text, format="csv", calendar=US) == tracker


def test_a_quote_is_removed_only_before_what_a_spreadsheet_would_run() -> None:
    text = "application,type,on,company,title\nacme,applied,2026-11-02,'Til Dawn,'=SUM(A1)\n"
    acme = loads_tracker(text, format="csv", calendar=US).application("acme")
    assert (acme.company, acme.title) == ("'Til Dawn", "=SUM(A1)")


def test_saving_toml_without_tomli_w_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tomli_w", None)
    with pytest.raises(fr.MissingExtraError, match=r"needs tomli_w.*followup-rules\[toml\]"):
        dumps_tracker(SMALL, format="toml")


# The tracker as a value ---------------------------------------------------------------------

ONE = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)


def test_an_unknown_application_id_lists_the_known_ones() -> None:
    with pytest.raises(UnknownApplicationError, match=r"'initech'.*expected acme, globex"):
        SMALL.application("initech")
    with pytest.raises(LookupError, match="expected none"):
        Tracker(US).application("acme")


BAD_VALUES: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    ("calendar", lambda: Tracker("US"), fr.InvalidArgumentError, "'US' is not a"),  # type: ignore[arg-type]
    ("apps", lambda: Tracker(US, "acme"), fr.InvalidArgumentError, "'acme' are not an iterable"),
    ("app", lambda: Tracker(US, [ONE]), fr.InvalidArgumentError, "is not an Application"),
    (
        "twice",
        lambda: Tracker(US, [Application("a", ONE), Application("a", ONE)]),
        InvalidTrackerError,
        "'a' is given twice",
    ),
    ("slug", lambda: Application("Acme Corp", ONE), InvalidTrackerError, "'Acme Corp' is not a"),
    ("long id", lambda: Application("a" * 65, ONE), InvalidTrackerError, "at most 64"),
    ("id type", lambda: Application(7, ONE), fr.InvalidArgumentError, "id 7 is not a string"),
    ("history", lambda: Application("a", [ONE]), fr.InvalidArgumentError, "not a History"),  # type: ignore[arg-type]
    ("type", lambda: Application("a", ONE, company=3), fr.InvalidArgumentError, "company 3"),
    ("empty", lambda: Application("a", ONE, title=""), InvalidTrackerError, "title '' is empty"),
    ("line", lambda: Application("a", ONE, title="a\nb"), InvalidTrackerError, "line break"),
    ("long", lambda: Application("a", ONE, company="x" * 201), InvalidTrackerError, "201 char"),
]


@pytest.mark.parametrize(
    ("make", "error", "fragment"), [c[1:] for c in BAD_VALUES], ids=[c[0] for c in BAD_VALUES]
)
def test_a_bad_tracker_value_is_a_typed_error(
    make: Callable[[], object], error: type[Exception], fragment: str
) -> None:
    with pytest.raises(error, match=fragment.replace("(", r"\(")):
        make()


# Bad files: every problem names the file, where, the value and what was expected ------------

TOML_HEAD = '[calendar]\ncountry = "US"\n\n[[applications]]\nid = "acme"\n'


def _toml_events(*events: str) -> str:
    return TOML_HEAD + "events = [\n" + "".join(f"  {{ {e} }},\n" for e in events) + "]\n"


APPLIED = 'type = "applied", on = 2026-11-02'


def _json_events(*events: object) -> str:
    return json.dumps(
        {"calendar": {"country": "US"}, "applications": [{"id": "a", "events": events}]}
    )


BAD_FILES: list[tuple[str, TrackerFormat, str, tuple[str, ...]]] = [
    ("toml syntax", "toml", "[calendar\n", ("not valid TOML", "line 1")),
    ("json syntax", "json", '{"calendar": }', ("not valid JSON", "line 1 column 14")),
    ("top level", "json", "[]", ("the document = []", "expected a table")),
    (
        "unknown top key",
        "toml",
        '[calendar]\ncountry = "US"\n[owner]\n',
        ("owner = {}", "unknown key"),
    ),
    (
        "country",
        "toml",
        'applications = []\n[calendar]\ncountry = "XX"',
        ("calendar.country", "'XX'", "ISO 3166"),
    ),
    (
        "key under calendar",
        "toml",
        '[calendar]\ncountry = "US"\napplications = []',
        ("calendar.applications = []", "unknown key: expected country, subdivision"),
    ),
    (
        "no applications",
        "json",
        '{"calendar": {"country": "US"}}',
        ("missing 'applications'", "maybe empty"),
    ),
    (
        "country type",
        "json",
        '{"calendar": {"country": 1}}',
        ("calendar.country = 1", "a whole number: expected a string"),
    ),
    (
        "subdivision",
        "toml",
        'applications = []\n[calendar]\ncountry = "US"\nsubdivision = "ZZ"',
        ("calendar.subdivision", "'ZZ'", "CA"),
    ),
    (
        "zone",
        "toml",
        'applications = []\n[calendar]\ncountry = "US"\ntimezone = "Mars/Olympus"',
        ("calendar.timezone = 'Mars/Olympus'", "IANA"),
    ),
    (
        "zone path",
        "toml",
        'applications = []\n[calendar]\ncountry = "US"\ntimezone = "../zoneinfo/UTC"',
        ("calendar.timezone = '../zoneinfo/UTC'", "IANA"),
    ),
    (
        "zone folder",
        "toml",
        'applications = []\n[calendar]\ncountry = "US"\ntimezone = "America"',
        ("calendar.timezone = 'America'", "IANA"),
    ),
    (
        "closed",
        "json",
        '{"calendar": {"country": "US", "closed": ["24/12/2026"]}, "applications": []}',
        ("calendar.closed[0] = '24/12/2026'", "YYYY-MM-DD"),
    ),
    (
        "closed twice",
        "toml",
        'applications = []\n[calendar]\ncountry = "US"\nclosed = [2026-12-24, 2026-12-24]',
        ("calendar.closed[1]", "already calendar.closed[0]"),
    ),
    (
        "closed time",
        "toml",
        'applications = []\n[calendar]\ncountry = "US"\nclosed = [2026-12-24T09:00:00Z]',
        ("calendar.closed[0] = 2026-12-24T09:00:00+00:00: a date and time: expected a date",),
    ),
    (
        "open_on unknown name",
        "toml",
        'applications = []\n[calendar]\ncountry = "US"\nopen_on = ["Veteran Day"]',
        ("calendar.open_on: unknown holiday name 'Veteran Day'", "'Christmas Day'"),
    ),
    (
        "open_on number",
        "json",
        '{"calendar": {"country": "US", "open_on": [11]}, "applications": []}',
        ("calendar.open_on[0] = 11", "expected a holiday name or a date"),
    ),
    (
        "open_on date text",
        "json",
        '{"calendar": {"country": "US", "open_on": ["2026-13-28"]}, "applications": []}',
        ("calendar.open_on[0] = '2026-13-28'", "no such day"),
    ),
    (
        "open_on twice",
        "json",
        '{"calendar": {"country": "US", "open_on": ["2026-11-28", "2026-11-28"]}, '
        '"applications": []}',
        ("calendar.open_on[1]", "already calendar.open_on[0]"),
    ),
    (
        "open_on and closed",
        "toml",
        'applications = []\n[calendar]\ncountry = "US"\nclosed = [2026-11-27]\n'
        "open_on = [2026-11-27]",
        ("calendar.open_on: 2026-11-27 both closed and open",),
    ),
    (
        "applications",
        "toml",
        '[calendar]\ncountry = "US"\n[applications]\n',
        ("applications = {}", "a table: expected an array"),
    ),
    (
        "slug",
        "toml",
        TOML_HEAD.replace('"acme"', '"Acme Corp"') + "events = []",
        ("applications[0].id", "'Acme Corp' is not a slug"),
    ),
    (
        "id type",
        "toml",
        TOML_HEAD.replace('"acme"', "7") + "events = []",
        ("applications[0].id = 7", "expected a string"),
    ),
    (
        "no id",
        "json",
        '{"calendar": {"country": "US"}, "applications": [{"events": []}]}',
        ("applications[0]: missing 'id'",),
    ),
    (
        "same id",
        "toml",
        _toml_events(APPLIED)
        + TOML_HEAD.replace('[calendar]\ncountry = "US"\n', "")
        + "events = [{ "
        + APPLIED
        + " }]",
        ("applications[1].id = 'acme'", "already the id of applications[0]"),
    ),
    (
        "company",
        "toml",
        TOML_HEAD + 'company = ""\nevents = []',
        ("applications[0].company", "company '' is empty"),
    ),
    (
        "title",
        "toml",
        TOML_HEAD + 'title = "Lead\\tanalyst"\nevents = []',
        ("applications[0].title", "control character"),
    ),
    ("no events", "toml", TOML_HEAD, ("applications[0]: missing 'events'",)),
    (
        "empty history",
        "toml",
        TOML_HEAD + "events = []",
        ("applications[0] ('acme')", "empty history"),
    ),
    (
        "event table",
        "toml",
        TOML_HEAD + 'events = ["applied"]',
        ("applications[0].events[0] = 'applied'", "expected a table"),
    ),
    (
        "no type",
        "toml",
        _toml_events("on = 2026-11-02"),
        ("applications[0].events[0]: missing 'type'", "follow-up"),
    ),
    (
        "type",
        "toml",
        _toml_events('type = "phoned", on = 2026-11-02'),
        ("events[0].type = 'phoned'", "applied, interview"),
    ),
    (
        "no on",
        "toml",
        _toml_events('type = "applied"'),
        ("events[0].on: missing, but 'applied' events need it (they need on)",),
    ),
    (
        "naive",
        "toml",
        _toml_events('type = "applied", on = 2026-11-02T09:30:00'),
        ("applications[0].events[0].on = 2026-11-02T09:30:00: a date and time without an offset",),
    ),
    (
        "naive text",
        "json",
        _json_events({"type": "applied", "on": "2026-11-02T09:30"}),
        ("applications[0].events[0].on = '2026-11-02T09:30'", "without an offset", "-05:00"),
    ),
    (
        "time",
        "toml",
        _toml_events('type = "applied", on = 09:30:00'),
        ("events[0].on = 09:30:00: a time of day",),
    ),
    (
        "number",
        "json",
        _json_events({"type": "applied", "on": 20261102}),
        ("events[0].on = 20261102", "a whole number"),
    ),
    (
        "ambiguous",
        "toml",
        _toml_events('type = "applied", on = "03/04/2026"'),
        ("events[0].on = '03/04/2026'", "day/month"),
    ),
    (
        "no such day",
        "toml",
        _toml_events('type = "applied", on = "2026-02-30"'),
        ("'2026-02-30'", "no such day"),
    ),
    (
        "no such time",
        "toml",
        _toml_events('type = "applied", on = "2026-11-02T25:00-05:00"'),
        ("'2026-11-02T25:00-05:00'", "no such date and time"),
    ),
    (
        "wrong offset",
        "toml",
        _toml_events('type = "applied", on = "2026-11-02T09:30-04:00[America/New_York]"'),
        (
            "on = '2026-11-02T09:30-04:00[America/New_York]'",
            "expected 2026-11-02T08:30:00-05:00[America/New_York]",
        ),
    ),
    (
        "zone name",
        "toml",
        _toml_events('type = "applied", on = "2026-11-02T09:30-04:00[Mars]"'),
        ("events[0].on = '2026-11-02T09:30-04:00[Mars]'", "unknown time zone 'Mars'"),
    ),
    (
        "year 9999",
        "toml",
        _toml_events('type = "applied", on = 9999-12-31T23:00:00-05:00'),
        ("events[0].on = 9999-12-31T23:00:00-05:00: expected a year from 2 to 9998",),
    ),
    (
        "year 1 zoned",
        "toml",
        _toml_events('type = "applied", on = "0001-01-01T00:00+01:00[Europe/Paris]"'),
        ("events[0].on", "a year from 2 to 9998"),
    ),
    (
        "channel",
        "toml",
        _toml_events('type = "follow-up", on = 2026-11-09, channel = "fax", outcome = "sent"'),
        ("events[0].channel = 'fax'", "phone, email, mail, in-person, other"),
    ),
    (
        "no outcome",
        "toml",
        _toml_events('type = "follow-up", on = 2026-11-09, channel = "phone"'),
        ("events[0].outcome: missing, but 'follow-up' events need it", "on, channel, outcome)"),
    ),
    (
        "foreign field",
        "toml",
        _toml_events('type = "interview", on = 2026-11-09, channel = "phone"'),
        (
            "events[0].channel = 'phone'",
            "'interview' events have no channel: expected only on, kind",
        ),
    ),
    (
        "notes",
        "toml",
        _toml_events(APPLIED + ', notes = "sent via portal"'),
        ("events[0].notes", "'applied' events have no notes"),
    ),
    (
        "verdict",
        "toml",
        _toml_events('type = "answer", on = 2026-11-09, verdict = "yes"'),
        ("events[0].verdict = 'yes'", "offer, hired, rejected"),
    ),
    (
        "by time",
        "toml",
        _toml_events(
            APPLIED, 'type = "decision-expected", on = 2026-11-02, by = 2026-11-09T17:00:00Z'
        ),
        ("events[1].by", "a date and time: expected a date"),
    ),
    (
        "by beyond",
        "toml",
        _toml_events(APPLIED, 'type = "decision-expected", on = 2026-11-02, by = 2101-01-01'),
        ("events[1].by", "2101-01-01 is outside the holiday data", "1777 to 2100"),
    ),
    (
        "by before on",
        "toml",
        _toml_events(APPLIED, 'type = "decision-expected", on = 2026-11-09, by = 2026-11-06'),
        ("applications[0] ('acme'): DecisionExpected", "before the day it was recorded"),
    ),
    (
        "year beyond",
        "toml",
        _toml_events('type = "applied", on = 2101-01-03'),
        ("applications[0] ('acme'): 2101-01-03 is outside the holiday data",),
    ),
    (
        "twice",
        "toml",
        _toml_events(APPLIED, APPLIED),
        ("applications[0].events[1]: the same event as applications[0].events[0]",),
    ),
    (
        "same instant",
        "toml",
        _toml_events(
            APPLIED,
            'type = "reply", on = 2026-11-03T09:00:00Z',
            'type = "reply", on = 2026-11-03T10:00:00+01:00',
        ),
        ("events[2]: the same event as applications[0].events[1]",),
    ),
    (
        "json key twice",
        "json",
        '{"calendar": {"country": "US", "country": "GB"}}',
        ("the key 'country' is given twice",),
    ),
    ("big number", "json", '{"calendar": {"country": ' + "9" * 5000 + "}}", ("not valid JSON",)),
    ("csv empty", "csv", "", ("line 1: no header row", "application,type,on")),
    (
        "csv column",
        "csv",
        "application,type,on,notes\n",
        ("line 1, column 4 = 'notes'", "not a column"),
    ),
    (
        "csv column twice",
        "csv",
        "application,type,on,on\n",
        ("line 1, column 4 = 'on'", "given twice"),
    ),
    ("csv no on", "csv", "application,type\n", ("line 1: no 'on' column",)),
    ("csv cells", "csv", "application,type,on\nacme,applied\n", ("line 2: 2 cells: expected 3",)),
    (
        "csv quotes",
        "csv",
        'application,type,on\nacme,"applied"x,2026-11-02\n',
        ("line 2: not valid CSV",),
    ),
    (
        "csv id",
        "csv",
        "application,type,on\nAcme,applied,2026-11-02\n",
        ("line 2, column 'application'", "'Acme' is not a slug"),
    ),
    (
        "csv type",
        "csv",
        "application,type,on\nacme,,2026-11-02\n",
        ("line 2, column 'type' = ''", "expected one of applied"),
    ),
    (
        "csv no day",
        "csv",
        "application,type,on\nacme,applied,\n",
        ("line 2, column 'on': missing, but 'applied' events need it",),
    ),
    (
        "csv naive",
        "csv",
        "application,type,on\nacme,applied,2026-11-02 09:30\n",
        ("line 2, column 'on'", "a date and time without an offset"),
    ),
    (
        "csv foreign",
        "csv",
        "application,type,on,channel\nacme,applied,2026-11-02,phone\n",
        ("line 2, column 'channel' = 'phone'", "'applied' events have no channel"),
    ),
    (
        "csv needed",
        "csv",
        "application,type,on,verdict\nacme,answer,2026-11-02,\n",
        ("line 2, column 'verdict': missing, but 'answer' events need it (they need on, verdict)",),
    ),
    (
        "csv missing column",
        "csv",
        "application,type,on\nacme,answer,2026-11-02\n",
        ("line 2, column 'verdict'", "'answer' events need it"),
    ),
    (
        "csv company",
        "csv",
        "application,type,on,company\nacme,applied,2026-11-02,Acme\nacme,withdrew,2026-11-09,ACME\n",
        ("line 3, column 'company' = 'ACME'", "line 2 gives 'Acme'"),
    ),
    (
        "csv bad company",
        "csv",
        'application,type,on,title\nacme,applied,2026-11-02,"a\nb"\n',
        ("line 2, column 'title'", "line break"),
    ),
    (
        "csv history",
        "csv",
        "application,type,on,until\nacme,applied,2026-11-02,\nacme,out-of-office,2026-11-09,2026-11-06\n",
        ("application 'acme' (first on line 2): OutOfOffice", "before the day"),
    ),
    (
        "csv twice",
        "csv",
        "application,type,on\nacme,applied,2026-11-02\nacme,applied,2026-11-02\n",
        ("line 3: the same event as line 2",),
    ),
]


@pytest.mark.parametrize(
    ("format", "text", "fragments"), [c[1:] for c in BAD_FILES], ids=[c[0] for c in BAD_FILES]
)
def test_a_bad_file_names_where_the_value_and_what_was_expected(
    format: TrackerFormat, text: str, fragments: tuple[str, ...]
) -> None:
    calendar = US if format == "csv" else None
    with pytest.raises(fr.LoadError) as raised:
        loads_tracker(text, format=format, calendar=calendar, source="jobs." + format)
    message = str(raised.value)
    assert message.startswith(f"jobs.{format}: ")
    for fragment in fragments:
        assert fragment in message
    assert len(message) < 400


def test_file_problems_name_the_file(tmp_path: Path) -> None:
    cases = {
        tmp_path / "missing.toml": "missing.toml: cannot be read (No such file or directory)",
        tmp_path: f"{tmp_path}: a folder, not a tracker file: expected the path of one",
        Path(os.devnull): "a device, a pipe or a socket, not a tracker file",
        tmp_path / "notes.txt": "notes.txt: no format given and the suffix is not .toml",
        tmp_path / "latin.json": "latin.json: byte 17 (b'\\xe9') is not UTF-8",
    }
    (tmp_path / "latin.json").write_bytes('{"company": "Société"}'.encode("latin-1"))
    (tmp_path / "notes.txt").write_text("")
    for path, fragment in cases.items():
        with pytest.raises(fr.LoadError) as raised:
            load_tracker(path, format="toml" if path.suffix == "" else None)
        assert fragment in str(raised.value)
        assert str(raised.value).count(str(path)) == 1
    with pytest.raises(fr.LoadError, match="embedded null"):
        load_tracker("jobs\0.toml")


BAD_ARGUMENTS: list[tuple[str, Callable[[], object], str]] = [
    ("format", lambda: loads_tracker("", format="yaml"), "format='yaml': expected one of 'toml'"),  # type: ignore[arg-type]
    (
        "csv calendar",
        lambda: loads_tracker("", format="csv", calendar="US"),  # type: ignore[arg-type]
        "calendar='US': a CSV tracker holds no calendar, so expected calendar=WorkCalendar(...) "
        "for its employers, or none for the default (WorkCalendar('US'))",
    ),
    (
        "toml calendar",
        lambda: loads_tracker("", format="toml", calendar=US),
        "a TOML tracker names its own",
    ),
    (
        "bytes",
        lambda: loads_tracker(b"[calendar]", format="toml"),  # type: ignore[arg-type]
        "text b'[calendar]' is not a string",
    ),
    ("path", lambda: load_tracker(7), "path 7 is not a str or os.PathLike"),  # type: ignore[arg-type]
    (
        "load csv calendar",
        lambda: load_tracker("jobs.csv", calendar="US"),  # type: ignore[arg-type]
        "calendar='US': a CSV tracker holds no calendar",
    ),
    ("dump", lambda: dumps_tracker(ONE, format="json"), "is not a Tracker"),  # type: ignore[arg-type]
    ("dump format", lambda: dumps_tracker(SMALL, format="xml"), "format='xml'"),  # type: ignore[arg-type]
    ("dump suffix", lambda: dump_tracker(SMALL, "jobs.txt"), "'jobs.txt': the suffix is not"),
    (
        "dump overwrite",
        lambda: dump_tracker(SMALL, "jobs.json", overwrite="yes"),  # type: ignore[arg-type]
        "overwrite='yes': expected True or False",
    ),
]


@pytest.mark.parametrize(
    ("call", "fragment"), [c[1:] for c in BAD_ARGUMENTS], ids=[c[0] for c in BAD_ARGUMENTS]
)
def test_a_bad_argument_is_an_invalid_argument_error(
    call: Callable[[], object], fragment: str
) -> None:
    with pytest.raises(fr.InvalidArgumentError) as raised:
        call()
    assert fragment in str(raised.value)


# The caps -------------------------------------------------------------------------------------


def _json_tracker(applications: int, events: int) -> str:
    return json.dumps(
        {
            "calendar": {"country": "US"},
            "applications": [
                {
                    "id": f"a{n}",
                    "events": [
                        {
                            "type": "applied",
                            "on": (date(2026, 1, 1) + timedelta(days=d)).isoformat(),
                        }
                        for d in range(events)
                    ],
                }
                for n in range(applications)
            ],
        }
    )


def test_a_file_over_one_mebibyte_is_refused_before_it_is_parsed(tmp_path: Path) -> None:
    big = "#" * MAX_BYTES + "\n"
    with pytest.raises(fr.LoadError, match=r"1048577 bytes or more: expected at most 1048576"):
        loads_tracker(big, format="toml")
    with pytest.raises(fr.LoadError, match="bytes or more"):
        loads_tracker("é" * (MAX_BYTES // 2 + 1), format="csv", calendar=US)
    with pytest.raises(fr.LoadError, match="bytes or more"):
        loads_tracker(" " * (MAX_BYTES + 1), format="json")
    path = tmp_path / "big.toml"
    path.write_text(big)
    with pytest.raises(fr.LoadError, match=r"big.toml: more than 1048576 bytes"):
        load_tracker(path)


def test_the_number_of_applications_and_events_is_capped() -> None:
    assert len(loads_tracker(_json_tracker(MAX_APPLICATIONS, 1), format="json")) == 1_000
    with pytest.raises(fr.LoadError, match=r"applications = .*1001 items: expected at most 1000"):
        loads_tracker(_json_tracker(MAX_APPLICATIONS + 1, 1), format="json")
    loaded = loads_tracker(_json_tracker(1, MAX_EVENTS), format="json")
    assert len(loaded.application("a0").history) == 1_000
    with pytest.raises(fr.LoadError, match=r"applications\[0\].events = .*expected at most 1000"):
        loads_tracker(_json_tracker(1, MAX_EVENTS + 1), format="json")
    closed = [(date(2026, 1, 1) + timedelta(days=d)).isoformat() for d in range(1_001)]
    with pytest.raises(fr.LoadError, match=r"calendar.closed = .*expected at most 1000"):
        loads_tracker(json.dumps({"calendar": {"country": "US", "closed": closed}}), format="json")


@pytest.mark.slow
def test_csv_counts_are_capped_on_the_line_that_passes_the_cap() -> None:
    rows = [f"a{n},applied,2026-11-02" for n in range(MAX_APPLICATIONS + 1)]
    text = "application,type,on\n" + "\n".join(rows)
    with pytest.raises(fr.LoadError, match=r"line 1002, column 'application' = 'a1000'"):
        loads_tracker(text, format="csv", calendar=US)
    days = [date(2024, 1, 1) + timedelta(days=d) for d in range(MAX_EVENTS + 1)]
    text = "application,type,on\n" + "\n".join(f"a,reply,{day}" for day in days)
    with pytest.raises(fr.LoadError, match=r"line 1002, .*at most 1000 events per application"):
        loads_tracker(text, format="csv", calendar=US)


def test_deep_nesting_is_a_load_error_not_a_recursion_error() -> None:
    nested = "[" * MAX_NESTING + "]" * MAX_NESTING
    with pytest.raises(fr.LoadError, match="the document = "):
        loads_tracker(nested, format="json")
    deeper = "[" * (MAX_NESTING + 1) + "]" * (MAX_NESTING + 1)
    with pytest.raises(fr.LoadError, match="nested 17 deep: expected at most 16"):
        loads_tracker(deeper, format="json")
    with pytest.raises(fr.LoadError, match="nested 500001 deep"):
        loads_tracker('{"a": "]]]", "b": ' + "[" * 500_000, format="json")
    with pytest.raises(fr.LoadError, match="nested too deeply"):
        loads_tracker("a = " + "[" * 100_000, format="toml")


# Properties: a saved tracker loads equal, and every format gives the same decisions ---------

slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
texts = st.builds(
    str.__add__,
    st.sampled_from(["", "=", "+", "-", "@", "'", "''", "'=", "'a"]),
    st.text(st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp")), min_size=1, max_size=30),
)
"""Companies and titles, some starting as a spreadsheet formula would, or with a quote."""


@st.composite
def trackers(draw: st.DrawFn, *, own_calendars: bool = True) -> Tracker:
    """Trackers of up to four applications; with ``own_calendars``, some keep other days."""
    calendar = draw(calendars())
    ids = draw(st.lists(slugs, max_size=4, unique=True))
    applications = []
    for id in ids:
        own = draw(st.booleans()) if own_calendars else False
        history = draw(histories(calendar=calendars() if own else calendar, max_events=8))
        company, title = draw(st.none() | texts), draw(st.none() | texts)
        applications.append(Application(id, history, company=company, title=title))
    return Tracker(calendar, applications)


@pytest.mark.slow
@given(trackers())
def test_a_saved_tracker_loads_equal_as_toml_and_json(tracker: Tracker) -> None:
    for format in ("toml", "json"):
        assert loads_tracker(dumps_tracker(tracker, format=format), format=format) == tracker


@given(trackers(own_calendars=False))
def test_a_saved_tracker_loads_equal_as_csv(tracker: Tracker) -> None:
    text = dumps_tracker(tracker, format="csv")
    assert loads_tracker(text, format="csv", calendar=tracker.calendar) == tracker


@given(trackers(own_calendars=False), st.integers(0, 30))
def test_toml_json_and_csv_give_the_same_decisions(tracker: Tracker, days: int) -> None:
    last = [max(day for day, _ in a.history.dated()) for a in tracker]
    today = max(last, default=date(2026, 11, 25)) + timedelta(days=days)
    decisions = [
        loads_tracker(
            dumps_tracker(tracker, format=format),
            format=format,
            calendar=tracker.calendar if format == "csv" else None,
        ).evaluate(today)
        for format in FORMATS
    ]
    assert decisions[0] == decisions[1] == decisions[2] == tracker.evaluate(today)


# The fuzz: near-valid and arbitrary documents; a Tracker or a LoadError, nothing else --------

FUZZ = settings(max_examples=5_000)

_NEAR = (
    "2026-11-02",
    "2026-11-02T09:30:00-05:00",
    "2026-11-02T09:30:00",
    "2026-11-02T09:30:00-05:00[America/New_York]",
    "2026-11-02T09:30:00-04:00[America/New_York]",
    "2026-11-02T09:30Z[America]",
    "0001-01-01T00:00+01:00",
    "9999-12-31",
    "2101-01-01",
    "1776-07-04",
    "03/04/2026",
    "2026-02-30",
    *EVENT_NAMES,
    *(c.value for c in fr.Channel),
    *(o.value for o in fr.Outcome),
    *(v.value for v in fr.Verdict),
    "US",
    "GB",
    "CA",
    "XX",
    "America/New_York",
    "Etc",
    "acme",
    "Acme Corp",
    "",
    "\ufeff",
    '"',
    ",",
    "\n",
)
_KEYS = (
    *CSV_COLUMNS,
    *("id", "events", "calendar", "country", "subdivision", "timezone", "closed", "open_on"),
)

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(_NEAR),
)
toml_scalars = st.one_of(
    st.booleans(),
    st.integers(-(2**63), 2**63 - 1),
    st.floats(allow_nan=False),
    st.text(max_size=20),
    st.sampled_from(_NEAR),
    st.dates(),
    st.datetimes(timezones=st.none() | st.just(UTC) | st.timezones()),
    st.times(),
)


def _values(scalars: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    keys = st.sampled_from(_KEYS) | st.text(max_size=6)
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(keys, inner, max_size=4),
        max_leaves=8,
    )


json_values = _values(json_scalars)
toml_values = _values(toml_scalars)
near_values = st.sampled_from(_NEAR)
cell_values = near_values | st.text(max_size=12)


def _places(document: Any) -> list[tuple[Any, Any]]:
    """Every (container, key or index) of a document, to mutate one."""
    found = []
    stack = [document]
    while stack:
        node = stack.pop()
        slots = node.items() if isinstance(node, dict) else enumerate(node)
        for slot, value in list(slots):
            found.append((node, slot))
            if isinstance(value, dict | list):
                stack.append(value)
    return found


@st.composite
def mutated(draw: st.DrawFn, bases: list[Any], values: st.SearchStrategy[Any]) -> Any:
    """A valid document with one to three values replaced, removed or added."""
    document = copy.deepcopy(bases[draw(st.integers(0, len(bases) - 1))])
    for _ in range(draw(st.integers(1, 3))):
        places = _places(document)
        if not places:
            break
        node, slot = places[draw(st.integers(0, len(places) - 1))]
        action = draw(st.integers(0, 4))
        if action == 0:
            del node[slot]
        elif action == 1 and isinstance(node, list):
            node.insert(slot, copy.deepcopy(node[slot]))
        elif action == 1:
            node[draw(st.sampled_from(_KEYS))] = draw(values)
        else:
            node[slot] = draw(near_values if action == 2 else values)
    return document


@st.composite
def edited(draw: st.DrawFn, texts: list[str]) -> str:
    """A valid text with a span cut, repeated or replaced."""
    text = texts[draw(st.integers(0, len(texts) - 1))]
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, min(len(text), start + 12)))
    how = draw(st.integers(0, 2))
    middle = ("", text[start:end] * 2)[how] if how < 2 else draw(cell_values)
    return text[:start] + middle + text[end:]


def _small_trackers() -> list[Tracker]:
    demo = demo_tracker()
    shared = Tracker(demo.calendar, [a for a in demo if a.calendar == demo.calendar])
    return [demo, shared, SMALL, Tracker(US, [Application("a", ONE)])]


SMALL_TRACKERS = _small_trackers()
JSON_TEXTS = [dumps_tracker(t, format="json") for t in SMALL_TRACKERS]
TOML_TEXTS = [dumps_tracker(t, format="toml") for t in SMALL_TRACKERS]
CSV_TEXTS = [dumps_tracker(t, format="csv") for t in SMALL_TRACKERS[1:2] + SMALL_TRACKERS[3:]]
JSON_DOCUMENTS = [json.loads(text) for text in JSON_TEXTS]
TOML_DOCUMENTS = [tomllib.loads(text) for text in TOML_TEXTS]
CSV_ROWS = [list(csv.reader(io.StringIO(text))) for text in CSV_TEXTS]


def _json_text(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _toml_text(value: Any) -> str:
    try:
        return tomli_w.dumps(value)
    except (TypeError, ValueError):  # a value TOML cannot hold: None, a top level array, ...
        return str(value)


def _csv_text(rows: list[Any]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(row if isinstance(row, list) else [row] for row in rows)
    return out.getvalue()


def _check(text: str, format: TrackerFormat, calendar: fr.WorkCalendar | None = None) -> None:
    """A Tracker or a LoadError; a tracker loaded saves and loads again equal in every format."""
    try:
        tracker = loads_tracker(text, format=format, calendar=calendar)
    except fr.LoadError:
        event("a LoadError")
        return
    event("a Tracker")
    assert isinstance(tracker, Tracker)
    shared = all(application.calendar == tracker.calendar for application in tracker)
    for other in FORMATS if shared else ("toml", "json"):
        again = dumps_tracker(tracker, format=other)
        csv_calendar = tracker.calendar if other == "csv" else None
        assert loads_tracker(again, format=other, calendar=csv_calendar) == tracker


@pytest.mark.slow
@FUZZ
@given(
    st.one_of(
        mutated(JSON_DOCUMENTS, json_values).map(_json_text),
        edited(JSON_TEXTS),
        json_values.map(_json_text),
        st.text(max_size=60),
    )
)
def test_fuzz_json(text: str) -> None:
    _check(text, "json")


@pytest.mark.slow
@FUZZ
@given(
    st.one_of(
        mutated(TOML_DOCUMENTS, toml_values).map(_toml_text),
        edited(TOML_TEXTS),
        st.dictionaries(st.sampled_from(_KEYS), toml_values, max_size=3).map(_toml_text),
        st.text(max_size=60),
    )
)
def test_fuzz_toml(text: str) -> None:
    _check(text, "toml")


csv_cells = st.sampled_from((*_NEAR, *CSV_COLUMNS)) | st.text(max_size=5)


@pytest.mark.slow
@FUZZ
@given(
    st.one_of(
        mutated(CSV_ROWS, cell_values).map(_csv_text),
        edited(CSV_TEXTS),
        st.text(max_size=80),
        st.lists(st.lists(csv_cells, max_size=12), max_size=4).map(_csv_text),
    ),
    st.sampled_from([US, fr.WorkCalendar("US", "CA", timezone="America/Los_Angeles")]),
)
def test_fuzz_csv(text: str, calendar: fr.WorkCalendar) -> None:
    _check(text, "csv", calendar)


# Holidays the employer works through --------------------------------------------------------

OPEN_ON = fr.WorkCalendar("US", open_on=["Veterans Day", date(2026, 11, 28)])


def _open_on_tracker() -> Tracker:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=OPEN_ON)
    return Tracker(OPEN_ON, [Application("acme", history)])


def test_open_on_is_written_and_read_back_in_toml_and_json() -> None:
    tracker = _open_on_tracker()
    toml_text = dumps_tracker(tracker, format="toml")
    assert 'open_on = [\n    "Veterans Day",\n    2026-11-28,\n]' in toml_text
    json_text = dumps_tracker(tracker, format="json")
    assert json.loads(json_text)["calendar"]["open_on"] == ["Veterans Day", "2026-11-28"]
    for text, format in ((toml_text, "toml"), (json_text, "json")):
        again = loads_tracker(text, format=format)  # type: ignore[arg-type]
        assert again == tracker
        assert again.calendar.is_business_day(date(2026, 11, 11))


def test_open_on_names_are_read_whatever_their_case() -> None:
    text = '{"calendar": {"country": "US", "open_on": ["veterans day"]}, "applications": []}'
    assert loads_tracker(text, format="json").calendar == fr.WorkCalendar(
        "US", open_on=["Veterans Day"]
    )


def test_a_csv_tracker_keeps_the_open_days_of_the_calendar_it_is_given() -> None:
    tracker = _open_on_tracker()
    text = dumps_tracker(tracker, format="csv")
    assert loads_tracker(text, format="csv", calendar=OPEN_ON) == tracker


# Notes: free text for the person keeping the tracker ---------------------------------------


@pytest.mark.parametrize("format", ["toml", "json", "csv"])
def test_notes_on_applications_and_events_are_kept_through_save_and_load(
    tmp_path: Path, format: str
) -> None:
    history = fr.History(
        [
            fr.Applied(date(2026, 11, 2), note="sent via the portal"),
            fr.FollowUp(
                date(2026, 11, 9),
                channel=fr.Channel.PHONE,
                outcome=fr.Outcome.VOICEMAIL_LEFT,
                note="called Bob, =his voicemail",
            ),
        ],
        calendar=fr.WorkCalendar("US"),
    )
    tracker = fr.Tracker(
        history.calendar, [fr.Application("acme", history, note="met Bob at the fair")]
    )
    path = tmp_path / f"jobs.{format}"
    dump_tracker(tracker, path)
    again = load_tracker(path, calendar=fr.WorkCalendar("US") if format == "csv" else None)
    acme = again.application("acme")
    assert acme.note == "met Bob at the fair"
    assert [event.note for event in acme.history] == [
        "sent via the portal",
        "called Bob, =his voicemail",
    ]
    assert again == tracker


def test_a_note_that_is_not_one_line_of_text_is_refused_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "jobs.toml"
    path.write_text(
        '[calendar]\ncountry = "US"\n\n[[applications]]\nid = "acme"\n'
        'events = [{ type = "applied", on = 2026-11-02, note = "called\\nBob" }]\n',
        encoding="utf-8",
    )
    with pytest.raises(
        fr.errors.LoadError, match=r"events\[0\]\.note = 'called\\nBob': .*line break"
    ) as raised:
        load_tracker(path)
    assert "expected one line of 1 to 200 characters, or no note at all" in str(raised.value)
    with pytest.raises(fr.errors.InvalidHistoryError, match=r"Applied\.note is 3: expected a text"):
        fr.Applied(date(2026, 11, 2), note=3)  # type: ignore[arg-type]


@pytest.mark.parametrize("format", ["toml", "json"])
def test_a_file_that_names_no_calendar_reads_on_the_documented_default(
    tmp_path: Path, format: str
) -> None:
    from followup_rules.tracker import DEFAULT_COUNTRY

    path = tmp_path / f"jobs.{format}"
    if format == "toml":
        path.write_text(
            '[[applications]]\nid = "acme"\nevents = [{ type = "applied", on = 2026-11-02 }]\n'
        )
    else:
        path.write_text(
            '{"applications": [{"id": "acme", "events": '
            '[{"type": "applied", "on": "2026-11-02"}]}]}'
        )
    tracker = load_tracker(path)
    assert DEFAULT_COUNTRY == "US"
    assert tracker.calendar == fr.WorkCalendar("US")
    # Veterans Day (Wednesday 11 November) and the RightChanges days around it are skipped.
    decision = tracker.evaluate(date(2026, 11, 9), rules="right-changes")["acme"]
    assert decision.next_date == date(2026, 11, 17)
    assert '"country": "US"' in fr.tracker.dumps_tracker(tracker, format="json")


def test_a_csv_tracker_without_a_calendar_is_read_on_the_default(tmp_path: Path) -> None:
    # As a TOML or JSON tracker naming none: refused before. Applied Friday 6 November: three
    # business days later is Thursday 12 November, Veterans Day (Wednesday 11) being a US holiday.
    from followup_rules.tracker import DEFAULT_COUNTRY

    text = "application,type,on\nacme,applied,2026-11-06\n"
    path = tmp_path / "jobs.csv"
    path.write_text(text, encoding="utf-8")
    for tracker in (loads_tracker(text, format="csv"), load_tracker(path)):
        assert tracker.calendar == fr.WorkCalendar(DEFAULT_COUNTRY) == fr.WorkCalendar("US")
        decision = tracker.evaluate(date(2026, 11, 9), rules="three-by-three")["acme"]
        assert decision.next_date == date(2026, 11, 12)
