"""The one command: check that every variant of P agrees, time everything, write the results.

    python benchmarks/run.py              # a few minutes; writes benchmarks/results.{md,json}
    python benchmarks/run.py --rigorous   # pyperf's rigorous settings: steadier, far longer

First every variant of the reference policy P decides the same ten thousand generated histories
(and the long histories, and part of the batch); a single disagreement prints the case and fails
the run before anything is timed. Then ``suite.py`` runs under pyperf, in two parts, and the
medians, ratios and targets of that one run go to ``results.md`` and ``results.json``, with a
profile of P as a rule set of this library.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Sequence
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import holidays
import pyperf
import report
import study_scale
import suite
import workloads
from policy import Answer, Case, cases, decide, long_case, open_on, us_holidays
from policy_ruleset import POLICY, answer_of, history_of

import followup_rules as fr
import followup_rules.calendar
from followup_rules.batch import evaluate_many

HERE = Path(__file__).resolve().parent

AGREEMENT_CASES = 10_000
AGREEMENT_BATCH = 2_000
DECISION_SETTINGS = ("--processes", "3", "--values", "3", "--warmups", "1", "--min-time", "0.1")
BATCH_SETTINGS = ("--processes", "1", "--values", "3", "--warmups", "0", "--loops", "1")
ENGINES = ("business-rules", "rule-engine")


class DisagreementError(Exception):
    """Two variants of P answered one case differently."""


def _check(
    name: str, found: Sequence[Case], answers: Sequence[Answer], floor: Sequence[Answer]
) -> None:
    for case, answer, expected in zip(found, answers, floor, strict=True):
        if answer != expected:
            raise DisagreementError(
                f"{name} answers {answer} where the hand-written P answers {expected}\n"
                f"  today: {case.today}\n  events: {list(case.events)}"
            )


def agreement() -> dict[str, Any]:
    """Every variant decides the same cases; the first disagreement raises."""
    table = us_holidays(2005, 2035)
    found = cases(AGREEMENT_CASES, seed=suite.P_SEED)
    floor = [decide(c.events, c.today, table) for c in found]
    histories = [history_of(c.events, workloads.US) for c in found]
    rule_set = [
        answer_of(fr.evaluate(h, c.today, rules=POLICY))
        for h, c in zip(histories, found, strict=True)
    ]
    _check("p/rule-set", found, rule_set, floor)
    for name, decide_p in suite.engines().items():
        _check(name, found, [decide_p(c.events, c.today, table) for c in found], floor)
    long = [long_case(length, seed=suite.LENGTH_SEED) for length in suite.LENGTHS]
    _check(
        "p/rule-set (long histories)",
        long,
        [
            answer_of(fr.evaluate(history_of(c.events, workloads.US), c.today, rules=POLICY))
            for c in long
        ],
        [decide(c.events, c.today, table) for c in long],
    )
    batch = open_on(suite.BATCH_TODAY, AGREEMENT_BATCH, seed=suite.BATCH_SEED)
    decisions = evaluate_many(
        [history_of(c.events, workloads.US) for c in batch], suite.BATCH_TODAY, rules=POLICY
    )
    _check(
        "evaluate_many (batch)",
        batch,
        [answer_of(d) for d in decisions],
        [decide(c.events, c.today, table) for c in batch],
    )
    actions: dict[str, int] = {}
    for action, _, _ in floor:
        actions[action] = actions.get(action, 0) + 1
    return {
        "histories": AGREEMENT_CASES,
        "variants": ["p/hand-written", "p/rule-set", *suite.engines()],
        "also": {
            "long histories (rule set)": len(long),
            "batch applications (evaluate_many)": AGREEMENT_BATCH,
        },
        "disagreements": 0,
        "actions": dict(sorted(actions.items())),
    }


def holiday_tables() -> dict[str, int]:
    """How many holiday tables decisions build: one per year at first, then none."""
    built = 0
    original = holidays.country_holidays

    def counting(*args: Any, **kwargs: Any) -> Any:
        nonlocal built
        built += 1
        return original(*args, **kwargs)

    found = [(history_of(c.events, workloads.US), c.today) for c in cases(2_000, seed=99)]
    # Forget the years the checks before prepared, so the first pass shows what it builds.
    followup_rules.calendar._year.cache_clear()
    holidays.country_holidays = counting
    try:
        first = [fr.evaluate(h, today, rules=POLICY) for h, today in found]
        during_first, built = built, 0
        again = [fr.evaluate(h, today, rules=POLICY) for h, today in found]
    finally:
        holidays.country_holidays = original
    assert first == again
    return {"decisions": len(found), "built_first_pass": during_first, "built_second_pass": built}


_PHASES = (
    ("resolving rules= (registry.resolve)", ("registry.py", "resolve"), None),
    ("preparing the rules (registry.prepare)", ("registry.py", "prepare"), None),
    ("facts from the history (History.facts)", ("history.py", "facts"), None),
    ("the rules' effects (engine._effects)", ("engine.py", "_effects"), ("history.py", "facts")),
    ("resolution into a decision (resolution.resolve)", ("resolution.py", "resolve"), None),
)
"""Each phase of a decision: the function whose time with callees it is, less another's."""


