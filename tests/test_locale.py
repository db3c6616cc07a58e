"""A decision reads, and compares, the same whatever the process locale.

Weekday names once came from ``%a`` and ``calendar.day_name``, which follow ``LC_TIME``: under a
German locale "Tue 2026-11-17" became "Di 2026-11-17" and decisions compared unequal across
machines. The German locale is compiled into a temporary folder (``localedef`` and ``LOCPATH``),
so the test changes nothing on the machine.
"""

from __future__ import annotations

import os
import pickle
import shutil
import subprocess
import sys

import pytest

SCRIPT = """
import locale, pickle, sys
from datetime import date
import followup_rules as fr
if sys.argv[1] != "C":
    locale.setlocale(locale.LC_ALL, sys.argv[1])
history = fr.History(
    [fr.Applied(date(2026, 11, 2)), fr.Interview(date(2026, 11, 10))],
    calendar=fr.WorkCalendar("US"),
)
decision = fr.evaluate(history, date(2026, 11, 12))
sys.stdout.buffer.write(pickle.dumps((decision.explain(), decision)))
"""


@pytest.fixture(scope="module")
def german(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    localedef = shutil.which("localedef")
    if localedef is None:
        pytest.skip("localedef is not installed: no locale can be compiled")
    folder = tmp_path_factory.mktemp("locales")
    made = subprocess.run(
        [localedef, "-i", "de_DE", "-f", "UTF-8", str(folder / "de_DE.UTF-8")],
        capture_output=True,
        check=False,
    )
    if not (folder / "de_DE.UTF-8").exists():
        pytest.skip(f"the de_DE locale could not be compiled: {made.stderr.decode()[:200]}")
    return {**os.environ, "LOCPATH": str(folder)}


def _run(name: str, env: dict[str, str]) -> tuple[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, name], capture_output=True, check=True, env=env
    )
    text, decision = pickle.loads(done.stdout)
    return text, decision


@pytest.mark.slow
def test_a_german_locale_changes_no_word_of_a_decision(german: dict[str, str]) -> None:
    plain_text, plain = _run("C", german)
    german_text, decision = _run("de_DE.UTF-8", german)
    assert german_text.startswith("FOLLOW UP today, Thu 2026-11-12: thank you by phone")
    assert german_text == plain_text
    assert decision == plain
