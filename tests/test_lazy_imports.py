"""``import followup_rules`` loads what evaluating needs; the rest comes on first use.

Each check runs in a fresh interpreter: this one has imported everything already.
"""

from __future__ import annotations

import importlib
import subprocess
import sys

import pytest

import followup_rules as fr
from followup_rules import batch, tracker

pytestmark = pytest.mark.slow

LAZY = ("cli", "tracker", "plan", "batch", "compare", "timeline", "testing")
EXTRAS = ("pandas", "icalendar", "matplotlib", "dask", "tomli_w", "hypothesis")


def _run(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout


def test_importing_the_package_loads_no_command_line_tracker_plan_batch_or_extra() -> None:
    code = "import sys, followup_rules; print(' '.join(sorted(sys.modules)))"
    loaded = set(_run(code).split())
    assert "followup_rules.engine" in loaded
    assert {f"followup_rules.{name}" for name in LAZY} & loaded == set()
    assert set(EXTRAS) & loaded == set()


HEAVY = ("holidays", "importlib.metadata", "followup_rules.rulesets._document", "tomllib")
"""Loaded on first use: the holiday data when a calendar needs it, entry points when the
registry looks for plugins, the TOML reader and writer when a rule set is read or written."""


def test_importing_the_package_loads_no_holiday_data_entry_points_or_toml() -> None:
    code = (
        "import sys, followup_rules as fr\n"
        f"print(*[name in sys.modules for name in {HEAVY!r}])\n"
        "fr.WorkCalendar('US')\n"
        "print('holidays' in sys.modules)\n"
        "fr.rulesets.names()\n"
        "print('importlib.metadata' in sys.modules)\n"
        "print(fr.rulesets.loads is sys.modules['followup_rules.rulesets._document'].loads)"
    )
    assert _run(code).split() == ["False"] * len(HEAVY) + ["True", "True", "True"]


def test_the_rule_sets_name_the_toml_functions_and_nothing_else() -> None:
    assert (
        fr.rulesets.from_dict
        is importlib.import_module("followup_rules.rulesets._document").from_dict
    )
    assert {"from_dict", "load", "loads", "to_dict", "to_toml"} <= set(dir(fr.rulesets))
    with pytest.raises(AttributeError, match=r"'followup_rules\.rulesets' has no attribute 'nope'"):
        fr.rulesets.nope  # noqa: B018


def test_a_lazy_name_loads_its_module_on_first_use() -> None:
    code = (
        "import sys, followup_rules as fr\n"
        "fr.Tracker\n"
        "print('followup_rules.tracker' in sys.modules, 'followup_rules.plan' in sys.modules)"
    )
    assert _run(code).split() == ["True", "False"]


def test_plan_and_compare_stay_functions_once_their_modules_are_imported() -> None:
    code = (
        "import followup_rules.plan, followup_rules.compare, followup_rules.cli\n"
        "import followup_rules as fr\n"
        "print(type(fr.plan).__name__, type(fr.compare).__name__)"
    )
    assert _run(code).split() == ["function", "function"]


def test_every_public_name_is_listed_and_is_its_modules_own() -> None:
    assert set(fr.__all__) <= set(dir(fr))
    assert fr.plan is importlib.import_module("followup_rules.plan").plan
    assert fr.compare is importlib.import_module("followup_rules.compare").compare
    assert fr.evaluate_many is batch.evaluate_many
    assert (fr.Tracker, fr.DEMO_TODAY) == (tracker.Tracker, tracker.DEMO_TODAY)
    assert (fr.batch, fr.tracker) == (batch, tracker)
    # Whether the import system bound them first depends on what ran before: ask directly.
    assert (fr.__getattr__("batch"), fr.__getattr__("tracker")) == (batch, tracker)
    with pytest.raises(AttributeError, match="has no attribute 'nothing_here'"):
        fr.nothing_here  # noqa: B018


def test_the_command_line_leaves_tracker_files_plans_and_comparisons_to_its_commands() -> None:
    code = "import sys, followup_rules.cli; print(' '.join(sorted(sys.modules)))"
    loaded = set(_run(code).split())
    assert {f"followup_rules.{name}" for name in ("tracker", "plan", "compare")} & loaded == set()
    assert set(EXTRAS) & loaded == set()
