"""The 3x3 method: three business days before an interview, a week to ten days after one."""

from __future__ import annotations

from followup_rules.citations import Citation, Source
from followup_rules.rules import Advice, Cadence, ThankYouAfterInterview, WaitAfter, When
from followup_rules.ruleset import RuleSet
from followup_rules.vocabulary import Channel, InterviewKind, Stage

__all__ = ["RULESET", "SOURCE"]

SOURCE = Source(
    "How to follow up without feeling like a stalker: the 3X3 process of Steve Rosenblum "
    "and the post-interview cadence",
    "Career Stimulus Program blog",
)


def _paragraph(opening: str) -> Citation:
    return Citation(SOURCE, f"paragraph opening \u201c{opening}\u201d")


_AFTER_INTERVIEW = _paragraph("We teach that once you\u2019ve had an interview")

RULESET = RuleSet(
    "three-by-three",
    [
        WaitAfter(
            "three-business-days",
            stage=Stage.PRE_INTERVIEW,
            days=3,
            business=True,
            channel=Channel.PHONE,
            citation=_paragraph("Its basic premise is to wait three business days"),
        ),
        Advice(
            "three-part-message",
            text=(
                "Whether you reach them or their voicemail, say the same three things: you "
                "know they are busy with many applicants; you are calling to check that your "
                "application arrived; is there anything you could do to improve your chances?"
            ),
            when=When.BEFORE_INTERVIEW,
            citation=_paragraph("Its basic premise is to wait three business days"),
        ),
        ThankYouAfterInterview(
            "thank-you-next-day",
            business_days=1,
            channel=Channel.PHONE,
            citation=_AFTER_INTERVIEW,
        ),
        Advice(
            "handwritten-note",
            text="Send a handwritten thank-you note as well as calling (log it as mail).",
            when=When.NO_NOTE_AFTER_INTERVIEW,
            citation=_paragraph("In addition to a phone call after an interview"),
        ),
        Cadence(
            "weekly-until-answer",
            stage=Stage.POST_INTERVIEW,
            days=7,
            latest=10,
            interview=InterviewKind.JOB,
            channel=Channel.PHONE,
            advice=(
                "Call to say you are still interested in the opportunity and look forward to "
                "moving ahead."
            ),
            citation=_AFTER_INTERVIEW,
        ),
    ],
    version="2.0",
    source=SOURCE,
)
