"""A document's rule set lives in its own module under ``rulesets/``, and each is registered.

Built-in and default are two lists: ``DOCUMENTS`` names every document module (the built-in
rule sets), ``DEFAULT`` the rule sets ``rules=None`` composes. A sixth document is four files:
its module (with what each rule does, which ``explain`` and its page show), its docs page, its
dated tests and one line of ``DOCUMENTS``; the last test here adds one to a copy of the project
and runs the tests that read those lists. The site's navigation lists the pages of ``DOCUMENTS``
(docs-overrides/hooks.py), so a page needs no line of mkdocs.yml.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import runpy
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import followup_rules as fr
from followup_rules import rulesets

NOT_DOCUMENTS = {"common", "registry", "_document"}
"""The modules of ``rulesets/`` that hold no document: the common rules, the registry, and the
reader and writer of rule sets written as data."""

ROOT = Path(__file__).resolve().parent.parent.parent
SIXTH = Path(__file__).resolve().parent / "sixth"
"""A made-up sixth document: its module, its docs page and its dated tests."""


def _document_modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.iter_modules(rulesets.__path__)
        if info.name not in NOT_DOCUMENTS
    )


def test_every_document_module_is_built_in_and_registered() -> None:
    assert sorted(rulesets.DOCUMENTS) == _document_modules()
    documents = [
        importlib.import_module(f"followup_rules.rulesets.{name}") for name in rulesets.DOCUMENTS
    ]
    assert [module.RULESET for module in documents] == list(rulesets.BUILT_IN)
    for module in documents:
        assert fr.rulesets.get(module.RULESET.name) is module.RULESET


def test_a_module_left_out_of_the_documents_fails_the_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(rulesets, "DOCUMENTS", rulesets.DOCUMENTS[:-1])
    with pytest.raises(AssertionError, match="call_back"):
        test_every_document_module_is_built_in_and_registered()


def test_the_default_composes_the_five_documents_built_in_or_not() -> None:
    assert rulesets.DEFAULT == (
        "career-staffing",
        "right-changes",
        "five-rules",
        "three-by-three",
        "call-back",
    )
    assert [part.name for part in rulesets.default().parts] == sorted(rulesets.DEFAULT)
    assert set(rulesets.DEFAULT) <= {ruleset.name for ruleset in rulesets.BUILT_IN}


LIST_READERS = (
    "tests/rulesets/test_registered.py",
    "tests/test_rule_coverage.py",
    "tests/test_engine.py",
    "tests/test_differential.py",
    "tests/test_compare.py",
    "tests/test_timeline.py",
    "tests/test_decision.py",
    "tests/test_plan.py",
    "tests/test_tracker.py",
    "tests/test_cli.py",
    "tests/test_docs_examples.py",
)
"""The test files that read the list of rule sets, or failed when a sixth built-in document
joined the default composition."""


def _copy(target: Path) -> None:
    skip = shutil.ignore_patterns("__pycache__", "*.pyc", "sixth")
    for folder in ("src", "tests", "docs", "docs-overrides", "examples"):
        shutil.copytree(ROOT / folder, target / folder, ignore=skip)
    for name in ("pyproject.toml", "README.md", "CHANGELOG.md", "mkdocs.yml"):
        shutil.copy(ROOT / name, target / name)


def _add_sixth(target: Path) -> list[str]:
    """The four files of a sixth document, added to the copy; their paths, as touched."""
    shutil.copy(SIXTH / "sixth_doc.py", target / "src/followup_rules/rulesets/sixth_doc.py")
    shutil.copy(SIXTH / "sixth-doc.md", target / "docs/rulesets/sixth-doc.md")
    shutil.copy(SIXTH / "dated_tests.py", target / "tests/rulesets/test_sixth_doc.py")
    registry = target / "src/followup_rules/rulesets/registry.py"
    line = '    "call_back",\n'
    text = registry.read_text(encoding="utf-8")
    assert text.count(line) == 1
    registry.write_text(text.replace(line, f'{line}    "sixth_doc",\n'), encoding="utf-8")
    return [
        "src/followup_rules/rulesets/sixth_doc.py",
        "docs/rulesets/sixth-doc.md",
        "tests/rulesets/test_sixth_doc.py",
        "src/followup_rules/rulesets/registry.py",
    ]


@pytest.mark.slow
def test_a_sixth_document_is_four_files(tmp_path: Path) -> None:
    if not (ROOT / "src").is_dir():
        pytest.skip("needs the source tree (the installed wheel's tests have none): it copies src/")
    _copy(tmp_path)
    assert len(_add_sixth(tmp_path)) == 4
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "src"), "FOLLOWUP_RULES_PROFILE": "quick"}
    probe = (
        "import followup_rules as fr; print(fr.__file__); print(fr.rulesets.names()[-1]); "
        "print(fr.rulesets.get('sixth-doc').name); print(fr.rulesets.default().name); "
        "import runpy; print(runpy.run_path('docs-overrides/hooks.py')['ruleset_pages']()[-2])"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, env=env, capture_output=True, text=True,
        check=True,
    )  # fmt: skip
    assert done.stdout.splitlines() == [
        str(tmp_path / "src/followup_rules/__init__.py"),
        "sixth-doc",
        "sixth-doc",
        fr.rulesets.default().name,
        "{'sixth-doc': 'rulesets/sixth-doc.md'}",
    ]
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider", "-m", "not slow",
         "tests/rulesets/test_sixth_doc.py", *LIST_READERS],
        cwd=tmp_path, env=env, capture_output=True, text=True, check=False, timeout=1200,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout[-3000:]


def _hooks() -> dict[str, Any]:
    return runpy.run_path(str(ROOT / "docs-overrides" / "hooks.py"))


def test_the_site_lists_a_page_for_each_document_then_the_common_rules() -> None:
    nav: list[object] = [{"Home": "index.md"}, {"Rule sets": []}, {"Changelog": "changelog.md"}]
    config = _hooks()["on_config"]({"nav": nav})
    [(section, pages)] = config["nav"][1].items()
    assert section == "Rule sets"
    assert pages[-1] == {"The common rules": "rulesets/common.md"}
    assert [name for page in pages[:-1] for name in page] == [
        ruleset.name for ruleset in fr.rulesets.BUILT_IN
    ]
    assert pages[:5] == [
        {"career-staffing": "rulesets/career-staffing.md"},
        {"right-changes": "rulesets/right-changes.md"},
        {"five-rules": "rulesets/five-rules.md"},
        {"three-by-three": "rulesets/three-by-three.md"},
        {"call-back": "rulesets/call-back.md"},
    ]
    for page in pages:
        [path] = page.values()
        assert (ROOT / "docs" / path).is_file(), path


@pytest.mark.parametrize("nav", [[{"Home": "index.md"}], [{"Rule sets": [{"x": "rulesets/x.md"}]}]])
def test_a_navigation_without_one_empty_rule_set_section_is_refused(nav: list[object]) -> None:
    with pytest.raises(ValueError, match="expected one empty 'Rule sets' section"):
        _hooks()["on_config"]({"nav": nav})


def test_each_rule_of_a_built_in_rule_set_says_what_it_does_a_variant_none() -> None:
    five = fr.rulesets.get("five-rules")
    assert fr.rulesets.what_it_does(five)["wait-a-week"] == (
        "After an interview, the first follow-up waits a week."
    )
    for ruleset in fr.rulesets.BUILT_IN:
        assert set(fr.rulesets.what_it_does(ruleset)) == {rule.id for rule in ruleset.rules}
    assert fr.rulesets.what_it_does(five.without("stand-out")) == {}
