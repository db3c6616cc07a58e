"""What happened in one application: the events a history is made of.

Every event's day is its first argument, ``on``: a ``date``, or an aware ``datetime`` that the
history's work calendar reads in the employer's time zone. A naive datetime is refused rather
than guessed at.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Final, TypeAlias

import attrs

from followup_rules.errors import InvalidHistoryError
from followup_rules.vocabulary import Channel, InterviewKind, Outcome, Purpose, Verdict

__all__ = [
    "EVENT_FIELDS",
    "EVENT_NAMES",
    "EVENT_TYPES",
    "FIELD_VOCABULARIES",
    "Answer",
    "Applied",
    "AskedToStop",
    "DecisionExpected",
    "Event",
    "FollowUp",
    "Interview",
    "OutOfOffice",
    "PrefersChannel",
    "Reply",
    "Withdrew",
]


READS: Final = "followup_rules.reads"
"""The metadata key of how files and tables give a field: "moment" (a date or an aware
datetime), "day" (a date), "text", or the vocabulary whose values it takes."""


def _when(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    kind = type(instance).__name__
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise InvalidHistoryError(
                f"{kind}.{attribute.name} is the naive datetime {value.isoformat()!r}: expected "
                f"a date or an aware datetime (naive times are not guessed at)"
            )
        return
    if not isinstance(value, date):
        raise InvalidHistoryError(
            f"{kind}.{attribute.name} is {value!r} ({type(value).__name__}): expected a "
            f"datetime.date or an aware datetime.datetime"
        )


def _day(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidHistoryError(
            f"{type(instance).__name__}.{attribute.name} is {value!r}: expected a datetime.date"
        )


def _checked_member(vocabulary: type[enum.Enum], *, optional: bool = False) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if (optional and value is None) or isinstance(value, vocabulary):
            return
        valid = ", ".join(f"{vocabulary.__name__}.{m.name}" for m in vocabulary)
        if optional:
            valid += " or None"
        raise InvalidHistoryError(
            f"{type(instance).__name__}.{attribute.name} is {value!r}: expected one of {valid}"
        )

    return check


def _on() -> Any:
    return attrs.field(validator=_when, metadata={READS: "moment"})


def _date(**options: Any) -> Any:
    """A field holding a day: files and tables give it as ``YYYY-MM-DD``."""
    return attrs.field(kw_only=True, validator=_day, metadata={READS: "day"}, **options)


def _member(vocabulary: type[enum.Enum], *, optional: bool = False, **options: Any) -> Any:
    """A field holding a member of ``vocabulary``: files and tables give its value."""
    return attrs.field(
        kw_only=True,
        validator=_checked_member(vocabulary, optional=optional),
        metadata={READS: vocabulary},
        **options,
    )


def _check_note(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidHistoryError(
            f"{type(instance).__name__}.note is {value!r}: expected a text or None"
        )


def _note() -> Any:
    """A free-text note for the person keeping the tracker ("called Bob"); no rule reads it,
    and it is left out of the repr, which shows what the rules see."""
    return attrs.field(
        default=None, kw_only=True, repr=False, validator=_check_note, metadata={READS: "text"}
    )


@attrs.frozen
class Applied:
    """An application was sent (or a first contact made): the pre-interview stage starts."""

    on: date | datetime = _on()
    note: str | None = _note()


@attrs.frozen
class Interview:
    """An interview took place: a new post-interview stage starts and budgets start again."""

    on: date | datetime = _on()
    kind: InterviewKind = _member(InterviewKind, default=InterviewKind.JOB)
    note: str | None = _note()


@attrs.frozen
class DecisionExpected:
    """They named a date by which they expect to decide or get back."""

    on: date | datetime = _on()
    by: date = _date()
    note: str | None = _note()


@attrs.frozen
class FollowUp:
    """A contact the seeker made: its channel, how it ended, and what it was for."""

    on: date | datetime = _on()
    channel: Channel = _member(Channel)
    outcome: Outcome = _member(Outcome)
    purpose: Purpose = _member(Purpose, default=Purpose.STATUS)
    note: str | None = _note()


@attrs.frozen
class Reply:
    """They got back without a definite answer; the channel they used shows their preference."""

    on: date | datetime = _on()
    channel: Channel | None = _member(Channel, optional=True, default=None)
    note: str | None = _note()


@attrs.frozen
class OutOfOffice:
    """They are away until ``until``: nothing before the first business day after it."""

    on: date | datetime = _on()
    until: date = _date()
    note: str | None = _note()


@attrs.frozen
class Answer:
    """A definite answer: every rule set is done."""

    on: date | datetime = _on()
    verdict: Verdict = _member(Verdict)
    note: str | None = _note()


@attrs.frozen
class AskedToStop:
    """They asked the seeker to stop contacting them: every rule set is done."""

    on: date | datetime = _on()
    note: str | None = _note()


@attrs.frozen
class Withdrew:
    """The seeker withdrew: every rule set is done."""

    on: date | datetime = _on()
    note: str | None = _note()


@attrs.frozen
class PrefersChannel:
    """They said how they prefer to be reached."""

    on: date | datetime = _on()
    channel: Channel = _member(Channel)
    note: str | None = _note()


Event: TypeAlias = (
    Applied
    | Interview
    | DecisionExpected
    | FollowUp
    | Reply
    | OutOfOffice
    | Answer
    | AskedToStop
    | Withdrew
    | PrefersChannel
)

EVENT_TYPES: tuple[type[Event], ...] = (
    Applied,
    Interview,
    DecisionExpected,
    PrefersChannel,
    OutOfOffice,
    FollowUp,
    Reply,
    Answer,
    AskedToStop,
    Withdrew,
)
"""Every event kind, in the order same-day events are read: what was known before what was done."""

EVENT_NAMES: Mapping[str, type[Event]] = MappingProxyType(
    {
        "applied": Applied,
        "interview": Interview,
        "decision-expected": DecisionExpected,
        "follow-up": FollowUp,
        "reply": Reply,
        "out-of-office": OutOfOffice,
        "prefers-channel": PrefersChannel,
        "answer": Answer,
        "asked-to-stop": AskedToStop,
        "withdrew": Withdrew,
    }
)
"""Each event kind by the name files and tables give it (``type = "follow-up"``)."""

EVENT_FIELDS: Mapping[type[Event], tuple[tuple[str, bool], ...]] = MappingProxyType(
    {
        kind: tuple(
            (field.name, field.default is attrs.NOTHING)
            for field in attrs.fields(kind)
            if field.name not in ("on", "note")
        )
        for kind in EVENT_TYPES
    }
)
"""Each kind's fields besides ``on`` and ``note``, and whether a file or table must give them:
read from the classes' attrs fields, so a new field is in every reader at once."""

FIELD_VOCABULARIES: Mapping[str, type[enum.Enum]] = MappingProxyType(
    {
        field.name: field.metadata[READS]
        for kind in EVENT_TYPES
        for field in attrs.fields(kind)
        if isinstance(field.metadata[READS], type)
    }
)
"""The vocabulary of each field that holds one; the other fields (``by``, ``until``) are dates.
Read from the fields' metadata, where each field says how a file or table gives it."""
