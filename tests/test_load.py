"""Rule sets as data: a coach's file, strict validation, caps, a fuzz, round trips, the CLI.

The coach's rule set is ``examples/my-coach.toml``; the how-to page walks through it. Dates are
on the US calendar of 2026 (Veterans Day Wed 11-11, Thanksgiving Thu 11-26).
"""

from __future__ import annotations

import copy
import os
import random
import re
import sys
import tomllib
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from dateutil.relativedelta import FR
from hypothesis import event, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

import followup_rules as fr
from followup_rules import rules as primitives
from followup_rules.citations import Citation, Source
from followup_rules.cli import main
from followup_rules.effects import Resource
from followup_rules.load import (
    KINDS,
    MAX_BYTES,
    MAX_DOTS,
    MAX_RULES,
    MAX_TEXT,
    from_dict,
    load,
    loads,
    to_dict,
    to_toml,
)
from followup_rules.rules import MAX_DAYS, When
from followup_rules.rulesets.registry import BUILT_IN
from followup_rules.testing import days_after, histories

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "my-coach.toml"
HOW_TO = ROOT / "docs" / "how-to" / "rule-set-in-toml.md"
REFERENCE = ROOT / "docs" / "reference" / "rules.md"

US = fr.WorkCalendar("US")
COACH = load(EXAMPLE)
COACH_SOURCE = Source("Following up: a one-page guide for my clients", "Sam Rivera, career coach")
VALID = to_dict(COACH)
APPLIED = fr.Applied(date(2026, 11, 2))
WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
COMMON = (
    primitives.BusinessDaysOnly,
    primitives.EndOnDefiniteAnswer,
    primitives.NotWhileAway,
    primitives.OneContactADay,
)

FUZZ_EXAMPLES = 5_000
"""Documents per run of each fuzz test, whatever the profile: the issue asks for 5,000 in CI."""


def _decide(events: list[fr.Event], today: date, rules: Any = COACH) -> fr.Decision:
    return fr.evaluate(fr.History(events, calendar=US), today, rules=rules)


def _binding(decision: fr.Decision) -> list[str]:
    return [str(reason.ref) for reason in decision.reasons if reason.binding]


def _voicemail(on: date) -> fr.FollowUp:
    return fr.FollowUp(on, channel=fr.Channel.PHONE, outcome=fr.Outcome.VOICEMAIL_LEFT)


# The coach's rule set, dated ------------------------------------------------------------------


def test_the_example_file_is_the_coachs_rule_set() -> None:
    assert (COACH.name, COACH.version, COACH.business_days_only) == ("my-coach", "2026.1", True)
    assert COACH.source == COACH_SOURCE
    assert len(COACH.ids) == 9
    assert COACH.rule("no-friday") == primitives.AvoidWeekdays(
        "no-friday", weekdays=(FR,), citation=Citation(COACH_SOURCE, "part 4, Timing")
    )
    assert COACH.rule("every-five-to-eight-days") == primitives.Cadence(
        "every-five-to-eight-days",
        stage=fr.Stage.POST_INTERVIEW,
        days=5,
        latest=8,
        citation=Citation(COACH_SOURCE, "part 2, After the interview"),
    )


def test_applied_on_monday_the_coach_waits_five_business_days_by_email() -> None:
    decision = _decide([APPLIED], date(2026, 11, 2))
    assert decision.action is fr.Action.WAIT
    assert decision.next_date == date(2026, 11, 9)
    assert decision.channel is fr.Channel.EMAIL
    assert decision.messages_left == 3
    assert _binding(decision) == ["my-coach/a-week-of-business-days"]
    assert decision.rulesets == (("my-coach", "2026.1"),)


def test_on_the_fifth_business_day_the_coach_follows_up() -> None:
    decision = _decide([APPLIED], date(2026, 11, 9))
    assert decision.action is fr.Action.FOLLOW_UP
    assert decision.purpose is fr.Purpose.STATUS


def test_the_thank_you_goes_by_email_the_next_business_day() -> None:
    interview = fr.Interview(date(2026, 11, 16), kind=fr.InterviewKind.JOB)
    decision = _decide([APPLIED, interview], date(2026, 11, 16))
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 11, 17))
    assert (decision.purpose, decision.channel) == (fr.Purpose.THANK_YOU, fr.Channel.EMAIL)


def test_after_the_thank_you_five_to_eight_days_and_two_after_their_date() -> None:
    events: list[fr.Event] = [
        APPLIED,
        fr.Interview(date(2026, 11, 16)),
        fr.DecisionExpected(date(2026, 11, 16), by=date(2026, 11, 20)),
        fr.FollowUp(
            date(2026, 11, 17),
            channel=fr.Channel.EMAIL,
            outcome=fr.Outcome.SENT,
            purpose=fr.Purpose.THANK_YOU,
        ),
    ]
    decision = _decide(events, date(2026, 11, 17))
    assert decision.next_date == date(2026, 11, 23)
    # Day eight is Wed 11-25, the day before Thanksgiving, which the coach rules out: the
    # window's last allowed day is Tue 11-24.
    assert decision.window_end == date(2026, 11, 24)
    assert "my-coach/two-days-after-their-date" in _binding(decision)
    assert "my-coach/every-five-to-eight-days" in _binding(decision)


def test_a_thank_you_due_on_a_friday_is_made_that_friday() -> None:
    # The coach's no-friday rule keeps status follow-ups off Fridays; a thank-you is timed by
    # the thank-you rule alone, as in the built-in rule sets (rules.md, Readings v2).
    decision = _decide([APPLIED, fr.Interview(date(2026, 11, 19))], date(2026, 11, 19))
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert (decision.next_date, decision.window_end) == (date(2026, 11, 20), date(2026, 11, 20))
    assert "my-coach/no-friday" not in _binding(decision)
    assert decision.conflicts == ()


def test_three_messages_without_a_reply_stop_it_with_the_coachs_advice() -> None:
    events: list[fr.Event] = [APPLIED, *(_voicemail(date(2026, 11, d)) for d in (9, 16, 23))]
    decision = _decide(events, date(2026, 11, 24))
    assert decision.action is fr.Action.STOP
    assert _binding(decision) == ["my-coach/three-messages"]
    assert [note.ref.rule for note in decision.guidance] == ["three-messages", "short-and-specific"]


