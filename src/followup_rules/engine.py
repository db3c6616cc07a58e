"""``evaluate``: history to facts, facts to effects, effects to a decision."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
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
from followup_rules.history import Facts, History
from followup_rules.resolution import Ruled, resolve
from followup_rules.rules.base import Rule
from followup_rules.ruleset import Composition, RuleSet, Scope
from followup_rules.rulesets import common, registry
from followup_rules.typing import RulesLike

__all__ = ["Prepared", "PreparedPart", "RulesLike", "decide", "evaluate", "prepare"]

"""What ``rules=`` accepts: a registered name, a rule set, a composition, several of
these, or None for the composition of the five built-in rule sets."""

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


def prepare(composition: Composition) -> Prepared:
    """The common rules, then each part's rules, each with the reference a decision cites."""
    shared = tuple(
        (_ref(common.NAME, rule.id), rule)
        for rule in common.rules(business_days_only=composition.business_days_only)
    )
    parts = tuple(
        PreparedPart(
            part.name, part.scope, tuple((_ref(part.name, rule.id), rule) for rule in part.rules)
        )
        for part in composition.parts
    )
    versions = tuple((part.name, part.version) for part in composition.parts)
    return Prepared(shared, parts, versions)


def evaluate(history: History, today: date | datetime, *, rules: RulesLike = None) -> Decision:
    """Should the seeker follow up on ``today``, and if not, when; how; and why.

    ``today`` is always passed in: the library never reads the clock. The rules are resolved
    and prepared once per rule set object, name or composition (see :func:`_prepared`).
    """
    if isinstance(rules, str | RuleSet | Composition) or rules is None:
        key = rules if isinstance(rules, str) or rules is None else _Same(rules)
        return decide(history, today, _prepared(key, registry.resolve))
    return decide(history, today, prepare(registry.resolve(rules)))


PREPARED_KEPT = 64
"""How many prepared compositions ``evaluate`` keeps, the least recently used dropped first."""


@attrs.frozen(eq=False)
class _Same:
    """A rule set or composition as a key by identity: hashing one by value would cost more
    than preparing it."""

    rules: RuleSet | Composition

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.rules is self.rules

    def __hash__(self) -> int:
        return id(self.rules)


@functools.lru_cache(maxsize=PREPARED_KEPT)
def _prepared(key: str | _Same | None, resolver: Callable[[RulesLike], Composition]) -> Prepared:
    """``key``'s rules, resolved by ``resolver`` and prepared, once for every evaluation.

    Rule sets and compositions are immutable, and a name, once it resolves, resolves to the
    same rule set for good (a registry only adds names, and refuses a name taken), so the result
    can be kept; ``resolver`` is part of the key, so a registry put in place of the default one
    is asked afresh. A key entry keeps its rule set alive while it is kept.
    """
    rules = key.rules if isinstance(key, _Same) else key
    return prepare(resolver(rules))


def decide(history: History, today: date | datetime, prepared: Prepared) -> Decision:
    """``evaluate`` with the rules already prepared."""
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
    for ref, rule in rules:
        for effect in _applied(rule, facts):
            if type(effect) not in _EXACT_EFFECT_TYPES and not isinstance(effect, _EFFECT_TYPES):
                raise RuleSetDefinitionError(
                    f"rule {ref} returned {effect!r}: expected effects from followup_rules.effects"
                )
            ruled.append(Ruled(ref, rule.citation, effect))


@functools.lru_cache(maxsize=256)
def _silence(name: str, scope: Scope) -> Reason:
    return Reason(
        _ref(name, "scope"),
        scope.citation,
        f"silent: this document covers {scope.describe()} only",
        True,
    )


def _applied(rule: Rule, facts: Facts) -> Iterator[Effect]:
    """The rule's effects; a day it needs past the holiday data becomes a wait until then.

    The days past the data are unknown, so no day is proposed there: the decision is BLOCKED,
    with this rule's reason, rather than an error about a year nobody asked about.
    """
    try:
        yield from rule.apply(facts)
    except OutsideHolidayDataError as unknown:
        past = date(facts.calendar.years[1] + 1, 1, 1)
        yield NotBefore(past, str(unknown), purposes=ALL_PURPOSES)


@functools.lru_cache(maxsize=4096)
def _ref(ruleset: str, rule_id: str) -> RuleRef:
    """One shared reference per rule: references are values, made for every evaluation."""
    return RuleRef(ruleset, rule_id)
