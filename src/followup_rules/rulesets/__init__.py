"""The rule sets: one module per source document, the registry that names them, and your own.

``load(path)`` reads a rule set written in TOML, ``from_dict(data)`` the same structure as
Python data; ``to_dict(ruleset)`` and ``to_toml(ruleset)`` write one back out (see
``rulesets._document``).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from followup_rules.rulesets.registry import (
    BUILT_IN,
    DEFAULT,
    DOCUMENTS,
    ENTRY_POINT_GROUP,
    NO_PLUGINS_VARIABLE,
    FailedPlugin,
    Registry,
    compared,
    default,
    get,
    names,
    plugin_errors,
    plugins_switched_off,
    register,
    resolve,
    what_it_does,
)

__all__ = [
    "BUILT_IN",
    "DEFAULT",
    "DOCUMENTS",
    "ENTRY_POINT_GROUP",
    "NO_PLUGINS_VARIABLE",
    "FailedPlugin",
    "Registry",
    "compared",
    "default",
    "from_dict",
    "get",
    "load",
    "loads",
    "names",
    "plugin_errors",
    "plugins_switched_off",
    "register",
    "resolve",
    "to_dict",
    "to_toml",
    "what_it_does",
]

if TYPE_CHECKING:
    from followup_rules.rulesets._document import from_dict, load, loads, to_dict, to_toml

_FROM_LOAD = frozenset({"from_dict", "load", "loads", "to_dict", "to_toml"})
"""The TOML reader and writer, imported on first use: evaluating never needs them."""


def __getattr__(name: str) -> object:
    if name not in _FROM_LOAD:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module("followup_rules.rulesets._document"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
