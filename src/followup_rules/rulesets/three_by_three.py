"""The 3x3 method: three business days before an interview, a week to ten days after one."""

from __future__ import annotations

from types import MappingProxyType

from followup_rules.citations import Citation, Source
from followup_rules.message_checks import CheckKind, MessageCheck, MessageKind
from followup_rules.rules import Advice, Cadence, ThankYouAfterInterview, WaitAfter, When
from followup_rules.ruleset import RuleSet
from followup_rules.vocabulary import Channel, InterviewKind, Purpose, Stage

__all__ = ["RULESET", "SOURCE", "WHAT_IT_DOES"]

SOURCE = Source(
    "How to follow up without feeling like a stalker: the 3X3 process of Steve Rosenblum "
    "and the post-interview cadence",
    "Career Stimulus Program blog",
)


def _paragraph(opening: str) -> Citation:
    return Citation(SOURCE, f"paragraph opening \u201c{opening}\u201d")


_AFTER_INTERVIEW = _paragraph("We teach that once you\u2019ve had an interview")


def _three_part(check_id: str, *, problem: str, patterns: tuple[str, ...]) -> MessageCheck:
    """One of the three parts, required of a status call or voicemail before an interview."""
    return MessageCheck(
        check_id,
        kind=CheckKind.REQUIRE,
        problem=problem,
        patterns=patterns,
        message_kinds=(MessageKind.VOICEMAIL, MessageKind.CALL),
        purposes=(Purpose.STATUS,),
        stages=(Stage.PRE_INTERVIEW,),
        citation=_paragraph("Its basic premise is to wait three business days"),
    )


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
            advice="Thank them for their time and say you remain interested in the job.",
            informational_advice=(
                "Thank them for their time; mention your interest only if an opening exists "
                "(such meetings seldom have one now, but may later)."
            ),
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
    messages=(
        _three_part(
            "three-part-busy",
            problem=(
                "Misses the first of the three parts: acknowledge that they are busy and have "
                "probably had many responses."
            ),
            patterns=(
                r"\bbusy\b",
                r"\b(?:a lot of|lots of|many|plenty of|a flood of|a number of) (?:applications|"
                r"applicants|responses|candidates|resumes|r\u00e9sum\u00e9s|interest)",
                r"\b(?:full|packed|hectic) (?:plate|schedule|week|inbox)",
            ),
        ),
        _three_part(
            "three-part-received",
            problem=(
                "Misses the second part: ask whether they received your application, and say "
                "that this is why you are calling."
            ),
            patterns=(
                r"\b(?:did|have|has) (?:you|your team|the team|it|my \w{1,40}+)(?: \w{1,40}+)? "
                r"(?:receive|received|get|got|gotten|come through|arrive|arrived|reach|reached)",
                r"\b(?:whether|if|that) (?:you|your team|the team) (?:\w{1,40}+ )?(?:received|got|"
                r"have|had) (?:my|the)",
                r"\b(?:confirm|check)(?:ing)? (?:that |whether |if )?(?:you (?:\w{1,40}+ )?"
                r"(?:received|got)|receipt|my (?:application|resume|CV) (?:arrived|came))",
                r"\b(?:whether|if|that) my (?:application|resume|r\u00e9sum\u00e9|CV) "
                r"(?:arrived|came through|reached you|was received)",
            ),
        ),
        _three_part(
            "three-part-improve",
            problem=(
                "Misses the third part: ask whether there is anything you could do to improve "
                "your chances."
            ),
            patterns=(
                r"\b(?:improve|strengthen|help|better) my (?:chances|application|candidacy|odds)",
                r"\b(?:anything|something|what) (?:else )?(?:that )?I (?:can|could|might|should) "
                r"(?:do|send|provide|add|share)",
                r"\b(?:anything|something) (?:else )?(?:you need|you would like|you'd like) "
                r"(?:from me|me to)",
            ),
        ),
    ),
    version="2.0",
    source=SOURCE,
)

WHAT_IT_DOES = MappingProxyType(
    {
        "three-business-days": (
            "Before an interview, the first follow-up waits three business days after the "
            "application. Suggests the phone."
        ),
        "three-part-message": (
            "Guidance: the same three-part message for a call or a voicemail: they are busy, did "
            "they receive your application, what would improve your chances."
        ),
        "thank-you-next-day": (
            "After an interview, the next contact is a thank-you call the next business day."
        ),
        "handwritten-note": "Guidance: send a handwritten note too.",
        "weekly-until-answer": (
            "After a job interview, call every week to ten days, saying you are still interested "
            "and look forward to moving ahead, until a definite yes or no. Suggests the phone."
        ),
    }
)
"""What each rule does, in a sentence: the "what it does" column of this document's docs page,
which ``followup-rules explain`` shows (tests/test_cli.py checks that the two agree)."""
