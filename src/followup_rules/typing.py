"""The types a user of the library writes down: what to implement, and what arguments take.

``Rule`` is the protocol a rule of one's own implements; ``Event`` and ``Effect`` are the
closed unions a rule reads and returns; ``RulesLike`` is every way of naming rules in
``rules=``. They live in the modules that define them; this module gathers them so that an
annotation needs one import.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeAlias

from followup_rules.effects import Effect
from followup_rules.events import Event
from followup_rules.rules.base import Rule
from followup_rules.ruleset import Composition, RuleSet

__all__ = ["Effect", "Event", "Rule", "RulesLike"]

RulesLike: TypeAlias = str | RuleSet | Composition | Iterable[str | RuleSet | Composition] | None
"""What ``rules=`` takes: a registered name, a rule set, a composition, several of them, or
None for the default. ``evaluate`` and the functions built on it compose several into one;
``compare`` gives each its own row."""
