"""Plugins: rule sets from other distributions, through the ``followup_rules.rulesets`` group.

Most tests hand fresh registries fake entry points (``importlib.metadata.entry_points`` is
patched), or put a hand-made ``.dist-info`` on ``sys.path``. ``TestInstalledDistribution`` is
the slow one (a few seconds): it builds two real distributions with hatchling, installs them
with pip into temporary directories, and runs Python in subprocesses with them on the path.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import subprocess
import sys
import textwrap
import threading
import time
import warnings
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import attrs
import pytest
from dateutil.relativedelta import FR

import followup_rules as fr
from followup_rules.citations import Citation, Source
from followup_rules.rules import AvoidWeekdays, WaitAfter
from followup_rules.rulesets import ENTRY_POINT_GROUP, NO_PLUGINS_VARIABLE, Registry

BUILT_IN_NAMES = tuple(ruleset.name for ruleset in fr.rulesets.BUILT_IN)
US = fr.WorkCalendar("US")
SOURCE = Source("Coaching notes", "A. Coach")
COACH = fr.RuleSet(
    "weekly-coach",
    [
        WaitAfter(
            "a-week-after-applying",
            stage=fr.Stage.PRE_INTERVIEW,
            days=7,
            citation=Citation(SOURCE, "session 1"),
        ),
        AvoidWeekdays("no-fridays", weekdays=(FR,), citation=Citation(SOURCE, "session 2")),
    ],
    version="2.0",
    source=SOURCE,
)
"""A coach's rule set: a week after applying, never on a Friday."""

ONE_RULE = (
    "import followup_rules as fr\n"
    "from followup_rules.rules import Advice\n\n"
    "RULES = [Advice('be-kind', text='Be kind.', citation=fr.Citation(fr.Source('N', 'A'), 'p'))]\n"
)
"""The start of a plugin's module: a rule for its rule set."""

APPLIED = fr.History([fr.Applied(date(2026, 11, 19))], calendar=US)
"""Applied Thursday 19 November 2026: a week later is Thanksgiving."""


@attrs.frozen
class FakeDistribution:
    name: str
    version: str = "1.0"


@attrs.frozen
class FakeEntryPoint:
    """Enough of ``importlib.metadata.EntryPoint`` for the registry: what ``load()`` does."""

    name: str
    value: str
    loads: Callable[[], object]
    dist: FakeDistribution | None = FakeDistribution("coach-rules")
    group: str = ENTRY_POINT_GROUP

    def load(self) -> object:
        return self.loads()


def _entry(name: str, target: object, dist: str = "coach-rules") -> FakeEntryPoint:
    return FakeEntryPoint(
        name, f"{dist.replace('-', '_')}:RULESET", lambda: target, FakeDistribution(dist)
    )


def _counted(loads: list[str], target: object) -> Callable[[], object]:
    def load() -> object:
        loads.append("loaded")
        return target

    return load


def _raising(error: BaseException) -> Callable[[], object]:
    def load() -> object:
        raise error

    return load


@attrs.define
class Installed:
    """The entry points registries made in a test find, and each time one looked."""

    entries: list[FakeEntryPoint] = attrs.Factory(list)
    lookups: list[str] = attrs.Factory(list)

    def entry_points(self, *, group: str) -> list[FakeEntryPoint]:
        self.lookups.append(group)
        return list(self.entries) if group == ENTRY_POINT_GROUP else []


@pytest.fixture
def installed(monkeypatch: pytest.MonkeyPatch) -> Installed:
    # The default registry (which evaluate() uses) looks for the real plugins first, so
    # that no fake entry point ever reaches it.
    fr.rulesets.names()
    monkeypatch.delenv(NO_PLUGINS_VARIABLE, raising=False)
    fake = Installed()
    monkeypatch.setattr(importlib.metadata, "entry_points", fake.entry_points)
    return fake


# -- finding and using plugins ----------------------------------------------------------------


