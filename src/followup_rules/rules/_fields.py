"""Field helpers shared by the rule primitives."""

from __future__ import annotations

from typing import Any

import attrs

from followup_rules.errors import RuleSetDefinitionError
from followup_rules.vocabulary import Channel

__all__ = ["advice_field", "channel_field", "enum_field", "instance_of", "text_check"]


def enum_field(kind: type[Any], **kwargs: Any) -> Any:
    return attrs.field(kw_only=True, validator=instance_of(kind), **kwargs)


def channel_field() -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, Channel):
            raise RuleSetDefinitionError(
                f"{type(instance).__name__}.{attribute.name} is {value!r}: expected a Channel "
                f"or None"
            )

    return attrs.field(default=None, kw_only=True, validator=check)


def instance_of(kind: type[Any], *, optional: bool = False) -> Any:
    """A validator refusing anything but a ``kind`` (or None, when ``optional``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if optional and value is None:
            return
        if not isinstance(value, kind):
            valid = ", ".join(f"{kind.__name__}.{member.name}" for member in kind)
            also = " or None" if optional else ""
            raise RuleSetDefinitionError(
                f"{type(instance).__name__}.{attribute.name} is {value!r}: expected one of "
                f"{valid}{also}"
            )

    return check


def text_check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but non-empty text."""
    if not isinstance(value, str) or not value.strip():
        raise RuleSetDefinitionError(
            f"{type(instance).__name__}.{attribute.name} is {value!r}: expected non-empty text"
        )


def advice_field() -> Any:
    """Optional guidance text: None, or non-empty text; left out of the rule's ``repr``, which
    reads as the rule's timing rather than its prose."""
    return attrs.field(
        default=None, kw_only=True, repr=False, validator=attrs.validators.optional(text_check)
    )
