"""``evaluate``: history to facts, facts to effects, effects to a decision."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import get_args

from followup_rules.decision import Decision, RuleRef
from followup_rules.effects import Effect
from followup_rules.errors import InvalidArgumentError, RuleSetDefinitionError
from followup_rules.history import Facts, History
from followup_rules.resolution import Ruled, resolve
from followup_rules.rules.base import Rule
from followup_rules.ruleset import Composition, RuleSet
from followup_rules.rulesets import common, registry

__all__ = ["RulesLike", "evaluate", "facts_and_effects"]

RulesLike = str | RuleSet | Composition | Iterable[str | RuleSet | Composition] | None
"""What ``rules=`` accepts: a registered name, a rule set, a composition, several of
these, or None for the composition of the five built-in rule sets."""

_EFFECT_TYPES = get_args(Effect)


def evaluate(history: History, today: date | datetime, *, rules: RulesLike = None) -> Decision:
    """Should the seeker follow up on ``today``, and if not, when; how; and why.

    ``today`` is always passed in: the library never reads the clock.
    """
    composition = registry.resolve(rules)
    facts, ruled = facts_and_effects(history, today, composition)
    versions = tuple((part.name, part.version) for part in composition.parts)
    return resolve(ruled, facts, versions)


def facts_and_effects(
    history: History, today: date | datetime, composition: Composition
) -> tuple[Facts, list[Ruled]]:
    """The facts of ``history`` on ``today``, and every effect each rule has on them."""
    if not isinstance(history, History):
        raise InvalidArgumentError(f"history {history!r} is not a History")
    if not isinstance(today, date):
        raise InvalidArgumentError(
            f"today is {today!r}: expected a datetime.date or an aware datetime"
        )
    facts = history.facts(history.calendar.day_of(today))
    ruled: list[Ruled] = []
    for rule in common.rules(business_days_only=composition.business_days_only):
        ruled.extend(_apply(common.NAME, rule, facts))
    for part in composition.parts:
        for rule in part.rules:
            ruled.extend(_apply(part.name, rule, facts))
    return facts, ruled


def _apply(ruleset: str, rule: Rule, facts: Facts) -> list[Ruled]:
    ref = RuleRef(ruleset, rule.id)
    ruled = []
    for effect in rule.apply(facts):
        if not isinstance(effect, _EFFECT_TYPES):
            raise RuleSetDefinitionError(
                f"rule {ref} returned {effect!r}: expected effects from followup_rules.effects"
            )
        ruled.append(Ruled(ref, rule.citation, effect))
    return ruled
