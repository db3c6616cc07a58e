"""A bundled example, so a new user sees real output without writing a history first."""

from __future__ import annotations

from datetime import date

from followup_rules.calendar import WorkCalendar
from followup_rules.events import Applied, DecisionExpected, FollowUp, Interview, Reply
from followup_rules.history import History
from followup_rules.vocabulary import Channel, InterviewKind, Outcome, Purpose

__all__ = ["EXAMPLE_TODAY", "example_history"]

EXAMPLE_TODAY = date(2026, 11, 25)
"""The day the example is usually read on: the day before Thanksgiving 2026."""


def example_history() -> History:
    """Applied, interviewed, thanked, promised an answer by Friday, then one voicemail."""
    return History(
        [
            Applied(date(2026, 10, 26)),
            FollowUp(date(2026, 11, 2), channel=Channel.PHONE, outcome=Outcome.REACHED),
            Interview(date(2026, 11, 10), kind=InterviewKind.JOB),
            DecisionExpected(date(2026, 11, 10), by=date(2026, 11, 13)),
            FollowUp(
                date(2026, 11, 12),
                channel=Channel.PHONE,
                outcome=Outcome.REACHED,
                purpose=Purpose.THANK_YOU,
            ),
            FollowUp(date(2026, 11, 17), channel=Channel.PHONE, outcome=Outcome.VOICEMAIL_LEFT),
            Reply(date(2026, 11, 18), channel=Channel.EMAIL),
        ],
        calendar=WorkCalendar("US"),
    )
