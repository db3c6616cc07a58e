"""The rules every rule set follows, stated once rather than in each document's module."""

from __future__ import annotations

from followup_rules.citations import Citation, Source
from followup_rules.rules import BusinessDaysOnly, EndOnDefiniteAnswer, NotWhileAway, OneContactADay
from followup_rules.rules.base import Rule
from followup_rules.ruleset import COMMON, RuleSet

__all__ = ["NAME", "SOURCE", "alone", "rules"]

NAME = COMMON

SOURCE = Source(
    "Conventions shared by the five source documents",
    "followup_rules",
)

_BUSINESS_DAYS = BusinessDaysOnly(
    "business-days-only",
    citation=Citation(
        SOURCE,
        "all five documents speak of reaching people at work: calls to a hiring manager, "
        "HR staff or a receptionist",
    ),
)

_COMMON: tuple[Rule, ...] = (
    EndOnDefiniteAnswer(
        "definite-answer",
        citation=Citation(
            SOURCE,
            "every document follows up until a definite yes or no; a request to stop or a "
            "withdrawal ends it as well",
        ),
    ),
    NotWhileAway(
        "not-while-away",
        citation=Citation(
            SOURCE,
            "a contact is for a person at work: none before the first business day they are back",
        ),
    ),
    OneContactADay(
        "one-contact-a-day",
        citation=Citation(
            SOURCE,
            "no document spaces contacts closer than a day; the Five Rules count even daily "
            "contact as too much",
        ),
    ),
)


def rules(*, business_days_only: bool) -> tuple[Rule, ...]:
    """The common rules, with the business-day rule unless it was turned off."""
    return (*_COMMON, _BUSINESS_DAYS) if business_days_only else _COMMON


def alone(*, business_days_only: bool = True) -> RuleSet:
    """The common rules alone, as ``rules=``: a rule set of no rules of its own, which only
    this name may be (a rule set named ``common`` is never registered)."""
    return RuleSet(NAME, (), source=SOURCE, business_days_only=business_days_only)
