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
import subprocess
import sys
import textwrap
import threading
import time
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


def _raising(error: Exception) -> Callable[[], object]:
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
    assert registry.default() == fr.Composition(fr.rulesets.BUILT_IN)
    assert registry.resolve(None) == registry.default()
    assert "weekly-coach" in registry.names()


def test_plugins_are_sorted_by_name_whatever_order_they_are_found_in(
    installed: Installed,
) -> None:
    other = fr.RuleSet("another-coach", [], source=SOURCE)
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
        lambda r: r.register(fr.RuleSet("mine", [])),
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
    assert registry.default() == fr.Composition(fr.rulesets.BUILT_IN)
    mine = Registry([COACH], plugins=False)
    assert mine.default() == fr.Composition([COACH])
    with pytest.raises(fr.RuleSetDefinitionError, match="an empty composition"):
        Registry([], plugins=False).default()


def test_a_plugins_name_cannot_be_registered_again(installed: Installed) -> None:
    installed.entries.append(_entry("weekly-coach", COACH))
    registry = Registry()
    with pytest.raises(fr.RuleSetDefinitionError) as raised:
        registry.register(fr.RuleSet("weekly-coach", []))
    assert "'weekly-coach' is already registered (the plugin 'weekly-coach'" in str(raised.value)


def test_common_is_a_reserved_name() -> None:
    with pytest.raises(fr.RuleSetDefinitionError, match="'common' is already registered"):
        Registry(plugins=False).register(fr.RuleSet("common", []))


# -- what is refused, and how it is said ------------------------------------------------------


def _refusal(registry: Registry) -> str:
    with pytest.raises(fr.RuleSetDefinitionError) as raised:
        registry.names()
    return str(raised.value)


def test_a_plugin_named_like_a_built_in_is_refused_before_it_is_imported(
    installed: Installed,
) -> None:
    loads: list[str] = []
    installed.entries.append(
        FakeEntryPoint(
            "call-back",
            "clash_rules:RULESET",
            _counted(loads, COACH),
            FakeDistribution("clash-rules", "0.3"),
        )
    )
    registry = Registry()
    message = _refusal(registry)
    for part in (
        "the plugin 'call-back'",
        "entry point call-back = clash_rules:RULESET",
        "from clash-rules 0.3",
        "the name 'call-back' is already taken by a built-in rule set",
        "never overrides",
        "FOLLOWUP_RULES_NO_PLUGINS=1",
    ):
        assert part in message
    assert loads == []
    with pytest.raises(fr.RuleSetDefinitionError, match="clash-rules"):
        registry.get("call-back")  # every call says it again, until it is fixed


def test_two_plugins_of_one_name_are_refused_naming_both(installed: Installed) -> None:
    installed.entries += [_entry("weekly-coach", COACH), _entry("weekly-coach", COACH, "zz-rules")]
    message = _refusal(Registry())
    assert "from zz-rules 1.0) cannot be registered" in message
    assert "already taken by the plugin 'weekly-coach' (entry point" in message
    assert "from coach-rules 1.0" in message


def test_a_plugin_named_common_is_refused(installed: Installed) -> None:
    installed.entries.append(_entry("common", fr.RuleSet("common", [])))
    assert "the common rules every evaluation follows" in _refusal(Registry())


def test_a_name_registered_while_plugins_load_is_not_overridden(
    installed: Installed, monkeypatch: pytest.MonkeyPatch
) -> None:
    registry = Registry()

    def load() -> fr.RuleSet:
        registry.register(fr.RuleSet("weekly-coach", []))
        return COACH

    installed.entries.append(FakeEntryPoint("weekly-coach", "x:RULESET", load))
    message = _refusal(registry)
    assert "already taken by a rule set registered with register()" in message
    monkeypatch.setenv(NO_PLUGINS_VARIABLE, "1")
    assert registry.get("weekly-coach") == fr.RuleSet("weekly-coach", [])


@pytest.mark.parametrize(
    ("entry", "named"),
    [
        (
            FakeEntryPoint("broken", "broken_rules:RULESET", _raising(ImportError("no module"))),
            ("'broken'", "broken = broken_rules:RULESET", "coach-rules 1.0", "ImportError"),
        ),
        (
            FakeEntryPoint("broken", "x:RULESET", _raising(ZeroDivisionError("division by zero"))),
            ("cannot be loaded", "ZeroDivisionError: division by zero"),
        ),
        (
            _entry("weekly-coach", lambda: COACH),
            ("'weekly-coach'", "gives <function", "expected a followup_rules.RuleSet"),
        ),
        (
            _entry("weekly-coach", COACH + fr.rulesets.get("call-back")),
            ("gives Composition(", "expected a followup_rules.RuleSet"),
        ),
        (
            _entry("my-coach", COACH),
            ("'my-coach'", "gives the rule set 'weekly-coach'", "must be named after its rule set"),
        ),
        (
            _entry("Weekly Coach", COACH),
            ("'Weekly Coach'", "lower-case slug"),
        ),
        (
            FakeEntryPoint("weekly-coach", "x:RULESET", lambda: None, None),
            ("from an unknown distribution", "gives None"),
        ),
    ],
    ids=[
        "import-error",
        "any-error",
        "not-a-rule-set",
        "composition",
        "other-name",
        "slug",
        "no-dist",
    ],
)
def test_a_broken_plugin_is_a_typed_error_naming_its_entry_point(
    installed: Installed, entry: FakeEntryPoint, named: tuple[str, ...]
) -> None:
    installed.entries.append(entry)
    message = _refusal(Registry())
    for part in named:
        assert part in message


