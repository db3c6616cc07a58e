"""A bundled example, so a new user sees real output without writing a history first.

Defined in ``followup_rules._demo``, with the bundled tracker; this module keeps its names.
"""

from __future__ import annotations

from followup_rules._demo import EXAMPLE_TODAY, example_history

__all__ = ["EXAMPLE_TODAY", "example_history"]
