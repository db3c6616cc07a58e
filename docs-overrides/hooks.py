"""mkdocs hooks: the site's list of rule-set pages comes from the library's list of documents.

A document added to ``rulesets/`` (one line of ``DOCUMENTS``) gets its page in the navigation
without a line in ``mkdocs.yml``; the common rules' page comes last.
"""

from __future__ import annotations

from typing import Any

from followup_rules.rulesets import BUILT_IN

SECTION = "Rule sets"
"""The section of ``nav`` in ``mkdocs.yml`` that this hook fills (left empty there)."""


def ruleset_pages() -> list[dict[str, str]]:
    """One navigation entry per built-in rule set, in the order of ``DOCUMENTS``."""
    pages = [{ruleset.name: f"rulesets/{ruleset.name}.md"} for ruleset in BUILT_IN]
    return [*pages, {"The common rules": "rulesets/common.md"}]


def on_config(config: Any) -> Any:
    """Fill the empty ``Rule sets`` section of the navigation."""
    sections = [item for item in config["nav"] if isinstance(item, dict) and SECTION in item]
    if len(sections) != 1 or sections[0][SECTION]:
        raise ValueError(f"mkdocs.yml: expected one empty {SECTION!r} section in nav to fill")
    sections[0][SECTION] = ruleset_pages()
    return config
