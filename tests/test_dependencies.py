"""The floors of the core dependencies: what pyproject.toml allows is what CI tests.

``.ci/run`` installs ``constraints/lowest.txt`` and runs the suite with those versions, so each
floor in ``pyproject.toml`` must be pinned there, and nothing else.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _floors() -> dict[str, str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    floors = {}
    for requirement in project["dependencies"]:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)>=([0-9.]+)", requirement)
        assert match, f"{requirement!r}: a core dependency is written 'name>=floor'"
        floors[match[1]] = match[2]
    return floors


def _pinned() -> dict[str, str]:
    lines = (ROOT / "constraints" / "lowest.txt").read_text(encoding="utf-8").splitlines()
    pins = (line.partition("==") for line in lines if line and not line.startswith("#"))
    return {name: version for name, _, version in pins}


def test_each_core_floor_is_the_version_ci_tests() -> None:
    assert _pinned() == _floors()


def test_the_core_is_what_the_library_imports_and_the_time_zone_data() -> None:
    # tzdata: zoneinfo's IANA data where the system has none (Windows, slim containers).
    assert set(_floors()) == {"attrs", "python-dateutil", "holidays", "tzdata"}


def test_the_version_is_stated_once_and_installed_as_stated() -> None:
    from importlib.metadata import version

    import followup_rules as fr

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert "version" not in project
    assert project["dynamic"] == ["version"]
    assert version("followup-rules") == fr.__version__
