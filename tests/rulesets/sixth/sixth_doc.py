"""A sixth document, made up for the test that adding one takes four files."""

from __future__ import annotations

from types import MappingProxyType

from followup_rules.citations import Citation, Source
from followup_rules.rules import Advice, WaitAfter
from followup_rules.ruleset import RuleSet
from followup_rules.vocabulary import Stage

__all__ = ["RULESET", "SOURCE", "WHAT_IT_DOES"]

SOURCE = Source("A sixth document", "A. Writer")

RULESET = RuleSet(
    "sixth-doc",
    [
        WaitAfter(
            "wait-ten-days",
            stage=Stage.PRE_INTERVIEW,
            days=10,
            citation=Citation(SOURCE, "paragraph 1"),
        ),
        Advice("be-kind", text="Be kind.", citation=Citation(SOURCE, "paragraph 2")),
    ],
    version="1.0",
    source=SOURCE,
)

WHAT_IT_DOES = MappingProxyType(
    {
        "wait-ten-days": (
            "Before an interview, the first follow-up waits ten days after the application."
        ),
        "be-kind": "Be kind.",
    }
)