def profile(top: int = 15) -> dict[str, Any]:
    """Where P as a rule set spends its time: phases, then the top functions by own time."""
    found = suite._p_histories()
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(3):
        for history, today in found:
            fr.evaluate(history, today, rules=POLICY)
    profiler.disable()
    entries: dict[tuple[str, int, str], Any] = pstats.Stats(profiler).stats  # type: ignore[attr-defined]
    total = sum(tt for _, _, tt, _, _ in entries.values())

    def with_callees(file: str, function: str) -> float:
        return float(
            sum(
                ct
                for (path, _, name), (_, _, _, ct, _) in entries.items()
                if path.endswith(file) and name == function
            )
        )

    phases = {
        label: round(100 * (with_callees(*of) - (with_callees(*less) if less else 0.0)) / total, 1)
        for label, of, less in _PHASES
    }
    ranked = sorted(entries.items(), key=lambda item: item[1][2], reverse=True)[:top]
    functions = [
        {
            "function": f"{Path(path).name}:{line}({name})" if line else name,
            "calls": calls,
            "own_percent": round(100 * own / total, 1),
            "cumulative_percent": round(100 * cumulative / total, 1),
        }
        for (path, line, name), (_, calls, own, cumulative, _) in ranked
    ]
    return {"decisions": 3 * len(found), "phases_percent": phases, "top": functions}


STARTS = 15
"""How many fresh processes time ``import followup_rules`` and ``followup-rules --help``."""
KEPT = 1_000
"""How many decisions are kept to measure the memory of one."""

_IMPORT = (
    "import time; start = time.perf_counter(); import followup_rules; "
    "print(time.perf_counter() - start)"
)


def _spread(values: Sequence[float]) -> dict[str, float]:
    return {
        "median_ms": round(statistics.median(values) * 1e3, 2),
        "stdev_ms": round(statistics.stdev(values) * 1e3, 2),
        "runs": len(values),
    }


def startup() -> dict[str, dict[str, float]]:
    """``import followup_rules`` in a fresh process (the import alone), and the whole of
    ``followup-rules --help`` (the interpreter's start included), each run ``STARTS`` times."""
    imports, helps = [], []
    for _ in range(STARTS):
        done = subprocess.run(
            [sys.executable, "-c", _IMPORT], check=True, capture_output=True, text=True
        )
        imports.append(float(done.stdout))
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "followup_rules", "--help"], check=True, capture_output=True
        )
        helps.append(time.perf_counter() - start)
    return {"import": _spread(imports), "help": _spread(helps)}


def kept_memory() -> dict[str, int]:
    """Bytes a kept decision of P holds, before and after its explanation is first read
    (tracemalloc, over ``KEPT`` decisions; what it shares with others, such as its rule set's
    citations, is not counted)."""
    found = [(history_of(c.events, workloads.US), c.today) for c in cases(KEPT, seed=98)]
    fr.evaluate(*found[0], rules=POLICY)  # prepares the rules and the years outside the count
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = [fr.evaluate(h, today, rules=POLICY) for h, today in found]
        decided = tracemalloc.get_traced_memory()[0]
        for decision in kept:
            decision.explain()
        explained = tracemalloc.get_traced_memory()[0]
    finally:
        tracemalloc.stop()
    return {
        "decided_bytes": (decided - before) // KEPT,
        "explained_bytes": (explained - before) // KEPT,
    }


def _run_part(part: str, settings: Sequence[str], output: Path) -> pyperf.BenchmarkSuite:
    command = [sys.executable, str(HERE / "suite.py"), "--part", part, "--quiet", *settings]
    command += ["-o", str(output)]
    subprocess.run(command, check=True)
    return pyperf.BenchmarkSuite.load(str(output))


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def environment(settings: Sequence[str]) -> dict[str, Any]:
    return {
        "python": platform.python_version(),
        "implementation": platform.python_implementation(),
        "machine": platform.machine(),
        "system": platform.system(),
        "cpus": os.cpu_count(),
        "packages": {
            name: _version(name)
            for name in (
                "followup-rules",
                "holidays",
                "attrs",
                "pyperf",
                *ENGINES,
                "pandas",
                "dask",
            )
        },
        "pyperf_settings": {"decisions": list(settings), "batch": list(BATCH_SETTINGS)},
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=HERE, help="where results.md/json go")
    parser.add_argument("--rigorous", action="store_true", help="pyperf --rigorous (slow)")
    args = parser.parse_args(argv)
    settings = ("--rigorous",) if args.rigorous else DECISION_SETTINGS
    print(f"Checking that every variant of P agrees on {AGREEMENT_CASES:,} histories...")
    try:
        agreed = agreement()
    except DisagreementError as error:
        print(f"DISAGREEMENT, nothing timed:\n{error}", file=sys.stderr)
        return 1
    print(f"  {', '.join(agreed['variants'])}: no disagreement")
    tables = holiday_tables()
    started, memory = startup(), kept_memory()
    with tempfile.TemporaryDirectory() as folder:
        timed = [
            _run_part("decisions", settings, Path(folder) / "decisions.json"),
            _run_part("batch", BATCH_SETTINGS, Path(folder) / "batch.json"),
        ]
    results = report.results(
        generated=datetime.now(UTC).isoformat(timespec="seconds"),
        environment=environment(settings),
        agreement=agreed,
        holiday_tables=tables,
        startup=started,
        memory=memory,
        suites=timed,
        profile=profile(),
        missing_engines=[name for name in ENGINES if f"p/{name}" not in suite.engines()],
    )
    results["study"] = study_scale.measure()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    markdown = report.markdown(results) + study_scale.markdown(results["study"])
    (args.out / "results.md").write_text(markdown, encoding="utf-8")
    print(report.summary(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
