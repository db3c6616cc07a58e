"""Tables for the command line: fitted to the terminal's width, coloured on a terminal.

The library's own tables (``str(comparison)``) stay as they are, one line per row, for code and
doctests; the command line shows the same decisions for a person at a terminal: each count
in its own column, dates without the year when it is the current one, rule references
qualified by their rule set, and the ``why`` column wrapped to the width left.
"""

from __future__ import annotations

import os
import shutil
import sys
import textwrap
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from itertools import zip_longest
from typing import TextIO

import attrs

from followup_rules._format import DAY_NAMES
from followup_rules.decision import Decision
from followup_rules.vocabulary import Action

__all__ = [
    "DECISION_COLUMNS",
    "Paint",
    "Screen",
    "decision_cells",
    "differing",
    "short_day",
    "table",
]

Paint = Callable[[int, str], str]
"""Colours one padded cell: its column and its text."""

DECISION_COLUMNS = (
    "action",
    "next date",
    "window end",
    "purpose",
    "channel",
    "follow-ups left",
    "messages left",
    "why (rule set/rule)",
)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

_NARROWEST_WHY = 24
"""Below this width the ``why`` column goes under its row, across the whole width."""


def short_day(value: date | None, today: date) -> str:
    """``Tue 1 Dec``, with the year only when it is not today's: the heading names today."""
    if value is None:
        return "-"
    year = "" if value.year == today.year else f" {value.year}"
    return f"{DAY_NAMES[value.weekday()][:3]} {value.day} {_MONTHS[value.month - 1]}{year}"


def _count(left: int | None) -> str:
    return "no limit" if left is None else str(left)


def decision_cells(decision: Decision) -> tuple[str, ...]:
    """One decision's cells, in the order of ``DECISION_COLUMNS``."""
    from followup_rules.compare import _why  # the comparisons load on first use

    d = decision
    return (
        d.action.value + (" (overdue)" if d.overdue else ""),
        short_day(d.next_date, d.today),
        short_day(d.window_end, d.today),
        d.purpose.value if d.purpose else "-",
        d.channel.value if d.channel else "-",
        _count(d.follow_ups_left),
        _count(d.messages_left),
        _why(d, qualified=True),
    )


def differing(rows: Iterable[tuple[str, ...]], header: Sequence[str]) -> list[str]:
    """The columns, but the last (``why``), on which the rows differ."""
    cells = list(rows)
    return [
        name for index, name in enumerate(header[:-1]) if len({line[index] for line in cells}) > 1
    ]


def table(
    header: Sequence[str], lines: Sequence[tuple[str, ...]], *, width: int, paint: Paint
) -> list[str]:
    """Columns padded to their widest cell (a heading wraps at its spaces), the last column
    wrapped to the width left, or under its row when that is too narrow for its longest word (a
    rule reference is never broken) or narrower than ``_NARROWEST_WHY``."""
    fixed = [
        max([*(len(word) for word in name.split()), *(len(line[i]) for line in lines)])
        for i, name in enumerate(header[:-1])
    ]
    left = width - sum(fixed) - 2 * len(fixed)
    longest = max([_NARROWEST_WHY, *(len(word) for line in lines for word in line[-1].split())])
    below = left < longest
    last = max(width - 4, _NARROWEST_WHY) if below else left
    widths = [*fixed, last]
    heading = [textwrap.wrap(name, w) for name, w in zip(header, widths, strict=True)]
    text = _rows(heading, widths, lambda column, cell: paint(-1, cell))
    text.append("  ".join("-" * w for w in widths[: len(fixed) + (not below)]))
    for line in lines:
        cells = [[cell] for cell in line[:-1]]
        wrapped = _wrap(line[-1], last) or [""]
        if below:
            text += _rows(cells, fixed, paint)
            text += [f"    {part}" for part in wrapped]
        else:
            text += _rows([*cells, wrapped], widths, paint)
    return text


def _wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width, break_on_hyphens=False, break_long_words=False)


def _rows(cells: list[list[str]], widths: Sequence[int], paint: Paint) -> list[str]:
    """The physical lines of one row whose cells may take several lines."""
    return [
        "  ".join(
            paint(column, part if column == len(widths) - 1 else part.ljust(w))
            for column, (part, w) in enumerate(zip(parts, widths, strict=True))
        ).rstrip()
        for parts in zip_longest(*cells, fillvalue="")
    ]


_COLOURS = {
    Action.FOLLOW_UP.value: "1;32",
    Action.WAIT.value: "33",
    Action.STOP.value: "1;31",
    Action.BLOCKED.value: "31",
    Action.SILENT.value: "2",
    Action.DONE.value: "2",
}
"""ANSI colours of the action cells: what to do now stands out, what is over fades."""


_PIPE_WIDTH = 100
"""The width of a table written to a file or a pipe, unless ``COLUMNS`` names one."""


@attrs.frozen
class Screen:
    """Where the tables go: its width, and whether it shows colour."""

    width: int
    colour: bool

    @classmethod
    def of(cls, stream: TextIO | None) -> Screen:
        """The terminal's width (or ``COLUMNS``), and colour only on a terminal and not when
        the ``NO_COLOR`` convention (no-color.org) asks for none."""
        terminal = stream is not None and stream.isatty()
        if terminal or "COLUMNS" in os.environ:
            width = shutil.get_terminal_size((_PIPE_WIDTH, 24)).columns
        else:
            width = _PIPE_WIDTH
        return cls(width, terminal and not os.environ.get("NO_COLOR"))

    @classmethod
    def standard_output(cls) -> Screen:
        return cls.of(sys.stdout)

    def table(
        self, header: Sequence[str], lines: Sequence[tuple[str, ...]], *, actions: int = -2
    ) -> list[str]:
        """``table`` fitted to this screen; ``actions`` is the column of actions to colour."""
        paint: Paint = _plain
        if self.colour:
            paint = lambda column, cell: _coloured(column, cell, actions)  # noqa: E731
        return table(header, lines, width=self.width, paint=paint)


def _plain(column: int, cell: str) -> str:
    return cell


def _coloured(column: int, cell: str, action_column: int) -> str:
    if column == -1:
        return f"\033[1m{cell}\033[0m"
    code = _COLOURS.get(cell.split(" ")[0]) if column == action_column else None
    return f"\033[{code}m{cell}\033[0m" if code else cell
