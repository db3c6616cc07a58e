"""Field helpers shared by the rule primitives."""

from __future__ import annotations

from typing import Any

import attrs

from followup_rules.errors import RuleSetDefinitionError
from followup_rules.vocabulary import Channel

__all__ = ["channel_field", "enum_field"]


def enum_field(kind: type[Any], **kwargs: Any) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if not isinstance(value, kind):
            valid = ", ".join(f"{kind.__name__}.{member.name}" for member in kind)
            raise RuleSetDefinitionError(
                f"{type(instance).__name__}.{attribute.name} is {value!r}: expected one of {valid}"
            )

    return attrs.field(kw_only=True, validator=check, **kwargs)


def channel_field() -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, Channel):
            raise RuleSetDefinitionError(
                f"{type(instance).__name__}.{attribute.name} is {value!r}: expected a Channel "
                f"or None"
            )

    return attrs.field(default=None, kw_only=True, validator=check)
