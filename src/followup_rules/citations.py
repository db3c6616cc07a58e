"""Where a rule comes from: the source document and the passage behind it."""

from __future__ import annotations

from typing import Any

import attrs

from followup_rules._checks import check_instance

__all__ = ["Citation", "Source"]


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A string, or None where None is the default."""
    if value is not None or attribute.default is not None:
        check_instance(attribute.name, value, str, "a string")


@attrs.frozen
class Source:
    """A source document: what it is called and who published or wrote it."""

    title: str = attrs.field(validator=_text)
    author: str = attrs.field(validator=_text)
    url: str | None = attrs.field(default=None, kw_only=True, validator=_text)

    def __str__(self) -> str:
        return f"{self.author}, \u201c{self.title}\u201d"


def _source(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_instance("source", value, Source, "a followup_rules.Source")


@attrs.frozen
class Citation:
    """A passage of a source, located by a heading, a numbered question or opening words."""

    source: Source = attrs.field(validator=_source)
    locator: str = attrs.field(validator=_text)

    def __str__(self) -> str:
        return f"{self.source}, {self.locator}"
