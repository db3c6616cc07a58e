"""Run surviving mutants again, each in a fresh process.

Why: mutmut forks every mutant's test run from a process that has already imported the package,
so a mutant in code that runs at import time (the attrs field helpers of the rule primitives,
class bodies, ``functools.cache`` state) is never executed and shows as a survivor. Here the
mutant is switched on (``MUTANT_UNDER_TEST``) before Python starts, so the import runs it.

Usage: ``mutation/.venv/bin/python mutation/recheck.py [glob ...]`` (default: every survivor),
e.g. ``'followup_rules.rules._fields.*'``. Prints one line per mutant and the kills found.
"""

from __future__ import annotations

import fnmatch
import json
import os
import shutil
import subprocess
import sys
import tomllib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

MUTANTS = Path("mutants")
RECHECKED = MUTANTS / "recheck.json"
"""Each re-checked survivor and whether it was killed; mutation/score.py counts these."""


def survivors(patterns: list[str]) -> list[str]:
    """The names of the mutants mutmut recorded as survived (exit code 0) matching a pattern."""
    names = []
    for meta in sorted((MUTANTS / "src").rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        names += [name for name, code in codes.items() if code == 0]
    return [n for n in names if any(fnmatch.fnmatch(n, p) for p in patterns)]


def pytest_args() -> list[str]:
    """The options of the mutmut run ([tool.mutmut]) with the tests/test_mutants_* files only:
    they are the tests written against survivors, and a fresh process per mutant costs seconds
    here. ``MUTATION_RECHECK_FULL=1`` runs mutmut's whole test selection instead."""
    config = tomllib.loads(Path("pyproject.toml").read_text(encoding="utf-8"))["tool"]["mutmut"]
    selection: list[str] = config["pytest_add_cli_args_test_selection"]
    if not os.environ.get("MUTATION_RECHECK_FULL"):
        selection = [path for path in selection if "test_mutants_" in path]
    options: list[str] = config["pytest_add_cli_args"]
    return ["-x", *options, *selection]


def killed(name: str, args: list[str]) -> bool:
    """Whether the tests fail with the mutant switched on from the start of a fresh process."""
    source = str((MUTANTS / "src").absolute())
    run = subprocess.run(
        [sys.executable, "-m", "pytest", *args],
        cwd=MUTANTS,
        env={**os.environ, "MUTANT_UNDER_TEST": name, "PYTHONPATH": source},
        capture_output=True,
        check=False,
    )
    return run.returncode != 0


def main(patterns: list[str]) -> int:
    """Re-run the matching survivors, two at a time, and print which ones the tests kill."""
    names = survivors(patterns or ["*"])
    # The tests as they are now: tests added since the mutmut run are the point of a re-check.
    shutil.copytree("tests", MUTANTS / "tests", dirs_exist_ok=True)
    args = pytest_args()
    if killed("", args):
        print("the tests fail without any mutant: fix them first", file=sys.stderr)
        return 1
    known = json.loads(RECHECKED.read_text(encoding="utf-8")) if RECHECKED.exists() else {}
    with ThreadPoolExecutor(max_workers=int(os.environ.get("MUTMUT_JOBS", "2"))) as pool:
        for name, verdict in zip(names, pool.map(lambda n: killed(n, args), names), strict=True):
            print(f"{'killed  ' if verdict else 'survived'} {name}", flush=True)
            known[name] = verdict
            RECHECKED.write_text(json.dumps(known, indent=1), encoding="utf-8")
    verdicts = [known[name] for name in names]
    print(f"fresh-process re-check: {sum(verdicts)} of {len(names)} survivors killed")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
