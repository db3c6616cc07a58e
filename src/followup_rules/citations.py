"""Where a rule comes from: the source document and the passage behind it."""

from __future__ import annotations

import attrs

__all__ = ["Citation", "Source"]


@attrs.frozen
class Source:
    """A source document: what it is called and who published or wrote it."""

    title: str
    author: str
    url: str | None = attrs.field(default=None, kw_only=True)

    def __str__(self) -> str:
        return f"{self.author}, \u201c{self.title}\u201d"


@attrs.frozen
class Citation:
    """A passage of a source, located by a heading, a numbered question or opening words."""

    source: Source
    locator: str

    def __str__(self) -> str:
        return f"{self.source}, {self.locator}"