def test_a_plugin_is_a_name_after_the_built_ins(installed: Installed) -> None:
    installed.entries.append(_entry("weekly-coach", COACH))
    registry = Registry()
    assert registry.names() == (*BUILT_IN_NAMES, "weekly-coach")
    assert registry.get("weekly-coach") is COACH
    assert registry.get("weekly-coach", version="2.0") is COACH
    assert registry.resolve("weekly-coach+right-changes").name == "right-changes+weekly-coach"


def test_a_plugin_decides_a_dated_case(installed: Installed) -> None:
    installed.entries.append(_entry("weekly-coach", COACH))
    rules = Registry().resolve("weekly-coach")
    decision = fr.evaluate(APPLIED, date(2026, 11, 19), rules=rules)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 11, 30))
    assert [str(skipped) for skipped in decision.skipped] == [
        "Thu 2026-11-26: common/business-days-only",
        "Fri 2026-11-27: weekly-coach/no-fridays",
        "Sat 2026-11-28: common/business-days-only",
        "Sun 2026-11-29: common/business-days-only",
    ]
    assert decision.rulesets == (("weekly-coach", "2.0"),)


def test_plugins_never_join_the_default_composition(installed: Installed) -> None:
    installed.entries.append(_entry("weekly-coach", COACH))
    registry = Registry()
    assert registry.default() == fr.Composition(map(fr.rulesets.get, fr.rulesets.DEFAULT))
    assert registry.resolve(None) == registry.default()
    assert "weekly-coach" in registry.names()


def test_plugins_are_sorted_by_name_whatever_order_they_are_found_in(
    installed: Installed,
) -> None:
    other = fr.RuleSet("another-coach", COACH.rules, source=SOURCE)
    installed.entries += [
        _entry("weekly-coach", COACH),
        _entry("another-coach", other, "other-rules"),
    ]
    assert Registry().names()[-2:] == ("another-coach", "weekly-coach")


# -- lazily, once, or not at all --------------------------------------------------------------


@pytest.mark.parametrize(
    "first_use",
    [
        lambda r: r.names(),
        lambda r: r.get("call-back"),
        lambda r: r.default(),
        lambda r: r.resolve(None),
        lambda r: r.resolve(COACH),
        lambda r: r.register(fr.RuleSet("mine", COACH.rules)),
    ],
    ids=["names", "get", "default", "resolve-none", "resolve-ruleset", "register"],
)
def test_plugins_are_looked_up_on_first_use_and_only_once(
    installed: Installed, first_use: Callable[[Registry], object]
) -> None:
    loads: list[str] = []
    installed.entries.append(FakeEntryPoint("weekly-coach", "x:RULESET", _counted(loads, COACH)))
    registry = Registry()
    assert installed.lookups == []
    first_use(registry)
    assert installed.lookups == [ENTRY_POINT_GROUP]
    assert loads == ["loaded"]
    assert "weekly-coach" in registry.names()
    registry.get("weekly-coach")
    assert (installed.lookups, loads) == ([ENTRY_POINT_GROUP], ["loaded"])


def test_plugins_false_never_looks(installed: Installed) -> None:
    installed.entries.append(_entry("weekly-coach", COACH))
    registry = Registry(plugins=False)
    assert registry.names() == BUILT_IN_NAMES
    assert installed.lookups == []


@pytest.mark.parametrize(("value", "off"), [("1", True), ("yes", True), ("0", False), ("", False)])
def test_the_environment_variable_switches_plugins_off(
    installed: Installed, monkeypatch: pytest.MonkeyPatch, value: str, off: bool
) -> None:
    installed.entries.append(_entry("weekly-coach", COACH))
    monkeypatch.setenv(NO_PLUGINS_VARIABLE, value)
    assert fr.rulesets.plugins_switched_off() is off
    assert ("weekly-coach" in Registry().names()) is not off
    assert installed.lookups == ([] if off else [ENTRY_POINT_GROUP])