def test_composed_with_right_changes_by_plus_only_what_both_allow() -> None:
    decision = _decide([APPLIED], date(2026, 11, 2), COACH + fr.rulesets.get("right-changes"))
    assert decision.next_date == date(2026, 11, 17)
    assert decision.skipped[0].day == date(2026, 11, 9)
    assert decision.rulesets == (("my-coach", "2026.1"), ("right-changes", "2.0"))


def test_compared_with_the_five_built_ins_in_one_call() -> None:
    history = fr.History([APPLIED], calendar=US)
    names = [ruleset.name for ruleset in BUILT_IN]
    comparison = fr.compare(history, date(2026, 11, 2), rules=[*names, COACH])
    assert [row.ruleset for row in comparison.rows] == [*names, "my-coach"]
    row = comparison.row("my-coach").decision
    assert (row.next_date, row.channel) == (date(2026, 11, 9), fr.Channel.EMAIL)
    assert "channel" in comparison.disagreements


# Bad documents: one table --------------------------------------------------------------------


def _set(*path: str | int, value: object) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def _drop(*path: str | int) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        target: Any = document
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return mutate


def _append(rule: dict[str, object]) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        document["rules"].append(rule)

    return mutate


def _avoid(*days: str) -> dict[str, object]:
    return {"id": "avoid-more", "kind": "avoid-weekdays", "weekdays": list(days), "citation": "c"}


def _all(*mutations: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any]], None]:
    def mutate(document: dict[str, Any]) -> None:
        for one in mutations:
            one(document)

    return mutate


KINDS_LISTED = "expected one of wait-after, cadence, minimum-gap, after-stated-date"
BAD: list[tuple[str, Callable[[dict[str, Any]], None], str, str]] = [
    # Unknown keys, at every level, listing the valid ones.
    (
        "a misspelt top-level key",
        _set("nmae", value="x"),
        "nmae = 'x'",
        "unknown key in a rule set: expected one of business_days_only, messages, name, rules, "
        "scope, source, version",
    ),
    ("an unknown source key", _set("source", "year", value=2026), "source.year = 2026", "url"),
    (
        "a misspelt parameter",
        _set("rules", 0, "dayz", value=5),
        "rules[0].dayz = 5",
        "unknown key in a rule of kind 'cadence': expected one of advice, business, channel, "
        "citation, days, id, interview, kind, latest, stage",
    ),
    (
        "a parameter of another kind",
        _set("rules", 3, "stage", value="post-interview"),
        "rules[3].stage = 'post-interview'",
        "unknown key in a rule of kind 'after-stated-date'",
    ),
    (
        "an odd key name",
        _set("rules", 1, "two words", value=1),
        "rules[1]['two words'] = 1",
        "unknown key",
    ),
    # Missing keys.
    ("no name", _drop("name"), "the document: missing key 'name'", "needs name, version, source"),
    ("no version", _drop("version"), "the document: missing key 'version'", "a rule set needs"),
    ("no source", _drop("source"), "the document: missing key 'source'", "a rule set needs"),
    ("a source without author", _drop("source", "author"), "source: missing key 'author'", ""),
    ("a rule without id", _drop("rules", 0, "id"), "rules[0]: missing key 'id'", "cadence"),
    ("a rule without kind", _drop("rules", 2, "kind"), "rules[2]: missing key 'kind'", "advice"),
    (
        "a rule without citation",
        _drop("rules", 5, "citation"),
        "rules[5]: missing key 'citation'",
        "a rule of kind 'avoid-holiday-borders' needs id, kind, citation",
    ),
    (
        "a required parameter left out",
        _drop("rules", 4, "weekdays"),
        "rules[4]: missing key 'weekdays'",
        "needs id, kind, citation, weekdays",
    ),
    # Wrong types.
    ("an empty document", lambda d: d.clear(), "the document: missing key 'name'", ""),
    ("a name that is a number", _set("name", value=7), "name = 7", "expected non-empty text"),
    ("a version that is a number", _set("version", value=2026), "version = 2026", "text"),
    (
        "business days as text",
        _set("business_days_only", value="yes"),
        "business_days_only = 'yes'",
        "expected true or false",
    ),
    ("a source that is text", _set("source", value="Sam"), "source = 'Sam'", "expected a table"),
    (
        "rules as a table",
        _set("rules", value={"id": "x"}),
        "rules = {'id': 'x'}",
        "expected a list of rule tables ([[rules]] in TOML)",
    ),
    ("a rule that is text", _set("rules", 1, value="cadence"), "rules[1] = 'cadence'", "table"),
    ("days as text", _set("rules", 0, "days", value="5"), "rules[0].days = '5'", "whole number"),
    ("days as a float", _set("rules", 0, "days", value=5.0), "rules[0].days = 5.0", "whole"),
    ("days as a boolean", _set("rules", 0, "days", value=True), "rules[0].days = True", "whole"),
    ("latest as null", _set("rules", 2, "latest", value=None), "rules[2].latest = None", "whole"),
    (
        "a boolean as text",
        _set("rules", 0, "business", value="true"),
        "rules[0].business = 'true'",
        "expected true or false",
    ),
    (
        "an unknown stage",
        _set("rules", 0, "stage", value="after-interview"),
        "rules[0].stage = 'after-interview'",
        "expected one of 'pre-interview', 'post-interview'",
    ),
    (
        "an unknown channel",
        _set("rules", 1, "channel", value="fax"),
        "rules[1].channel = 'fax'",
        "expected one of 'phone', 'email', 'mail', 'in-person', 'other'",
    ),
    (
        "an enum written by its Python name",
        _set("rules", 8, "when", value="UNANSWERED"),
        "rules[8].when = 'UNANSWERED'",
        "'always', 'before-interview'",
    ),
    (
        "weekdays as one text",
        _set("rules", 4, "weekdays", value="FR"),
        "rules[4].weekdays = 'FR'",
        "expected a list of up to seven of MO, TU, WE, TH, FR, SA, SU",
    ),
    (
        "a weekday by its full name",
        _set("rules", 4, "weekdays", value=["Friday"]),
        "rules[4].weekdays[0] = 'Friday'",
        "expected one of MO, TU",
    ),
    (
        "a weekday twice",
        _set("rules", 4, "weekdays", value=["FR", "MO", "FR"]),
        "rules[4].weekdays[2] = 'FR'",
        "already in the list",
    ),
    (
        "a key that is not text",
        _set("rules", 0, 1, value="x"),
        "rules[0]: the key 1 is not text",
        "expected text keys",
    ),
    (
        "a 64-bit overflow",
        _set("rules", 0, "days", value=2**64),
        "rules[0].days = <a whole number of 65 bits>",
        "fits in 64 bits",
    ),
    # Out of range, by the primitives' own validators.
    (
        "no days",
        _set("rules", 0, "days", value=0),
        "rules[0].days = 0",
        "Cadence.days is 0: expected a whole number from 1 to 366",
    ),
    ("over a year", _set("rules", 3, "days", value=367), "rules[3].days = 367", "from 1 to 366"),
    (
        "a window that ends before it opens",
        _set("rules", 2, "latest", value=4),
        "rules[2].latest = 4",
        "Cadence.latest is 4: expected a whole number from 5 to 366",
    ),
    (
        "too many messages",
        _set("rules", 6, "limit", value=101),
        "rules[6].limit = 101",
        "from 1 to 100",
    ),
    ("no weekday at all", _set("rules", 4, "weekdays", value=[]), "rules[4].weekdays = []", "six"),
    (
        "a rule id that is not a slug",
        _set("rules", 1, "id", value="Thank You"),
        "rules[1].id = 'Thank You'",
        "ThankYouAfterInterview.id is 'Thank You': expected a lower-case slug",
    ),
    (
        "a name that is not a slug",
        _set("name", value="My Coach"),
        "name = 'My Coach'",
        "expected a lower-case slug such as 'five-rules'",
    ),
    (
        "a blank citation",
        _set("rules", 0, "citation", value="  "),
        "rules[0].citation = '  '",
        "non-empty",
    ),
    ("an empty advice", _set("rules", 8, "text", value=""), "rules[8].text = ''", "non-empty"),
    ("an empty url", _set("source", "url", value=""), "source.url = ''", "non-empty"),
    # Kinds, ids, and a rule set that could never allow a day.
    (
        "an unknown kind",
        _set("rules", 0, "kind", value="wait"),
        "rules[0].kind = 'wait'",
        f"unknown kind: {KINDS_LISTED}",
    ),
    (
        "a common rule as a kind",
        _set("rules", 0, "kind", value="one-contact-a-day"),
        "rules[0].kind = 'one-contact-a-day'",
        "unknown kind",
    ),
    ("a kind that is a number", _set("rules", 0, "kind", value=3), "rules[0].kind = 3", "unknown"),
    (
        "a duplicate rule id",
        _set("rules", 5, "id", value="no-friday"),
        "rules[5].id = 'no-friday'",
        "rules[4] has this id already: ids must be unique",
    ),
    (
        "the whole week avoided",
        _all(
            _append(_avoid("MO", "TU", "WE", "TH")),
            _append({**_avoid("SA", "SU"), "id": "weekends"}),
        ),
        "rules[10].weekdays = ['SA', 'SU']",
        "with the rules before it, this avoids every day of the week: no day is ever allowed",
    ),
]


