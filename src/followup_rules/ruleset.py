"""Rule sets, and their composition by intersection."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any, TypeAlias, cast

import attrs

from followup_rules._checks import check_collection, check_instance, is_slug, shown
from followup_rules.citations import Citation, Source
from followup_rules.errors import (
    InvalidArgumentError,
    RuleSetDefinitionError,
    UnknownRuleSetError,
)
from followup_rules.message_checks import MessageCheck
from followup_rules.rules.base import Rule
from followup_rules.vocabulary import Stage

__all__ = ["MAX_DERIVED_NAME", "Composition", "RuleSet", "RulesLike", "Scope"]

MAX_DERIVED_NAME = 80
"""The longest name a variant gets by default; past it, ``name=`` must be given."""


_DEFINITION = RuleSetDefinitionError


COMMON = "common"
"""The common rules' name: a rule set of that name, and no other, may have no rules of its own
(``rulesets.common.alone()``, the common rules alone)."""


def check_name(value: object) -> None:
    """Refuse a rule-set name that is not a lower-case slug."""
    if not is_slug(value):
        raise RuleSetDefinitionError(
            f"rule-set name {shown(value)}: expected a lower-case slug such as 'five-rules'"
        )


def _check_name(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_name(value)


def _check_some_rules(instance: RuleSet, attribute: attrs.Attribute[Any], value: object) -> None:
    """A rule set of no rules would speak for a document that says nothing: refused, as
    ``without()`` refuses to drop the last rule; the common rules alone are named so."""
    if not value and instance.name != COMMON:
        raise RuleSetDefinitionError(
            f"rule set {instance.name!r} has no rules: expected at least one rule (for the "
            f"common rules alone, fr.rulesets.common.alone())"
        )


def _check_version(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_instance("version", value, str, "a string such as '1.0'", _DEFINITION)


def _check_source(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None:
        check_instance("source", value, Source, "a followup_rules.Source or None", _DEFINITION)


def _check_flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_instance(attribute.name, value, bool, "True or False", _DEFINITION)


def _rules(values: Iterable[object]) -> tuple[Rule, ...]:
    rules: list[Rule] = []
    for rule in check_collection("rules", values, "a collection of rules", _DEFINITION):
        if not isinstance(rule, Rule):
            raise RuleSetDefinitionError(
                f"{shown(rule)} is not a rule: expected an object with id, citation and "
                f"apply(facts)"
            )
        if rule.id in {known.id for known in rules}:
            raise RuleSetDefinitionError(f"rule id {rule.id!r} appears twice: ids must be unique")
        rules.append(rule)
    return tuple(rules)


def _evolve(rule: Rule, params: dict[str, Any]) -> Rule:
    """``rule`` with new parameter values, checked by the rule's own validators."""
    kind = type(rule)
    if not attrs.has(kind):
        raise RuleSetDefinitionError(
            f"rule {rule.id!r} is a {kind.__name__}, not an attrs class: with_params changes "
            f"the primitives of followup_rules.rules (or any attrs rule); build a new rule instead"
        )
    known = [field.alias for field in attrs.fields(kind) if field.init and field.alias != "id"]
    if not params:
        raise RuleSetDefinitionError(
            f"with_params({rule.id!r}) changes nothing: expected one or more of {', '.join(known)}"
        )
    unknown = sorted(set(params) - set(known))
    if unknown:
        raise RuleSetDefinitionError(
            f"rule {rule.id!r} ({kind.__name__}) has no parameter "
            f"{', '.join(map(repr, unknown))}: expected one of {', '.join(known)}"
        )
    return cast(Rule, attrs.evolve(cast(Any, rule), **params))


def _messages(values: Iterable[object]) -> tuple[MessageCheck, ...]:
    checks: list[MessageCheck] = []
    expected = "a collection of MessageCheck"
    for check in check_collection("messages", values, expected, _DEFINITION):
        if not isinstance(check, MessageCheck):
            raise RuleSetDefinitionError(f"messages holds {shown(check)}: expected {expected}")
        if check.id in {known.id for known in checks}:
            raise RuleSetDefinitionError(
                f"message check id {check.id!r} appears twice: ids must be unique"
            )
        checks.append(check)
    return tuple(checks)


_STAGES = ", ".join(f"Stage.{stage.name}" for stage in Stage)


def _stages(values: object) -> frozenset[Stage]:
    expected = f"one or more of {_STAGES}"
    items = check_collection("Scope.stages", values, expected, RuleSetDefinitionError)
    stages = [stage for stage in items if isinstance(stage, Stage)]
    if not stages or len(stages) < len(items):
        raise RuleSetDefinitionError(f"Scope.stages={shown(values)}: expected {expected}")
    return frozenset(stages)


def _check_stage(stage: object) -> None:
    if not isinstance(stage, Stage):
        raise InvalidArgumentError(f"stage={shown(stage)}: expected one of {_STAGES}")


def _check_scope_citation(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Citation):
        raise RuleSetDefinitionError(f"Scope.citation={shown(value)}: expected a Citation")


@attrs.frozen
class Scope:
    """The stages a document speaks to, and the passage that says so.

    Outside them its rule set is silent: it gives no opinion, and in a composition it adds
    nothing, not even the days it would rule out.
    """

    stages: frozenset[Stage] = attrs.field(converter=_stages)
    citation: Citation = attrs.field(kw_only=True, validator=_check_scope_citation)

    def covers(self, stage: Stage) -> bool:
        _check_stage(stage)
        return stage in self.stages

    def describe(self) -> str:
        """The scope in a job seeker's words: ``after an interview``."""
        return " and ".join(_SCOPE_WORDS[stage] for stage in Stage if stage in self.stages)


