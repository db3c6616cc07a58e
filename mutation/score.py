"""Print the mutation score per module and overall from mutmut's result files (mutants/*.meta).

Why not ``mutmut results``: it lists surviving mutants one by one but gives no per-module score,
and the report (mutation/REPORT.md) needs the counts per module.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

from mutmut.stats import status_by_exit_code

ROOT = Path("mutants/src")
RECHECKED = Path("mutants/recheck.json")


def counts_by_module() -> dict[str, Counter[str]]:
    """Count each status (killed, survived, timeout, ...) per mutated module; a survivor that
    mutation/recheck.py killed in a fresh process counts as killed."""
    rechecked = json.loads(RECHECKED.read_text(encoding="utf-8")) if RECHECKED.exists() else {}
    result: dict[str, Counter[str]] = {}
    for meta in sorted(ROOT.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        if codes:
            module = str(meta.relative_to(ROOT)).removesuffix(".meta")
            result[module] = Counter(
                "killed" if rechecked.get(name) else status_by_exit_code[code]
                for name, code in codes.items()
            )
    return result


def row(name: str, counts: Counter[str]) -> str:
    """One table row: total, killed, survived, timeout, not checked and the killed share."""
    total = sum(counts.values())
    checked = total - counts["not checked"]
    caught = counts["killed"] + counts["timeout"]
    score = f"{100 * caught / checked:.1f}%" if checked else "-"
    return (
        f"| {name} | {total} | {counts['killed']} | {counts['survived']} | {counts['timeout']} "
        f"| {counts['not checked']} | {score} |"
    )


def main() -> int:
    """Print the table; the score counts timeouts as caught, and leaves unchecked mutants out."""
    modules = counts_by_module()
    if not modules:
        print("no results under mutants/: run mutation/run.sh first", file=sys.stderr)
        return 1
    print("| module | total | killed | survived | timeout | not checked | score |")
    print("|---|---|---|---|---|---|---|")
    overall: Counter[str] = Counter()
    for name, counts in modules.items():
        overall += counts
        print(row(name, counts))
    print(row("**overall**", overall))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
