"""Jim Vassallo's Five Rules: a week after the interview, never daily, ask whether to stop."""

from __future__ import annotations

from types import MappingProxyType

from followup_rules.citations import Citation, Source
from followup_rules.message_checks import CheckKind, MessageCheck
from followup_rules.rules import (
    Advice,
    AskWhetherToContinue,
    ChangeCourse,
    MinimumGap,
    WaitAfter,
    When,
)
from followup_rules.ruleset import RuleSet, Scope
from followup_rules.vocabulary import Channel, Purpose, Stage

__all__ = ["RULESET", "SOURCE", "WHAT_IT_DOES"]

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
            advice=(
                "Ask plainly whether you should stop following up: you respect their time and "
                "want to know whether they are still interested."
            ),
        ),
        ChangeCourse(
            "change-course",
            after=2,
            channel=Channel.EMAIL,
            citation=_heading("Change Course of Action"),
            advice=(
                "Change course: word this one differently from the unanswered ones, and send it "
                "at another time of day."
            ),
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
    messages=(
        MessageCheck(
            "impatience",
            kind=CheckKind.AVOID,
            problem=(
                "Sounds impatient or upset at their silence: stay polite and humble, and do "
                "not press for a quick answer."
            ),
            patterns=(
                r"\bstill (?:haven't|have not|not) (?:heard|received|gotten|got)\b",
                r"\bas I (?:have )?already (?:said|asked|told you|mentioned|explained)",
                r"\bwhy (?:haven't|have not|hasn't|has not|didn't|did not|won't|is it taking)\b",
                r"\bthis is (?:my|the) (?:second|third|fourth|fifth|sixth|\d{1,4}+(?:st|nd|rd|th)) "
                r"(?:call|email|e-mail|message|attempt|time)",
                r"\b(?:respond|reply|answer|get back to me|let me know|call me(?: back)?|decide) "
                r"(?:asap|as soon as possible|immediately|right away|today|urgently|promptly)",
                r"\bI(?:'ve| have) been waiting (?:for )?(?:weeks|days|a long time|so long|"
                r"forever|over|more than|ages)",
                r"\bI (?:need|expect|demand|deserve|insist on) (?:an?|your|some) (?:answer|"
                r"response|reply|decision|update)",
                r"\b(?:frustrat|unprofessional|unacceptable|ridiculous|rude|annoyed)\w*+",
                r"\bfollowing up (?:yet )?again\b",
                r"\bthe (?:least|common courtesy) you could\b|\bthe courtesy of a\b",
                r"\bI(?:'ve| have) (?:called|emailed|e-mailed|written|left (?:you )?\w{1,40}+ "
                r"messages)(?: you)? (?:several|many|multiple|repeatedly|three|four|five|six|"
                r"\w{1,40}+ times)",
            ),
            citation=_heading("Be Polite and Humble"),
        ),
        MessageCheck(
            "ask-whether-to-stop",
            kind=CheckKind.REQUIRE,
            problem=(
                "Does not ask whether you should stop following up: after unanswered "
                "follow-ups through more than one channel, ask it plainly, saying you do not "
                "want to take up their time."
            ),
            patterns=(
                r"\bshould I (?:stop|keep|continue|hold off|refrain|check back|follow up)",
                r"\b(?:would|do|will) you (?:like|prefer|want|rather)"
                r"(?: me| that I)? (?:to )?(?:stop|keep|continue|hold off|check back|follow up)",
                r"\b(?:is|are) (?:the company|you|your team|your company|the team|\w{1,40}+) still "
                r"(?:interested|considering)",
                r"\bstill (?:in (?:the )?(?:running|consideration)|being considered|under "
                r"consideration)",
                r"\b(?:if|whether) I should (?:stop|keep|continue)",
            ),
            purposes=(Purpose.ASK_WHETHER_TO_CONTINUE,),
            citation=_heading("Ask if you Should Refrain from Contact"),
        ),
    ),
    version="2.0",
    source=SOURCE,
    scope=Scope(
        {Stage.POST_INTERVIEW},
        citation=Citation(SOURCE, "title and summary: following up after a job interview"),
    ),
)

WHAT_IT_DOES = MappingProxyType(
    {
        "polite-and-humble": (
            "Guidance: be polite and humble whether you call or write, and never sound upset at "
            "not hearing back."
        ),
        "wait-a-week": "After an interview, the first follow-up waits a week.",
        "no-daily-contact": (
            "Persistence is not daily contact: follow-ups are a week apart at least."
        ),
        "ask-whether-to-stop": (
            "After several unanswered follow-ups through more than one channel, ask whether you "
            "should stop."
        ),
        "change-course": (
            "When the same person keeps not answering, change the wording, the time of day and "
            "the medium: a differently worded email."
        ),
        "stand-out": (
            "Guidance: offer something they will value, and be a little creative in how you make "
            "contact."
        ),
        "until-resolved": (
            "Keep following up until hired or told there is no interest; silence never ends this "
            "rule set."
        ),
    }
)
"""What each rule does, in a sentence: the "what it does" column of this document's docs page,
which ``followup-rules explain`` shows (tests/test_cli.py checks that the two agree)."""
