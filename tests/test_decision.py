"""How a decision reads to a person."""

from __future__ import annotations

from datetime import date

import pytest

import followup_rules as fr
from followup_rules.citations import Citation, Source
from followup_rules.effects import Resource
from followup_rules.rules import StageBudget, StopAfterMessages

US = fr.WorkCalendar("US")
CITE = Citation(Source("Test rules", "the tests"), "a passage")


def test_a_wait_reads_short_with_the_reasons_that_decided_it() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    lines = str(fr.evaluate(history, date(2026, 11, 2))).splitlines()
    assert lines[:3] == [
        "WAIT until Tue 2026-11-17: status by phone",
        "  left: 1 follow-up, 1 message",
        "Why:",
    ]
    why = lines[3 : lines.index("Guidance:")]
    assert why == [
        "  - career-staffing/wait-after-application: not before Mon 2026-11-09: 7 days after "
        "the application",
        "  - common/business-days-only: business days only",
        "  - right-changes/no-monday-friday: never on a Monday or Friday",
    ]
    guidance = lines[lines.index("Guidance:") + 1 :]
    assert len(guidance) == len(set(guidance)) >= 3
    assert not any("Rule sets:" in line or "[" in line for line in lines)


def test_explain_gives_the_whole_account() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    lines = fr.evaluate(history, date(2026, 11, 2)).explain().splitlines()
    assert lines[0] == "WAIT until Tue 2026-11-17: status by phone"
    assert "Reasons (* decided it):" in lines
    assert any(
        line.startswith("  * career-staffing/wait-after-application: not before Mon 2026-11-09")
        and line.endswith("paragraph opening \u201cAfter submitting an application\u201d]")
        for line in lines
    )
    assert "  * right-changes/no-monday-friday: never on a Monday or Friday [" in "\n".join(lines)
    assert any(
        line.startswith("  - five-rules/scope: silent: this document covers") for line in lines
    )
    assert "  - Wed 2026-11-11: common/business-days-only" in lines
    assert "Conflicts:" in lines
    assert lines[-1] == (
        "Rule sets: call-back 2.0, career-staffing 2.0, five-rules 2.0, right-changes 2.0, "
        "three-by-three 2.0"
    )


def test_a_decision_without_reasons_explains_what_it_has() -> None:
    decision = fr.Decision(
        action=fr.Action.WAIT, today=date(2026, 11, 2), next_date=date(2026, 11, 9)
    )
    assert decision.explain() == "WAIT until Mon 2026-11-09\nRule sets: "


def test_an_overdue_window_is_said_in_words() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    decision = fr.evaluate(history, date(2026, 11, 18), rules="career-staffing")
    assert decision.overdue
    lines = str(decision).splitlines()
    assert lines[0] == "FOLLOW UP today, Wed 2026-11-18: status by phone"
    assert lines[1] == (
        "  the recommended window closed on Mon 2026-11-16: follow up on the first day allowed"
    )


def test_a_window_end_is_a_day_a_contact_is_allowed_on() -> None:
    # Applied Wed 2026-11-04: the two weeks end on Wed 11-18, but career-staffing with
    # right-changes... alone, the fourteenth day falls on a Saturday: the window ends the Friday.
    history = fr.History([fr.Applied(date(2026, 11, 7))], calendar=US)
    decision = fr.evaluate(history, date(2026, 11, 9), rules="career-staffing")
    assert decision.next_date == date(2026, 11, 16)
    assert decision.window_end == date(2026, 11, 20)
    assert "  at the latest on Fri 2026-11-20" in str(decision).splitlines()


def test_done_reads_as_done() -> None:
    history = fr.History(
        [fr.Applied(date(2026, 11, 2)), fr.Answer(date(2026, 11, 5), verdict=fr.Verdict.OFFER)],
        calendar=US,
    )
    decision = fr.evaluate(history, date(2026, 11, 6), rules="five-rules")
    assert str(decision) == (
        "DONE as of Fri 2026-11-06\nWhy:\n  - common/definite-answer: a definite answer: offer"
    )
    assert not decision.overdue


def test_silent_reads_as_silent_with_its_scope() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    decision = fr.evaluate(history, date(2026, 11, 9), rules="call-back")
    assert str(decision) == (
        "SILENT as of Mon 2026-11-09\nWhy:\n"
        "  - call-back/scope: silent: this document covers after an interview only"
    )


def test_an_untimed_decision_says_no_time_is_set() -> None:
    history = fr.History([fr.Interview(date(2026, 11, 2))], calendar=US)
    decision = fr.evaluate(history, date(2026, 11, 3), rules="right-changes")
    assert not decision.timed
    assert decision.untimed_parts == ("right-changes",)
    assert str(decision).splitlines()[:2] == [
        "FOLLOW UP today, Tue 2026-11-03: status",
        "  no time set: right-changes gives no time for the next contact; this is only the "
        "first day allowed",
    ]


def test_a_reason_and_a_note_name_their_rule() -> None:
    history = fr.History([fr.Interview(date(2026, 11, 2))], calendar=US)
    decision = fr.evaluate(history, date(2026, 11, 2), rules="call-back")
    note = next(n for n in decision.guidance if n.ref.rule == "ask-for-timeline")
    assert str(note).endswith("(call-back/ask-for-timeline)")
    reason = next(r for r in decision.reasons if r.ref.rule == "default-one-week")
    assert str(reason).startswith("call-back/default-one-week: not before Mon 2026-11-09")
    assert "tip \u201cFollow up at the appropriate time.\u201d" in str(reason)


@pytest.mark.parametrize(
    ("rule", "left", "line"),
    [
        (
            StageBudget("one-follow-up", resource=Resource.FOLLOW_UPS, citation=CITE),
            (1, None),
            "  left: 1 follow-up",
        ),
        (StopAfterMessages("two-messages", citation=CITE), (None, 2), "  left: 2 messages"),
    ],
    ids=["follow-ups only", "messages only"],
)
def test_left_names_only_the_budgets_the_rule_sets_keep(
    rule: fr.Rule, left: tuple[int | None, int | None], line: str
) -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    decision = fr.evaluate(history, date(2026, 11, 3), rules=fr.RuleSet("budget", [rule]))
    assert (decision.follow_ups_left, decision.messages_left) == left
    assert line in str(decision).splitlines()


def test_a_window_with_no_allowed_day_has_no_last_day_even_once_past() -> None:
    # career-staffing's window after the 11-02 application runs from Mon 11-09 to Mon 11-16;
    # with right-changes none of its days is allowed. Read on 11-17 it is neither a day before
    # the window opened (Thu 11-05) nor overdue: it has no last day at all.
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    decision = fr.evaluate(history, date(2026, 11, 17), rules="career-staffing+right-changes")
    assert (decision.action, decision.window_end, decision.overdue) == (
        fr.Action.FOLLOW_UP,
        None,
        False,
    )
    assert decision.conflicts == ()