def test_the_environment_variable_is_read_at_first_use_not_when_the_registry_is_made(
    installed: Installed, monkeypatch: pytest.MonkeyPatch
) -> None:
    installed.entries.append(_entry("weekly-coach", COACH))
    registry = Registry()
    monkeypatch.setenv(NO_PLUGINS_VARIABLE, "1")
    assert registry.names() == BUILT_IN_NAMES
    monkeypatch.delenv(NO_PLUGINS_VARIABLE)
    assert registry.names() == BUILT_IN_NAMES


def test_a_plugin_may_use_the_registry_while_it_is_loaded(
    installed: Installed,
) -> None:
    registry = Registry()

    def load() -> fr.RuleSet:
        # A plugin built from a built-in, looked up while the registry loads its plugins.
        three = registry.get("three-by-three")
        assert "five-to-eight" not in registry.names()
        return three.with_params("weekly-until-answer", name="five-to-eight", days=5, latest=8)

    installed.entries.append(FakeEntryPoint("five-to-eight", "x:make", load))
    assert registry.names()[-1] == "five-to-eight"
    assert registry.get("five-to-eight").rule("weekly-until-answer").days == 5  # type: ignore[attr-defined]


def test_threads_using_the_registry_at_once_load_plugins_once(
    installed: Installed,
) -> None:
    loads: list[int] = []

    def slow() -> fr.RuleSet:
        loads.append(1)
        time.sleep(0.05)
        return COACH

    installed.entries.append(FakeEntryPoint("weekly-coach", "x:RULESET", slow))
    registry = Registry()
    seen: list[tuple[str, ...]] = []
    threads = [threading.Thread(target=lambda: seen.append(registry.names())) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert loads == [1]
    assert seen == [(*BUILT_IN_NAMES, "weekly-coach")] * 4


# -- registry of its own rule sets ------------------------------------------------------------


def test_registered_rule_sets_are_used_by_name_and_never_join_the_default() -> None:
    registry = Registry(plugins=False)
    registry.register(COACH)
    assert registry.names() == (*BUILT_IN_NAMES, "weekly-coach")
    assert registry.default() == fr.Composition(map(fr.rulesets.get, fr.rulesets.DEFAULT))
    mine = Registry([COACH], plugins=False)
    assert mine.default() == fr.Composition([COACH])
    with pytest.raises(fr.RuleSetDefinitionError, match="an empty composition"):
        Registry([], plugins=False).default()


def test_the_default_composition_is_its_own_list_not_every_built_in() -> None:
    five = fr.rulesets.get("five-rules")
    chosen = Registry(plugins=False, default=["call-back", "five-rules"])
    assert chosen.default().name == "call-back+five-rules"
    assert chosen.names() == BUILT_IN_NAMES
    assert Registry([COACH, five], plugins=False, default=["five-rules"]).default().parts == (five,)
    # Given its own rule sets, a registry composes all of them unless told otherwise.
    every = Registry(fr.rulesets.BUILT_IN, plugins=False).default()
    assert {part.name for part in every.parts} == set(BUILT_IN_NAMES)


def test_compared_by_default_are_the_default_then_the_plugins_and_the_registered() -> None:
    registry = Registry(plugins=False, default=["five-rules", "call-back"])
    registry.register(COACH)
    assert registry.compared() == ("five-rules", "call-back", "weekly-coach")
    assert "right-changes" in registry.names()


@pytest.mark.parametrize(
    ("default", "message"),
    [
        (["weekly-coach"], "default names 'weekly-coach': expected names of the registry's own"),
        (["common"], "default names 'common': expected names of the registry's own rule sets"),
        ([5], "default names 5: expected names of the registry's own rule sets: career-staffing"),
        ("five-rules", "default='five-rules': expected names of the registry's own rule sets"),
    ],
)
def test_a_default_of_rule_sets_the_registry_does_not_own_is_refused(
    default: object, message: str
) -> None:
    with pytest.raises(fr.RuleSetDefinitionError, match=re.escape(message)):
        Registry(plugins=False, default=default)  # type: ignore[arg-type]


def test_a_plugins_name_cannot_be_registered_again(installed: Installed) -> None:
    installed.entries.append(_entry("weekly-coach", COACH))
    registry = Registry()
    with pytest.raises(fr.RuleSetDefinitionError) as raised:
        registry.register(fr.RuleSet("weekly-coach", COACH.rules))
    assert "'weekly-coach' is already registered (the plugin 'weekly-coach'" in str(raised.value)


def test_common_is_a_reserved_name() -> None:
    with pytest.raises(fr.RuleSetDefinitionError, match="'common' is already registered"):
        Registry(plugins=False).register(fr.RuleSet("common", []))


# -- a plugin that cannot be used is skipped, and said once; the rest works -------------------

GOOD = fr.RuleSet("another-coach", COACH.rules, source=SOURCE)
"""A plugin installed beside a broken one, which must load whatever the broken one does."""

BROKEN = FakeDistribution("broken-rules", "0.1")

REMEDY = "; fix, rename or uninstall it, or set FOLLOWUP_RULES_NO_PLUGINS=1 to load no plugins"


def _tried(loads: list[str], load: Callable[[], object]) -> Callable[[], object]:
    def counted() -> object:
        loads.append("loaded")
        return load()

    return counted


def _reported(registry: Registry) -> tuple[list[str], fr.Decision]:
    """Every warning (none folded) while each method is used twice, and a default decision."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(2):
            registry.names()
            registry.get("call-back")
            registry.resolve("another-coach+call-back")
            registry.plugin_errors()
        decision = fr.evaluate(APPLIED, date(2026, 11, 19), rules=registry.default())
    assert [warning.category for warning in caught] == [fr.PluginWarning] * len(caught)
    return [str(warning.message) for warning in caught], decision


@pytest.mark.parametrize(
    ("name", "load", "error", "imported"),
    [
        (
            "broken",
            _raising(ModuleNotFoundError("No module named 'broken_rules'")),
            "importing it raised ModuleNotFoundError: No module named 'broken_rules'",
            True,
        ),
        ("broken", _raising(SystemExit(3)), "importing it raised SystemExit: 3", True),
        ("broken", _raising(SystemExit()), "importing it raised SystemExit", True),
        (
            "call-back",
            lambda: COACH,
            "the name 'call-back' is already taken by a built-in rule set, and a plugin never "
            "overrides a rule set",
            False,
        ),
        ("broken", lambda: None, "it gives None: expected a followup_rules.RuleSet", True),
    ],
    ids=["import-error", "system-exit", "bare-system-exit", "built-in-name", "not-a-rule-set"],
)
def test_a_plugin_that_cannot_be_used_is_skipped_and_reported_once(
    installed: Installed,
    name: str,
    load: Callable[[], object],
    error: str,
    imported: bool,
) -> None:
    loads: list[str] = []
    installed.entries += [
        FakeEntryPoint(name, "broken_rules:RULESET", _tried(loads, load), BROKEN),
        _entry("another-coach", GOOD, "good-rules"),
    ]
    registry = Registry()
    said, decision = _reported(registry)
    expected = fr.rulesets.FailedPlugin(
        name=name,
        value="broken_rules:RULESET",
        distribution="broken-rules",
        version="0.1",
        error=error,
    )
    assert registry.plugin_errors() == (expected,)
    assert said == [
        f"the plugin {name!r} (entry point {name} = broken_rules:RULESET, from broken-rules 0.1) "
        f"is skipped: {error}{REMEDY}"
    ]
    assert loads == (["loaded"] if imported else [])  # and never again
    assert registry.names() == (*BUILT_IN_NAMES, "another-coach")
    assert registry.get("another-coach") is GOOD
    assert registry.get("call-back") is fr.rulesets.get("call-back")
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 12, 1))
    assert [ruleset for ruleset, _ in decision.rulesets] == sorted(fr.rulesets.DEFAULT)


def test_the_default_registry_skips_it_too_and_evaluate_answers(
    installed: Installed, monkeypatch: pytest.MonkeyPatch
) -> None:
    # evaluate(history, today) goes through the module's resolve(): made a fresh registry's.
    registry = Registry()
    monkeypatch.setattr(fr.rulesets.registry, "resolve", registry.resolve)
    installed.entries.append(FakeEntryPoint("broken", "x:RULESET", _raising(SystemExit(1))))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first, second = (fr.evaluate(APPLIED, date(2026, 11, 19)) for _ in range(2))
    assert [(warning.category, str(warning.message)) for warning in caught] == [
        (
            fr.PluginWarning,
            "the plugin 'broken' (entry point broken = x:RULESET, from coach-rules 1.0) is "
            f"skipped: importing it raised SystemExit: 1{REMEDY}",
        )
    ]
    assert first == second
    assert (first.action, first.next_date) == (fr.Action.WAIT, date(2026, 12, 1))


def test_with_warnings_as_errors_the_first_use_raises_and_the_next_ones_work(
    installed: Installed,
) -> None:
    loads: list[str] = []
    installed.entries += [
        FakeEntryPoint("broken", "x:RULESET", _tried(loads, _raising(ImportError("gone")))),
        _entry("another-coach", GOOD, "good-rules"),
    ]
    registry = Registry()
    with warnings.catch_warnings():
        warnings.simplefilter("error", fr.PluginWarning)
        with pytest.raises(fr.FollowupError) as raised:
            registry.names()
        assert isinstance(raised.value, fr.PluginWarning)
        assert "is skipped: importing it raised ImportError: gone" in str(raised.value)
        assert registry.names() == (*BUILT_IN_NAMES, "another-coach")
    assert [failed.name for failed in registry.plugin_errors()] == ["broken"]
    assert loads == ["loaded"]


def test_an_interrupt_while_a_plugin_is_imported_goes_through_and_nothing_is_recorded(
    installed: Installed,
) -> None:
    interrupts = [KeyboardInterrupt()]

    def load() -> fr.RuleSet:
        if interrupts:
            raise interrupts.pop()
        return COACH

    installed.entries.append(FakeEntryPoint("weekly-coach", "x:RULESET", load))
    registry = Registry()
    with pytest.raises(KeyboardInterrupt):
        registry.names()
    assert registry.names() == (*BUILT_IN_NAMES, "weekly-coach")  # tried again, loaded
    assert registry.plugin_errors() == ()


def test_two_plugins_of_one_name_are_both_skipped_each_naming_the_other(
    installed: Installed,
) -> None:
    loads: list[str] = []
    installed.entries += [
        FakeEntryPoint("weekly-coach", "coach_rules:RULESET", _counted(loads, COACH)),
        FakeEntryPoint(
            "weekly-coach", "zz_rules:RULESET", _counted(loads, COACH), FakeDistribution("zz-rules")
        ),
        _entry("another-coach", GOOD, "good-rules"),
    ]
    registry = Registry()
    with pytest.warns(fr.PluginWarning) as caught:
        assert registry.names() == (*BUILT_IN_NAMES, "another-coach")
    coach, zz = registry.plugin_errors()
    assert (coach.distribution, zz.distribution) == ("coach-rules", "zz-rules")
    assert coach.error == (
        "the name 'weekly-coach' is also that of the plugin 'weekly-coach' (entry point "
        "weekly-coach = zz_rules:RULESET, from zz-rules 1.0), and a plugin never overrides "
        "another: none of them is loaded"
    )
    assert "also that of the plugin 'weekly-coach' (entry point weekly-coach = coach_rules" in (
        zz.error
    )
    assert [str(warning.message) for warning in caught] == [str(coach), str(zz)]
    assert loads == []


def test_a_plugin_named_common_is_skipped(installed: Installed) -> None:
    installed.entries.append(_entry("common", fr.RuleSet("common", [])))
    registry = Registry()
    with pytest.warns(fr.PluginWarning, match="the common rules every evaluation follows"):
        assert registry.names() == BUILT_IN_NAMES
    assert [failed.name for failed in registry.plugin_errors()] == ["common"]


def test_a_name_registered_while_plugins_load_is_not_overridden(installed: Installed) -> None:
    registry = Registry()
    mine = fr.RuleSet("weekly-coach", COACH.rules)

    def load() -> fr.RuleSet:
        registry.register(mine)
        return COACH

    installed.entries.append(FakeEntryPoint("weekly-coach", "x:RULESET", load))
    with pytest.warns(fr.PluginWarning) as caught:
        assert registry.get("weekly-coach") is mine
    (failed,) = registry.plugin_errors()
    assert failed.error == (
        "the name 'weekly-coach' is already taken by a rule set registered with register(), and "
        "a plugin never overrides a rule set"
    )
    assert [str(warning.message) for warning in caught] == [str(failed)]


def _make_coach() -> fr.RuleSet:
    return COACH


@pytest.mark.parametrize(
    ("entry", "error"),
    [
        (
            FakeEntryPoint("broken", "x:RULESET", _raising(ZeroDivisionError("division by zero"))),
            "importing it raised ZeroDivisionError: division by zero",
        ),
        (
            _entry("weekly-coach", _make_coach),
            "it gives <function _ma",
        ),
        (
            _entry("weekly-coach", COACH + GOOD),
            "it gives Composition(",
        ),
        (
            _entry("my-coach", COACH),
            "it gives the rule set 'weekly-coach': an entry point of followup_rules.rulesets "
            "must be named after its rule set",
        ),
        (
            _entry("Weekly Coach", COACH),
            "an entry point of followup_rules.rulesets is named after its rule set, a lower-case "
            "slug such as 'my-coach'",
        ),
    ],
    ids=["any-error", "a-function", "composition", "other-name", "slug"],
)
def test_what_is_wrong_with_a_plugin_is_said(
    installed: Installed, entry: FakeEntryPoint, error: str
) -> None:
    installed.entries.append(entry)
    registry = Registry()
    with pytest.warns(fr.PluginWarning) as caught:
        assert registry.names() == BUILT_IN_NAMES
    (failed,) = registry.plugin_errors()
    assert failed.error.startswith(error)
    assert [str(warning.message) for warning in caught] == [str(failed)]
    assert str(failed) == (
        f"the plugin {entry.name!r} (entry point {entry.name} = {entry.value}, from coach-rules "
        f"1.0) is skipped: {failed.error}{REMEDY}"
    )


def test_a_plugin_of_no_known_distribution_is_said_so(installed: Installed) -> None:
    installed.entries.append(FakeEntryPoint("weekly-coach", "x:RULESET", lambda: None, None))
    registry = Registry()
    with pytest.warns(fr.PluginWarning, match=r"from an unknown distribution\) is skipped"):
        registry.names()
    (failed,) = registry.plugin_errors()
    assert (failed.distribution, failed.version) == (None, None)


def test_a_failed_plugin_record_is_immutable(installed: Installed) -> None:
    installed.entries.append(FakeEntryPoint("broken", "x:RULESET", _raising(ImportError("gone"))))
    registry = Registry()
    with pytest.warns(fr.PluginWarning):
        (failed,) = registry.plugin_errors()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        failed.error = "fine"  # type: ignore[misc]
    assert registry.plugin_errors() == (failed,)


def test_no_plugins_no_errors(installed: Installed) -> None:
    installed.entries.append(_entry("weekly-coach", COACH))
    assert Registry().plugin_errors() == ()
    assert Registry(plugins=False).plugin_errors() == ()


# -- a hand-made distribution on sys.path -----------------------------------------------------


def _handmade(root: Path, dist: str, version: str, entry: str, module: str, code: str) -> Path:
    """A distribution as an installer leaves it: a module and a ``.dist-info``, in ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    (root / f"{module}.py").write_text(code, encoding="utf-8")
    info = root / f"{dist.replace('-', '_')}-{version}.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {dist}\nVersion: {version}\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\n{entry} = {module}:RULESET\n", encoding="utf-8"
    )
    return root