_SCOPE_WORDS = {
    Stage.PRE_INTERVIEW: "before an interview",
    Stage.POST_INTERVIEW: "after an interview",
}


def _check_scope(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, Scope):
        raise RuleSetDefinitionError(f"RuleSet.scope is {value!r}: expected a Scope or None")


@attrs.frozen(repr=False)
class RuleSet:
    """One philosophy of following up: named, versioned, sourced, made of cited rules.

    Every rule set also follows the common rules (a definite answer ends it, one contact a
    day, nothing while they are away) and, unless ``business_days_only`` is off, contacts on
    business days only. A ``scope`` limits it to the stages its document speaks to (None: every
    stage); outside them it is silent. ``messages`` are the document's checks of a message's
    words: data, which a variant keeps.

    ``without``, ``only`` and ``with_params`` derive variants: new rule sets with the same
    version and source under a name of their own, so a variant can be composed or compared
    with the rule set it came from. The original never changes.
    """

    name: str = attrs.field(validator=_check_name)
    rules: tuple[Rule, ...] = attrs.field(converter=_rules, validator=_check_some_rules)
    version: str = attrs.field(default="1.0", kw_only=True, validator=_check_version)
    source: Source | None = attrs.field(default=None, kw_only=True, validator=_check_source)
    business_days_only: bool = attrs.field(default=True, kw_only=True, validator=_check_flag)
    scope: Scope | None = attrs.field(default=None, kw_only=True, validator=_check_scope)
    messages: tuple[MessageCheck, ...] = attrs.field(default=(), kw_only=True, converter=_messages)
    """What the document asks of a message's words (see ``followup_rules.messages``)."""

    @property
    def parts(self) -> tuple[RuleSet, ...]:
        return (self,)

    def covers(self, stage: Stage) -> bool:
        """Whether the document speaks to ``stage``: without a scope, it speaks to all."""
        _check_stage(stage)
        return self.scope is None or self.scope.covers(stage)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(rule.id for rule in self.rules)

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise UnknownRuleSetError(
            f"no rule {shown(rule_id)} in {self.name!r}: expected one of {', '.join(self.ids)}"
        )

    def without(self, *rule_ids: str, name: str | None = None) -> RuleSet:
        """The same rule set less these rules; by default named ``<name>-without-<ids>``."""
        dropped = self._chosen("without", rule_ids)
        kept = tuple(rule for rule in self.rules if rule.id not in dropped)
        if not kept:
            raise RuleSetDefinitionError(
                f"{self.name!r} without {', '.join(dropped)} would have no rules: keep at least one"
            )
        return self._variant(kept, name, "without", *dropped)

    def only(self, *rule_ids: str, name: str | None = None) -> RuleSet:
        """These rules alone, in this rule set's order; by default named ``<name>-only-<ids>``."""
        kept = self._chosen("only", rule_ids)
        return self._variant(
            tuple(rule for rule in self.rules if rule.id in kept), name, "only", *kept
        )

    def with_params(self, rule_id: str, /, *, name: str | None = None, **params: Any) -> RuleSet:
        """The same rule set with new values for one rule's parameters.

        The rule is rebuilt with ``attrs.evolve``, so its own validators check the values.
        By default the variant is named ``<name>-custom-<rule id>``: the name says which rule
        changed, not how, so two variants of one rule need ``name=`` to be told apart.
        """
        changed = _evolve(self.rule(rule_id), params)
        rules = tuple(changed if rule.id == rule_id else rule for rule in self.rules)
        return self._variant(rules, name, "custom", rule_id)

    def _chosen(self, method: str, rule_ids: tuple[str, ...]) -> tuple[str, ...]:
        """The given rule ids in this rule set's order; each must be a rule of it, once."""
        if not rule_ids:
            raise RuleSetDefinitionError(
                f"{self.name}.{method}() needs at least one rule id: expected some of "
                f"{', '.join(self.ids)}"
            )
        for index, rule_id in enumerate(rule_ids):
            self.rule(rule_id)
            if rule_id in rule_ids[:index]:
                raise RuleSetDefinitionError(
                    f"{self.name}.{method}() is given rule id {rule_id!r} twice: name it once"
                )
        return tuple(rule_id for rule_id in self.ids if rule_id in rule_ids)

    def _variant(self, rules: tuple[Rule, ...], name: str | None, *words: str) -> RuleSet:
        derived = "-".join((self.name, *words))
        if name is None:
            if not is_slug(derived, max_length=MAX_DERIVED_NAME):
                raise RuleSetDefinitionError(
                    f"cannot name a variant of {self.name!r} {derived!r}: a default name must "
                    f"be a lower-case slug of at most {MAX_DERIVED_NAME} characters; pass name="
                )
            name = derived
        if name == self.name:
            raise RuleSetDefinitionError(
                f"a variant of {self.name!r} named {name!r} too: a variant needs a name of its "
                f"own, so that decisions never credit the original with its rules"
            )
        return attrs.evolve(self, name=name, rules=rules)

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
            f"cannot compose with {shown(value)}: expected a RuleSet or a Composition"
        )
    return value.parts


def _canonical(values: Iterable[RuleSet]) -> tuple[RuleSet, ...]:
    by_name: dict[str, RuleSet] = {}
    for item in check_collection("parts", values, "a collection of rule sets", _DEFINITION):
        part = check_instance("part", item, RuleSet, "a followup_rules.RuleSet", _DEFINITION)
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


RulesLike: TypeAlias = str | RuleSet | Composition | Iterable[str | RuleSet | Composition] | None
"""What ``rules=`` accepts: a registered name, a rule set, a composition, several of them, or
None for the composition of the five built-in rule sets. ``evaluate`` and the functions built
on it compose several into one; ``compare`` gives each its own row."""
