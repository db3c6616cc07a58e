"""Call-back etiquette: the day after their deadline, never a Monday, two messages at most."""

from __future__ import annotations

from types import MappingProxyType

from dateutil.relativedelta import MO

from followup_rules.citations import Citation, Source
from followup_rules.message_checks import SPOKEN_WORDS, CheckKind, MessageCheck, MessageKind
from followup_rules.rules import (
    Advice,
    AfterStatedDate,
    AvoidWeekdays,
    StopAfterMessages,
    WaitAfter,
    When,
)
from followup_rules.ruleset import RuleSet, Scope
from followup_rules.vocabulary import Channel, Stage

__all__ = ["RULESET", "SOURCE", "WHAT_IT_DOES"]

SOURCE = Source(
    "Why didn\u2019t they call me back after the interview?",
    "job-seeker etiquette article (author not named)",
)


def _tip(title: str) -> Citation:
    return Citation(SOURCE, f"tip \u201c{title}\u201d")


_TIMING = _tip("Follow up at the appropriate time.")
_MESSAGES = _tip("Be careful leaving messages.")
_BRIDGES = _tip("Don\u2019t burn bridges.")

RULESET = RuleSet(
    "call-back",
    [
        Advice(
            "ask-for-timeline",
            text=(
                "No decision date on record: at the end of an interview, ask when they expect "
                "to decide, and log the answer."
            ),
            when=When.NO_TIMELINE_AFTER_INTERVIEW,
            citation=_TIMING,
        ),
        AfterStatedDate("day-after-deadline", days=1, channel=Channel.PHONE, citation=_TIMING),
        WaitAfter(
            "default-one-week",
            stage=Stage.POST_INTERVIEW,
            days=7,
            unless_stated=True,
            channel=Channel.PHONE,
            citation=_TIMING,
        ),
        AvoidWeekdays("no-monday", weekdays=(MO,), citation=_tip("Don\u2019t call on Monday.")),
        StopAfterMessages(
            "two-messages-max",
            limit=2,
            advice=(
                "Two messages and no call back: take it that the job went elsewhere, and stay "
                "gracious; you may need these people again."
            ),
            citation=_BRIDGES,
        ),
        Advice(
            "script-first",
            text="Write a short script before you call, in case you reach voicemail.",
            citation=_MESSAGES,
        ),
        Advice(
            "little-detail-to-gatekeepers",
            text=(
                "If a person takes the message, leave only your name, your number and that you "
                "are following up on your recent meeting with them; keep the job's details to "
                "yourself, since you cannot know what the person taking it has been told."
            ),
            citation=_MESSAGES,
        ),
        Advice(
            "stay-professional",
            text=(
                "Whatever the outcome, even silence or a no, stay professional and never lose "
                "your temper: you may need these people again, so burn no bridges."
            ),
            after_rejection=True,
            citation=_BRIDGES,
        ),
    ],
    messages=(
        MessageCheck(
            "script-first",
            kind=CheckKind.AT_MOST_WORDS,
            problem=(
                "Too long for a voicemail: a short script written beforehand keeps you from "
                "rambling."
            ),
            max_words=SPOKEN_WORDS,
            message_kinds=(MessageKind.VOICEMAIL,),
            citation=_MESSAGES,
        ),
        MessageCheck(
            "little-detail-to-gatekeepers",
            kind=CheckKind.AVOID,
            problem=(
                "Gives job details to the person taking the message: leave your name, your "
                "number and that you are following up on last week's meeting, nothing more."
            ),
            patterns=(
                r"\b(?:position|role|job|opening|vacancy|salary|pay|compensation|benefits|offer|"
                r"requisition|job title|candidate|candidacy|hiring|interview(?:ed|s)?|"
                r"application|applied|resume|r\u00e9sum\u00e9|CV)\b",
            ),
            message_kinds=(MessageKind.MESSAGE_WITH_PERSON,),
            citation=_MESSAGES,
        ),
    ),
    version="2.0",
    source=SOURCE,
    scope=Scope(
        {Stage.POST_INTERVIEW},
        citation=Citation(
            SOURCE, "title and opening paragraphs: calling back once the interview is over"
        ),
    ),
)

WHAT_IT_DOES = MappingProxyType(
    {
        "ask-for-timeline": (
            "Guidance: at the end of an interview, ask when they expect to decide, and record the"
            " answer."
        ),
        "day-after-deadline": (
            "Nothing before the day after the date they named for their decision. Suggests the "
            "phone."
        ),
        "default-one-week": (
            "With no date named, the first follow-up after an interview waits a week. Suggests "
            "the phone."
        ),
        "no-monday": "Never on a Monday.",
        "two-messages-max": (
            "After two messages with no call back, stop and take it as a no, with the advice not "
            "to burn bridges."
        ),
        "script-first": "Guidance: write a short script before calling, in case of voicemail.",
        "little-detail-to-gatekeepers": (
            "Guidance: a person taking a message gets your name, your number and that you are "
            "following up on your recent meeting, not the job's details."
        ),
        "stay-professional": (
            "Guidance: whatever happens, a no included, stay professional and keep your temper."
        ),
    }
)
"""What each rule does, in a sentence: the "what it does" column of this document's docs page,
which ``followup-rules explain`` shows (tests/test_cli.py checks that the two agree)."""
