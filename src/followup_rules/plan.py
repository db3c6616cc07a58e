"""What a rule set would do if every contact ended the same way: the contacts it would make.

A plan takes the decision, logs the contact it proposes with the assumed outcome (and, as a
what-if, a reply from them the same day), decides again, and so on until the rules stop, the
horizon, or ``MAX_PLANNED_CONTACTS``. ``to_pandas`` and ``to_ics`` need optional extras, imported
only where used.
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Generator
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING

import attrs

from followup_rules._checks import shown
from followup_rules._extras import requires_extra
from followup_rules._format import day
from followup_rules._record import why
from followup_rules.decision import Decision, Reason, RuleRef
from followup_rules.engine import Prepared, decide
from followup_rules.errors import InvalidArgumentError
from followup_rules.events import Event, FollowUp, Reply
from followup_rules.history import History
from followup_rules.ruleset import RulesLike
from followup_rules.rulesets import registry
from followup_rules.vocabulary import Channel, Outcome, Purpose

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MAX_PLANNED_CONTACTS", "Plan", "PlanEnd", "PlannedContact", "plan"]

MAX_PLANNED_CONTACTS = 100
"""A plan stops after this many contacts, whatever the rule set would still do."""

DEFAULT_HORIZON = timedelta(days=366)
"""How far ahead a plan looks when ``until`` is not given."""

_SILENT = {Channel.PHONE: Outcome.VOICEMAIL_LEFT, Channel.IN_PERSON: Outcome.MESSAGE_WITH_PERSON}
"""How a contact ends when nobody answers, by channel; anything else is simply sent."""

_FITS: dict[Channel, frozenset[Outcome]] = {
    Channel.PHONE: frozenset(
        {Outcome.REACHED, Outcome.VOICEMAIL_LEFT, Outcome.MESSAGE_WITH_PERSON}
    ),
    Channel.IN_PERSON: frozenset({Outcome.REACHED, Outcome.MESSAGE_WITH_PERSON}),
    Channel.EMAIL: frozenset({Outcome.SENT}),
    Channel.MAIL: frozenset({Outcome.SENT}),
    Channel.OTHER: frozenset({Outcome.REACHED, Outcome.SENT}),
}
"""The outcomes a contact by each channel can have: an email leaves no voicemail."""

_USUAL = {
    Outcome.REACHED: Channel.PHONE,
    Outcome.VOICEMAIL_LEFT: Channel.PHONE,
    Outcome.MESSAGE_WITH_PERSON: Channel.PHONE,
    Outcome.SENT: Channel.EMAIL,
}
"""The channel used for an assumed outcome that neither the rules' channel nor the fallback fits."""

_SUMMARY = {
    Purpose.STATUS: "Status follow-up",
    Purpose.THANK_YOU: "Thank-you",
    Purpose.ASK_WHETHER_TO_CONTINUE: "Ask whether to continue",
}

_BY = {Channel.IN_PERSON: "in person"}
"""How a channel reads after the purpose; the others read ``by phone``, ``by email``, ..."""

_UID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "followup-rules:plan")


class PlanEnd(enum.Enum):
    """Why a plan ended."""

    STOP = "stop"
    """A rule says to stop contacting them."""
    DONE = "done"
    """The process had already ended (a definite answer, a request to stop, a withdrawal)."""
    BLOCKED = "blocked"
    """The rules exclude every day of the search horizon."""
    END_OF_DATA = "end-of-data"
    """The next contact would fall past the calendar's holiday data, where no day is known."""
    HORIZON = "horizon"
    """The next contact falls after ``until``."""
    CONTACT_LIMIT = "contact-limit"
    """The plan reached ``MAX_PLANNED_CONTACTS`` and the rules would still go on."""
    NO_MESSAGE_LEFT = "no-message-left"
    """The next contact would leave a message, and the rules allow no more: they say hang up."""
    UNTIMED = "untimed"
    """The rule set allows a next contact but gives no time for it, so none is scheduled."""
    SILENT = "silent"
    """The documents do not speak to this stage: no opinion, so no contact."""


