"""Career Staffing Services: one follow-up call, one message, and two weeks of silence."""

from __future__ import annotations

from types import MappingProxyType

from followup_rules.citations import Citation, Source
from followup_rules.effects import Resource
from followup_rules.message_checks import SPOKEN_WORDS, CheckKind, MessageCheck, MessageKind
from followup_rules.rules import Advice, LiftAfterSilence, StageBudget, WaitAfter
from followup_rules.ruleset import RuleSet
from followup_rules.vocabulary import Channel, Stage

__all__ = ["RULESET", "SOURCE", "WHAT_IT_DOES"]

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

WHAT_IT_DOES = MappingProxyType(
    {
        "wait-after-application": (
            "Before an interview, the first follow-up waits a week after the application, and "
            "should happen within two. Suggests the phone."
        ),
        "wait-after-interview": (
            "After an interview, the first follow-up waits a week. Suggests the phone."
        ),
        "one-call": "Good manners allow a single follow-up per stage.",
        "one-message": (
            "Reaching voicemail or a gatekeeper does not spend the call; you may leave one message."
        ),
        "silence-frees-calls": (
            "After two more weeks without an answer, the budgets no longer hold you back; the "
            "decision then also asks you to weigh moving on."
        ),
        "keep-it-short": (
            "Guidance: a brief, confident, prepared call that recalls your best qualifications."
        ),
    }
)
"""What each rule does, in a sentence: the "what it does" column of this document's docs page,
which ``followup-rules explain`` shows (tests/test_cli.py checks that the two agree)."""
