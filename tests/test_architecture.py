"""The layers of docs/explanation/architecture.md: a module imports only from its own layer
or a lower one, whether at the top of the module or inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

import followup_rules as fr

SRC = Path(fr.__file__).parent

LAYERS: tuple[tuple[str, frozenset[str]], ...] = (
    (
        "foundation",
        frozenset(
            {"errors", "vocabulary", "_format", "_checks", "_extras", "_files", "citations"}
        ),
    ),
    (
        "facts",
        frozenset(
            {"calendar", "events", "_event_values", "facts", "history", "effects", "message_checks"}
        ),
    ),
    ("rules", frozenset({"rules", "ruleset", "typing"})),
    ("decisions", frozenset({"resolution", "decision", "engine"})),
    ("documents", frozenset({"rulesets", "load"})),
    (
        "edges",
        frozenset(
            {
                "_record", "compare", "plan", "batch", "scenarios", "study", "tracker",
                "messages", "timeline", "testing", "examples", "_demo", "_console", "cli",
                "__main__", "__init__",
            }
        ),
    ),
)  # fmt: skip
"""Each layer's top-level modules and packages, lowest first."""

CALLS_UP: frozenset[tuple[str, str]] = frozenset({("decision", "messages")})
"""Imports against the layers, each for a stated reason: ``Decision.draft`` is the convenient
spelling of ``messages.draft(decision)``, imported when called."""


def _unit(module: str) -> str:
    """The top-level module or package of ``followup_rules.a.b`` (``a``)."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def _rank(unit: str) -> int:
    ranks = [rank for rank, (_, units) in enumerate(LAYERS) if unit in units]
    assert ranks, f"{unit} is in no layer: place it in LAYERS and in architecture.md"
    return ranks[0]


def _imports() -> set[tuple[str, str]]:
    """Every (importer, imported) pair of top-level units within the package."""
    found = set()
    for path in SRC.rglob("*.py"):
        relative = path.relative_to(SRC).with_suffix("")
        importer = relative.parts[0] if relative.parts[0] != "__init__" else "__init__"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
                if node.module == "followup_rules":
                    names = [f"followup_rules.{alias.name}" for alias in node.names]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            found |= {
                (importer, _unit(name)) for name in names if name.split(".")[0] == "followup_rules"
            }
    return {(a, b) for a, b in found if a != b}


def test_every_module_has_a_layer() -> None:
    units = {path.relative_to(SRC).parts[0].removesuffix(".py") for path in SRC.glob("*")}
    units -= {"py.typed", "data", "__pycache__"}
    for unit in units:
        _rank(unit)


def test_no_module_imports_from_a_higher_layer() -> None:
    upward = {(a, b) for a, b in _imports() if _rank(b) > _rank(a)}
    assert upward - CALLS_UP == set()


def test_each_allowed_call_up_is_still_needed() -> None:
    assert _imports() >= CALLS_UP


def test_the_typing_module_gathers_the_types_where_they_are_defined() -> None:
    from followup_rules import effects, events, ruleset, typing
    from followup_rules.rules import base

    assert typing.Rule is base.Rule
    assert typing.Event is events.Event
    assert typing.Effect is effects.Effect
    assert typing.RulesLike is ruleset.RulesLike
    assert all(hasattr(typing, name) for name in typing.__all__)


def test_facts_are_defined_once_and_named_where_they_were() -> None:
    from followup_rules import facts, history

    assert history.Facts is facts.Facts is fr.Facts
    assert history.Contact is facts.Contact
    assert facts.Facts.__module__ == "followup_rules.facts"


def test_the_rule_set_reader_lives_under_rulesets_and_keeps_its_public_names() -> None:
    from followup_rules import load
    from followup_rules.rulesets import _document

    assert load.__all__ == _document.__all__
    assert all(getattr(load, name) is getattr(_document, name) for name in load.__all__)
    assert fr.rulesets.loads is _document.loads
    assert _document.load.__module__ == "followup_rules.rulesets._document"
