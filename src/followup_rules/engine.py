"""The engine core: history to facts, facts to effects, effects to a decision.

It knows no documents: it takes a :class:`Prepared` composition, whose rules (the common
ones included) are already paired with their references. Resolving rule-set names and adding
the common rules is the registry's work (``followup_rules.rulesets.registry``), so a rule set
made in a test, a plugin or a benchmark runs through exactly this code.
"""

from __future__ import annotations

import functools
from datetime import date, datetime
from typing import get_args

import attrs

from followup_rules.decision import Decision, Reason, RuleRef
from followup_rules.effects import ALL_PURPOSES, Effect, NotBefore
from followup_rules.errors import (
    InvalidArgumentError,
    OutsideHolidayDataError,
    RuleSetDefinitionError,
)
from followup_rules.facts import Facts
from followup_rules.history import History
from followup_rules.resolution import Ruled, resolve
from followup_rules.rules.base import Rule
from followup_rules.ruleset import RulesLike, Scope

__all__ = ["Prepared", "PreparedPart", "RulesLike", "decide", "ref"]

_EFFECT_TYPES = get_args(Effect)
_EXACT_EFFECT_TYPES = frozenset(_EFFECT_TYPES)


_Rules = tuple[tuple[RuleRef, Rule], ...]


@attrs.frozen
class PreparedPart:
    """One rule set of a composition: its rules with their references, and its scope."""

    name: str
    scope: Scope | None
    rules: _Rules


@attrs.frozen
class Prepared:
    """A composition ready to apply: every rule in order with its reference, and the versions.

    Working this out once is what lets a batch pay for it once rather than once per history.
    """

    common: _Rules
    parts: tuple[PreparedPart, ...]
    versions: tuple[tuple[str, str], ...]


def decide(history: History, today: date | datetime, prepared: Prepared) -> Decision:
    """The decision on ``today`` for ``history`` under ``prepared`` (``evaluate`` without the
    look-up of its rules)."""
    facts, ruled, silent = _effects(history, today, prepared)
    return resolve(ruled, facts, prepared.versions, silent=silent)


def _effects(
    history: History, today: date | datetime, prepared: Prepared
) -> tuple[Facts, list[Ruled], tuple[Reason, ...]]:
    """The facts of ``history`` on ``today``, every effect each rule has on them, and the
    rule sets that are silent here (outside their scope), each as the reason it is silent."""
    if not isinstance(history, History):
        raise InvalidArgumentError(f"history {history!r} is not a History")
    if not isinstance(today, date):
        raise InvalidArgumentError(
            f"today is {today!r}: expected a datetime.date or an aware datetime"
        )
    facts = history.facts(history.calendar.day_of(today))
    ruled: list[Ruled] = []
    silent: list[Reason] = []
    _apply(prepared.common, facts, ruled)
    for part in prepared.parts:
        if part.scope is None or part.scope.covers(facts.stage):
            _apply(part.rules, facts, ruled)
        else:
            silent.append(_silence(part.name, part.scope))
    return facts, ruled, tuple(silent)


def _apply(rules: _Rules, facts: Facts, ruled: list[Ruled]) -> None:
    """Each rule's effects on ``facts``, checked and added to ``ruled`` with its reference.

    A day a rule needs past the holiday data becomes a wait until then: the days past the data
    are unknown, so no day is proposed there, and the decision is BLOCKED, with this rule's
    reason, rather than an error about a year nobody asked about. The effects it gave before
    that are kept.
    """
    for ref, rule in rules:
        try:
            for effect in rule.apply(facts):
                if type(effect) not in _EXACT_EFFECT_TYPES and not isinstance(
                    effect, _EFFECT_TYPES
                ):
                    raise RuleSetDefinitionError(
                        f"rule {ref} returned {effect!r}: expected effects from "
                        f"followup_rules.effects"
                    )
                ruled.append(Ruled(ref, rule.citation, effect))
        except OutsideHolidayDataError as unknown:
            past = date(facts.calendar.years[1] + 1, 1, 1)
            wait = NotBefore(past, str(unknown), purposes=ALL_PURPOSES)
            ruled.append(Ruled(ref, rule.citation, wait))


@functools.lru_cache(maxsize=256)
def _silence(name: str, scope: Scope) -> Reason:
    return Reason(
        ref(name, "scope"),
        scope.citation,
        f"silent: this document covers {scope.describe()} only",
        True,
    )


@functools.lru_cache(maxsize=4096)
def ref(ruleset: str, rule_id: str) -> RuleRef:
    """One shared reference per rule: references are values, made for every evaluation."""
    return RuleRef(ruleset, rule_id)