def test_a_distribution_on_the_path_is_found_through_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(NO_PLUGINS_VARIABLE, raising=False)
    module = "handmade_coach_rules"
    code = f"{ONE_RULE}RULESET = fr.RuleSet('handmade-coach', RULES)\n"
    _handmade(tmp_path, "handmade-coach-rules", "0.1", "handmade-coach", module, code)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, module, raising=False)
    registry = Registry()
    assert module not in sys.modules
    assert registry.names()[-1] == "handmade-coach"
    assert module in sys.modules
    sys.modules.pop(module)
    with pytest.raises(fr.RuleSetDefinitionError) as raised:
        registry.register(fr.RuleSet("handmade-coach", COACH.rules))
    assert "from handmade-coach-rules 0.1" in str(raised.value)


# -- slow: real distributions, built and installed with pip -----------------------------------

PROBE = textwrap.dedent(
    """
    import json
    import sys
    import warnings
    from datetime import date

    import followup_rules as fr

    report = {"imported_on_import": "coach_rules" in sys.modules}
    history = fr.History([fr.Applied(date(2026, 11, 19))], calendar=fr.WorkCalendar("US"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        default = fr.evaluate(history, date(2026, 11, 19))
        report["default"] = [default.action.name, str(default.next_date), default.rulesets]
        report["names"] = list(fr.rulesets.names())
        if "weekly-coach" in report["names"]:
            decision = fr.evaluate(history, date(2026, 11, 19), rules="weekly-coach")
            report["decision"] = [decision.action.name, str(decision.next_date)]
            report["versions"] = decision.rulesets
            compared = fr.compare(history, date(2026, 11, 19))
            report["compared"] = [row.ruleset for row in compared.rows]
    report["warnings"] = [f"{w.category.__name__}: {w.message}" for w in caught]
    report["errors"] = [[f.name, f.distribution, f.error] for f in fr.rulesets.plugin_errors()]
    print(json.dumps(report))
    """
)

