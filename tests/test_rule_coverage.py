"""Every rule has a dated case and a documented reading: the registry, tests and docs agree.

A dated case is a test marked ``@pytest.mark.rule("<rule set>/<rule id>")`` in
``tests/rulesets/``; a documented rule is one whose id heads a row of its rule set's page in
``docs/rulesets/``.
"""

from __future__ import annotations

import importlib.util
import inspect
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import followup_rules as fr
from conformance import COMMON_IDS, RuleSetConformance

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "tests" / "rulesets"
PAGES = ROOT / "docs" / "rulesets"

RULES = [(name, rule_id) for name in fr.rulesets.names() for rule_id in fr.rulesets.get(name).ids]
RULES += [("common", rule_id) for rule_id in sorted(COMMON_IDS)]


def _module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(f"_cases_{path.stem}", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _marked(module: ModuleType) -> Iterator[str]:
    for name, value in vars(module).items():
        if name.startswith("test_") and callable(value):
            for mark in getattr(value, "pytestmark", []):
                if mark.name == "rule":
                    yield from mark.args


def _dated_cases() -> set[str]:
    return {ref for path in CASES.glob("test_*.py") for ref in _marked(_module(path))}


DATED = _dated_cases()


@pytest.mark.parametrize(("ruleset", "rule_id"), RULES, ids=[f"{a}/{b}" for a, b in RULES])
def test_every_rule_has_a_dated_case(ruleset: str, rule_id: str) -> None:
    assert f"{ruleset}/{rule_id}" in DATED


def test_every_dated_case_names_a_real_rule() -> None:
    known = {f"{ruleset}/{rule_id}" for ruleset, rule_id in RULES}
    assert known >= DATED, sorted(DATED - known)


@pytest.mark.parametrize(("ruleset", "rule_id"), RULES, ids=[f"{a}/{b}" for a, b in RULES])
def test_every_rule_has_a_row_on_its_rule_sets_page(ruleset: str, rule_id: str) -> None:
    page = (PAGES / f"{ruleset}.md").read_text(encoding="utf-8")
    assert f"| `{rule_id}` |" in page


@pytest.mark.parametrize("name", fr.rulesets.names())
def test_every_registered_rule_set_runs_the_conformance_checks(name: str) -> None:
    path = CASES / f"test_{name.replace('-', '_')}.py"
    classes = inspect.getmembers(_module(path), inspect.isclass)
    checked = [cls for _, cls in classes if issubclass(cls, RuleSetConformance)]
    assert [cls.ruleset for cls in checked if cls is not RuleSetConformance] == [
        fr.rulesets.get(name)
    ]