@attrs.frozen
class PlannedContact:
    """One contact of a plan: its day, purpose, channel, assumed outcome, and why that day.

    ``channel`` is the channel the contact is logged with; ``proposed`` the one the rules named
    (None where they named none). They differ when the assumed outcome cannot happen through
    the proposed channel: an email that is assumed to reach a voicemail is logged as a call.
    ``reasons`` are the binding reasons of the decision that proposed it.
    """

    on: date
    purpose: Purpose
    channel: Channel
    outcome: Outcome
    reasons: tuple[Reason, ...]
    proposed: Channel | None = attrs.field(default=None, kw_only=True)
    replied: bool = attrs.field(default=False, kw_only=True)
    """A reply from them the same day is assumed (the ``replies`` what-if)."""
    timed_by: tuple[RuleRef, ...] = attrs.field(default=(), kw_only=True)
    """The rules that set its time: a plan schedules no contact without one."""

    def __str__(self) -> str:
        suggested = ""
        if self.proposed is not None and self.proposed is not self.channel:
            suggested = f" (the rules suggest {self.proposed.value})"
        reply = ", then a reply" if self.replied else ""
        return (
            f"{day(self.on)}: {self.purpose.value} {_by(self.channel)}{suggested}, "
            f"assumed {self.outcome.value}{reply}"
        )

    def events(self) -> list[Event]:
        """What taking this contact adds to the history: the follow-up, and the same-day reply
        the plan assumed, if any."""
        logged: list[Event] = [
            FollowUp(self.on, channel=self.channel, outcome=self.outcome, purpose=self.purpose)
        ]
        if self.replied:
            logged.append(Reply(self.on, channel=self.channel))
        return logged


@attrs.frozen(kw_only=True)
class Plan:
    """The planned contacts, why the plan ended, and the decision it ended on.

    ``ruleset`` names the rule set (or composition) planned with; ``today`` the day planned
    from; ``until`` the last day a contact may fall on; ``assume``, ``replies`` and ``channel``
    the what-if it was planned under. ``ending`` is the last decision made: the stop, or the
    decision proposing the contact that was not taken.
    """

    ruleset: str
    today: date
    until: date
    assume: Outcome | None
    replies: bool
    channel: Channel
    contacts: tuple[PlannedContact, ...]
    ending: Decision
    end: PlanEnd

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(contact.on for contact in self.contacts)

    def __str__(self) -> str:
        lines = [str(contact) for contact in self.contacts] or ["no contact"]
        return "\n".join([*lines, f"then {self._closing()}"])

    def _closing(self) -> str:
        following = self.ending.next_date
        if self.end is PlanEnd.SILENT:
            return f"nothing: {_first_reason(self.ending)}"
        unknown = self.ending.beyond_data
        if unknown is not None:
            return f"the plan ends where the holiday data does: no day from {day(unknown)} is known"
        if following is None:
            return f"{self.ending.action.name}: {_first_reason(self.ending)}"
        if self.end is PlanEnd.UNTIMED:
            return (
                f"no time set: {self.ending.why_untimed()}, so none is scheduled (the first "
                f"day allowed would be {day(following)})"
            )
        if self.end is PlanEnd.HORIZON:
            return (
                f"nothing more until {day(self.until)}, where the plan ends; the next contact "
                f"would be on {day(following)}"
            )
        if self.end is PlanEnd.CONTACT_LIMIT:
            return (
                f"the plan stops at its limit of {MAX_PLANNED_CONTACTS} contacts; the next "
                f"would fall on {day(following)}"
            )
        _, outcome = _how(self.ending, self.assume, self.channel)
        return (
            f"the plan ends: the contact of {day(following)} would leave a message "
            f"({outcome.value}), and the rules allow no more, so they say to hang up instead"
        )

    def to_pandas(self) -> pd.DataFrame:
        """One row per planned contact, in order; needs the ``pandas`` extra.

        Columns: ``ruleset`` and ``why`` (the binding reasons, ``rule set/rule: what``, joined
        by ``"; "``, as in every table of decisions) are ``string``; ``on`` is
        ``datetime64[ns]`` at midnight of the day;
        ``purpose``, ``channel``, ``proposed_channel`` and ``outcome`` are categoricals whose
        categories are the enum values, ``proposed_channel`` missing where the rules named
        none; ``replied`` is ``bool``. ``df.attrs`` holds ``end`` (a ``PlanEnd`` value),
        ``today`` and ``until``. Plans of several rule sets stack with ``pandas.concat``.
        """
        with requires_extra("pandas", needed_by="Plan.to_pandas()"):
            import pandas as pd

        contacts = self.contacts
        purposes = [p.value for p in Purpose]
        channels = [c.value for c in Channel]
        frame = pd.DataFrame(
            {
                "ruleset": pd.Series([self.ruleset] * len(contacts), dtype="string"),
                "on": pd.Series([c.on for c in contacts], dtype="datetime64[ns]"),
                "purpose": pd.Categorical([c.purpose.value for c in contacts], purposes),
                "channel": pd.Categorical([c.channel.value for c in contacts], channels),
                "proposed_channel": pd.Categorical(
                    [c.proposed.value if c.proposed else None for c in contacts], channels
                ),
                "outcome": pd.Categorical(
                    [c.outcome.value for c in contacts], [o.value for o in Outcome]
                ),
                "replied": pd.Series([c.replied for c in contacts], dtype="bool"),
                "why": pd.Series([why(c.reasons) for c in contacts], dtype="string"),
            }
        )
        frame.attrs.update(end=self.end.value, today=self.today, until=self.until)
        return frame

    def to_ics(self, *, application: str | None = None) -> str:
        """The plan as an iCalendar file: one all-day event per contact; needs the ``ics`` extra.

        Each event's UID is derived from the rule set, the day, the purpose and ``application``
        (when given), so exporting the same plan again gives the same UIDs and a calendar app
        updates its events instead of duplicating them. ``application`` also heads each
        summary, so plans of several applications can share one calendar.
        """
        if application is not None and (
            not isinstance(application, str) or not application or not application.isprintable()
        ):
            raise InvalidArgumentError(
                f"application={shown(application)}: expected a non-empty string or None, one "
                f"line without control characters"
            )
        with requires_extra("ics", needed_by="Plan.to_ics()"):
            import icalendar

        calendar = icalendar.Calendar()
        calendar.add("prodid", "-//followup-rules//plan//EN")
        calendar.add("version", "2.0")
        calendar.add("x-wr-calname", f"Follow-ups: {application or self.ruleset}")
        stamp = datetime.combine(self.today, time(), tzinfo=UTC)
        for contact in self.contacts:
            event = icalendar.Event()
            event.add("uid", self._uid(contact, application))
            event.add("dtstamp", stamp)
            event.add("dtstart", contact.on)
            event.add("dtend", contact.on + timedelta(days=1))
            event.add("summary", self._summary(contact, application))
            event.add("description", _description(contact))
            event.add("transp", "TRANSPARENT")
            calendar.add_component(event)
        text: bytes = calendar.to_ical()
        return text.decode("utf-8")

    def _uid(self, contact: PlannedContact, application: str | None) -> str:
        key = "|".join(
            [self.ruleset, application or "", contact.on.isoformat(), contact.purpose.value]
        )
        return f"{uuid.uuid5(_UID_NAMESPACE, key)}@followup-rules"

    def _summary(self, contact: PlannedContact, application: str | None) -> str:
        head = f"{application}: " if application else ""
        return f"{head}{_SUMMARY[contact.purpose]} {_by(contact.channel)} ({self.ruleset})"


