"""Rule sets written as data, under the names the documentation gives them.

The reader and writer of rule-set documents (a TOML file, or the same structure as Python data)
live with the rule sets, in ``followup_rules.rulesets._document``; ``fr.rulesets.load`` and its
siblings are the usual way in. This module keeps the names the reference and the how-to pages
import from here: the functions, ``KINDS`` and the limits.
"""

from __future__ import annotations

from followup_rules.rulesets._document import (
    KINDS,
    MAX_BYTES,
    MAX_DOTS,
    MAX_RULES,
    MAX_TEXT,
    from_dict,
    load,
    loads,
    to_dict,
    to_toml,
)

__all__ = [
    "KINDS",
    "MAX_BYTES",
    "MAX_DOTS",
    "MAX_RULES",
    "MAX_TEXT",
    "from_dict",
    "load",
    "loads",
    "to_dict",
    "to_toml",
]