@pytest.mark.parametrize(
    ("mutate", "where", "problem"),
    [case[1:] for case in BAD],
    ids=[case[0] for case in BAD],
)
def test_a_bad_document_is_a_load_error_naming_key_path_and_value(
    mutate: Callable[[dict[str, Any]], None], where: str, problem: str
) -> None:
    document = copy.deepcopy(VALID)
    mutate(document)
    with pytest.raises(fr.LoadError) as raised:
        from_dict(document)
    message = str(raised.value)
    assert message.startswith(f"<dict>: {where}"), message
    assert problem in message
    assert "\n" not in message


def test_the_error_is_also_a_followup_error_and_a_value_error() -> None:
    with pytest.raises(fr.LoadError, match=r"^<dict>: the document = ") as raised:
        from_dict([VALID])
    assert isinstance(raised.value, fr.FollowupError)
    assert isinstance(raised.value, ValueError)


def test_monday_to_friday_is_fine_when_weekends_count() -> None:
    document = copy.deepcopy(VALID)
    document["business_days_only"] = False
    document["rules"].append(_avoid("MO", "TU", "WE", "TH"))
    decision = _decide([fr.Applied(date(2026, 11, 7))], date(2026, 11, 7), from_dict(document))
    assert decision.next_date == date(2026, 11, 21)  # the fifth business day is Mon 11-16
    assert decision.next_date.strftime("%A") == "Saturday"


@pytest.mark.parametrize("rules", [None, []], ids=["missing", "empty"])
def test_a_document_without_rules_is_refused_like_a_rule_set_without(rules: object) -> None:
    document = copy.deepcopy(VALID)
    del document["rules"]
    if rules is not None:
        document["rules"] = rules
    expected = "<dict>: rules = []: no rules: expected at least one rule table ([[rules]] in TOML)"
    with pytest.raises(fr.LoadError, match=re.escape(expected)):
        from_dict(document)


def test_a_toml_date_where_text_belongs_names_the_date() -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace('version = "2026.1"', "version = 2026-01-01")
    with pytest.raises(fr.LoadError, match=re.escape("version = datetime.date(2026, 1, 1)")):
        loads(text)


def test_text_that_is_not_toml_names_where_it_broke() -> None:
    with pytest.raises(
        fr.LoadError,
        match=r"^<string>: not valid TOML: Unterminated string \(at end of document\)$",
    ):
        loads('name = "my-coach')


# Files ---------------------------------------------------------------------------------------


