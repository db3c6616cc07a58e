"""The rule sets: one module per source document, and the registry that names them."""

from followup_rules.rulesets.registry import (
    BUILT_IN,
    Registry,
    default,
    get,
    names,
    register,
    resolve,
)

__all__ = ["BUILT_IN", "Registry", "default", "get", "names", "register", "resolve"]
