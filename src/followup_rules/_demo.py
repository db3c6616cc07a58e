"""The bundled examples, so a new user sees real output without writing anything first: one
history (:func:`example_history`) and one tracker of six applications (:func:`demo_tracker`),
each with the day it is meant to be read on.

``followup_rules.examples`` and ``followup_rules.tracker`` give these names too; they are
defined here alone.
"""

from __future__ import annotations

from datetime import date
from importlib import resources
from typing import TYPE_CHECKING, Final

from followup_rules.calendar import WorkCalendar
from followup_rules.events import Applied, DecisionExpected, FollowUp, Interview, Reply
from followup_rules.history import History
from followup_rules.vocabulary import Channel, InterviewKind, Outcome, Purpose

if TYPE_CHECKING:
    from followup_rules.tracker import Tracker

__all__ = ["DEMO_TODAY", "EXAMPLE_TODAY", "demo_tracker", "example_history"]

EXAMPLE_TODAY: Final = date(2026, 11, 25)
"""The day the example is usually read on: the day before Thanksgiving 2026."""

DEMO_TODAY: Final = EXAMPLE_TODAY
"""The day the bundled demo tracker is read on: the same Wednesday before Thanksgiving 2026."""


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


def demo_tracker() -> Tracker:
    """The bundled example: six applications of one job seeker in autumn 2026.

    Read it on :data:`DEMO_TODAY` to see every kind of answer: one just sent, one past the date
    the employer named, one with two unanswered voicemails, one answered, one with an email
    reply, and one at a California employer who is away over Thanksgiving.
    """
    # The tracker package gives this function too, so it is imported when called.
    from followup_rules.tracker import loads_tracker

    text = (resources.files("followup_rules") / "data" / "demo-tracker.toml").read_text("utf-8")
    return loads_tracker(text, format="toml", source="demo-tracker.toml")
