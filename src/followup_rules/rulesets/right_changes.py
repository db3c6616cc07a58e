"""RightChanges: follow up yourself, after their timeline, never Monday, Friday or by a holiday."""

from __future__ import annotations

from types import MappingProxyType

from dateutil.relativedelta import FR, MO

from followup_rules.citations import Citation, Source
from followup_rules.message_checks import CheckKind, MessageCheck
from followup_rules.rules import (
    Advice,
    AfterStatedDate,
    AvoidHolidayBorders,
    AvoidWeekdays,
    PreferredChannel,
    When,
)
from followup_rules.ruleset import RuleSet

__all__ = ["RULESET", "SOURCE", "WHAT_IT_DOES"]

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
    messages=(
        MessageCheck(
            "no-blame",
            kind=CheckKind.AVOID,
            problem=(
                "Points out that they did not get back to you: blaming and shaming them only "
                "makes you look bad, and you cannot know what kept them."
            ),
            patterns=(
                r"\bI (?:still )?(?:haven't|have not|hadn't|didn't|did not|never) "
                r"(?:hear|heard|get|gotten|got|received)"
                r"(?: anything| a word| a reply| a response| an answer| any \w{1,40}+)?"
                r"(?: back)? from you",
                r"\bI (?:still )?(?:haven't|have not) heard (?:anything )?back\b",
                r"\byou (?:still )?(?:never|didn't|did not|haven't|have not|hadn't|forgot to) "
                r"(?:got(?:ten)? back|get back|respond(?:ed)?|repl(?:y|ied)|return(?:ed)?|"
                r"call(?:ed)? (?:me )?back|follow(?:ed)? up|let me know|been in touch)",
                r"\byou were supposed to\b",
                r"\b(?:since|as|because) I (?:haven't|have not|didn't|did not) hear",
                r"\bnever (?:got|received|had) (?:a|any) (?:reply|response|answer|call)",
            ),
            citation=_question(5, "What do I say to someone who was supposed to get back"),
        ),
        MessageCheck(
            "friendly-opener",
            kind=CheckKind.REQUIRE,
            problem=(
                "Opens without a friendly personal word: start with a pleasantry (their "
                "holidays, their week), then ask or restate your interest."
            ),
            patterns=(
                r"\bhope (?:you|your|this|that|all|things|the)\b",
                r"\bhow (?:are|have) (?:you|things)\b",
                r"\bhow (?:was|were|did) (?:your|the) \w++",
                r"\b(?:happy|merry) (?:holidays|new year|thanksgiving|monday|tuesday|wednesday|"
                r"thursday|friday|birthday)",
                r"\b(?:nice|great|good|lovely|wonderful|a pleasure) (?:to )?(?:talk|speak|meet|see|"
                r"chat)(?:ing)?\b",
                r"\bthank(?:s| you)(?: so much| very much| again)? for\b",
                r"\bI (?:really )?enjoyed\b",
                r"\bcongratulations\b",
                r"\btrust (?:you|your|this|all)\b",
                r"\bwishing you\b",
            ),
            within_words=30,
            citation=_question(5, "What do I say to someone who was supposed to get back"),
        ),
    ),
    version="2.0",
    source=SOURCE,
)

WHAT_IT_DOES = MappingProxyType(
    {
        "seeker-owns-follow-up": (
            "Guidance: a promise to get back to you does not make the follow-up theirs."
        ),
        "respect-their-timeline": (
            "No follow-up until the date they named is over; with no date, guidance that it "
            "depends on what they said."
        ),
        "no-monday-friday": "Never on a Monday or a Friday.",
        "not-next-to-holiday": (
            "Never the working day just before or just after a holiday, nor their first day back "
            "from time away."
        ),
        "preferred-channel": "Use the medium the other person prefers.",
        "no-blame": (
            "Guidance: never point out that they failed to get back; start with a friendly "
            "personal word, then ask or restate interest."
        ),
    }
)
"""What each rule does, in a sentence: the "what it does" column of this document's docs page,
which ``followup-rules explain`` shows (tests/test_cli.py checks that the two agree)."""
