"""Message checks: each document's check on concrete messages, the labelled corpus's precision
and recall, the checks as TOML data, bad input, and drafts that pass the checks."""

from __future__ import annotations

import copy
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import followup_rules as fr
from followup_rules import CheckKind, MessageCheck, MessageKind, check_message, draft
from followup_rules.cli import main
from followup_rules.load import loads, to_toml
from followup_rules.rulesets import from_dict, to_dict
from followup_rules.testing import days_after, histories
from message_corpus import CORPUS, Labelled, markdown_table

PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.85
US = fr.WorkCalendar("US")
PAGE = Path(__file__).resolve().parent.parent / "docs" / "how-to" / "check-a-message.md"


def _found(case: Labelled) -> frozenset[str]:
    findings = check_message(
        case.text, None, kind=case.kind, purpose=case.purpose, stage=case.stage
    )
    return frozenset(f"{f.ruleset}/{f.check}" for f in findings)


def _ids(text: str, rules: str, **options: object) -> list[str]:
    return [f.check for f in check_message(text, rules, **options)]  # type: ignore[arg-type]


# One check at a time ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "I didn't hear from you, so I am writing again.",
        "You didn't get back to me about the role.",
        "You never got back to me after the interview.",
        "I still haven't heard back from you about it.",
        "I haven\u2019t heard anything back yet.",
    ],
)
def test_right_changes_flags_blame_and_shame(text: str) -> None:
    (finding,) = [
        f for f in check_message(text, "right-changes", kind="email") if f.check == "no-blame"
    ]
    assert finding.ruleset == "right-changes"
    assert finding.kind is CheckKind.AVOID
    assert finding.excerpt is not None
    assert finding.excerpt.lower() in text.lower().replace("\u2019", "'")
    assert "question 5" in finding.citation.locator


def test_right_changes_wants_the_friendly_word_first_not_at_the_end() -> None:
    late = "Dear Ms. Lee, " + "I am writing about the analyst role. " * 5 + "I hope you are well."
    assert _ids(late, "right-changes", kind="email") == ["friendly-opener"]
    assert _ids("Dear Ms. Lee, I hope you are well.", "right-changes", kind="email") == []


def test_call_back_keeps_job_details_from_the_person_taking_the_message() -> None:
    text = "Please tell Ms. Grant that Paul called about the analyst position. 555 0142."
    assert _ids(text, "call-back", kind="message-with-person") == ["little-detail-to-gatekeepers"]
    assert _ids(text, "call-back", kind="email") == []
    fine = "Please tell Ms. Grant that Paul called about our meeting last week. 555 0142."
    assert _ids(fine, "call-back", kind="message-with-person") == []


def test_a_voicemail_over_75_words_rambles_for_call_back_and_career_staffing() -> None:
    seventy_five = " ".join(["word"] * 75)
    assert _ids(seventy_five, "call-back+career-staffing", kind="voicemail") == []
    longer = f"{seventy_five} more"
    assert _ids(longer, "call-back+career-staffing", kind="voicemail") == [
        "script-first",
        "keep-it-short",
    ]
    assert _ids(longer, "call-back+career-staffing", kind="call") == ["keep-it-short"]
    assert _ids(longer, "call-back+career-staffing", kind="email") == []


def test_five_rules_flags_impatience() -> None:
    text = "Hi Tom, why haven't you answered? I need an answer by Monday."
    (finding,) = check_message(text, "five-rules", kind="email")
    assert (finding.check, finding.excerpt) == ("impatience", "why haven't")
    assert finding.citation.locator == "rule \u201cBe Polite and Humble\u201d"


def test_five_rules_asks_whether_to_stop_only_when_that_is_the_purpose() -> None:
    text = "Hi Laura, I remain interested in the planner role."
    asked = fr.Purpose.ASK_WHETHER_TO_CONTINUE
    assert _ids(text, "five-rules", kind="email", purpose=asked) == ["ask-whether-to-stop"]
    assert _ids(text, "five-rules", kind="email", purpose=fr.Purpose.STATUS) == []
    assert _ids(text, "five-rules", kind="email") == []
    stop = f"{text} Would you like me to keep following up, or should I stop?"
    assert _ids(stop, "five-rules", kind="email", purpose=asked) == []


