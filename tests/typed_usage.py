"""How an app uses the public types, checked by mypy --strict and pyright in CI.

Each ``assert_type`` pins what a type checker must infer for a public name, so a change that
loosens or breaks the public types fails the type checks, not a user's build. The module also
runs (``tests/test_typed_usage.py``), so the calls stay valid at run time.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import assert_type

import followup_rules as fr
from followup_rules.rules import WaitAfter


def decide() -> fr.Decision:
    history = fr.History(
        [
            fr.Applied(date(2026, 11, 2)),
            fr.Interview(date(2026, 11, 10), kind=fr.InterviewKind.JOB),
            fr.DecisionExpected(date(2026, 11, 10), by=date(2026, 11, 13)),
            fr.FollowUp(
                datetime(2026, 11, 17, 15, tzinfo=UTC),
                channel=fr.Channel.PHONE,
                outcome=fr.Outcome.VOICEMAIL_LEFT,
            ),
            fr.Reply(date(2026, 11, 18), channel=fr.Channel.EMAIL),
        ],
        calendar=fr.WorkCalendar("US", timezone="America/New_York"),
    )
    decision = fr.evaluate(history, date(2026, 11, 25), rules="right-changes+call-back")
    assert_type(decision.action, fr.Action)
    assert_type(decision.next_date, date | None)
    assert_type(decision.purpose, fr.Purpose | None)
    assert_type(decision.channel, fr.Channel | None)
    assert_type(decision.reasons, tuple[fr.Reason, ...])
    assert_type(decision.guidance, tuple[fr.Note, ...])
    assert_type(decision.conflicts, tuple[fr.Conflict, ...])
    assert_type(decision.skipped, tuple[fr.SkippedDay, ...])
    return decision


def compose() -> fr.Composition:
    three = fr.rulesets.get("three-by-three")
    assert_type(three, fr.RuleSet)
    assert_type(fr.rulesets.names(), tuple[str, ...])
    faster = three.with_params("weekly-until-answer", name="three-by-three-fast", days=5, latest=8)
    assert_type(faster, fr.RuleSet)
    return three + fr.rulesets.get("right-changes") + faster.without("handwritten-note")


def own_rule_set() -> fr.RuleSet:
    source = fr.Source("My coaching notes", "A. Coach")
    wait = WaitAfter(
        "a-fortnight",
        stage=fr.Stage.POST_INTERVIEW,
        days=14,
        citation=fr.Citation(source, "session 1"),
    )
    assert_type(wait, WaitAfter)
    return fr.RuleSet("my-coach", [wait], source=source)


def catch() -> str:
    try:
        fr.rulesets.get("no-such-rule-set")
    except fr.FollowupError as error:
        return str(error)
    return ""
