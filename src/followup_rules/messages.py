"""Check a draft message against the documents, and write a first draft that passes.

Each rule set carries its document's message checks as data (:class:`MessageCheck`: patterns
and thresholds, English first). :func:`check_message` runs the checks of the rule sets a
decision or a ``rules=`` value names and returns one :class:`Finding` per problem, citing the
passage it stands on. :func:`draft` writes the governing document's script for a decision's
purpose and message kind. The checks read words, not meaning: they aim to flag only what a
document names (precision before recall), so a message with no finding is not proven good.
"""

from __future__ import annotations

import re
from typing import Final

import attrs

from followup_rules._checks import check_instance, member_of, shown
from followup_rules.citations import Citation
from followup_rules.decision import Decision
from followup_rules.errors import InvalidArgumentError, UnknownRuleSetError
from followup_rules.message_checks import (
    MAX_MESSAGE,
    CheckKind,
    MessageCheck,
    MessageKind,
    compiled,
)
from followup_rules.ruleset import RuleSet, RulesLike
from followup_rules.vocabulary import Channel, Purpose, Stage

__all__ = [
    "MAX_MESSAGE",
    "CheckKind",
    "Draft",
    "Finding",
    "MessageCheck",
    "MessageKind",
    "check_message",
    "draft",
]

_WORD = re.compile(r"[\w'-]+")
_QUOTES = str.maketrans("\u2018\u2019\u02bc", "'''")
_MESSAGE_KINDS = ", ".join(repr(kind.value) for kind in MessageKind)


@attrs.frozen
class Finding:
    """One problem with a message: which check of which rule set, why, and the passage.

    ``excerpt`` is the words that set off a check that warns against something; None for a
    check of what is missing or of length.
    """

    ruleset: str
    check: str
    kind: CheckKind
    problem: str
    citation: Citation
    excerpt: str | None = None

    def __str__(self) -> str:
        found = f" (\u201c{self.excerpt}\u201d)" if self.excerpt is not None else ""
        return f"{self.ruleset}/{self.check}: {self.problem}{found} [{self.citation}]"


def check_message(
    text: str,
    decision_or_rules: Decision | RulesLike = None,
    *,
    kind: MessageKind | str,
    purpose: Purpose | None = None,
    stage: Stage | None = None,
) -> tuple[Finding, ...]:
    """The findings of the documents' message checks on ``text``, in rule-set order.

    ``decision_or_rules`` is a :class:`Decision` (its rule sets, less the silent ones, and its
    purpose) or what ``rules=`` takes elsewhere (None: the five documents). ``kind`` says how
    the message reaches them. A check limited to a purpose or a stage applies only when that
    purpose or stage is known to be the message's: pass ``stage=`` to have the stage-limited
    checks (the three parts of a 3x3 call, before an interview) applied; with a stage, a rule
    set whose document does not speak to it is silent here too.
    """
    words = _text(text)
    message_kind = _kind(kind)
    if stage is not None:
        check_instance("stage", stage, Stage, "a followup_rules.Stage or None")
    if isinstance(decision_or_rules, Decision):
        parts = _decision_parts(decision_or_rules)
        purpose = _decision_purpose(decision_or_rules, purpose)
    else:
        parts = _parts(decision_or_rules)
        if purpose is not None:
            check_instance("purpose", purpose, Purpose, "a followup_rules.Purpose or None")
    return tuple(
        finding
        for part in parts
        if stage is None or part.covers(stage)
        for check in part.messages
        if check.applies(message_kind, purpose, stage)
        for finding in _run(check, part.name, words)
    )


def _text(text: object) -> str:
    if not isinstance(text, str) or not text.strip():
        raise InvalidArgumentError(f"text={shown(text)}: expected the message as non-empty text")
    if len(text) > MAX_MESSAGE:
        raise InvalidArgumentError(
            f"text={shown(text)} has {len(text)} characters: expected a message of at most "
            f"{MAX_MESSAGE}"
        )
    return text.translate(_QUOTES)


def _kind(kind: object) -> MessageKind:
    member = member_of(MessageKind, kind)
    if member is None:
        raise InvalidArgumentError(
            f"kind={shown(kind)}: expected a MessageKind or one of {_MESSAGE_KINDS}"
        )
    return member


def _parts(rules: object) -> tuple[RuleSet, ...]:
    from followup_rules import rulesets

    return rulesets.resolve(rules).parts  # type: ignore[arg-type]


def _decision_parts(decision: Decision) -> tuple[RuleSet, ...]:
    """The registered rule sets that made the decision, at their versions, less the silent."""
    from followup_rules import rulesets

    try:
        return tuple(
            rulesets.get(name, version=version)
            for name, version in decision.rulesets
            if name not in decision.silent
        )
    except UnknownRuleSetError as error:
        raise UnknownRuleSetError(
            f"{error}: a decision names its rule sets, which must be registered; pass the rule "
            f"set itself (and purpose=) instead"
        ) from error


def _decision_purpose(decision: Decision, purpose: Purpose | None) -> Purpose | None:
    if purpose is not None and purpose is not decision.purpose:
        raise InvalidArgumentError(
            f"purpose={shown(purpose)} for a decision whose purpose is {decision.purpose}: "
            f"leave purpose out, the decision gives it"
        )
    return decision.purpose


def _run(check: MessageCheck, ruleset: str, text: str) -> tuple[Finding, ...]:
    """The finding of one check on one text: none, or one."""
    found = _found(check, text)
    if found is False:
        return ()
    excerpt = found if isinstance(found, str) else None
    return (Finding(ruleset, check.id, check.kind, check.problem, check.citation, excerpt),)