def test_three_by_three_needs_its_three_parts_in_a_call_before_an_interview() -> None:
    text = "Hi, this is Maya. Did you receive my resume for the office manager job?"
    status = {"kind": "voicemail", "purpose": fr.Purpose.STATUS}
    before = {**status, "stage": fr.Stage.PRE_INTERVIEW}
    assert _ids(text, "three-by-three", **before) == ["three-part-busy", "three-part-improve"]
    assert _ids(text, "three-by-three", **status) == []
    assert _ids(text, "three-by-three", **status, stage=fr.Stage.POST_INTERVIEW) == []
    assert _ids(text, "three-by-three", kind="voicemail", stage=fr.Stage.PRE_INTERVIEW) == []


def test_a_rule_set_silent_at_the_stage_checks_nothing() -> None:
    text = "Why haven't you called me back?"
    assert _ids(text, "five-rules", kind="email", stage=fr.Stage.PRE_INTERVIEW) == []
    assert _ids(text, "five-rules", kind="email", stage=fr.Stage.POST_INTERVIEW) == ["impatience"]


def test_a_decision_gives_its_rule_sets_less_the_silent_ones_and_its_purpose() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    decision = fr.evaluate(history, date(2026, 11, 5))
    assert decision.silent == ("call-back", "five-rules")
    text = "Why haven't you called? I didn't hear from you."
    assert [f"{f.ruleset}/{f.check}" for f in check_message(text, decision, kind="email")] == [
        "right-changes/no-blame",
        "right-changes/friendly-opener",
    ]
    with pytest.raises(fr.InvalidArgumentError, match=r"purpose=<Purpose\.THANK_YOU"):
        check_message(text, decision, kind="email", purpose=fr.Purpose.THANK_YOU)


def test_a_finding_reads_as_rule_set_check_problem_words_and_passage() -> None:
    (finding,) = check_message(
        "You never got back to me. I hope you are well.", "right-changes", kind="email"
    )
    assert str(finding) == (
        "right-changes/no-blame: Points out that they did not get back to you: blaming and "
        "shaming them only makes you look bad, and you cannot know what kept them. "
        "(\u201cYou never got back\u201d) [RightChanges (job coach), \u201cHow to Follow-up "
        "with People during the Job Search\u201d, question 5, \u201cWhat do I say to someone "
        "who was supposed to get back\u201d]"
    )


# The labelled corpus ---------------------------------------------------------------------------


def test_the_corpus_is_large_and_covers_every_check() -> None:
    assert len(CORPUS) >= 60
    labelled = {label for case in CORPUS for label in case.expected}
    every = {
        f"{part.name}/{check.id}" for part in fr.rulesets.default().parts for check in part.messages
    }
    assert labelled == every


def test_precision_and_recall_on_the_labelled_corpus(capsys: pytest.CaptureFixture[str]) -> None:
    true_positive = false_positive = false_negative = 0
    misses = []
    for case in CORPUS:
        found, expected = _found(case), case.expected
        true_positive += len(found & expected)
        false_positive += len(found - expected)
        false_negative += len(expected - found)
        if found != expected:
            misses.append((case.text[:50], sorted(found - expected), sorted(expected - found)))
    precision = true_positive / (true_positive + false_positive)
    recall = true_positive / (true_positive + false_negative)
    with capsys.disabled():
        print(
            f"\nmessage corpus: {len(CORPUS)} messages, {true_positive} findings right, "
            f"{false_positive} wrong, {false_negative} missed: precision {precision:.3f}, "
            f"recall {recall:.3f}"
        )
        for text, extra, missed in misses:
            print(f"  {text!r}: wrong {extra}, missed {missed}")
    assert precision >= PRECISION_FLOOR
    assert recall >= RECALL_FLOOR
    page = PAGE.read_text(encoding="utf-8")
    for shown in (
        f"| findings right (true positives) | {true_positive} |",
        f"| findings wrong (false positives) | {false_positive} |",
        f"| findings missed (false negatives) | {false_negative} |",
        f"| **precision** | **{precision:.3f}** (floor asserted: {PRECISION_FLOOR}) |",
        f"| **recall** | **{recall:.3f}** (floor asserted: {RECALL_FLOOR}) |",
    ):
        assert shown in page, f"{PAGE.name} should show {shown}"