COACH_MODULE = textwrap.dedent(
    """
    from dateutil.relativedelta import FR

    import followup_rules as fr
    from followup_rules.citations import Citation, Source
    from followup_rules.rules import AvoidWeekdays, WaitAfter

    SOURCE = Source("Coaching notes", "A. Coach")

    RULESET = fr.RuleSet(
        "weekly-coach",
        [
            WaitAfter(
                "a-week-after-applying",
                stage=fr.Stage.PRE_INTERVIEW,
                days=7,
                citation=Citation(SOURCE, "session 1"),
            ),
            AvoidWeekdays("no-fridays", weekdays=(FR,), citation=Citation(SOURCE, "session 2")),
        ],
        version="2.0",
        source=SOURCE,
    )
    """
)

CLASH_MODULE = f"{ONE_RULE}RULESET = fr.RuleSet('call-back', RULES)\n"


def _project(root: Path, dist: str, version: str, entry: str, module: str, code: str) -> Path:
    project = root / dist
    (project / module).mkdir(parents=True)
    (project / module / "__init__.py").write_text(code, encoding="utf-8")
    (project / "pyproject.toml").write_text(
        textwrap.dedent(
            f"""
            [build-system]
            requires = ["hatchling"]
            build-backend = "hatchling.build"

            [project]
            name = "{dist}"
            version = "{version}"

            [project.entry-points."{ENTRY_POINT_GROUP}"]
            {entry} = "{module}:RULESET"
            """
        ),
        encoding="utf-8",
    )
    return project