def _found(check: MessageCheck, text: str) -> str | bool:
    """The words that set off an AVOID check, or whether a REQUIRE or length check fails."""
    if check.kind is CheckKind.AT_MOST_WORDS:
        return len(_WORD.findall(text)) > (check.max_words or 0)
    if check.kind is CheckKind.REQUIRE:
        return not any(compiled(p).search(_head(text, check.within_words)) for p in check.patterns)
    for pattern in check.patterns:
        match = compiled(pattern).search(text)
        if match is not None:
            return match.group(0)
    return False


def _head(text: str, words: int | None) -> str:
    """The text up to the end of its ``words``-th word (all of it when None)."""
    if words is None:
        return text
    ends = [match.end() for match in _WORD.finditer(text)][:words]
    return text[: ends[-1]] if len(ends) == words else text


# Drafts --------------------------------------------------------------------------------------


@attrs.frozen
class Draft:
    """A first draft of a message: its text, how it is sent, and what it is for."""

    text: str
    kind: MessageKind
    purpose: Purpose
    stage: Stage | None

    def __str__(self) -> str:
        return self.text


_KIND_OF_CHANNEL: Final = {
    Channel.PHONE: MessageKind.VOICEMAIL,
    Channel.EMAIL: MessageKind.EMAIL,
    Channel.MAIL: MessageKind.NOTE,
}
_SPOKEN: Final = frozenset({MessageKind.VOICEMAIL, MessageKind.CALL})
_NUMBER: Final = "[your phone number]"
_OPENER: Final = "I hope your week is going well."
_STOP_ASKED: Final = (
    "and I do not want to take up your time: would you like me to keep following up, or "
    "should I stop?"
)
_FIELD_WORDS: Final = 6
"""The most words a name, a role or a company may have: a spoken draft must stay short."""


def draft(
    decision: Decision,
    *,
    name: str,
    role: str,
    company: str,
    kind: MessageKind | str | None = None,
    stage: Stage | None = None,
) -> Draft:
    """A first draft for the contact ``decision`` proposes, by the governing document's script.

    ``name`` is the seeker's name, ``role`` the job and ``company`` the employer. ``kind``
    defaults to the decision's channel (a phone call drafts its voicemail; no channel: pass
    ``kind=``). A message left with a person is the gatekeeper line (name, number, the meeting:
    no job details); a thank-you thanks them and restates interest; ask-whether-to-continue
    asks plainly whether to stop; a status call before an interview (``stage=PRE_INTERVIEW``)
    has the 3x3's three parts; any other status message restates interest. Every draft opens
    with a friendly word, and a spoken one stays short, so that :func:`check_message` passes it.
    """
    check_instance("decision", decision, Decision, "a followup_rules.Decision")
    texts = {"name": name, "role": role, "company": company}
    for key, value in texts.items():
        _field(key, value)
    if stage is not None:
        check_instance("stage", stage, Stage, "a followup_rules.Stage or None")
    given = None if kind is None else _kind(kind)
    if decision.purpose is None:
        raise InvalidArgumentError(
            f"decision is {decision.action.name}: there is no contact to draft a message for"
        )
    chosen = given or _draft_kind(decision)
    text = _script(decision.purpose, chosen, stage, name=name, role=role, company=company)
    return Draft(text, chosen, decision.purpose, stage)


def _field(key: str, value: object) -> None:
    if (
        not isinstance(value, str)
        or not value.isprintable()
        or not 1 <= len(_WORD.findall(value)) <= _FIELD_WORDS
    ):
        raise InvalidArgumentError(
            f"{key}={shown(value)}: expected text on one line, of one to {_FIELD_WORDS} words"
        )


def _draft_kind(decision: Decision) -> MessageKind:
    """The kind of message the decision's channel sends."""
    found = _KIND_OF_CHANNEL.get(decision.channel) if decision.channel is not None else None
    if found is None:
        raise InvalidArgumentError(
            f"the decision's channel is {shown(decision.channel)}: pass kind=, one of "
            f"{_MESSAGE_KINDS}"
        )
    return found


def _script(
    purpose: Purpose, kind: MessageKind, stage: Stage | None, *, name: str, role: str, company: str
) -> str:
    """The body of the message, framed for its kind."""
    if kind is MessageKind.MESSAGE_WITH_PERSON:
        ask = (
            ", and ask whether I should keep following up or stop"
            if purpose is Purpose.ASK_WHETHER_TO_CONTINUE
            else ""
        )
        return (
            f"Hello, this is {name}. I hope your day is going well. Could you please pass on "
            f"that I called to follow up on our meeting last week{ask}? My number is "
            f"{_NUMBER}. Thank you."
        )
    if purpose is Purpose.THANK_YOU:
        body = (
            f"Thank you for taking the time to meet with me about the {role} position at "
            f"{company}. I enjoyed our conversation, and I remain very interested."
        )
    elif purpose is Purpose.ASK_WHETHER_TO_CONTINUE:
        body = f"I am still very interested in the {role} position at {company}, {_STOP_ASKED}"
    elif stage is Stage.PRE_INTERVIEW:
        body = (
            f"I know you are busy with many responses for the {role} opening at {company}. I "
            f"am getting in touch to ask whether you received my application, and whether "
            f"there is anything I could do to improve my chances."
        )
    else:
        body = (
            f"I am still very interested in the {role} position at {company}, and I look "
            f"forward to moving ahead."
        )
    if kind in _SPOKEN:
        return f"Hello, this is {name}. {_OPENER} {body} You can reach me at {_NUMBER}. Thank you."
    return f"Hello,\n\n{_OPENER} {body}\n\nBest regards,\n{name}"
