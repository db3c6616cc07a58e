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


def test_a_wait_reads_with_its_binding_reasons_skipped_days_and_conflicts() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    text = str(fr.evaluate(history, date(2026, 11, 2)))
    lines = text.splitlines()
    assert lines[0] == "WAIT until Tue 2026-11-17 (purpose: status, by phone)"
    assert lines[1] == "  window closes Mon 2026-11-16"
    assert lines[2] == "  left: 1 follow-up(s), 1 message(s)"
    assert "Why:" in lines
    assert any(
        line.startswith("  - career-staffing/wait-after-application: not before") for line in lines
    )
    assert "  - Wed 2026-11-11: common/business-days-only" in lines
    assert "Conflicts:" in lines
    assert lines[-1].startswith("Rule sets: call-back 1.0, career-staffing 1.0")


def test_an_overdue_window_says_so() -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    decision = fr.evaluate(history, date(2026, 11, 18), rules="career-staffing")
    assert decision.overdue
    assert "  window closes Mon 2026-11-16 (overdue)" in str(decision).splitlines()
    assert str(decision).startswith("FOLLOW UP today, Wed 2026-11-18 (purpose: status, by phone)")


def test_done_reads_as_done() -> None:
    history = fr.History(
        [fr.Applied(date(2026, 11, 2)), fr.Answer(date(2026, 11, 5), verdict=fr.Verdict.OFFER)],
        calendar=US,
    )
    decision = fr.evaluate(history, date(2026, 11, 6), rules="five-rules")
    text = str(decision)
    assert text.startswith(
        "DONE as of Fri 2026-11-06\nWhy:\n  - common/definite-answer: a definite answer: offer ["
    )
    assert not decision.overdue


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
            "  left: 1 follow-up(s)",
        ),
        (StopAfterMessages("two-messages", citation=CITE), (None, 2), "  left: 2 message(s)"),
    ],
    ids=["follow-ups only", "messages only"],
)
def test_left_names_only_the_budgets_the_rule_sets_keep(
    rule: fr.Rule, left: tuple[int | None, int | None], line: str
) -> None:
    history = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
    decision = fr.evaluate(history, date(2026, 11, 3), rules=fr.RuleSet("budget", [rule]))
    assert (decision.follow_ups_left, decision.messages_left) == left
    assert str(decision).splitlines()[1] == line
