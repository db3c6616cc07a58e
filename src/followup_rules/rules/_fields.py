"""Field helpers shared by the rule primitives."""

from __future__ import annotations

from typing import Any

import attrs

from followup_rules._checks import shown
from followup_rules.errors import RuleSetDefinitionError
from followup_rules.vocabulary import Channel

__all__ = [
    "advice_field",
    "channel_field",
    "enum_field",
    "instance_of",
    "parameter_error",
    "text_check",
]


def parameter_error(instance: object, field: str, value: object, expected: str) -> Exception:
    """A rule's refusal of one of its parameters: the rule's class, the parameter, the value and
    what was expected, with the parameter kept apart for a file reader to point at."""
    return RuleSetDefinitionError(
        f"{type(instance).__name__}.{field} is {shown(value)}: expected {expected}", field=field
    )


def enum_field(kind: type[Any], **kwargs: Any) -> Any:
    return attrs.field(kw_only=True, validator=instance_of(kind), **kwargs)


def channel_field() -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if value is not None and not isinstance(value, Channel):
            raise parameter_error(instance, attribute.name, value, "a Channel or None")

    return attrs.field(default=None, kw_only=True, validator=check)


def instance_of(kind: type[Any], *, optional: bool = False) -> Any:
    """A validator refusing anything but a ``kind`` (or None, when ``optional``)."""

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if optional and value is None:
            return
        if not isinstance(value, kind):
            valid = ", ".join(f"{kind.__name__}.{member.name}" for member in kind)
            also = " or None" if optional else ""
            raise parameter_error(instance, attribute.name, value, f"one of {valid}{also}")

    return check


def text_check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """Refuse anything but non-empty text."""
    if not isinstance(value, str) or not value.strip():
        raise parameter_error(instance, attribute.name, value, "non-empty text")


def advice_field() -> Any:
    """Optional guidance text: None, or non-empty text; left out of the rule's ``repr``, which
    reads as the rule's timing rather than its prose."""
    return attrs.field(
        default=None, kw_only=True, repr=False, validator=attrs.validators.optional(text_check)
    )