def _by(channel: Channel) -> str:
    return _BY.get(channel, f"by {channel.value}")


def _first_reason(decision: Decision) -> str:
    binding = [r for r in decision.reasons if r.binding] or list(decision.reasons)
    return binding[0].what if binding else "no rule gave a reason"


def _description(contact: PlannedContact) -> str:
    lines = [f"Assumed outcome: {contact.outcome.value}."]
    if contact.replied:
        lines.append("Assumed: they reply the same day, without a definite answer.")
    lines.extend(f"Why: {reason}" for reason in contact.reasons)
    return "\n".join(lines)


def _how(decision: Decision, assume: Outcome | None, fallback: Channel) -> tuple[Channel, Outcome]:
    """The channel and outcome the next contact is logged with: they always fit each other."""
    if assume is None:
        used = decision.channel or fallback
        return used, _SILENT.get(used, Outcome.SENT)
    candidates = (decision.channel, fallback, _USUAL[assume])
    used = next(c for c in candidates if c is not None and assume in _FITS[c])
    return used, assume


def _next(
    decision: Decision, last: date, assume: Outcome | None, fallback: Channel, *, replies: bool
) -> PlannedContact | PlanEnd:
    """The contact ``decision`` proposes, or why there is none to plan."""
    on, purpose = decision.next_date, decision.purpose
    if decision.beyond_data is not None:
        return PlanEnd.END_OF_DATA
    if on is None or purpose is None:
        return PlanEnd(decision.action.value)
    if not decision.timed:
        return PlanEnd.UNTIMED
    if on > last:
        return PlanEnd.HORIZON
    used, outcome = _how(decision, assume, fallback)
    if outcome.left_message and decision.messages_left == 0:
        return PlanEnd.NO_MESSAGE_LEFT
    return PlannedContact(
        on,
        purpose,
        used,
        outcome,
        tuple(r for r in decision.reasons if r.binding),
        proposed=decision.channel,
        replied=replies,
        timed_by=decision.timed_by,
    )