# Checks as data --------------------------------------------------------------------------------


def test_a_toml_rule_set_overrides_a_threshold_and_adds_a_pattern() -> None:
    document = to_dict(fr.rulesets.get("call-back"))
    assert from_dict(copy.deepcopy(document)) == fr.rulesets.get("call-back")
    document["name"] = "call-back-terse"
    document["messages"][0]["max_words"] = 10
    document["messages"][1]["patterns"] = [*document["messages"][1]["patterns"], r"\bteam\b"]
    terse = from_dict(document)
    eleven = " ".join(["word"] * 11)
    assert _ids(eleven, terse, kind="voicemail") == ["script-first"]  # type: ignore[arg-type]
    assert _ids("Tell Ann the team called.", terse, kind="message-with-person") == [  # type: ignore[arg-type]
        "little-detail-to-gatekeepers"
    ]
    assert _ids("Tell Ann the team called.", "call-back", kind="message-with-person") == []


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"patterns": ["(unclosed"]}, "not a regular expression"),
        ({"kind": "shout"}, "expected one of 'avoid', 'require', 'at-most-words'"),
        ({"message_kinds": ["fax"]}, "messages[0].message_kinds[0] = 'fax'"),
        ({"stages": "pre-interview"}, "messages[0].stages = 'pre-interview': expected a list"),
        ({"max_words": 10}, "has patterns, not a length"),
        ({"colour": "red"}, "unknown key in a message check"),
    ],
)
def test_a_bad_message_check_in_a_document_is_a_load_error(
    change: dict[str, object], problem: str
) -> None:
    document = to_dict(fr.rulesets.get("right-changes"))
    document["messages"][0].update(change)
    with pytest.raises(fr.LoadError, match=problem.replace("(", r"\(").replace("[", r"\[")):
        from_dict(document)


def test_a_message_check_refuses_what_does_not_fit_its_kind() -> None:
    citation = fr.rulesets.get("five-rules").messages[0].citation
    with pytest.raises(fr.RuleSetDefinitionError, match="needs at least one pattern"):
        MessageCheck("x", kind=CheckKind.AVOID, problem="p", citation=citation)
    with pytest.raises(fr.RuleSetDefinitionError, match="needs a number of words"):
        MessageCheck("x", kind=CheckKind.AT_MOST_WORDS, problem="p", citation=citation)
    with pytest.raises(fr.RuleSetDefinitionError, match="within_words=3"):
        MessageCheck(
            "x",
            kind=CheckKind.AVOID,
            problem="p",
            citation=citation,
            patterns=["a"],
            within_words=3,
        )
    with pytest.raises(fr.RuleSetDefinitionError, match="appears twice"):
        fr.RuleSet("mine", [], messages=[fr.rulesets.get("five-rules").messages[0]] * 2)


# Bad input ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "named"),
    [
        (lambda: check_message("Hello", None, kind="fax"), "kind='fax'"),
        (lambda: check_message(b"Hello", None, kind="email"), "text=b'Hello'"),  # type: ignore[arg-type]
        (lambda: check_message("   ", None, kind="email"), "text='   '"),
        (lambda: check_message("x" * 5_001, None, kind="email"), "has 5001 characters"),
        (lambda: check_message("Hello", None, kind="email", stage="pre"), "stage='pre'"),  # type: ignore[arg-type]
        (lambda: check_message("Hello", None, kind="email", purpose="status"), "purpose='status'"),  # type: ignore[arg-type]
        (lambda: check_message("Hello", "nine-rules", kind="email"), "'nine-rules'"),
    ],
)
def test_bad_input_is_a_typed_error_naming_the_value(call: object, named: str) -> None:
    with pytest.raises(fr.FollowupError) as raised:
        call()  # type: ignore[operator]
    assert named in str(raised.value)


