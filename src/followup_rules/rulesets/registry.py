"""The registry of rule sets: a plain table of the built-ins, and the plugins installed.

A plugin is a rule set from another distribution, declared in the entry-point group
``followup_rules.rulesets``; each entry point is named after its rule set and names a
:class:`RuleSet` object (``my-coach = "my_coach_rules:RULESET"``). Plugins are read on the
registry's first use, never on import, and only add names: ``default()``, and with it
``evaluate(history, today)``, stays the five documents whatever is installed.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Iterable
from importlib import metadata

from followup_rules._checks import check_collection, check_instance, shown
from followup_rules.errors import RuleSetDefinitionError, UnknownRuleSetError
from followup_rules.ruleset import Composition, RuleSet
from followup_rules.rulesets import (
    call_back,
    career_staffing,
    common,
    five_rules,
    right_changes,
    three_by_three,
)

__all__ = [
    "BUILT_IN",
    "ENTRY_POINT_GROUP",
    "NO_PLUGINS_VARIABLE",
    "Registry",
    "default",
    "get",
    "names",
    "plugins_switched_off",
    "register",
    "resolve",
]

BUILT_IN: tuple[RuleSet, ...] = (
    career_staffing.RULESET,
    right_changes.RULESET,
    five_rules.RULESET,
    three_by_three.RULESET,
    call_back.RULESET,
)
"""The five source documents, in the order of their seeds."""

ENTRY_POINT_GROUP = "followup_rules.rulesets"
"""The entry-point group other distributions declare their rule sets in."""

NO_PLUGINS_VARIABLE = "FOLLOWUP_RULES_NO_PLUGINS"
"""Set to anything but an empty string or ``0``, no plugin is loaded."""

_NAME = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

_RESERVED = {common.NAME: "the common rules every evaluation follows, a reserved name"}


def plugins_switched_off() -> bool:
    """Whether ``FOLLOWUP_RULES_NO_PLUGINS`` is set to anything but ``""`` or ``"0"``."""
    return os.environ.get(NO_PLUGINS_VARIABLE, "") not in ("", "0")


def _describe(entry: metadata.EntryPoint) -> str:
    dist = entry.dist
    where = "an unknown distribution" if dist is None else f"{dist.name} {dist.version}"
    return f"the plugin {entry.name!r} (entry point {entry.name} = {entry.value}, from {where})"


def _refuse_clash(name: str, origin: str, owner: str | None) -> None:
    if owner is not None:
        raise RuleSetDefinitionError(
            f"{origin} cannot be registered: the name {name!r} is already taken by {owner}, "
            f"and a plugin never overrides a rule set; rename or uninstall the plugin, or set "
            f"{NO_PLUGINS_VARIABLE}=1 to load no plugins"
        )


def _plugin(entry: metadata.EntryPoint, origin: str) -> RuleSet:
    """The rule set an entry point names, refused unless it is a RuleSet of the same name."""
    if not _NAME.fullmatch(entry.name):
        raise RuleSetDefinitionError(
            f"{origin}: an entry point of {ENTRY_POINT_GROUP} is named after its rule set, "
            f"a lower-case slug such as 'my-coach'"
        )
    try:
        ruleset = entry.load()
    except Exception as error:
        raise RuleSetDefinitionError(
            f"{origin} cannot be loaded: {type(error).__name__}: {error}"
        ) from error
    if not isinstance(ruleset, RuleSet):
        raise RuleSetDefinitionError(
            f"{origin} gives {shown(ruleset)}: expected a followup_rules.RuleSet"
        )
    if ruleset.name != entry.name:
        raise RuleSetDefinitionError(
            f"{origin} gives the rule set {ruleset.name!r}: an entry point of "
            f"{ENTRY_POINT_GROUP} must be named after its rule set"
        )
    return ruleset


class Registry:
    """Rule sets by name. A name is registered once: a clash is an error, never an override.

    ``rulesets`` are the registry's own, and ``default()`` composes them. Rule sets added
    with ``register`` or by plugins are used by name only. With ``plugins`` on, the rule sets
    of the ``followup_rules.rulesets`` entry points are added at the first call of any
    method, unless ``FOLLOWUP_RULES_NO_PLUGINS`` is set then. A plugin that cannot be
    loaded, or whose name is taken, is an error at every call until it is fixed, removed or
    switched off: nothing is ever half loaded or silently skipped.
    """

    def __init__(self, rulesets: Iterable[RuleSet] = BUILT_IN, *, plugins: bool = True) -> None:
        self._by_name: dict[str, RuleSet] = {}
        self._origins: dict[str, str] = dict(_RESERVED)
        check_instance("plugins", plugins, bool, "True or False")
        for ruleset in check_collection("rulesets", rulesets, "a collection of rule sets"):
            built_in = any(ruleset is known for known in BUILT_IN)
            self._add(ruleset, "a built-in rule set" if built_in else "a rule set of the registry")
        self._own = tuple(self._by_name.values())
        self._plugins_pending = plugins
        self._loading = False
        self._lock = threading.RLock()

    def _add(self, ruleset: object, origin: str) -> None:
        if not isinstance(ruleset, RuleSet):
            raise RuleSetDefinitionError(f"{shown(ruleset)} is not a RuleSet")
        owner = self._origins.get(ruleset.name)
        if owner is not None:
            raise RuleSetDefinitionError(
                f"a rule set named {ruleset.name!r} is already registered ({owner}): "
                f"choose another name"
            )
        self._by_name[ruleset.name] = ruleset
        self._origins[ruleset.name] = origin

    def _load_plugins(self) -> None:
        """Add the installed plugins, all or none, once; a call made while loading sees none."""
        with self._lock:
            if not self._plugins_pending or self._loading:
                return
            if plugins_switched_off():
                self._plugins_pending = False
                return
            self._loading = True
            try:
                found = self._discover()
            finally:
                self._loading = False
            for ruleset, origin in found:
                _refuse_clash(ruleset.name, origin, self._origins.get(ruleset.name))
            for ruleset, origin in found:
                self._by_name[ruleset.name] = ruleset
                self._origins[ruleset.name] = origin
            self._plugins_pending = False

    def _discover(self) -> list[tuple[RuleSet, str]]:
        """Each plugin's rule set and where it comes from; a clash is refused before import."""
        taken = dict(self._origins)
        found = []
        entries = metadata.entry_points(group=ENTRY_POINT_GROUP)
        for entry in sorted(entries, key=lambda entry: (entry.name, entry.value)):
            origin = _describe(entry)
            _refuse_clash(entry.name, origin, taken.get(entry.name))
            found.append((_plugin(entry, origin), origin))
            taken[entry.name] = origin
        return found

    def register(self, ruleset: RuleSet) -> None:
        """Add ``ruleset`` under its name, to be used by name (not in ``default()``)."""
        self._load_plugins()
        self._add(ruleset, "a rule set registered with register()")

    def names(self) -> tuple[str, ...]:
        """The registry's own names in order, then the plugins' and the registered ones."""
        self._load_plugins()
        return tuple(self._by_name)

    def get(self, name: str, *, version: str | None = None) -> RuleSet:
        """The rule set called ``name``; with ``version``, only if it is that version."""
        self._load_plugins()
        ruleset = self._by_name.get(name) if isinstance(name, str) else None
        if ruleset is None:
            raise UnknownRuleSetError(
                f"unknown rule set {shown(name)}: expected one of {', '.join(self.names())}"
            )
        if version is not None and version != ruleset.version:
            raise UnknownRuleSetError(
                f"rule set {name!r} is version {ruleset.version}, not {shown(version)}"
            )
        return ruleset

    def default(self) -> Composition:
        """The registry's own rule sets at once: what ``rules=None`` means.

        For the default registry, the five documents. Plugins and registered rule sets never
        join it, so installing a package cannot change what ``evaluate(history, today)``
        answers.
        """
        self._load_plugins()
        return Composition(self._own)

    def resolve(
        self, rules: str | RuleSet | Composition | Iterable[str | RuleSet | Composition] | None
    ) -> Composition:
        """Whatever ``rules=`` was given, as a composition."""
        if rules is None:
            return self.default()
        if isinstance(rules, RuleSet | Composition):
            self._load_plugins()
            return Composition(rules.parts)
        if isinstance(rules, str):
            return Composition(self.get(name.strip()) for name in rules.split("+"))
        if isinstance(rules, bytes) or not isinstance(rules, Iterable):
            raise UnknownRuleSetError(
                f"rules={shown(rules)}: expected a rule-set name, a RuleSet, a Composition, "
                f"several of these, or None"
            )
        return Composition(part for item in rules for part in self.resolve(item).parts)


_DEFAULT = Registry()

names = _DEFAULT.names
get = _DEFAULT.get
register = _DEFAULT.register
default = _DEFAULT.default
resolve = _DEFAULT.resolve