def test_a_bad_file_is_named_in_the_message(tmp_path: Path) -> None:
    path = tmp_path / "coach.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace("days = 5\n", "days = 0\n", 1))
    with pytest.raises(fr.LoadError, match=re.escape(f"{path}: rules[0].days = 0: Cadence.days")):
        load(path)
    with pytest.raises(fr.LoadError, match=re.escape(f"{path}: rules[0].days = 0")):
        load(str(path))


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        (lambda path: None, "cannot be read (No such file or directory): expected a readable"),
        (lambda path: path.mkdir(), "a folder, not a rule-set file: expected the path of one"),
        (lambda path: path.write_bytes(b'name = "caf\xe9"\n'), "byte 11 (b'\\xe9') is not UTF-8"),
    ],
    ids=["missing", "a directory", "latin-1"],
)
def test_a_file_that_cannot_be_read(
    tmp_path: Path, make: Callable[[Path], object], problem: str
) -> None:
    path = tmp_path / "coach.toml"
    make(path)
    with pytest.raises(fr.LoadError, match=re.escape(f"{path}: {problem}")):
        load(path)


def test_a_path_with_a_nul_character_is_refused() -> None:
    with pytest.raises(fr.LoadError, match=re.escape("'coach\\x00.toml': cannot be read")):
        load("coach\x00.toml")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    with pytest.raises(fr.LoadError, match="a device, a pipe or a socket, not a rule-set file"):
        load(path)