# Drafts ------------------------------------------------------------------------------------------

NAMES = st.sampled_from(["Jordan Lee", "Ana", "Kwame Mensah-Boateng", "Li Wei", "Mary Ann O'Neil"])
ROLES = st.sampled_from(["Data Analyst", "nurse", "Senior Director of Product Marketing", "chef"])
COMPANIES = st.sampled_from(["Acme", "The Walt Disney Company", "St. Mary's Hospital", "Globex"])


@pytest.mark.slow
@settings(max_examples=150, deadline=None)
@given(
    data=st.data(),
    history=histories(),
    rules=st.sampled_from([None, *fr.rulesets.names()[:5]]),
    kind=st.sampled_from(list(MessageKind)),
    stage=st.sampled_from([None, *fr.Stage]),
    name=NAMES,
    role=ROLES,
    company=COMPANIES,
)
def test_a_draft_passes_the_checks_of_its_decision(
    data: st.DataObject,
    history: fr.History,
    rules: str | None,
    kind: MessageKind,
    stage: fr.Stage | None,
    name: str,
    role: str,
    company: str,
) -> None:
    today = data.draw(days_after(history), label="today")
    decision = fr.evaluate(history, today, rules=rules)
    if decision.purpose is None:
        return
    drafted = decision.draft(name=name, role=role, company=company, kind=kind, stage=stage)
    assert (drafted.kind, drafted.purpose) == (kind, decision.purpose)
    assert check_message(drafted.text, decision, kind=kind, stage=stage) == ()


def _decision(*events: fr.Event, today: date, rules: str) -> fr.Decision:
    return fr.evaluate(fr.History(list(events), calendar=US), today, rules=rules)


def test_the_3x3_voicemail_has_its_three_parts() -> None:
    decision = _decision(
        fr.Applied(date(2026, 11, 2)), today=date(2026, 11, 5), rules="three-by-three"
    )
    assert (decision.action, decision.channel) == (fr.Action.FOLLOW_UP, fr.Channel.PHONE)
    drafted = draft(
        decision, name="Jordan Lee", role="analyst", company="Acme", stage=fr.Stage.PRE_INTERVIEW
    )
    assert drafted.kind is MessageKind.VOICEMAIL
    assert drafted.text == (
        "Hello, this is Jordan Lee. I hope your week is going well. I know you are busy with "
        "many responses for the analyst opening at Acme. I am getting in touch to ask whether "
        "you received my application, and whether there is anything I could do to improve my "
        "chances. You can reach me at [your phone number]. Thank you."
    )


def test_the_gatekeeper_line_leaves_out_the_job() -> None:
    decision = _decision(
        fr.Applied(date(2026, 11, 2)),
        fr.Interview(date(2026, 11, 10), kind=fr.InterviewKind.JOB),
        today=date(2026, 11, 18),
        rules="call-back",
    )
    drafted = decision.draft(
        name="Paul Reyes", role="analyst", company="Acme", kind="message-with-person"
    )
    assert "analyst" not in drafted.text
    assert "Acme" not in drafted.text
    assert "meeting last week" in drafted.text


def test_the_thank_you_and_the_ask_whether_to_stop_note() -> None:
    interview = fr.Interview(date(2026, 11, 10), kind=fr.InterviewKind.JOB)
    thanks = _decision(interview, today=date(2026, 11, 11), rules="three-by-three")
    assert thanks.purpose is fr.Purpose.THANK_YOU
    assert thanks.draft(name="Ana", role="chef", company="Globex", kind="note").text.startswith(
        "Hello,\n\nI hope your week is going well. Thank you for taking the time to meet with me"
    )
    contacts = [
        fr.FollowUp(
            date(2026, 11, 17), channel=fr.Channel.PHONE, outcome=fr.Outcome.VOICEMAIL_LEFT
        ),
        fr.FollowUp(date(2026, 11, 24), channel=fr.Channel.EMAIL, outcome=fr.Outcome.SENT),
    ]
    ask = _decision(interview, *contacts, today=date(2026, 12, 1), rules="five-rules")
    assert ask.purpose is fr.Purpose.ASK_WHETHER_TO_CONTINUE
    text = ask.draft(name="Ana", role="chef", company="Globex", kind="email").text
    assert "should I stop?" in text
    assert check_message(text, ask, kind="email") == ()


