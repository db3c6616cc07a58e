"""The types a user of the library writes down: what to implement, and what arguments take.

``Rule`` is the protocol a rule of one's own implements; ``Event`` and ``Effect`` are the
closed unions a rule reads and returns; ``RulesLike`` is every way of naming rules in
``rules=``. They live in the modules that define them; this module gathers them so that an
annotation needs one import.
"""

from __future__ import annotations

from followup_rules.effects import Effect
from followup_rules.events import Event
from followup_rules.rules.base import Rule
from followup_rules.ruleset import RulesLike

__all__ = ["Effect", "Event", "Rule", "RulesLike"]
