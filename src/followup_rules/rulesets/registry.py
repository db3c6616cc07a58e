"""The registry of rule sets: a plain table of the built-ins, validated as it is filled."""

from __future__ import annotations

from collections.abc import Iterable

from followup_rules.errors import RuleSetDefinitionError, UnknownRuleSetError
from followup_rules.ruleset import Composition, RuleSet
from followup_rules.rulesets import (
    call_back,
    career_staffing,
    five_rules,
    right_changes,
    three_by_three,
)

__all__ = ["BUILT_IN", "Registry", "default", "get", "names", "register", "resolve"]

BUILT_IN: tuple[RuleSet, ...] = (
    career_staffing.RULESET,
    right_changes.RULESET,
    five_rules.RULESET,
    three_by_three.RULESET,
    call_back.RULESET,
)
"""The five source documents, in the order of their seeds."""


class Registry:
    """Rule sets by name. A name is registered once: a clash is an error, never an override."""

    def __init__(self, rulesets: Iterable[RuleSet] = BUILT_IN) -> None:
        self._by_name: dict[str, RuleSet] = {}
        for ruleset in rulesets:
            self.register(ruleset)

    def register(self, ruleset: RuleSet) -> None:
        if not isinstance(ruleset, RuleSet):
            raise RuleSetDefinitionError(f"{ruleset!r} is not a RuleSet")
        if ruleset.name in self._by_name:
            raise RuleSetDefinitionError(
                f"a rule set named {ruleset.name!r} is already registered: choose another name"
            )
        self._by_name[ruleset.name] = ruleset

    def names(self) -> tuple[str, ...]:
        return tuple(self._by_name)

    def get(self, name: str, *, version: str | None = None) -> RuleSet:
        """The rule set called ``name``; with ``version``, only if it is that version."""
        ruleset = self._by_name.get(name) if isinstance(name, str) else None
        if ruleset is None:
            raise UnknownRuleSetError(
                f"unknown rule set {name!r}: expected one of {', '.join(self.names())}"
            )
        if version is not None and version != ruleset.version:
            raise UnknownRuleSetError(
                f"rule set {name!r} is version {ruleset.version}, not {version!r}"
            )
        return ruleset

    def default(self) -> Composition:
        """Every registered rule set at once: a contact each of them would accept."""
        return Composition(self._by_name.values())

    def resolve(
        self, rules: str | RuleSet | Composition | Iterable[str | RuleSet | Composition] | None
    ) -> Composition:
        """Whatever ``rules=`` was given, as a composition."""
        if rules is None:
            return self.default()
        if isinstance(rules, RuleSet | Composition):
            return Composition(rules.parts)
        if isinstance(rules, str):
            return Composition(self.get(name.strip()) for name in rules.split("+"))
        if not isinstance(rules, Iterable):
            raise UnknownRuleSetError(
                f"rules={rules!r}: expected a rule-set name, a RuleSet, a Composition, several "
                f"of these, or None"
            )
        return Composition(part for item in rules for part in self.resolve(item).parts)


_DEFAULT = Registry()

names = _DEFAULT.names
get = _DEFAULT.get
register = _DEFAULT.register
default = _DEFAULT.default
resolve = _DEFAULT.resolve
