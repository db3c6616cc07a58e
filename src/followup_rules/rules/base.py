"""What a rule is, and the checks every rule primitive applies to its parameters."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, Protocol, runtime_checkable

import attrs

from followup_rules._checks import is_slug
from followup_rules.citations import Citation
from followup_rules.effects import Effect
from followup_rules.facts import Facts
from followup_rules.rules._fields import parameter_error

__all__ = [
    "MAX_DAYS",
    "Rule",
    "check_range",
    "citation_field",
    "count_field",
    "days_field",
    "id_field",
]

MAX_DAYS = 366
"""The longest wait or cadence a rule may name, in days (calendar or business)."""


@runtime_checkable
class Rule(Protocol):
    """A rule: an id, the passage it stands on, and the effects it has on the facts.

    Users implement this to write their own rules; nothing needs to be inherited. ``apply``
    must look at the facts alone, never at other rules, and return effects only.
    """

    @property
    def id(self) -> str: ...

    @property
    def citation(self) -> Citation: ...

    def apply(self, facts: Facts) -> Iterable[Effect]: ...


def _check_id(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not is_slug(value):
        raise parameter_error(
            instance, attribute.name, value, "a lower-case slug such as 'wait-a-week'"
        )


def check_range(instance: object, name: str, value: object, low: int, high: int) -> None:
    """Refuse anything but a whole number from ``low`` to ``high`` (booleans included)."""
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise parameter_error(instance, name, value, f"a whole number from {low} to {high}")


def _range_check(low: int, high: int) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        check_range(instance, attribute.name, value, low, high)

    return check


def _check_citation(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Citation):
        raise parameter_error(instance, attribute.name, value, "a Citation")


def id_field() -> Any:
    return attrs.field(validator=_check_id)


def citation_field() -> Any:
    return attrs.field(kw_only=True, repr=False, validator=_check_citation)


def days_field(*, default: int | None = None, low: int = 1) -> Any:
    check = _range_check(low, MAX_DAYS)
    if default is None:
        return attrs.field(kw_only=True, validator=check)
    return attrs.field(default=default, kw_only=True, validator=check)


def count_field(*, default: int) -> Any:
    return attrs.field(default=default, kw_only=True, validator=_range_check(1, 100))
