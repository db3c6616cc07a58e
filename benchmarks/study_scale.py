"""The study at the issue's scale: 10,000 searches x five rule sets x 12 weeks (issue 14).

Each run is one ``fr.study`` call in a fresh process (so no run profits from the one before):
all eight archetypes, 1,250 searches each, every registered rule set, 12 weeks. Reports the
median wall time with its spread, and the time per replay (one search under one rule set).

    python benchmarks/study_scale.py [--runs 3] [--histories 1250]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from collections.abc import Sequence
from typing import Any

TARGET_SECONDS = 60.0
"""The issue's bound for 10,000 searches x five rule sets x 12 weeks on this 2-core machine."""

_RUN = """
import json, time
from datetime import date
import followup_rules as fr
from followup_rules.scenarios import scenario_names
start = time.perf_counter()
result = fr.study("all", start=date(2026, 3, 2), weeks=12, histories={histories}, seed=14)
print(json.dumps({{"seconds": time.perf_counter() - start, "replays": len(result.replays),
                  "scenarios": len(scenario_names()), "rulesets": len(result.rulesets)}}))
"""


def measure(*, runs: int = 3, histories: int = 1250) -> dict[str, Any]:
    """``runs`` fresh-process runs of the study; the median, the spread and a row of figures."""
    found = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", _RUN.format(histories=histories)],
            check=True,
            capture_output=True,
            text=True,
        )
        found.append(json.loads(done.stdout))
    seconds = [run["seconds"] for run in found]
    replays = found[0]["replays"]
    median = statistics.median(seconds)
    return {
        "searches": histories * found[0]["scenarios"],
        "rulesets": found[0]["rulesets"],
        "weeks": 12,
        "replays": replays,
        "runs": runs,
        "median_s": round(median, 1),
        "stdev_s": round(statistics.stdev(seconds), 1) if runs > 1 else 0.0,
        "min_s": round(min(seconds), 1),
        "max_s": round(max(seconds), 1),
        "per_replay_ms": round(median / replays * 1e3, 3),
        "target_s": TARGET_SECONDS,
        "ratio_to_target": round(median / TARGET_SECONDS, 2),
    }


def markdown(row: dict[str, Any]) -> str:
    """The row as a section of ``results.md``."""
    return (
        "\n## Study at scale (issue 14)\n\n"
        f"{row['searches']:,} searches x {row['rulesets']} rule sets x {row['weeks']} weeks "
        f"({row['replays']:,} replays), {row['runs']} fresh-process runs.\n\n"
        "| median (s) | stdev (s) | min-max (s) | per replay (ms) | target (s) | median/target |\n"
        "|---|---|---|---|---|---|\n"
        f"| {row['median_s']} | {row['stdev_s']} | {row['min_s']}-{row['max_s']} | "
        f"{row['per_replay_ms']} | {row['target_s']:g} | {row['ratio_to_target']} |\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--histories", type=int, default=1250, help="searches per archetype")
    args = parser.parse_args(argv)
    row = measure(runs=args.runs, histories=args.histories)
    print(json.dumps(row, indent=2))
    print(markdown(row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