def test_a_draft_refuses_an_ended_decision_a_missing_channel_and_long_fields() -> None:
    ended = _decision(
        fr.Answer(date(2026, 11, 3), verdict=fr.Verdict.REJECTED),
        today=date(2026, 11, 4),
        rules="call-back",
    )
    with pytest.raises(fr.InvalidArgumentError, match="decision is DONE"):
        ended.draft(name="Ana", role="chef", company="Globex", kind="email")
    no_channel = _decision(
        fr.Applied(date(2026, 11, 2)), today=date(2026, 11, 17), rules="right-changes"
    )
    assert no_channel.channel is None
    with pytest.raises(fr.InvalidArgumentError, match="channel is None: pass kind="):
        no_channel.draft(name="Ana", role="chef", company="Globex")
    with pytest.raises(fr.InvalidArgumentError, match="role='one two three four five six seven'"):
        no_channel.draft(
            name="Ana", role="one two three four five six seven", company="G", kind="email"
        )


@pytest.mark.parametrize(
    ("messages", "problem"),
    [
        ({"id": "x"}, "messages = {'id': 'x'}: expected a list of message-check tables"),
        ([{}] * 201, "201 checks: expected at most 200"),
        ("later", "expected a list of message-check tables"),
    ],
)
def test_a_bad_messages_list_is_a_load_error(messages: object, problem: str) -> None:
    document = to_dict(fr.rulesets.get("right-changes"))
    document["messages"] = messages
    with pytest.raises(fr.LoadError) as raised:
        from_dict(document)
    assert problem in str(raised.value)


def test_bad_patterns_and_a_repeated_id_in_a_document_are_load_errors() -> None:
    document = to_dict(fr.rulesets.get("right-changes"))
    document["messages"][0]["patterns"] = "blame"
    with pytest.raises(fr.LoadError, match=r"messages\[0\]\.patterns = 'blame': expected a list"):
        from_dict(document)
    document = to_dict(fr.rulesets.get("right-changes"))
    document["messages"][1]["id"] = "no-blame"
    with pytest.raises(fr.LoadError, match=r"messages\[1\]\.id = 'no-blame': this id is taken"):
        from_dict(document)


def test_checks_citing_another_source_cannot_be_written_as_a_document() -> None:
    foreign = fr.rulesets.get("five-rules").messages[0]
    mixed = attrs.evolve(fr.rulesets.get("right-changes"), messages=[foreign])
    with pytest.raises(fr.RuleSetDefinitionError, match="message check 'impatience' of"):
        to_dict(mixed)


def test_a_message_check_refuses_bad_patterns_and_a_rule_set_refuses_other_checks() -> None:
    citation = fr.rulesets.get("five-rules").messages[0].citation
    for bad in ("", 7, "x" * 301):
        with pytest.raises(fr.RuleSetDefinitionError, match=r"MessageCheck\.patterns holds"):
            MessageCheck("x", kind=CheckKind.AVOID, problem="p", citation=citation, patterns=[bad])
    with pytest.raises(fr.RuleSetDefinitionError, match=r"patterns=\('a',\): .* counts words"):
        MessageCheck(
            "x",
            kind=CheckKind.AT_MOST_WORDS,
            problem="p",
            citation=citation,
            patterns=["a"],
            max_words=5,
        )
    with pytest.raises(fr.RuleSetDefinitionError, match="messages holds 'no-blame'"):
        fr.RuleSet("mine", [], messages=["no-blame"])


def test_a_draft_reads_as_its_text() -> None:
    decision = _decision(
        fr.Applied(date(2026, 11, 2)), today=date(2026, 11, 5), rules="three-by-three"
    )
    drafted = draft(decision, name="Ana", role="chef", company="Globex", kind="email")
    assert str(drafted) == drafted.text
    assert drafted.text.endswith("Best regards,\nAna")


