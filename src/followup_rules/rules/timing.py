"""Rules about how long to wait: after an event, between contacts, after a named date."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import attrs

from followup_rules._format import day
from followup_rules.citations import Citation
from followup_rules.effects import (
    ALL_PURPOSES,
    DueBy,
    Effect,
    Guidance,
    NotBefore,
    PreferChannel,
    ProposePurpose,
)
from followup_rules.facts import Facts
from followup_rules.rules._fields import advice_field, channel_field, enum_field, instance_of
from followup_rules.rules.base import (
    MAX_DAYS,
    check_range,
    citation_field,
    days_field,
    id_field,
)
from followup_rules.vocabulary import Channel, InterviewKind, Purpose, Stage

__all__ = [
    "AfterStatedDate",
    "Cadence",
    "MinimumGap",
    "NotWhileAway",
    "OneContactADay",
    "ThankYouAfterInterview",
    "WaitAfter",
]

_START = {Stage.PRE_INTERVIEW: "the application", Stage.POST_INTERVIEW: "the interview"}


def _usual(channel: Channel | None, what: str) -> Iterator[Effect]:
    if channel is not None:
        yield PreferChannel(channel, f"{what} by {channel.value}")


def _after(start: date, days: int, business: bool, facts: Facts) -> date:
    if business:
        return facts.calendar.add_business_days(start, days)
    return start + timedelta(days=days)


def _unit(days: int, business: bool) -> str:
    return f"{days} {'business ' if business else ''}day{'s' if days != 1 else ''}"


@attrs.frozen
class WaitAfter:
    """The first follow-up of a stage comes ``days`` after the stage's start.

    It times that one follow-up only: once one is made on or after the day the wait ends, the
    document gives no time for the next (a call made too early does not count as it). The wait
    still holds for every follow-up of the stage, since the documents warn against calling too
    soon, not just once. ``latest`` closes the recommended window for the
    first follow-up; ``unless_stated`` gives way to a date they named; ``business`` counts
    business days.
    """

    id: str = id_field()
    stage: Stage = enum_field(Stage)
    days: int = days_field()
    latest: int | None = attrs.field(default=None, kw_only=True)
    business: bool = attrs.field(default=False, kw_only=True)
    unless_stated: bool = attrs.field(default=False, kw_only=True)
    channel: Channel | None = channel_field()
    citation: Citation = citation_field()

    @latest.validator
    def _latest(self, _: attrs.Attribute[int | None], value: int | None) -> None:
        if value is not None:
            check_range(self, "latest", value, self.days, MAX_DAYS)

    def apply(self, facts: Facts) -> Iterator[Effect]:
        if facts.stage is not self.stage:
            return
        if self.unless_stated and facts.deadline is not None:
            return
        start = _START[self.stage]
        opens = _after(facts.stage_start, self.days, self.business, facts)
        first = not any(c.day >= opens for c in facts.follow_ups)
        yield NotBefore(
            opens,
            f"not before {day(opens)}: {_unit(self.days, self.business)} after {start}",
            sets_time=first,
        )
        if self.latest is not None and first:
            closes = _after(facts.stage_start, self.latest, self.business, facts)
            yield DueBy(
                closes, f"by {day(closes)}: {_unit(self.latest, self.business)} after {start}"
            )
        yield from _usual(self.channel, "follow up")


@attrs.frozen
class Cadence:
    """Within a stage, each contact waits ``days`` after the last one (or the stage's start).

    ``latest`` makes it a window (a week to ten days); ``business`` counts business days;
    ``interview`` limits it to the stage after that kind of interview (a job interview has a
    yes or no to wait for, an informational meeting has none); ``advice`` is what to say in
    the contacts it spaces (given once the stage has a contact to space them from).
    """

    id: str = id_field()
    stage: Stage = enum_field(Stage)
    days: int = days_field()
    latest: int | None = attrs.field(default=None, kw_only=True)
    business: bool = attrs.field(default=False, kw_only=True)
    interview: InterviewKind | None = attrs.field(
        default=None, kw_only=True, validator=instance_of(InterviewKind, optional=True)
    )
    channel: Channel | None = channel_field()
    advice: str | None = advice_field()
    citation: Citation = citation_field()

    @latest.validator
    def _latest(self, _: attrs.Attribute[int | None], value: int | None) -> None:
        if value is not None:
            check_range(self, "latest", value, self.days, MAX_DAYS)

    def apply(self, facts: Facts) -> Iterator[Effect]:
        if facts.stage is not self.stage:
            return
        if self.interview is not None and facts.interview_kind is not self.interview:
            return
        anchor = facts.last_contact or facts.stage_start
        what = "the last contact" if facts.last_contact else _START[self.stage]
        opens = _after(anchor, self.days, self.business, facts)
        yield NotBefore(
            opens,
            f"not before {day(opens)}: {_unit(self.days, self.business)} after {what}",
            sets_time=True,
        )
        if self.latest is not None:
            closes = _after(anchor, self.latest, self.business, facts)
            yield DueBy(
                closes, f"by {day(closes)}: {_unit(self.latest, self.business)} after {what}"
            )
        yield from _usual(self.channel, "follow up")
        if self.advice is not None and facts.contacts:
            yield Guidance(self.advice)


@attrs.frozen
class MinimumGap:
    """Follow-ups are at least ``days`` apart."""

    id: str = id_field()
    days: int = days_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        last = facts.last_follow_up
        if last is not None:
            opens = last + timedelta(days=self.days)
            yield NotBefore(
                opens,
                f"not before {day(opens)}: {self.days} days after the last follow-up",
                sets_time=True,
            )


@attrs.frozen
class AfterStatedDate:
    """Nothing before ``days`` after the date they named; a promise delays, never cancels.

    The named date times one follow-up: once one is made after it, the document gives no time
    for the next. ``no_timeline_advice`` is what the document says when they named no date.
    """

    id: str = id_field()
    days: int = days_field(default=1)
    channel: Channel | None = channel_field()
    no_timeline_advice: str | None = advice_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        if facts.deadline is None:
            if self.no_timeline_advice is not None:
                yield Guidance(self.no_timeline_advice)
            return
        opens = facts.deadline + timedelta(days=self.days)
        first = not any(c.day >= opens for c in facts.follow_ups)
        yield NotBefore(
            opens,
            f"not before {day(opens)}: they named {day(facts.deadline)} for their decision",
            sets_time=first,
        )
        yield from _usual(self.channel, "follow up")


@attrs.frozen
class ThankYouAfterInterview:
    """After an interview, a thank-you is the next contact, ``business_days`` later.

    It stays the proposed contact until a thank-you is logged or a follow-up of the stage is
    made. A thank-you by mail does not count: the handwritten note comes on top of the call.
    """

    id: str = id_field()
    business_days: int = days_field(default=1)
    channel: Channel | None = channel_field()
    citation: Citation = citation_field()
    advice: str | None = advice_field()
    informational_advice: str | None = advice_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        if facts.stage is not Stage.POST_INTERVIEW or facts.follow_ups:
            return
        if any(
            c.purpose is Purpose.THANK_YOU and c.channel is not Channel.MAIL for c in facts.contacts
        ):
            return
        due = facts.calendar.add_business_days(facts.stage_start, self.business_days)
        scope = frozenset({Purpose.THANK_YOU})
        yield ProposePurpose(Purpose.THANK_YOU, "a thank-you comes first after an interview")
        yield NotBefore(
            due, f"thank-you on {day(due)}, after the interview", purposes=scope, sets_time=True
        )
        yield DueBy(due, f"thank-you due by {day(due)}", purposes=scope)
        yield from _usual(self.channel, "thank them")
        job = facts.interview_kind is InterviewKind.JOB
        advice = self.advice if job else self.informational_advice
        if advice is not None:
            yield Guidance(advice)


@attrs.frozen
class NotWhileAway:
    """Nothing before the first business day after they are back."""

    id: str = id_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        if facts.away_until is None:
            return
        back = facts.calendar.next_business_day(facts.away_until)
        yield NotBefore(
            back,
            f"not before {day(back)}: away until {day(facts.away_until)}",
            purposes=ALL_PURPOSES,
        )


@attrs.frozen
class OneContactADay:
    """Never two contacts on one day; the application and the interview are contacts too."""

    id: str = id_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        last = max(facts.stage_start, facts.last_contact or facts.stage_start)
        opens = last + timedelta(days=1)
        yield NotBefore(
            opens,
            f"not before {day(opens)}: already in touch on {day(last)}",
            purposes=ALL_PURPOSES,
        )