def _check(assume: object, until: object, channel: object, replies: object) -> None:
    if assume is Outcome.NO_ANSWER or not (assume is None or isinstance(assume, Outcome)):
        valid = ", ".join(f"Outcome.{o.name}" for o in Outcome if o is not Outcome.NO_ANSWER)
        raise InvalidArgumentError(
            f"assume={assume!r}: a call that leaves nothing is no contact; expected None or "
            f"one of {valid}"
        )
    if until is not None and (isinstance(until, datetime) or not isinstance(until, date)):
        raise InvalidArgumentError(f"until={until!r}: expected a datetime.date or None")
    if not isinstance(channel, Channel):
        valid = ", ".join(f"Channel.{c.name}" for c in Channel)
        raise InvalidArgumentError(f"channel={channel!r}: expected one of {valid}")
    if not isinstance(replies, bool):
        raise InvalidArgumentError(f"replies={replies!r}: expected True or False")


def plan(
    history: History,
    today: date | datetime,
    *,
    rules: RulesLike = None,
    assume: Outcome | None = None,
    until: date | None = None,
    channel: Channel = Channel.PHONE,
    replies: bool = False,
) -> Plan:
    """Each contact the rules would make, if every one ended as ``assume``.

    By default nobody answers: a call leaves a voicemail, a visit leaves a message with a
    person, and anything else is sent. A contact is logged through the channel its rules
    name, else through ``channel``; when ``assume`` cannot happen through that channel (an
    email leaves no voicemail), through ``channel`` if it fits, else the phone (for a
    conversation or a message left) or email (for something sent). With ``replies``, each
    contact is answered the same day by a reply that is not a definite answer, through the
    same channel.

    The plan ends (``Plan.end``) at STOP, DONE, BLOCKED or SILENT; where the holiday data
    ends (END_OF_DATA); when the rules allow a next
    contact but no rule gives a time for it (UNTIMED: a plan never schedules a contact the
    documents did not time); when the next contact falls after ``until`` (a year after today
    by default); when it would leave a message the rules no longer allow; or after
    ``MAX_PLANNED_CONTACTS`` contacts.
    """
    _check(assume, until, channel, replies)
    composition = registry.resolve(rules)
    prepared = registry.prepare(composition)
    decision = decide(history, today, prepared)
    start = decision.today
    if until is not None and until < start:
        raise InvalidArgumentError(
            f"until={until.isoformat()} is before today ({start.isoformat()}): expected a day "
            f"on or after {start.isoformat()}"
        )
    last = until or start + DEFAULT_HORIZON
    steps = contacts_from(history, decision, prepared, last, assume, channel, replies=replies)
    contacts: list[PlannedContact] = []
    while True:
        try:
            contacts.append(next(steps))
        except StopIteration as stopped:
            ending, end = stopped.value
            break
    return Plan(
        ruleset=composition.name,
        today=start,
        until=last,
        assume=assume,
        replies=replies,
        channel=channel,
        contacts=tuple(contacts),
        ending=ending,
        end=end,
    )


def contacts_from(
    history: History,
    decision: Decision,
    prepared: Prepared,
    last: date,
    assume: Outcome | None,
    channel: Channel,
    *,
    replies: bool,
) -> Generator[PlannedContact, None, tuple[Decision, PlanEnd]]:
    """The contacts a plan makes from ``decision`` on, one at a time, then its last decision
    and why it ended (the generator's return value).

    ``plan`` takes them all; a study stops early when the employer replies before the next
    one, so the decisions after it are never made.
    """
    for _ in range(MAX_PLANNED_CONTACTS):
        following = _next(decision, last, assume, channel, replies=replies)
        if isinstance(following, PlanEnd):
            return decision, following
        yield following
        history = history.with_events(following.events())
        decision = decide(history, following.on, prepared)
    following = _next(decision, last, assume, channel, replies=replies)
    return decision, following if isinstance(following, PlanEnd) else PlanEnd.CONTACT_LIMIT