def test_the_how_to_page_shows_the_corpus_as_labelled_here() -> None:
    assert markdown_table() in PAGE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "name", ["career-staffing", "right-changes", "five-rules", "three-by-three", "call-back"]
)
def test_each_rule_set_page_lists_its_message_checks_with_their_passages(name: str) -> None:
    page = (PAGE.parent.parent / "rulesets" / f"{name}.md").read_text(encoding="utf-8")
    section = page[page.index("## Messages") : page.index("## Worked example")]
    for check in fr.rulesets.get(name).messages:
        assert f"| `{check.id}` |" in section
        assert check.citation.locator in section
        assert check.problem in section


# The command line ------------------------------------------------------------------------------

DEMO = Path(fr.__file__).parent / "data" / "demo-tracker.toml"


def _run(
    argv: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    stdin: str = "",
) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def test_check_message_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "Hi Mark, I hope you are well. You never got back to me.\n"
    status, out, _ = _run(["check-message", "--rules", "right-changes"], capsys, monkeypatch, text)
    assert status == 0
    assert out.splitlines()[0] == "1 finding by right-changes:"
    assert out.splitlines()[1].startswith("- right-changes/no-blame: Points out")
    argv = [
        "check-message",
        "--kind",
        "voicemail",
        "--purpose",
        "status",
        "--stage",
        "pre-interview",
    ]
    status, out, _ = _run(
        [*argv, "--format", "json"], capsys, monkeypatch, "Did you get my resume?"
    )
    found = json.loads(out)
    assert (found["rules"], found["kind"]) == (
        "call-back+career-staffing+five-rules+right-changes+three-by-three",
        "voicemail",
    )
    assert [f"{f['ruleset']}/{f['check']}" for f in found["findings"]] == [
        "right-changes/friendly-opener",
        "three-by-three/three-part-busy",
        "three-by-three/three-part-improve",
    ]
    status, _, err = _run(["check-message"], capsys, monkeypatch, "  \n")
    assert (status, err) == (
        2,
        "followup-rules: text='  \\n': expected the message as non-empty text\n",
    )


