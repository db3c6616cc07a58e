"""Checks of the arguments public functions are handed, and how a bad value reads in a message.

Each check refuses a bad value with an ``InvalidArgumentError`` naming the argument, showing the
value and saying what was expected. A value is shown short, whatever its size, and with control
characters escaped: a message never grows with the value, nor carries its line breaks.
"""

from __future__ import annotations

import enum
import re
import reprlib
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, TypeGuard, TypeVar, overload

from followup_rules.errors import InvalidArgumentError

__all__ = [
    "MAX_SHOWN_PATH",
    "SHOWN_LIST_CHARS",
    "check_collection",
    "check_day",
    "check_instance",
    "check_integer",
    "is_slug",
    "member_of",
    "short_repr",
    "shown",
    "shown_list",
    "shown_path",
]

SHOWN_LIST_CHARS = 200
"""How much of a list of valid values a message shows before saying how many more there are."""

MAX_SHOWN_PATH = 200
"""The longest file name a message shows in full."""

T = TypeVar("T")
E = TypeVar("E", bound=enum.Enum)

_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


class _Shown(reprlib.Repr):
    """A short ``repr`` of a bad value, whatever its size; dates and times in ISO form."""

    def __init__(self) -> None:
        super().__init__()
        self.maxlevel, self.maxstring, self.maxother = 3, 80, 80
        self.maxlist = self.maxdict = self.maxtuple = 6

    def repr_date(self, value: date, level: int) -> str:
        return value.isoformat()

    repr_datetime = repr_time = repr_date


short_repr = _Shown()
"""The ``reprlib.Repr`` behind ``shown``, for code that calls its ``repr`` method."""

shown = short_repr.repr


def shown_list(values: Iterable[object]) -> str:
    """``values`` shown one by one, up to about ``SHOWN_LIST_CHARS``, then how many more."""
    items = [shown(value) for value in values]
    text: list[str] = []
    for item in items:
        if text and sum(len(part) + 2 for part in text) + len(item) > SHOWN_LIST_CHARS:
            return f"{', '.join(text)} and {len(items) - len(text)} more"
        text.append(item)
    return ", ".join(text)


def shown_path(text: str) -> str:
    """A file's name as messages begin with it: as given if short and printable, else shown."""
    return text if text and len(text) <= MAX_SHOWN_PATH and text.isprintable() else shown(text)


def is_slug(value: object, *, max_length: int | None = None) -> TypeGuard[str]:
    """Whether ``value`` is lower-case letters and digits joined by single hyphens: the one
    form of every name a person types and a program looks up (rule ids, rule-set names,
    application ids, check ids), so that a name reads the same in a file, a URL and a shell."""
    return (
        isinstance(value, str)
        and (max_length is None or len(value) <= max_length)
        and _SLUG.fullmatch(value) is not None
    )


def member_of(vocabulary: type[E], value: object) -> E | None:
    """The member of ``vocabulary`` that ``value`` is, or names by its value (``"email"``);
    None if neither: the one reading of a vocabulary's values, in files, tables and calls."""
    if isinstance(value, vocabulary):
        return value
    if isinstance(value, str):
        try:
            return vocabulary(value)
        except ValueError:
            return None
    return None


def check_day(name: str, value: object, expected: str = "a datetime.date") -> date:
    """``value`` if it is a date (a datetime is not: which day it falls on depends on a zone)."""
    if type(value) is date:
        return value
    if isinstance(value, datetime) or not isinstance(value, date):
        raise InvalidArgumentError(f"{name}={shown(value)}: expected {expected}")
    return value


def check_integer(name: str, value: object) -> int:
    """``value`` if it is a whole number (True and False are not)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgumentError(f"{name}={shown(value)}: expected a whole number")
    return value


def check_instance(
    name: str,
    value: object,
    kind: type[T],
    expected: str,
    error: Callable[[str], Exception] = InvalidArgumentError,
) -> T:
    """``value`` if it is a ``kind``."""
    if not isinstance(value, kind):
        raise error(f"{name}={shown(value)}: expected {expected}")
    return value


@overload
def check_collection(
    name: str,
    value: Iterable[T],
    expected: str,
    error: Callable[[str], Exception] = ...,
) -> list[T]: ...


@overload
def check_collection(
    name: str,
    value: object,
    expected: str,
    error: Callable[[str], Exception] = ...,
) -> list[object]: ...


def check_collection(
    name: str,
    value: object,
    expected: str,
    error: Callable[[str], Exception] = InvalidArgumentError,
) -> list[Any]:
    """The items of ``value`` if it is a collection: text and bytes are single values here."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise error(f"{name}={shown(value)}: expected {expected}")
    return list(value)