def test_a_failed_load_adds_nothing(installed: Installed, monkeypatch: pytest.MonkeyPatch) -> None:
    good = fr.RuleSet("another-coach", [], source=SOURCE)
    broken = FakeEntryPoint("zz-broken", "zz:RULESET", _raising(ImportError("gone")))
    installed.entries += [_entry("another-coach", good), broken]
    registry = Registry()
    with pytest.raises(fr.RuleSetDefinitionError) as raised:
        registry.names()
    assert isinstance(raised.value.__cause__, ImportError)
    monkeypatch.setenv(NO_PLUGINS_VARIABLE, "1")
    assert registry.names() == BUILT_IN_NAMES


# -- a hand-made distribution on sys.path -----------------------------------------------------


def test_a_distribution_on_the_path_is_found_through_importlib_metadata(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(NO_PLUGINS_VARIABLE, raising=False)
    module = "handmade_coach_rules"
    (tmp_path / f"{module}.py").write_text(
        "import followup_rules as fr\n\nRULESET = fr.RuleSet('handmade-coach', [])\n",
        encoding="utf-8",
    )
    info = tmp_path / "handmade_coach_rules-0.1.dist-info"
    info.mkdir()
    (info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: handmade-coach-rules\nVersion: 0.1\n", encoding="utf-8"
    )
    (info / "entry_points.txt").write_text(
        f"[{ENTRY_POINT_GROUP}]\nhandmade-coach = {module}:RULESET\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, module, raising=False)
    registry = Registry()
    assert module not in sys.modules
    assert registry.names()[-1] == "handmade-coach"
    assert module in sys.modules
    sys.modules.pop(module)
    with pytest.raises(fr.RuleSetDefinitionError) as raised:
        registry.register(fr.RuleSet("handmade-coach", []))
    assert "from handmade-coach-rules 0.1" in str(raised.value)


# -- slow: real distributions, built and installed with pip -----------------------------------

PROBE = textwrap.dedent(
    """
    import json
    import sys
    from datetime import date

    import followup_rules as fr

    report = {"imported_on_import": "coach_rules" in sys.modules}
    try:
        report["names"] = list(fr.rulesets.names())
    except fr.RuleSetDefinitionError as error:
        report["error"] = str(error)
    if "weekly-coach" in report.get("names", []):
        history = fr.History([fr.Applied(date(2026, 11, 19))], calendar=fr.WorkCalendar("US"))
        decision = fr.evaluate(history, date(2026, 11, 19), rules="weekly-coach")
        report["decision"] = [decision.action.name, str(decision.next_date)]
        report["versions"] = decision.rulesets
        report["default"] = fr.evaluate(history, date(2026, 11, 19)).rulesets
        report["compared"] = [row.ruleset for row in fr.compare(history, date(2026, 11, 19)).rows]
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

CLASH_MODULE = "import followup_rules as fr\n\nRULESET = fr.RuleSet('call-back', [])\n"


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


@pytest.mark.slow
class TestInstalledDistribution:
    """Slow (a few seconds, pip and three Python processes); part of every run, CI included."""

    def test_its_rule_set_is_a_name_and_decides(self, targets: tuple[Path, Path]) -> None:
        report = _probe(targets[0])
        assert report["imported_on_import"] is False
        assert report["names"] == [*BUILT_IN_NAMES, "weekly-coach"]
        assert report["decision"] == ["WAIT", "2026-11-30"]
        assert report["versions"] == [["weekly-coach", "2.0"]]
        assert [name for name, _ in report["default"]] == sorted(BUILT_IN_NAMES)
        assert report["compared"] == [*BUILT_IN_NAMES, "weekly-coach"]

    def test_one_named_like_a_built_in_is_refused(self, targets: tuple[Path, Path]) -> None:
        message = _probe(*targets)["error"]
        assert "entry point call-back = clash_rules:RULESET, from clash-rules 0.3" in message
        assert "the name 'call-back' is already taken by a built-in rule set" in message

    def test_they_are_gone_when_switched_off(self, targets: tuple[Path, Path]) -> None:
        report = _probe(*targets, no_plugins="1")
        assert report["names"] == list(BUILT_IN_NAMES)
        assert "error" not in report
