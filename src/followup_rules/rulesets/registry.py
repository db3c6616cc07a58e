"""The registry of rule sets: a plain table of the built-ins, and the plugins installed.

It is also where ``rules=`` becomes something the engine can run: :func:`prepare` adds the
common rules to a composition and pairs every rule with the reference a decision cites, and
:func:`evaluate` resolves and prepares its rules once per name, rule set or composition before
handing them to the engine, which knows no documents.

A plugin is a rule set from another distribution, declared in the entry-point group
``followup_rules.rulesets``; each entry point is named after its rule set and names a
:class:`RuleSet` object (``my-coach = "my_coach_rules:RULESET"``). Plugins are read on the
registry's first use, never on import, and only add names: ``default()``, and with it
``evaluate(history, today)``, stays the five documents whatever is installed. A plugin that
cannot be loaded is skipped and reported, once: one broken distribution must not take the
built-in rule sets, or the other plugins, down with it.
"""

from __future__ import annotations

import functools
import importlib
import os
import threading
import warnings
from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING

import attrs

from followup_rules._checks import check_collection, check_instance, is_slug, shown
from followup_rules.decision import Decision
from followup_rules.engine import Prepared, PreparedPart, decide, ref
from followup_rules.errors import PluginWarning, RuleSetDefinitionError, UnknownRuleSetError
from followup_rules.history import History
from followup_rules.ruleset import Composition, RuleSet, RulesLike
from followup_rules.rulesets import common

if TYPE_CHECKING:
    from importlib import metadata

__all__ = [
    "BUILT_IN",
    "DEFAULT",
    "DOCUMENTS",
    "ENTRY_POINT_GROUP",
    "NO_PLUGINS_VARIABLE",
    "PREPARED_KEPT",
    "FailedPlugin",
    "Registry",
    "compared",
    "default",
    "evaluate",
    "get",
    "names",
    "plugin_errors",
    "plugins_switched_off",
    "prepare",
    "register",
    "resolve",
    "what_it_does",
]

DOCUMENTS: tuple[str, ...] = (
    "career_staffing",
    "right_changes",
    "five_rules",
    "three_by_three",
    "call_back",
)
"""The modules of ``rulesets/`` that hold a document, each with its ``RULESET``, in order.

A new document is one line here; nothing else in the library names it.
"""


_MODULES = tuple(importlib.import_module(f"{__package__}.{module}") for module in DOCUMENTS)

BUILT_IN: tuple[RuleSet, ...] = tuple(module.RULESET for module in _MODULES)
"""The rule sets that come with the library, one for each module of :data:`DOCUMENTS`."""


def what_it_does(ruleset: RuleSet) -> Mapping[str, str]:
    """What each rule of a built-in rule set does, in a sentence, by rule id: its module's
    ``WHAT_IT_DOES``, which its docs page shows too; empty for any other rule set (a variant,
    a plugin, a document in TOML), whose rules are told by their kind and parameters."""
    check_instance("ruleset", ruleset, RuleSet, "a RuleSet, such as fr.rulesets.get(name)")
    for module in _MODULES:
        if module.RULESET is ruleset:
            described: Mapping[str, str] = module.WHAT_IT_DOES
            return described
    return {}


DEFAULT: tuple[str, ...] = (
    "career-staffing",
    "right-changes",
    "five-rules",
    "three-by-three",
    "call-back",
)
"""The rule sets ``rules=None`` composes: the five source documents, in the order of their seeds.

Its own list, not every built-in: a document added to the library is used by name until this
list is changed on purpose, so adding one never changes what ``evaluate(history, today)``
answers.
"""

ENTRY_POINT_GROUP = "followup_rules.rulesets"
"""The entry-point group other distributions declare their rule sets in."""

NO_PLUGINS_VARIABLE = "FOLLOWUP_RULES_NO_PLUGINS"
"""Set to anything but an empty string or ``0``, no plugin is loaded."""

_RESERVED = {common.NAME: "the common rules every evaluation follows, a reserved name"}


def plugins_switched_off() -> bool:
    """Whether ``FOLLOWUP_RULES_NO_PLUGINS`` is set to anything but ``""`` or ``"0"``."""
    return os.environ.get(NO_PLUGINS_VARIABLE, "") not in ("", "0")


@attrs.frozen(kw_only=True)
class FailedPlugin:
    """A plugin the registry skipped, and why; ``Registry.plugin_errors()`` lists them.

    ``name`` and ``value`` are the entry point's (``weekly-coach``, ``coach_rules:RULESET``),
    ``distribution`` and ``version`` those of the distribution that declares it (None when
    unknown), and ``error`` what is wrong with it. ``str()`` is what the warning says.
    """

    name: str
    value: str
    distribution: str | None
    version: str | None
    error: str

    @property
    def plugin(self) -> str:
        """The plugin, its entry point and its distribution, as messages name them."""
        where = (
            "an unknown distribution"
            if self.distribution is None
            else f"{self.distribution} {self.version}"
        )
        return f"the plugin {self.name!r} (entry point {self.name} = {self.value}, from {where})"

    def __str__(self) -> str:
        return (
            f"{self.plugin} is skipped: {self.error}; fix, rename or uninstall it, or set "
            f"{NO_PLUGINS_VARIABLE}=1 to load no plugins"
        )