def test_draft_writes_the_next_message_of_a_tracked_application(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    argv = ["draft", str(DEMO), "--name", "Jordan Lee", "--today", "2026-11-25", "--application"]
    status, out, _ = _run([*argv, "cobalt-robotics"], capsys, monkeypatch)
    assert status == 0
    assert out == (
        "cobalt-robotics: status voicemail, post-interview\n\nHello, this is Jordan Lee. I hope "
        "your week is going well. I am still very interested in the Operations coordinator "
        "position at Cobalt Robotics, and I look forward to moving ahead. You can reach me at "
        "[your phone number]. Thank you.\n"
    )
    status, out, _ = _run(
        [*argv, "harbor-analytics", "--format", "json", "--role", "analyst"], capsys, monkeypatch
    )
    data = json.loads(out)
    assert (data["purpose"], data["kind"], data["stage"]) == (
        "status",
        "voicemail",
        "pre-interview",
    )
    assert "busy with many responses for the analyst opening at Harbor Analytics" in data["text"]
    status, _, err = _run([*argv, "lumen-bank", "--kind", "email"], capsys, monkeypatch)
    assert (status, err) == (
        2,
        "followup-rules: application 'lumen-bank': decision is DONE: there is no contact to "
        "draft a message for\n",
    )


def test_draft_needs_a_role_and_a_company(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    tracker = tmp_path / "t.toml"
    tracker.write_text(
        '[calendar]\ncountry = "US"\n\n[[applications]]\nid = "acme"\n'
        'events = [{ type = "applied", on = 2026-11-02 }]\n',
        encoding="utf-8",
    )
    argv = [
        "draft",
        str(tracker),
        "--application",
        "acme",
        "--name",
        "Ana",
        "--today",
        "2026-11-05",
    ]
    status, _, err = _run(argv, capsys, monkeypatch)
    assert (status, err) == (2, "followup-rules: application 'acme' names no title: give --role\n")
    status, _, err = _run([*argv, "--role", "chef"], capsys, monkeypatch)
    assert (status, err) == (
        2,
        "followup-rules: application 'acme' names no company: give --company\n",
    )
    argv += ["--role", "chef", "--company", "Globex", "--rules", "right-changes"]
    status, _, err = _run(argv, capsys, monkeypatch)
    assert (status, err) == (
        2,
        "followup-rules: application 'acme': the rules name no channel for its next message: "
        "give --kind\n",
    )
    status, out, _ = _run([*argv, "--kind", "note"], capsys, monkeypatch)
    assert out.startswith("acme: status note, pre-interview\n\nHello,\n\nI hope your week")


def test_a_decision_of_an_unregistered_rule_set_asks_for_the_rule_set_itself() -> None:
    mine = fr.rulesets.get("right-changes").without("no-monday-friday", name="my-coach")
    decision = fr.evaluate(
        fr.History([fr.Applied(date(2026, 11, 2))], calendar=US), date(2026, 11, 5), rules=mine
    )
    with pytest.raises(
        fr.UnknownRuleSetError, match=r"unknown rule set 'my-coach'.*pass the rule set itself"
    ):
        check_message("You never got back to me.", decision, kind="email")
    assert [f.check for f in check_message("You never got back to me.", mine, kind="email")] == [
        "no-blame",
        "friendly-opener",
    ]


@pytest.mark.parametrize("kind", list(MessageKind))
@pytest.mark.parametrize("rules", ["five-rules", None])
def test_every_kind_of_ask_whether_to_stop_draft_passes(
    kind: MessageKind, rules: str | None
) -> None:
    interview = fr.Interview(date(2026, 11, 10), kind=fr.InterviewKind.JOB)
    contacts = [
        fr.FollowUp(
            date(2026, 11, 17), channel=fr.Channel.PHONE, outcome=fr.Outcome.VOICEMAIL_LEFT
        ),
        fr.FollowUp(date(2026, 11, 24), channel=fr.Channel.EMAIL, outcome=fr.Outcome.SENT),
    ]
    history = fr.History([interview, *contacts], calendar=US)
    decision = fr.evaluate(history, date(2026, 12, 1), rules=rules)
    assert decision.purpose is fr.Purpose.ASK_WHETHER_TO_CONTINUE
    drafted = decision.draft(
        name="Ana Ruiz", role="chef", company="Globex", kind=kind, stage=fr.Stage.POST_INTERVIEW
    )
    assert check_message(drafted.text, decision, kind=kind, stage=fr.Stage.POST_INTERVIEW) == ()


# A bound on a pattern's search -------------------------------------------------------------------

CITATION = fr.rulesets.get("five-rules").messages[0].citation

CATASTROPHIC = [
    (r"(a+)+$", "a repeated group"),
    (r"(a|aa)+b", "a repeated group"),
    (r"(\w+\s?)+$", "a repeated group"),
    (r"^(\w+\s?)*$", "a repeated group"),
    (r"(x+x+)+y", "a repeated group"),
    (r"(.*a){12}", "a repeated group"),
    (r"(a|a?)+", "a repeated group"),
    (r"((ab)*c)*d", "a repeated group"),
    (r"(?:a?){5}", "a repeated group"),
    (r"\w*\w*\w*x", "must be possessive"),
    (r"\s+$", "must be possessive"),
    (r"a.*?b", "must be possessive"),
    (r"(a)\1", "a backreference"),
    (r"(a)?(?(1)a|b)", "a conditional"),
    (r"a(?=b)", "a lookaround"),
    (r"a(?!b)", "a lookaround"),
    (r"(?<=a)b", "a lookaround"),
    (r"\w{0,99}\w{0,99}\w++x", "may read 51,990,000 characters"),
    (r"\w{0,19}\w++x", "may read 100,400 characters"),
    (r"(?:a|b|cd)(?:a|b|cd)(?:a|b|cd)(?:a|b|cd)(?:a|b|cd)[a-z]{0,99}", "may read 2,648,700"),
]


@pytest.mark.parametrize(("pattern", "problem"), CATASTROPHIC)
def test_a_pattern_that_could_backtrack_without_bound_is_refused(
    pattern: str, problem: str
) -> None:
    with pytest.raises(fr.RuleSetDefinitionError) as raised:
        MessageCheck("x", kind=CheckKind.AVOID, problem="p", citation=CITATION, patterns=[pattern])
    assert f"MessageCheck.patterns holds {pattern!r}" in str(raised.value)
    assert problem in str(raised.value)


@pytest.mark.parametrize(("pattern", "problem"), CATASTROPHIC)
def test_a_toml_rule_set_with_such_a_pattern_is_a_load_error(pattern: str, problem: str) -> None:
    document = to_dict(fr.rulesets.get("right-changes"))
    document["name"] = "hostile"
    document["messages"][0]["patterns"] = ["blame", pattern]
    with pytest.raises(fr.LoadError) as raised:
        loads(_toml(document))
    assert "messages[0]" in str(raised.value)
    assert f"MessageCheck.patterns holds {pattern!r}" in str(raised.value)
    assert problem in str(raised.value)


def _toml(document: dict[str, Any]) -> str:
    """The document as TOML text, its patterns written as literal strings."""
    good = to_toml(from_dict({**document, "messages": []}))
    check = document["messages"][0]
    patterns = ", ".join(f"'{pattern}'" for pattern in check["patterns"])
    return (
        f"{good}\n[[messages]]\nid = '{check['id']}'\nkind = '{check['kind']}'\n"
        f"problem = 'p'\ncitation = 'c'\npatterns = [{patterns}]\n"
    )


ONE_RULE = fr.rulesets.get("five-rules").rules[:1]
"""A rule for a rule set whose message checks are tested: a rule set has at least one."""

AT_THE_BUDGET = [
    # (pattern, the same shape one step over the budget, what it finds in the almost-match)
    (r"a{0,36}a{0,36}!", r"a{0,37}a{0,37}!", "a" * 72 + "!"),
    (r"\w{0,18}\w++!", r"\w{0,19}\w++!", "a" * 4_999 + "!"),
    ("(?:" + "|".join(f"a{{{n}}}" for n in range(1, 20)) + r")\w++!", None, "a" * 4_999 + "!"),
    (r"\w{0,18}+" + r"\w++" * 19 + "!", r"\w{0,18}+" + r"\w++" * 20 + "!", None),
]


@pytest.mark.slow
@pytest.mark.parametrize(("pattern", "over", "found"), AT_THE_BUDGET)
def test_the_costliest_allowed_patterns_finish_on_a_hostile_message(
    pattern: str, over: str | None, found: str | None
) -> None:
    """Each shape is allowed and the next size up is not; on a message of MAX_MESSAGE letters
    (with and without the end it looks for) the search ends: no time is asserted, the bound
    is in the shape."""
    check = MessageCheck(
        "x", kind=CheckKind.AVOID, problem="p", citation=CITATION, patterns=[pattern]
    )
    if over is not None:
        with pytest.raises(fr.RuleSetDefinitionError, match="expected at most 100,000"):
            attrs.evolve(check, patterns=[over])
    ruleset = fr.RuleSet("hostile", ONE_RULE, messages=[check])
    assert check_message("a" * fr.messages.MAX_MESSAGE, ruleset, kind="email") == ()
    findings = check_message("a" * 4_999 + "!", ruleset, kind="email")
    assert [f.excerpt for f in findings] == ([] if found is None else [found])


def test_an_atomic_group_counts_its_inside_and_may_not_repeat() -> None:
    check = MessageCheck(
        "x", kind=CheckKind.AVOID, problem="p", citation=CITATION, patterns=[r"\b(?>rude|mean)\b"]
    )
    ruleset = fr.RuleSet("atomic", ONE_RULE, messages=[check])
    assert [f.excerpt for f in check_message("That was Mean.", ruleset, kind="email")] == ["Mean"]
    with pytest.raises(fr.RuleSetDefinitionError, match="a repeated group"):
        attrs.evolve(check, patterns=[r"(?>a|b)+c"])
    with pytest.raises(fr.RuleSetDefinitionError, match="may read 110,000 characters"):
        attrs.evolve(check, patterns=[r"(?>" + "|".join(["a{0,99}b"] * 11) + ")"])
