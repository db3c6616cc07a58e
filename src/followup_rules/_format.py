"""How days and rule references read to a person."""

from __future__ import annotations

import functools
from datetime import date

__all__ = ["DAY_NAMES", "day", "text_table"]

DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""Weekday names in English whatever the process locale (``%a`` follows ``LC_TIME``), so a
decision reads, and compares, the same on every machine."""


@functools.lru_cache(maxsize=4096)
def day(value: date) -> str:
    """``Tue 2026-11-17``: the weekday matters to most rules, so it is always shown.

    Kept for the last few thousand days: rules name the same few days in every decision of a
    batch, and formatting one costs more than looking it up."""
    return f"{DAY_NAMES[value.weekday()][:3]} {value.isoformat()}"


def text_table(header: tuple[str, ...], lines: list[tuple[str, ...]]) -> list[str]:
    """Columns padded to their widest cell, a rule of dashes under the header."""
    table = [header, *lines]
    widths = [max(len(line[i]) for line in table) for i in range(len(header))]
    text = [
        "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
        for line in table
    ]
    text.insert(1, "  ".join("-" * w for w in widths))
    return text