def _failed(entry: metadata.EntryPoint, error: str) -> FailedPlugin:
    dist = entry.dist
    return FailedPlugin(
        name=entry.name,
        value=entry.value,
        distribution=None if dist is None else dist.name,
        version=None if dist is None else dist.version,
        error=error,
    )


def _origin(entry: metadata.EntryPoint) -> str:
    """How a plugin is named in messages: its entry point and its distribution."""
    return _failed(entry, "").plugin


def _taken(name: str, owner: str) -> str:
    return f"the name {name!r} is already taken by {owner}, and a plugin never overrides a rule set"


def _refuse(entry: metadata.EntryPoint, owner: str | None, namesakes: list[str]) -> None:
    """Refuse an entry point badly named, or named like another rule set, before importing it."""
    if not is_slug(entry.name):
        raise RuleSetDefinitionError(
            f"an entry point of {ENTRY_POINT_GROUP} is named after its rule set, a lower-case "
            f"slug such as 'my-coach'"
        )
    if owner is not None:
        raise RuleSetDefinitionError(_taken(entry.name, owner))
    if namesakes:
        raise RuleSetDefinitionError(
            f"the name {entry.name!r} is also that of {' and '.join(namesakes)}, and a plugin "
            f"never overrides another: none of them is loaded"
        )


def _plugin(entry: metadata.EntryPoint) -> RuleSet:
    """The rule set an entry point names, refused unless it is a RuleSet of the same name.

    Whatever importing the plugin raises is the plugin's fault and refuses it, ``SystemExit``
    included (a ``sys.exit()`` or an argument parser run at module level): a broken package
    installed beside this library must not end its caller's process. ``KeyboardInterrupt``
    alone goes through: it is the user asking the whole process to stop, raised wherever the
    process happens to be, not something the plugin did; swallowing it would make Ctrl-C during
    a slow import do nothing. The registry then loads nothing and tries again at its next use.
    """
    try:
        ruleset = entry.load()
    except KeyboardInterrupt:
        raise
    except BaseException as error:
        said = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
        raise RuleSetDefinitionError(f"importing it raised {said}") from error
    if not isinstance(ruleset, RuleSet):
        raise RuleSetDefinitionError(
            f"it gives {shown(ruleset)}: expected a followup_rules.RuleSet"
        )
    if ruleset.name != entry.name:
        raise RuleSetDefinitionError(
            f"it gives the rule set {ruleset.name!r}: an entry point of {ENTRY_POINT_GROUP} "
            f"must be named after its rule set"
        )
    return ruleset


