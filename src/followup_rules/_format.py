"""How days and rule references read to a person."""

from __future__ import annotations

from datetime import date

__all__ = ["day"]


def day(value: date) -> str:
    """``Tue 2026-11-17``: the weekday matters to most rules, so it is always shown."""
    return f"{value:%a} {value.isoformat()}"
