"""A document's rule set lives in its own module under ``rulesets/``, and each is registered."""

from __future__ import annotations

import importlib
import pkgutil

import followup_rules as fr
from followup_rules import rulesets

NOT_DOCUMENTS = {"common", "registry", "_document"}
"""The modules of ``rulesets/`` that hold no document: the common rules, the registry, and the
reader and writer of rule sets written as data."""


def test_every_document_module_is_built_in_and_registered() -> None:
    modules = sorted(
        info.name
        for info in pkgutil.iter_modules(rulesets.__path__)
        if info.name not in NOT_DOCUMENTS
    )
    documents = [importlib.import_module(f"followup_rules.rulesets.{name}") for name in modules]
    built_in = {id(ruleset) for ruleset in rulesets.BUILT_IN}
    unregistered = [module.__name__ for module in documents if id(module.RULESET) not in built_in]
    assert unregistered == []
    assert len(documents) == len(rulesets.BUILT_IN)
    for module in documents:
        assert fr.rulesets.get(module.RULESET.name) is module.RULESET