class Registry:
    """Rule sets by name. A name is registered once, and never overridden.

    ``rulesets`` are the registry's own (None: the built-in ones), and ``default()`` composes
    those named in ``default`` (None: :data:`DEFAULT` for the built-in ones, else every rule set
    given). Rule sets added with ``register`` or by plugins are used by name only. With
    ``plugins`` on, the rule sets of the ``followup_rules.rulesets`` entry points are added at
    the first call of any method, unless ``FOLLOWUP_RULES_NO_PLUGINS`` is set then.

    A plugin that cannot be loaded (its import raises, it gives no ``RuleSet`` or one of
    another name) or whose name is taken (by a built-in, by ``common``, by another plugin) is
    skipped, never half loaded and never an override. It is reported once: a
    :class:`~followup_rules.errors.PluginWarning` at that first call, and for good in
    ``plugin_errors()``. The registry never imports it again, and every other rule set works.
    """

    def __init__(
        self,
        rulesets: Iterable[RuleSet] | None = None,
        *,
        default: Iterable[str] | None = None,
        plugins: bool = True,
    ) -> None:
        self._by_name: dict[str, RuleSet] = {}
        self._origins: dict[str, str] = dict(_RESERVED)
        check_instance("plugins", plugins, bool, "True or False")
        given = BUILT_IN if rulesets is None else rulesets
        for ruleset in check_collection("rulesets", given, "a collection of rule sets"):
            built_in = any(ruleset is known for known in BUILT_IN)
            self._add(ruleset, "a built-in rule set" if built_in else "a rule set of the registry")
        if default is None:
            default = DEFAULT if rulesets is None else tuple(self._by_name)
        self._own = tuple(self._by_name.values())
        self._default = self._owned(default)
        self._plugins_pending = plugins
        self._loading = False
        self._failed: tuple[FailedPlugin, ...] = ()
        self._lock = threading.RLock()

    def _owned(self, names: Iterable[str]) -> tuple[RuleSet, ...]:
        """The registry's own rule sets called ``names``, which ``default()`` composes."""
        expected = f"names of the registry's own rule sets: {', '.join(self._by_name)}"
        found = []
        for name in check_collection("default", names, expected, RuleSetDefinitionError):
            ruleset = self._by_name.get(name) if isinstance(name, str) else None
            if ruleset is None:
                raise RuleSetDefinitionError(f"default names {shown(name)}: expected {expected}")
            found.append(ruleset)
        return tuple(found)

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
        """Add the installed plugins once, and warn once of each one skipped.

        The warnings come after the registry is complete: where warnings are errors, the
        first one is raised from this call, and the next calls find the plugins loaded.
        """
        for failed in self._load_once():
            # Attributed to the registry (stacklevel=1): the fault is the plugin's, not that
            # of the caller's line that happened to use the registry first.
            warnings.warn(PluginWarning(str(failed)), stacklevel=1)

    def _load_once(self) -> tuple[FailedPlugin, ...]:
        """The plugins skipped, if this call is the one that loads them; else none.

        A call made while the plugins load (by a plugin's module) sees none of them.
        """
        with self._lock:
            if not self._plugins_pending or self._loading:
                return ()
            if plugins_switched_off():
                self._plugins_pending = False
                return ()
            self._loading = True
            try:
                loaded, failed = self._discover()
            finally:
                self._loading = False
            for entry, ruleset in loaded:
                owner = self._origins.get(ruleset.name)
                if owner is None:
                    self._by_name[ruleset.name] = ruleset
                    self._origins[ruleset.name] = _origin(entry)
                else:  # registered while the plugins loaded
                    failed.append(_failed(entry, _taken(ruleset.name, owner)))
            self._failed = tuple(sorted(failed, key=lambda record: (record.name, record.value)))
            self._plugins_pending = False
            return self._failed

    def _discover(self) -> tuple[list[tuple[metadata.EntryPoint, RuleSet]], list[FailedPlugin]]:
        """Each plugin's rule set, and the plugins skipped; a clash is refused before import."""
        from importlib import metadata  # on first use: it costs a tenth of the import

        entries = sorted(
            metadata.entry_points(group=ENTRY_POINT_GROUP),
            key=lambda entry: (entry.name, entry.value),
        )
        loaded, failed = [], []
        for entry in entries:
            namesakes = [other for other in entries if other.name == entry.name]
            others = [_origin(other) for other in namesakes if other is not entry]
            try:
                _refuse(entry, self._origins.get(entry.name), others)
                loaded.append((entry, _plugin(entry)))
            except RuleSetDefinitionError as error:
                failed.append(_failed(entry, str(error)))
        return loaded, failed

    def register(self, ruleset: RuleSet) -> None:
        """Add ``ruleset`` under its name, to be used by name (not in ``default()``)."""
        self._load_plugins()
        self._add(ruleset, "a rule set registered with register()")

    def plugin_errors(self) -> tuple[FailedPlugin, ...]:
        """The plugins skipped, in the order of their names; empty when every plugin loaded.

        Like every method, it loads the plugins at the registry's first use (and so warns
        then of each one skipped); after that, the same records, whichever call asks.
        """
        self._load_plugins()
        return self._failed

    def names(self) -> tuple[str, ...]:
        """The registry's own names in order, then the plugins' and the registered ones."""
        self._load_plugins()
        return tuple(self._by_name)

    def compared(self) -> tuple[str, ...]:
        """The names compared when none is named: the default's, then the plugins' and the
        registered ones.

        A built-in rule set left out of the default is compared when named, like it is
        composed: adding a document to the library changes no default answer or table.
        """
        self._load_plugins()
        own = {ruleset.name for ruleset in self._own}
        chosen = {ruleset.name for ruleset in self._default}
        return tuple(name for name in self._by_name if name in chosen or name not in own)

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
        """The registry's default rule sets at once: what ``rules=None`` means.

        For the default registry, the five documents of :data:`DEFAULT`. Plugins and
        registered rule sets never join it, so installing a package cannot change what
        ``evaluate(history, today)`` answers.
        """
        self._load_plugins()
        return Composition(self._default)

    def resolve(self, rules: RulesLike) -> Composition:
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
compared = _DEFAULT.compared
plugin_errors = _DEFAULT.plugin_errors
get = _DEFAULT.get
register = _DEFAULT.register
default = _DEFAULT.default
resolve = _DEFAULT.resolve


def prepare(composition: Composition) -> Prepared:
    """The common rules, then each part's rules, each with the reference a decision cites."""
    shared = tuple(
        (ref(common.NAME, rule.id), rule)
        for rule in common.rules(business_days_only=composition.business_days_only)
    )
    parts = tuple(
        PreparedPart(
            part.name, part.scope, tuple((ref(part.name, rule.id), rule) for rule in part.rules)
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
        return decide(history, today, _prepared(key, resolve))
    return decide(history, today, prepare(resolve(rules)))


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
