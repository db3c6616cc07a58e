"""What a rule set would do if nobody ever answered: the contacts it would make, in order."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import attrs

from followup_rules._format import day
from followup_rules.decision import Decision, Reason
from followup_rules.engine import RulesLike, evaluate
from followup_rules.errors import InvalidArgumentError
from followup_rules.events import FollowUp
from followup_rules.history import History
from followup_rules.vocabulary import Action, Channel, Outcome, Purpose

__all__ = ["MAX_PLANNED_CONTACTS", "Plan", "PlannedContact", "plan"]

MAX_PLANNED_CONTACTS = 100
"""A plan stops after this many contacts, whatever the rule set would still do."""

_SILENT = {Channel.PHONE: Outcome.VOICEMAIL_LEFT, Channel.IN_PERSON: Outcome.MESSAGE_WITH_PERSON}


@attrs.frozen
class PlannedContact:
    on: date
    purpose: Purpose
    channel: Channel | None
    outcome: Outcome
    reasons: tuple[Reason, ...]

    def __str__(self) -> str:
        by = f" by {self.channel.value}" if self.channel else ""
        return f"{day(self.on)}: {self.purpose.value}{by}, assumed {self.outcome.value}"


@attrs.frozen
class Plan:
    """The planned contacts, and the decision that ended the plan."""

    contacts: tuple[PlannedContact, ...]
    ending: Decision
    until: date

    @property
    def days(self) -> tuple[date, ...]:
        return tuple(contact.on for contact in self.contacts)

    def __str__(self) -> str:
        lines = [str(contact) for contact in self.contacts] or ["no contact"]
        end = self.ending
        if end.action in (Action.FOLLOW_UP, Action.WAIT):
            closing = f"then nothing more before {day(self.until)}"
        else:
            closing = f"then {end.action.name}"
        return "\n".join([*lines, closing])


def _outcome(assume: Outcome | None, channel: Channel) -> Outcome:
    return assume if assume is not None else _SILENT.get(channel, Outcome.SENT)


def plan(
    history: History,
    today: date | datetime,
    *,
    rules: RulesLike = None,
    assume: Outcome | None = None,
    until: date | None = None,
    channel: Channel = Channel.PHONE,
) -> Plan:
    """Each contact the rules would make, if every one ended as ``assume`` with no reply.

    By default a call leaves a voicemail, a visit leaves a message with a person, and anything
    else is sent. A contact whose rules name no channel is logged as made by ``channel``. The
    plan ends at STOP, DONE or BLOCKED, at ``until`` (a year after today by default), or after
    ``MAX_PLANNED_CONTACTS`` contacts.
    """
    if assume is Outcome.NO_ANSWER or not (assume is None or isinstance(assume, Outcome)):
        valid = ", ".join(f"Outcome.{o.name}" for o in Outcome if o is not Outcome.NO_ANSWER)
        raise InvalidArgumentError(
            f"assume={assume!r}: a call that leaves nothing is no contact; expected None or "
            f"one of {valid}"
        )
    decision = evaluate(history, today, rules=rules)
    last = until or decision.today + timedelta(days=366)
    contacts: list[PlannedContact] = []
    while len(contacts) < MAX_PLANNED_CONTACTS and decision.next_date is not None:
        on = decision.next_date
        if on > last or decision.purpose is None:
            break
        used = decision.channel or channel
        outcome = _outcome(assume, used)
        binding = tuple(r for r in decision.reasons if r.binding)
        contacts.append(PlannedContact(on, decision.purpose, decision.channel, outcome, binding))
        contact = FollowUp(on, channel=used, outcome=outcome, purpose=decision.purpose)
        history = History([*history.events, contact], calendar=history.calendar)
        decision = evaluate(history, on, rules=rules)
    return Plan(tuple(contacts), decision, last)
