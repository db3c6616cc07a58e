"""RightChanges: follow up yourself, after their timeline, never Monday, Friday or by a holiday."""

from __future__ import annotations

from dateutil.relativedelta import FR, MO

from followup_rules.citations import Citation, Source
from followup_rules.rules import (
    Advice,
    AfterStatedDate,
    AvoidHolidayBorders,
    AvoidWeekdays,
    PreferredChannel,
    When,
)
from followup_rules.ruleset import RuleSet

__all__ = ["RULESET", "SOURCE"]

SOURCE = Source(
    "How to Follow-up with People during the Job Search",
    "RightChanges (job coach)",
)


def _question(number: int, opening: str) -> Citation:
    return Citation(SOURCE, f"question {number}, \u201c{opening}\u201d")


RULESET = RuleSet(
    "right-changes",
    [
        Advice(
            "seeker-owns-follow-up",
            text=(
                "Following up is your job even though they said they would get back to you: "
                "their promise sets when, not whether."
            ),
            when=When.TIMELINE_STATED,
            citation=_question(1, "They said they would get back to me"),
        ),
        AfterStatedDate(
            "respect-their-timeline",
            days=1,
            no_timeline_advice=(
                "No timeline from them, so no set day: it depends on the situation. Recall "
                "exactly what they said and how you left it, and choose your moment from that."
            ),
            citation=_question(2, "How soon after should I follow-up?"),
        ),
        AvoidWeekdays(
            "no-monday-friday",
            weekdays=(MO, FR),
            citation=_question(3, "When should I follow-up?"),
        ),
        AvoidHolidayBorders(
            "not-next-to-holiday",
            first_day_back=True,
            citation=_question(3, "When should I follow-up?"),
        ),
        PreferredChannel(
            "preferred-channel",
            citation=_question(4, "Should I email or call them?"),
        ),
        Advice(
            "no-blame",
            text=(
                "Never remind them that they failed to get back to you. Open with a friendly, "
                "personal word (their holidays, say), then ask your question or restate your "
                "interest in the job."
            ),
            citation=_question(5, "What do I say to someone who was supposed to get back"),
        ),
    ],
    version="2.0",
    source=SOURCE,
)
