"""The rule sets: one module per source document, the registry that names them, and your own.

``load(path)`` reads a rule set written in TOML, ``from_dict(data)`` the same structure as
Python data; ``to_dict(ruleset)`` and ``to_toml(ruleset)`` write one back out (see
``followup_rules.load``).
"""

from followup_rules.load import from_dict, load, loads, to_dict, to_toml
from followup_rules.rulesets.registry import (
    BUILT_IN,
    ENTRY_POINT_GROUP,
    NO_PLUGINS_VARIABLE,
    FailedPlugin,
    Registry,
    default,
    get,
    names,
    plugin_errors,
    plugins_switched_off,
    register,
    resolve,
)

__all__ = [
    "BUILT_IN",
    "ENTRY_POINT_GROUP",
    "NO_PLUGINS_VARIABLE",
    "FailedPlugin",
    "Registry",
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
]