def test_a_byte_order_mark_is_read_past(tmp_path: Path) -> None:
    path = tmp_path / "coach.toml"
    path.write_bytes(b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert load(path) == COACH


@pytest.mark.parametrize("path", [b"examples/my-coach.toml", 42, None])
def test_load_takes_a_path(path: object) -> None:
    with pytest.raises(fr.InvalidArgumentError, match="expected a path to a TOML file"):
        load(path)  # type: ignore[arg-type]


def test_loads_takes_text() -> None:
    with pytest.raises(
        fr.InvalidArgumentError,
        match=re.escape("loads(<bytes>): expected the TOML document as text"),
    ):
        loads(EXAMPLE.read_bytes())  # type: ignore[arg-type]


# Caps ----------------------------------------------------------------------------------------


def test_a_file_over_the_size_cap_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.toml"
    text = EXAMPLE.read_text(encoding="utf-8")
    path.write_text(text + "#" * (MAX_BYTES - len(text.encode())) + "\n", encoding="utf-8")
    with pytest.raises(fr.LoadError, match=f"more than {MAX_BYTES} bytes: expected a rule-set"):
        load(path)
    path.write_text(text + "#" * (MAX_BYTES - len(text.encode()) - 1) + "\n", encoding="utf-8")
    assert load(path) == COACH


def test_a_text_over_the_size_cap_is_refused_unparsed() -> None:
    with pytest.raises(fr.LoadError, match=f"^<string>: longer than {MAX_BYTES} characters"):
        loads("#" * (MAX_BYTES + 1))


def test_at_most_the_cap_of_rules() -> None:
    advice = [{"id": f"a{i}", "kind": "advice", "text": "t", "citation": "c"} for i in range(201)]
    with pytest.raises(fr.LoadError, match=f"rules = .*: 201 rules: expected at most {MAX_RULES}"):
        from_dict({**VALID, "rules": advice})
    assert len(from_dict({**VALID, "rules": advice[:MAX_RULES]}).rules) == MAX_RULES


def test_text_is_capped_and_shown_cut_short() -> None:
    document = copy.deepcopy(VALID)
    document["rules"][0]["citation"] = "x" * MAX_TEXT
    assert from_dict(document).rules[0].citation.locator == "x" * MAX_TEXT
    document["rules"][0]["citation"] += "y"
    with pytest.raises(fr.LoadError) as raised:
        from_dict(document)
    message = str(raised.value)
    assert f"2001 characters: expected at most {MAX_TEXT}" in message
    assert len(message) < 200


def test_deep_nesting_in_toml_is_a_load_error_not_a_recursion_error() -> None:
    with pytest.raises(fr.LoadError, match=r"^<string>: nested too deeply to be a rule set$"):
        loads("name = " + "[" * 50_000)


@pytest.mark.slow
def test_deep_nesting_in_a_dict_is_shown_shallow() -> None:
    deep: list[object] = []
    for _ in range(100_000):
        deep = [deep]
    with pytest.raises(fr.LoadError, match=re.escape("<dict>: version = [[[[...]]]]: expected")):
        from_dict({**VALID, "version": deep})


def test_a_document_that_contains_itself_is_shown_shallow() -> None:
    looped: dict[str, object] = {}
    looped["again"] = looped
    with pytest.raises(fr.LoadError, match=re.escape("source.again = {'again': {'again': {")):
        from_dict({**VALID, "source": {**VALID["source"], "again": looped}})


def test_a_long_list_is_shown_by_its_first_items() -> None:
    with pytest.raises(fr.LoadError) as raised:
        from_dict({**VALID, "rules": [{"id": "x"}] * 1_000_000})
    assert "rules = [{'id': 'x'}, {'id': 'x'}," in str(raised.value)
    assert "1000000 rules" in str(raised.value)


def test_odd_values_are_shown_by_type() -> None:
    with pytest.raises(fr.LoadError, match=re.escape("<dict>: version = <object>: expected")):
        from_dict({**VALID, "version": object()})


@pytest.mark.parametrize(
    "text",
    [
        ".".join(["a"] * (MAX_DOTS + 2)) + " = 1",
        "[" + ".".join(["a"] * (MAX_DOTS + 2)) + "]",
        'citation = "' + "Short sentence. " * (MAX_DOTS + 1) + '"',
    ],
    ids=["a dotted key", "a dotted table header", "prose"],
)
def test_dots_are_capped_so_no_dotted_key_makes_reading_slow(text: str) -> None:
    with pytest.raises(fr.LoadError, match=f"^<string>: more than {MAX_DOTS} dots"):
        loads(text)


def test_a_long_dotted_key_under_the_cap_reads_to_an_unknown_key() -> None:
    with pytest.raises(fr.LoadError, match=re.escape("<string>: a = {'a': {'a': {'a': {...}}}}")):
        loads(".".join(["a"] * (MAX_DOTS + 1)) + " = 1")


def test_a_weekday_list_longer_than_a_week_is_refused_unread() -> None:
    document = copy.deepcopy(VALID)
    document["rules"][4]["weekdays"] = ["FR"] * 1_000_000
    with pytest.raises(fr.LoadError, match=re.escape("rules[4].weekdays = ['FR', 'FR',")):
        from_dict(document)


# Writing: to_dict and to_toml ----------------------------------------------------------------


def test_to_dict_writes_enums_as_values_and_leaves_out_what_is_none() -> None:
    right_changes = to_dict(fr.rulesets.get("right-changes"))
    assert right_changes["rules"][2] == {
        "id": "no-monday-friday",
        "kind": "avoid-weekdays",
        "weekdays": ["MO", "FR"],
        "citation": "question 3, \u201cWhen should I follow-up?\u201d",
    }
    timeline = right_changes["rules"][1]
    assert set(timeline) == {"id", "kind", "days", "no_timeline_advice", "citation"}
    assert "channel" not in timeline  # None is left out
    assert to_dict(fr.rulesets.get("career-staffing"))["rules"][2]["resource"] == "follow-ups"
    assert "scope" not in right_changes


def _weekdays_only(*days: str) -> fr.RuleSet:
    return from_dict(
        {
            "name": "weekends-only",
            "version": "1",
            "source": {"title": "Notes", "author": "A coach"},
            "rules": [
                {
                    "id": "no-weekdays",
                    "kind": "avoid-weekdays",
                    "weekdays": list(days),
                    "citation": "p. 1",
                },
                {
                    "id": "wait",
                    "kind": "wait-after",
                    "stage": "pre-interview",
                    "days": 1,
                    "citation": "p. 2",
                },
            ],
        }
    )


def test_avoiding_monday_to_friday_loads_and_is_answered_by_the_calendar() -> None:
    # Sunday is a working day in Israel (the weekend is Friday and Saturday): avoiding Monday
    # to Friday leaves Sundays there, and no business day at all in the United States.
    ruleset = _weekdays_only("MO", "TU", "WE", "TH", "FR")
    applied = fr.Applied(date(2026, 11, 2))
    israel = fr.evaluate(
        fr.History([applied], calendar=fr.WorkCalendar("IL")), date(2026, 11, 2), rules=ruleset
    )
    assert (israel.action, israel.next_date) == (fr.Action.WAIT, date(2026, 11, 8))
    us = fr.evaluate(fr.History([applied], calendar=US), date(2026, 11, 2), rules=ruleset)
    assert us.action is fr.Action.BLOCKED
    assert {str(r.ref) for r in us.reasons if r.binding} >= {
        "weekends-only/no-weekdays",
        "common/business-days-only",
    }


def test_avoiding_sunday_to_thursday_is_blocked_where_those_are_the_working_days() -> None:
    ruleset = _weekdays_only("SU", "MO", "TU", "WE", "TH")
    applied = fr.Applied(date(2026, 11, 2))
    israel = fr.evaluate(
        fr.History([applied], calendar=fr.WorkCalendar("IL")), date(2026, 11, 2), rules=ruleset
    )
    assert israel.action is fr.Action.BLOCKED
    us = fr.evaluate(fr.History([applied], calendar=US), date(2026, 11, 2), rules=ruleset)
    assert (us.action, us.next_date) == (fr.Action.WAIT, date(2026, 11, 6))


def test_a_scope_is_written_and_read_back() -> None:
    five_rules = to_dict(fr.rulesets.get("five-rules"))
    assert five_rules["scope"] == {
        "stages": ["post-interview"],
        "citation": "title and summary: following up after a job interview",
    }
    assert from_dict(five_rules) == fr.rulesets.get("five-rules")


@pytest.mark.parametrize(
    ("scope", "message"),
    [
        ({"stages": []}, "missing key 'citation'"),
        ({"stages": [], "citation": "p. 1"}, "scope.stages = []: expected a list of one or more"),
        ({"stages": ["later"], "citation": "p. 1"}, "scope.stages[0] = 'later': expected one of"),
        ({"stages": ["pre-interview"], "citation": ""}, "scope.citation = '': expected non-empty"),
        ({"stages": ["pre-interview"], "citation": "p", "x": 1}, "scope.x = 1: unknown key"),
    ],
)
def test_a_bad_scope_is_a_load_error_naming_the_key(scope: object, message: str) -> None:
    document = to_dict(fr.rulesets.get("five-rules"))
    document["scope"] = scope
    with pytest.raises(fr.LoadError, match=re.escape(message)):
        from_dict(document)


def test_to_toml_writes_what_tomllib_reads_back_as_to_dict() -> None:
    for ruleset in (*BUILT_IN, COACH):
        assert tomllib.loads(to_toml(ruleset)) == to_dict(ruleset)


def test_a_source_url_is_kept() -> None:
    source = Source("A title", "An author", url="https://example.org/guide")
    ruleset = fr.RuleSet(
        "linked",
        [primitives.MinimumGap("gap", days=3, citation=Citation(source, "p. 1"))],
        source=source,
    )
    assert to_dict(ruleset)["source"]["url"] == "https://example.org/guide"
    assert loads(to_toml(ruleset)) == ruleset


@attrs.frozen
class _OwnRule:
    id: str
    citation: Citation

    def apply(self, facts: fr.Facts) -> Iterator[object]:
        return iter(())


@attrs.frozen
class _OwnWait(primitives.MinimumGap):
    """A subclass may behave differently: it is not the primitive, so it is not written."""


SOURCE = Source("A title", "An author")
CITE = Citation(SOURCE, "p. 1")

UNWRITABLE: list[tuple[str, Callable[[], object], type[Exception], str]] = [
    (
        "a composition",
        lambda: to_dict(COACH + fr.rulesets.get("five-rules")),  # type: ignore[arg-type]
        fr.InvalidArgumentError,
        "expected a RuleSet (export a composition part by part)",
    ),
    (
        "a rule set without a source",
        lambda: to_dict(fr.RuleSet("bare", [primitives.MinimumGap("gap", days=3, citation=CITE)])),
        fr.RuleSetDefinitionError,
        "rule set 'bare' has no source",
    ),
    (
        "a rule of one's own",
        lambda: to_dict(fr.RuleSet("own", [_OwnRule("mine", CITE)], source=SOURCE)),
        fr.RuleSetDefinitionError,
        "rule 'mine' of 'own' is a _OwnRule: a document can only hold the primitives WaitAfter,",
    ),
    (
        "a subclass of a primitive",
        lambda: to_dict(
            fr.RuleSet("own", [_OwnWait("mine", days=2, citation=CITE)], source=SOURCE)
        ),
        fr.RuleSetDefinitionError,
        "rule 'mine' of 'own' is a _OwnWait",
    ),
    (
        "a common rule",
        lambda: to_dict(
            fr.RuleSet("own", [primitives.OneContactADay("daily", citation=CITE)], source=SOURCE)
        ),
        fr.RuleSetDefinitionError,
        "rule 'daily' of 'own' is a OneContactADay",
    ),
    (
        "a rule citing another source",
        lambda: to_dict(
            fr.RuleSet(
                "own",
                [primitives.MinimumGap("gap", days=3, citation=Citation(COACH_SOURCE, "x"))],
                source=SOURCE,
            )
        ),
        fr.RuleSetDefinitionError,
        "rule 'gap' of 'own' cites Sam Rivera, career coach, \u201cFollowing up: a one-page",
    ),
]


@pytest.mark.parametrize(
    ("write", "error", "problem"),
    [case[1:] for case in UNWRITABLE],
    ids=[case[0] for case in UNWRITABLE],
)
def test_what_a_document_cannot_hold_is_an_error_naming_it(
    write: Callable[[], object], error: type[Exception], problem: str
) -> None:
    with pytest.raises(error, match=re.escape(problem)):
        write()


def test_to_toml_without_tomli_w_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tomli_w", None)
    with pytest.raises(fr.MissingExtraError, match=re.escape("pip install 'followup-rules[toml]'")):
        to_toml(COACH)


# Round trips ---------------------------------------------------------------------------------


@pytest.mark.parametrize("ruleset", BUILT_IN, ids=lambda ruleset: ruleset.name)
def test_each_built_in_comes_back_equal_through_a_dict_and_through_toml(
    ruleset: fr.RuleSet,
) -> None:
    assert from_dict(to_dict(ruleset)) == ruleset
    assert loads(to_toml(ruleset)) == ruleset


RELOADED = {ruleset.name: loads(to_toml(ruleset)) for ruleset in BUILT_IN}


@pytest.mark.slow
@given(st.data(), histories(), st.sampled_from(BUILT_IN))
def test_a_reloaded_built_in_decides_exactly_as_the_built_in(
    data: st.DataObject, history: fr.History, ruleset: fr.RuleSet
) -> None:
    today = data.draw(days_after(history))
    reloaded = RELOADED[ruleset.name]
    assert fr.evaluate(history, today, rules=reloaded) == fr.evaluate(history, today, rules=ruleset)


texts = st.text(min_size=1, max_size=30).filter(str.strip)
days = st.integers(1, MAX_DAYS)
counts = st.integers(1, 100)
channels = st.sampled_from([channel.value for channel in fr.Channel])
stages = st.sampled_from([stage.value for stage in fr.Stage])


@st.composite
def _window(draw: st.DrawFn, flag: str) -> dict[str, object]:
    first = draw(days)
    table: dict[str, object] = {"stage": draw(stages), "days": first}
    if draw(st.booleans()):
        table["latest"] = draw(st.integers(first, MAX_DAYS))
    return table | draw(
        st.fixed_dictionaries({}, optional={flag: st.booleans(), "channel": channels})
    )


PARAMETERS: dict[str, st.SearchStrategy[dict[str, object]]] = {
    "wait-after": _window("unless_stated"),
    "cadence": _window("business"),
    "minimum-gap": st.fixed_dictionaries({"days": days}),
    "after-stated-date": st.fixed_dictionaries({}, optional={"days": days, "channel": channels}),
    "thank-you-after-interview": st.fixed_dictionaries(
        {}, optional={"business_days": days, "channel": channels}
    ),
    # Friday never avoided, so that no document of this strategy closes every day.
    "avoid-weekdays": st.fixed_dictionaries(
        {
            "weekdays": st.lists(
                st.sampled_from(("MO", "TU", "WE", "TH", "SA", "SU")), min_size=1, unique=True
            )
        }
    ),
    "avoid-holiday-borders": st.just({}),
    "stage-budget": st.fixed_dictionaries(
        {"resource": st.sampled_from([r.value for r in Resource])}, optional={"limit": counts}
    ),
    "lift-after-silence": st.fixed_dictionaries({}, optional={"days": days, "advice": texts}),
    "stop-after-messages": st.fixed_dictionaries({}, optional={"limit": counts, "advice": texts}),
    "preferred-channel": st.just({}),
    "change-course": st.fixed_dictionaries({}, optional={"after": counts}),
    "ask-whether-to-continue": st.fixed_dictionaries(
        {}, optional={"follow_ups": counts, "channels": counts}
    ),
    "advice": st.fixed_dictionaries(
        {"text": texts}, optional={"when": st.sampled_from([w.value for w in When])}
    ),
}
"""Valid parameters of every kind, written independently of the loader: a second reading."""

slugs = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    """Valid rule-set documents: every kind, every optional key present or not."""
    kinds = draw(st.lists(st.sampled_from(sorted(KINDS)), min_size=1, max_size=8))
    ids = draw(st.lists(slugs, min_size=len(kinds), max_size=len(kinds), unique=True))
    rules = [
        {"id": rule_id, "kind": kind, **draw(PARAMETERS[kind]), "citation": draw(texts)}
        for rule_id, kind in zip(ids, kinds, strict=True)
    ]
    source = draw(st.fixed_dictionaries({"title": texts, "author": texts}, optional={"url": texts}))
    head = draw(
        st.fixed_dictionaries(
            {"name": slugs, "version": texts}, optional={"business_days_only": st.booleans()}
        )
    )
    return {**head, "source": source, "rules": rules}


def test_the_valid_documents_cover_every_kind() -> None:
    assert set(PARAMETERS) == set(KINDS)


@given(documents())
def test_a_valid_document_loads_and_comes_back_the_same(document: dict[str, Any]) -> None:
    ruleset = from_dict(document)
    assert from_dict(to_dict(ruleset)) == ruleset
    assert loads(to_toml(ruleset)) == ruleset
    assert to_dict(from_dict(to_dict(ruleset))) == to_dict(ruleset)
    for written, table in zip(to_dict(ruleset)["rules"], document["rules"], strict=True):
        assert {key: written[key] for key in table} == _in_week_order(table)


def _in_week_order(table: dict[str, Any]) -> dict[str, Any]:
    """The table as written back: weekdays come back Monday first."""
    if "weekdays" not in table:
        return table
    return {**table, "weekdays": sorted(table["weekdays"], key=WEEKDAYS.index)}


# The fuzz: anything but a RuleSet or a LoadError is a failure --------------------------------
#
# Each document is made from one seed: hypothesis keeps the seed, so a failure replays, and a
# run of 5,000 documents stays within seconds.

BASES = [to_dict(ruleset) for ruleset in (*BUILT_IN, COACH)]
RULES = [rule for base in BASES for rule in base["rules"]]
KEY_NAMES = sorted(
    {
        *("name", "version", "business_days_only", "source", "rules", "title", "author", "url"),
        *("id", "kind", "citation", "dayz", "Name", "", "two words"),
        *(field.name for primitive in KINDS.values() for field in attrs.fields(primitive)),
    }
)


def _seen() -> dict[str, list[object]]:
    """Every value each key has in the documents above: a swap keeps a document plausible."""
    seen: dict[str, list[object]] = {}
    for table in [*BASES, *(base["source"] for base in BASES), *RULES]:
        for key, value in table.items():
            seen.setdefault(key, []).append(value)
    return seen


SEEN = _seen()
ATOMS: list[object] = [
    *KINDS,
    *WEEKDAYS,
    *(
        member.value
        for vocabulary in (fr.Stage, fr.Channel, Resource, When)
        for member in vocabulary
    ),
    *("mo", "XX", "one-contact-a-day", "", " ", "x" * (MAX_TEXT + 1), "Bad Name", "\x00"),
    *(0, 1, 2, 5, 7, 100, 101, 366, 367, -1, 2**63 - 1, 2**63, 2**64, 1.5, float("nan")),
    *(True, False, None, date(2026, 11, 2)),
]


def _any_value(rng: random.Random, depth: int = 0) -> object:
    """A value of any shape: an atom, a list or a table of values, or a valid rule."""
    roll = rng.random()
    if roll < 0.1 and depth < 3:
        return [_any_value(rng, depth + 1) for _ in range(rng.randint(0, 8))]
    if roll < 0.2 and depth < 3:
        return {_any_key(rng): _any_value(rng, depth + 1) for _ in range(rng.randint(0, 4))}
    if roll < 0.3:
        return copy.deepcopy(rng.choice(RULES))
    if roll < 0.4:
        return rng.sample(WEEKDAYS, rng.randint(0, 7))
    if roll < 0.7:
        return rng.choice(ATOMS)
    return rng.choice((_any_text, _any_number))(rng)


def _any_key(rng: random.Random) -> object:
    return rng.choice((rng.choice(KEY_NAMES), _any_text(rng), rng.randint(-9, 9)))


_PLANES = ((0, 0x7F), (0, 0x7F), (0x80, 0xD7FF), (0xE000, 0x10FFFF))
"""Where :func:`_any_text` draws characters: ASCII most, all of Unicode but the surrogates."""


def _any_text(rng: random.Random, longest: int = 12) -> str:
    """Text of any characters a file can hold (no lone surrogates), mostly ASCII."""
    return "".join(chr(rng.randint(*rng.choice(_PLANES))) for _ in range(rng.randint(0, longest)))


def _any_number(rng: random.Random) -> object:
    bits = rng.choice((3, 9, 63, 64, 200))
    return rng.choice(
        (rng.randint(-(2**bits), 2**bits), rng.uniform(-1e9, 1e9), float("inf"), -0.0)
    )


def _containers(value: object, depth: int = 0) -> Iterator[dict[Any, Any] | list[Any]]:
    if isinstance(value, dict | list) and depth < 4:
        yield value
        for child in value.values() if isinstance(value, dict) else value:
            yield from _containers(child, depth + 1)


def _mutate(rng: random.Random, document: dict[str, Any]) -> None:
    """Delete, replace, add or repeat one key or item, anywhere in the document."""
    container = rng.choice(list(_containers(document)))
    if isinstance(container, dict):
        key = rng.choice([*container, *KEY_NAMES])
        roll = rng.random()
        if key in container and roll < 0.3:
            del container[key]
        elif key in SEEN and roll < 0.6:
            container[key] = copy.deepcopy(rng.choice(SEEN[key]))
        else:
            container[key] = _any_value(rng)
        return
    roll = rng.random()
    if container and roll < 0.2:
        container.pop(rng.randrange(len(container)))
    elif container and roll < 0.4:
        container.append(copy.deepcopy(rng.choice(container)))
    elif container and roll < 0.7:
        container[rng.randrange(len(container))] = _any_value(rng)
    else:
        container.append(_any_value(rng))


def _near_valid(rng: random.Random) -> dict[str, Any]:
    """A built-in's or the coach's document with one to four changes."""
    document = copy.deepcopy(rng.choice(BASES))
    for _ in range(rng.randint(1, 4)):
        _mutate(rng, document)
    return document


def _fuzzed_document(rng: random.Random) -> object:
    """Three times in four a near-valid document, else a value of any shape."""
    return _near_valid(rng) if rng.random() < 0.75 else _any_value(rng)


seeds = st.randoms()
"""Random generators hypothesis seeds itself, so a failure replays and the ci profile repeats."""


def _outcome(read: Callable[[], fr.RuleSet], origin: str) -> None:
    try:
        ruleset = read()
    except fr.LoadError as error:
        message = str(error)
        assert message.startswith(f"{origin}: ")
        assert "\n" not in message
        assert len(message) < 1_000
        event("a LoadError")
        return
    event("a RuleSet")
    assert isinstance(ruleset, fr.RuleSet)
    assert from_dict(to_dict(ruleset)) == ruleset


@pytest.mark.slow
@hypothesis_settings(max_examples=FUZZ_EXAMPLES)
@given(seeds.map(_fuzzed_document))
def test_fuzz_from_dict_gives_a_rule_set_or_a_load_error(document: object) -> None:
    _outcome(lambda: from_dict(document), "<dict>")


TEXTS = [to_toml(ruleset) for ruleset in BUILT_IN] + [EXAMPLE.read_text(encoding="utf-8")]
SNIPPETS = [
    *("[", "]", "[[rules]]\n", "[source]\n", "{", "}", '"', "'", '"""', "'''", "\n", "=", ","),
    *(".", "#", "\\", " ", "0", "400", "-1", "2e3", "true", "inf", "nan", "1979-05-27", "07:32"),
    *('kind = "advice"\n', "days = 0\n", 'weekdays = ["MO", "TU", "WE", "TH", "FR"]\n'),
    *("a = " + "[" * 60, "a." * 40 + "a = 1\n", "x", "\ufeff", "\x00", "\u2019", "\r\n"),
]


def _edited(rng: random.Random) -> str:
    """A built-in's or the coach's TOML with one to four snippets put in, or text cut out."""
    text = rng.choice(TEXTS)
    for _ in range(rng.randint(1, 4)):
        at = rng.randint(0, len(text))
        cut = rng.choice((0, 0, 1, rng.randint(1, 40)))
        text = text[:at] + rng.choice(SNIPPETS) + text[at + cut :]
    return text


def _fuzzed_text(rng: random.Random) -> str:
    """Three times in four an edited TOML text, else any text at all."""
    return _edited(rng) if rng.random() < 0.75 else _any_text(rng, longest=200)


@pytest.mark.slow
@hypothesis_settings(max_examples=FUZZ_EXAMPLES)
@given(seeds.map(_fuzzed_text))
def test_fuzz_loads_gives_a_rule_set_or_a_load_error(text: str) -> None:
    _outcome(lambda: loads(text), "<string>")


# The command line ----------------------------------------------------------------------------


def test_rules_file_joins_the_rule_sets_of_rules(capsys: pytest.CaptureFixture[str]) -> None:
    argv = [
        "example",
        "--today",
        "2026-11-25",
        "--rules",
        "five-rules",
        "--rules-file",
        str(EXAMPLE),
    ]
    assert main(argv) == 0
    out = capsys.readouterr().out
    assert out.startswith("== five-rules ==\nFOLLOW UP today, Wed 2026-11-25")
    assert f"\n== my-coach (from {EXAMPLE}) ==\nWAIT until Mon 2026-11-30" in out


def test_rules_file_comes_after_each_built_in_and_all_five(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["example", "--today", "2026-11-25", "--rules-file", str(EXAMPLE)]) == 0
    titles = re.findall(r"^== (.*) ==$", capsys.readouterr().out, flags=re.MULTILINE)
    assert titles == [
        *(r.name for r in BUILT_IN),
        "all five, composed",
        f"my-coach (from {EXAMPLE})",
    ]


def test_rules_file_repeats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "other.toml"
    other.write_text(to_toml(fr.rulesets.get("call-back")).replace("call-back", "my-call-back", 1))
    argv = ["example", "--today", "2026-11-25", "--rules", "five-rules"]
    assert main([*argv, "--rules-file", str(EXAMPLE), "--rules-file", str(other)]) == 0
    titles = re.findall(r"^== (.*) ==$", capsys.readouterr().out, flags=re.MULTILINE)
    assert titles == ["five-rules", f"my-coach (from {EXAMPLE})", f"my-call-back (from {other})"]


def test_a_bad_rules_file_is_one_line_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "coach.toml"
    path.write_text(EXAMPLE.read_text(encoding="utf-8").replace('"FR"', '"Friday"'))
    assert main(["example", "--today", "2026-11-25", "--rules-file", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (
        f"followup-rules: {path}: rules[4].weekdays[0] = 'Friday': expected one of MO, TU, WE, "
        f"TH, FR, SA, SU\n"
    )


def test_a_missing_rules_file_is_one_line_on_stderr(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["example", "--rules-file", "no-such-file.toml"]) == 2
    assert capsys.readouterr().err == (
        "followup-rules: no-such-file.toml: cannot be read (No such file or directory): expected "
        "a readable file\n"
    )


# The vocabulary, the reference page and the how-to agree -------------------------------------


def test_every_primitive_but_the_common_rules_has_a_kind() -> None:
    exported = {getattr(primitives, name) for name in primitives.__all__}
    classes = {value for value in exported if attrs.has(value)}
    assert set(KINDS.values()) == classes - set(COMMON)


def _sections(text: str) -> dict[str, str]:
    parts = re.split(r"^### `([a-z-]+)`$", text, flags=re.MULTILINE)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def test_the_reference_page_lists_every_kind_and_parameter() -> None:
    sections = _sections(REFERENCE.read_text(encoding="utf-8"))
    assert list(sections) == list(KINDS)
    for kind, primitive in KINDS.items():
        for field in attrs.fields(primitive):
            if field.name not in ("id", "citation"):
                assert f"`{field.name}`" in sections[kind], (kind, field.name)


def test_the_how_to_shows_the_example_file_as_it_is() -> None:
    page = HOW_TO.read_text(encoding="utf-8")
    (shown,) = re.findall(r"^```toml\n(.*?)^```$", page, flags=re.MULTILINE | re.DOTALL)
    assert shown == EXAMPLE.read_text(encoding="utf-8")