def _pip_install(project: Path, target: Path) -> None:
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--no-cache-dir",
            "--disable-pip-version-check",
            "--quiet",
            "--target",
            str(target),
            str(project),
        ],
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def targets(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Two installed plugin distributions: coach-rules (weekly-coach), clash-rules (call-back)."""
    root = tmp_path_factory.mktemp("plugins")
    coach = _project(root, "coach-rules", "2.0", "weekly-coach", "coach_rules", COACH_MODULE)
    clash = _project(root, "clash-rules", "0.3", "call-back", "clash_rules", CLASH_MODULE)
    _pip_install(coach, root / "coach-target")
    _pip_install(clash, root / "clash-target")
    return root / "coach-target", root / "clash-target"


def _probe(*paths: Path, no_plugins: str | None = None) -> dict[str, Any]:
    env = {key: value for key, value in os.environ.items() if key != NO_PLUGINS_VARIABLE}
    env["PYTHONPATH"] = os.pathsep.join([*map(str, paths), env.get("PYTHONPATH", "")])
    if no_plugins is not None:
        env[NO_PLUGINS_VARIABLE] = no_plugins
    done = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True
    )
    report: dict[str, Any] = json.loads(done.stdout)
    return report


DEFAULT_ANSWER = [
    "WAIT",
    "2026-12-01",
    sorted([name, fr.rulesets.get(name).version] for name in fr.rulesets.DEFAULT),
]
"""What ``evaluate(history, today)`` answers in the probe: the five documents, plugins or not."""


def _skipped_beside_the_coach(report: dict[str, Any], failed: fr.rulesets.FailedPlugin) -> None:
    """One plugin skipped and said once; the coach's and the five documents all answer."""
    assert report["errors"] == [[failed.name, failed.distribution, failed.error]]
    assert report["warnings"] == [f"PluginWarning: {failed}"]
    assert report["names"] == [*BUILT_IN_NAMES, "weekly-coach"]
    assert report["decision"] == ["WAIT", "2026-11-30"]
    assert report["default"] == DEFAULT_ANSWER


@pytest.mark.slow
class TestInstalledDistribution:
    """Slow (a few seconds: pip, and a Python process per test); part of every run, CI included."""

    def test_its_rule_set_is_a_name_and_decides(self, targets: tuple[Path, Path]) -> None:
        report = _probe(targets[0])
        assert report["imported_on_import"] is False
        assert report["names"] == [*BUILT_IN_NAMES, "weekly-coach"]
        assert report["decision"] == ["WAIT", "2026-11-30"]
        assert report["versions"] == [["weekly-coach", "2.0"]]
        assert report["default"] == DEFAULT_ANSWER
        assert report["compared"] == [*fr.rulesets.DEFAULT, "weekly-coach"]
        assert (report["warnings"], report["errors"]) == ([], [])

    def test_one_named_like_a_built_in_is_skipped_and_the_rest_works(
        self, targets: tuple[Path, Path]
    ) -> None:
        failed = fr.rulesets.FailedPlugin(
            name="call-back",
            value="clash_rules:RULESET",
            distribution="clash-rules",
            version="0.3",
            error="the name 'call-back' is already taken by a built-in rule set, and a plugin "
            "never overrides a rule set",
        )
        _skipped_beside_the_coach(_probe(*targets), failed)

    @pytest.mark.parametrize(
        ("code", "error"),
        [
            (
                "import broken_rules_helpers\n",
                "importing it raised ModuleNotFoundError: No module named 'broken_rules_helpers'",
            ),
            ("import sys\n\nsys.exit(3)\n", "importing it raised SystemExit: 3"),
            (
                "RULESET = {'name': 'broken', 'version': '1.0'}\n",
                "it gives {'name': 'broken', 'version': '1.0'}: expected a followup_rules.RuleSet",
            ),
        ],
        ids=["import-error", "system-exit", "not-a-rule-set"],
    )
    def test_one_that_cannot_be_loaded_is_skipped_and_the_process_goes_on(
        self, targets: tuple[Path, Path], tmp_path: Path, code: str, error: str
    ) -> None:
        broken = _handmade(tmp_path, "broken-rules", "0.1", "broken", "broken_rules", code)
        failed = fr.rulesets.FailedPlugin(
            name="broken",
            value="broken_rules:RULESET",
            distribution="broken-rules",
            version="0.1",
            error=error,
        )
        _skipped_beside_the_coach(_probe(targets[0], broken), failed)

    def test_they_are_gone_when_switched_off(self, targets: tuple[Path, Path]) -> None:
        report = _probe(*targets, no_plugins="1")
        assert report["names"] == list(BUILT_IN_NAMES)
        assert (report["warnings"], report["errors"]) == ([], [])
