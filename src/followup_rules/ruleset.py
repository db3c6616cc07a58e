"""Rule sets, and their composition by intersection."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import attrs

from followup_rules.citations import Source
from followup_rules.errors import RuleSetDefinitionError, UnknownRuleSetError
from followup_rules.rules.base import Rule

__all__ = ["Composition", "RuleSet"]

_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def _check_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not _NAME.fullmatch(value):
        raise RuleSetDefinitionError(
            f"rule-set name {value!r}: expected a lower-case slug such as 'five-rules'"
        )


def _rules(values: Iterable[object]) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for rule in values:
        if not isinstance(rule, Rule):
            raise RuleSetDefinitionError(
                f"{rule!r} is not a rule: expected an object with id, citation and apply(facts)"
            )
        if rule.id in {known.id for known in rules}:
            raise RuleSetDefinitionError(f"rule id {rule.id!r} appears twice: ids must be unique")
        rules.append(rule)
    return tuple(rules)


@attrs.frozen(repr=False)
class RuleSet:
    """One philosophy of following up: named, versioned, sourced, made of cited rules.

    Every rule set also follows the common rules (a definite answer ends it, one contact a
    day, nothing while they are away) and, unless ``business_days_only`` is off, contacts on
    business days only.
    """

    name: str = attrs.field(validator=_check_name)
    rules: tuple[Rule, ...] = attrs.field(converter=_rules)
    version: str = attrs.field(default="1.0", kw_only=True)
    source: Source | None = attrs.field(default=None, kw_only=True)
    business_days_only: bool = attrs.field(default=True, kw_only=True)

    @property
    def parts(self) -> tuple[RuleSet, ...]:
        return (self,)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(rule.id for rule in self.rules)

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise UnknownRuleSetError(
            f"no rule {rule_id!r} in {self.name!r}: expected one of {', '.join(self.ids)}"
        )

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __add__(self, other: RuleSet | Composition) -> Composition:
        return Composition(self.parts + _parts(other))

    def __repr__(self) -> str:
        rules = "".join(f"\n    {rule!r}," for rule in self.rules)
        return f"RuleSet({self.name!r}, version={self.version!r}, rules=[{rules}\n])"


def _parts(value: object) -> tuple[RuleSet, ...]:
    if not isinstance(value, RuleSet | Composition):
        raise RuleSetDefinitionError(
            f"cannot compose with {value!r}: expected a RuleSet or a Composition"
        )
    return value.parts


def _canonical(values: Iterable[RuleSet]) -> tuple[RuleSet, ...]:
    by_name: dict[str, RuleSet] = {}
    for part in values:
        known = by_name.setdefault(part.name, part)
        if known != part:
            raise RuleSetDefinitionError(
                f"two different rule sets named {part.name!r} in one composition: rename one"
            )
    if not by_name:
        raise RuleSetDefinitionError("an empty composition: expected at least one rule set")
    return tuple(by_name[name] for name in sorted(by_name))


@attrs.frozen
class Composition:
    """Rule sets applied together: only what every one of them allows.

    Parts are kept sorted by name with repeats removed, so ``a + b == b + a`` and
    ``a + a == a + a + a``.
    """

    parts: tuple[RuleSet, ...] = attrs.field(converter=_canonical)

    @property
    def name(self) -> str:
        return "+".join(part.name for part in self.parts)

    @property
    def business_days_only(self) -> bool:
        return any(part.business_days_only for part in self.parts)

    def __add__(self, other: RuleSet | Composition) -> Composition:
        return Composition(self.parts + _parts(other))
