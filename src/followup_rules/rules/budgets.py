"""Rules that count contacts: budgets per stage, what silence frees, when to give up."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from datetime import date, timedelta

import attrs

from followup_rules._format import day
from followup_rules.citations import Citation
from followup_rules.effects import Budget, Effect, Guidance, LiftBudgets, Resource, Stop
from followup_rules.facts import Contact, Facts
from followup_rules.rules._fields import advice_field, enum_field
from followup_rules.rules.base import citation_field, count_field, days_field, id_field

__all__ = ["LiftAfterSilence", "StageBudget", "StopAfterMessages"]


def _counts(resource: Resource, contact: Contact) -> bool:
    if resource is Resource.MESSAGES:
        return contact.outcome.left_message
    return contact.outcome.delivered


@attrs.frozen
class StageBudget:
    """At most ``limit`` of ``resource`` per stage; a new interview starts a new budget.

    ``advice`` is what the document says to do once the budget is spent (None: nothing).
    """

    id: str = id_field()
    resource: Resource = enum_field(Resource)
    limit: int = count_field(default=1)
    advice: str | None = advice_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        used = sum(_counts(self.resource, c) for c in facts.follow_ups)
        left = max(0, self.limit - used)
        why = f"{left} of {self.limit} {self.resource.value} remain"
        yield Budget(self.resource, left, self.limit, why, spent=self.advice)


@attrs.frozen
class LiftAfterSilence:
    """After ``days`` without an answer to a follow-up, spent budgets stop blocking.

    The silence runs from the latest unanswered contact that used a budget (the one call, the
    one message). Once ``days`` pass without another, the limits are lifted until they reply
    or a new stage starts: calls made after the lift never re-impose the wait. After a reply,
    the silence runs from the last exchange.
    """

    id: str = id_field()
    days: int = days_field(default=14)
    advice: str | None = advice_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        if not facts.follow_ups:
            return
        since = self._silent_since(facts)
        lifted = since + timedelta(days=self.days)
        yield LiftBudgets(
            lifted, f"{self.days} days without an answer since {day(since)} lift the limits"
        )
        if self.advice is not None and facts.today >= lifted:
            yield Guidance(self.advice)

    def _silent_since(self, facts: Facts) -> date:
        """The day the silence runs from: the first budgeted contact ``days`` of quiet followed."""
        spent = [c.day for c in facts.unanswered if c.outcome.delivered or c.outcome.left_message]
        if not spent:
            return facts.last_exchange
        gap = timedelta(days=self.days)
        return next(
            (day for day, later in itertools.pairwise(spent) if later >= day + gap), spent[-1]
        )


@attrs.frozen
class StopAfterMessages:
    """After ``limit`` unanswered messages left, stop and assume the answer is no."""

    id: str = id_field()
    limit: int = count_field(default=2)
    advice: str | None = advice_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        left = sum(c.outcome.left_message for c in facts.unanswered)
        if left >= self.limit:
            yield Stop(f"{left} messages left without a reply: assume it is a no")
            if self.advice is not None:
                yield Guidance(self.advice)
            return
        remaining = self.limit - left
        yield Budget(
            Resource.MESSAGES, remaining, self.limit, f"{remaining} of {self.limit} messages remain"
        )
