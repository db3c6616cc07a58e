"""Jim Vassallo's Five Rules: a week after the interview, never daily, ask whether to stop."""

from __future__ import annotations

from followup_rules.citations import Citation, Source
from followup_rules.rules import (
    Advice,
    AskWhetherToContinue,
    ChangeCourse,
    MinimumGap,
    WaitAfter,
    When,
)
from followup_rules.ruleset import RuleSet, Scope
from followup_rules.vocabulary import Channel, Stage

__all__ = ["RULESET", "SOURCE"]

SOURCE = Source("Five Rules for Following Up After a Job Interview", "Jim Vassallo")


def _heading(title: str) -> Citation:
    return Citation(SOURCE, f"rule \u201c{title}\u201d")


_DAILY = _heading("Persistent Does not Include Daily Contact")

RULESET = RuleSet(
    "five-rules",
    [
        Advice(
            "polite-and-humble",
            text=(
                "Be polite and humble by phone or email alike; silence is no reason to sound upset."
            ),
            citation=_heading("Be Polite and Humble"),
        ),
        WaitAfter("wait-a-week", stage=Stage.POST_INTERVIEW, days=7, citation=_DAILY),
        MinimumGap("no-daily-contact", days=7, citation=_DAILY),
        AskWhetherToContinue(
            "ask-whether-to-stop",
            follow_ups=2,
            channels=2,
            citation=_heading("Ask if you Should Refrain from Contact"),
        ),
        ChangeCourse(
            "change-course",
            after=2,
            channel=Channel.EMAIL,
            citation=_heading("Change Course of Action"),
        ),
        Advice(
            "stand-out",
            text=(
                "Stand out in a good way: bring something they will value, and be a little "
                "creative in how you make contact."
            ),
            citation=_heading("Stand Out Positively"),
        ),
        Advice(
            "until-resolved",
            text=(
                "Silence does not end this: keep following up until you are hired or told "
                "they are not interested."
            ),
            when=When.UNANSWERED,
            citation=Citation(SOURCE, "closing paragraph, \u201cThe bottom line here\u201d"),
        ),
    ],
    version="2.0",
    source=SOURCE,
    scope=Scope(
        {Stage.POST_INTERVIEW},
        citation=Citation(SOURCE, "title and summary: following up after a job interview"),
    ),
)
