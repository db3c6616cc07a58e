"""Career Staffing Services: one follow-up call, one message, and two weeks of silence."""

from __future__ import annotations

from followup_rules.citations import Citation, Source
from followup_rules.effects import Resource
from followup_rules.message_checks import SPOKEN_WORDS, CheckKind, MessageCheck, MessageKind
from followup_rules.rules import Advice, LiftAfterSilence, StageBudget, WaitAfter
from followup_rules.ruleset import RuleSet
from followup_rules.vocabulary import Channel, Stage

__all__ = ["RULESET", "SOURCE"]

SOURCE = Source(
    "Maintaining Contact: How to Follow Up Without Being a Pest",
    "Career Staffing Services",
)

_WHAT_NOT_TO_DO = "section \u201cFollowing Up: What Not to Do\u201d"


def _cite(paragraph: str) -> Citation:
    return Citation(SOURCE, f"{_WHAT_NOT_TO_DO}, paragraph opening \u201c{paragraph}\u201d")


RULESET = RuleSet(
    "career-staffing",
    [
        WaitAfter(
            "wait-after-application",
            stage=Stage.PRE_INTERVIEW,
            days=7,
            latest=14,
            channel=Channel.PHONE,
            citation=_cite("After submitting an application"),
        ),
        WaitAfter(
            "wait-after-interview",
            stage=Stage.POST_INTERVIEW,
            days=7,
            channel=Channel.PHONE,
            citation=_cite("After submitting an application"),
        ),
        StageBudget(
            "one-call",
            resource=Resource.FOLLOW_UPS,
            limit=1,
            citation=_cite("After submitting an application"),
        ),
        StageBudget(
            "one-message",
            resource=Resource.MESSAGES,
            limit=1,
            advice="No message left to spend: if you reach voicemail or a gatekeeper, hang up.",
            citation=_cite("If you gather your courage"),
        ),
        LiftAfterSilence(
            "silence-frees-calls",
            days=14,
            advice=(
                "Two weeks without a word: you may call again as often as you see fit, but "
                "first ask yourself whether you still want to work for a company that treats "
                "your time this way; the silence may be a sign to move on."
            ),
            citation=_cite("If you follow up and don\u2019t hear back"),
        ),
        Advice(
            "keep-it-short",
            text=(
                "Keep the call brief and confident: know what you will say before you dial, "
                "remind them briefly of your strongest qualifications, open and close smoothly. "
                "If you reach voicemail, hang up, settle on your message, then call back."
            ),
            citation=_cite("When you make your follow-up call"),
        ),
    ],
    messages=(
        MessageCheck(
            "keep-it-short",
            kind=CheckKind.AT_MOST_WORDS,
            problem=(
                "Too long for a call or a voicemail: keep it short and confident, a brief "
                "reminder of your key qualifications, prepared beforehand."
            ),
            max_words=SPOKEN_WORDS,
            message_kinds=(MessageKind.CALL, MessageKind.VOICEMAIL),
            citation=_cite("When you make your follow-up call"),
        ),
    ),
    version="2.0",
    source=SOURCE,
)
