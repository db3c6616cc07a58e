"""The results of one run: medians, ratios and targets as data, and as a Markdown table."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any

import pyperf
import suite

__all__ = ["markdown", "results", "summary"]

_UNITS = {"batch": "application", "length": "decision", "history": "history"}
_LINEAR_SPREAD = 1.5
"""Cost grows linearly when the cost per added event differs by at most this factor between
50 to 500 events and 500 to 5,000 events."""


def _benchmarks(suites: Sequence[pyperf.BenchmarkSuite]) -> dict[str, dict[str, Any]]:
    found = {}
    for timed in suites:
        for bench in timed.get_benchmarks():
            name = bench.get_name()
            values = bench.get_values()
            found[name] = {
                "median_us": round(bench.median() * 1e6, 3),
                "stdev_us": round(bench.stdev() * 1e6, 3) if len(values) > 1 else 0.0,
                "values": len(values),
                "per": _UNITS.get(name.split("/")[0], "decision"),
            }
    return found


def _per_event(times: dict[str, dict[str, Any]], variant: str) -> dict[str, float]:
    """The cost each added event adds, between the lengths timed."""
    lengths = suite.LENGTHS
    median = {n: times[f"length/{n}/{variant}"]["median_us"] for n in lengths}
    steps = {
        f"{low}-{high}": (median[high] - median[low]) / (high - low)
        for low, high in itertools.pairwise(lengths)
    }
    overall = (median[lengths[-1]] - median[lengths[0]]) / (lengths[-1] - lengths[0])
    return {"overall_us": round(overall, 4), **{k: round(v, 4) for k, v in steps.items()}}


def _target(
    key: str,
    text: str,
    measured: float,
    limit: float,
    *,
    at_most: bool,
    how: str,
    unit: str = "x",
) -> dict[str, Any]:
    met = measured <= limit if at_most else measured >= limit
    return {
        "id": key,
        "target": text,
        "measured": round(measured, 2),
        "limit": limit,
        "unit": unit,
        "met": met,
        "how": how,
    }


def _targets(
    times: dict[str, dict[str, Any]], per_event: dict[str, Any], startup: dict[str, Any]
) -> list[dict[str, Any]]:
    def median(name: str) -> float:
        return float(times[name]["median_us"])

    floor, rule_set = median("p/hand-written"), median("p/rule-set")
    found = [
        _target(
            "rule-set-vs-floor",
            "P as a library rule set at most 2x the hand-written function",
            rule_set / floor,
            2.0,
            at_most=True,
            how="p/rule-set / p/hand-written",
        )
    ]
    for engine in ("p/business-rules", "p/rule-engine"):
        if engine in times:
            found.append(
                _target(
                    f"faster-than-{engine[2:]}",
                    f"P as a rule set at least 5x faster than {engine[2:]}",
                    median(engine) / rule_set,
                    5.0,
                    at_most=False,
                    how=f"{engine} / p/rule-set",
                )
            )
    found.append(
        _target(
            "default-vs-rule-set",
            "the default five-way composition at most 4x P as a rule set",
            median("p/default-rules") / rule_set,
            4.0,
            at_most=True,
            how="p/default-rules / p/rule-set (the same histories)",
        )
    )
    found.append(
        _target(
            "per-event",
            "per-event cost within 2x of the hand-written function's",
            per_event["rule-set"]["overall_us"] / per_event["hand-written"]["overall_us"],
            2.0,
            at_most=True,
            how="added cost per event from 5 to 5,000 events, rule set / hand-written",
        )
    )
    found.append(
        _target(
            "history-build",
            "building a History at most 0.5 µs per event",
            per_event["build"]["overall_us"],
            0.5,
            at_most=True,
            how="added cost per event of History(events) from 5 to 5,000 events",
            unit=" µs",
        )
    )
    found.append(
        _target(
            "batch-throughput",
            "batch throughput at least half the hand-written function's",
            median("batch/hand-written") / median("batch/evaluate_many"),
            0.5,
            at_most=False,
            how="applications per second, evaluate_many / hand-written, 100,000, GC on",
        )
    )
    large = f"rules-{suite.LARGE_RULES}/evaluate"
    found.append(
        _target(
            "large-rule-set",
            f"a {suite.LARGE_RULES}-rule TOML rule set: one evaluate at most 20 ms",
            median(large) / 1000,
            20.0,
            at_most=True,
            how=f"{large}, median per decision",
            unit=" ms",
        )
    )
    long = f"plan/{suite.PLAN_LENGTH}"
    found.append(
        _target(
            "long-plan",
            f"plan on a {suite.PLAN_LENGTH:,}-event history at most 2x one evaluate per contact",
            median(f"{long}/per-contact") / median(f"{long}/evaluate"),
            2.0,
            at_most=True,
            how=f"{long}/per-contact / {long}/evaluate",
        )
    )
    found.append(
        _target(
            "import",
            "import followup_rules at most 150 ms",
            startup["import"]["median_ms"],
            150.0,
            at_most=True,
            how=f"the import alone, median of {startup['import']['runs']} fresh processes",
            unit=" ms",
        )
    )
    found.append(
        _target(
            "help",
            "followup-rules --help under 150 ms",
            startup["help"]["median_ms"],
            150.0,
            at_most=True,
            how=f"the whole process, median of {startup['help']['runs']} runs",
            unit=" ms",
        )
    )
    for variant in ("hand-written", "rule-set"):
        steps = [v for k, v in per_event[variant].items() if k in ("50-500", "500-5000")]
        spread = max(steps) / min(steps) if min(steps) > 0 else float("inf")
        found.append(
            _target(
                f"linear-{variant}",
                f"{variant}: cost grows linearly with the history's length",
                spread,
                _LINEAR_SPREAD,
                at_most=True,
                how="cost per added event, 500-5,000 vs 50-500 (larger / smaller)",
            )
        )
    return found


def results(
    *,
    generated: str,
    environment: dict[str, Any],
    agreement: dict[str, Any],
    holiday_tables: dict[str, int],
    startup: dict[str, Any],
    memory: dict[str, int],
    suites: Sequence[pyperf.BenchmarkSuite],
    profile: dict[str, Any],
    missing_engines: list[str],
) -> dict[str, Any]:
    """Everything one run measured, as plain data."""
    times = _benchmarks(suites)
    per_event = {v: _per_event(times, v) for v in ("hand-written", "rule-set", "build")}
    floor = times["p/hand-written"]["median_us"]
    ratios = {
        name: round(entry["median_us"] / floor, 2)
        for name, entry in times.items()
        if name.startswith("p/")
    }
    notes = [f"{name} is not installed: its variant was left out." for name in missing_engines]
    return {
        "generated": generated,
        "environment": environment,
        "agreement": agreement,
        "holiday_tables": holiday_tables,
        "startup_ms": startup,
        "kept_decision_bytes": memory,
        "benchmarks": times,
        "ratios_to_hand_written": ratios,
        "per_event_us": per_event,
        "targets": _targets(times, per_event, startup),
        "profile": profile,
        "notes": notes,
    }


def _row(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def _table(head: Sequence[str], rows: Sequence[Sequence[object]]) -> list[str]:
    return [_row(head), _row(["---"] * len(head)), *(_row(r) for r in rows), ""]


def _time(us: float) -> str:
    return f"{us / 1000:,.2f} ms" if us >= 1000 else f"{us:,.2f} µs"


def markdown(found: dict[str, Any]) -> str:
    """``results.md``: the targets first, then every median, the lengths, and the profile."""
    env = found["environment"]
    agreed = found["agreement"]
    tables = found["holiday_tables"]
    actions = ", ".join(f"{n:,} {action}" for action, n in agreed["actions"].items())
    also = ", ".join(f"{n:,} {what}" for what, n in agreed["also"].items())
    lines = [
        "# Benchmark results",
        "",
        f"Generated by `python benchmarks/run.py` on {found['generated']} (Python "
        f"{env['python']}, {env['system']} {env['machine']}, {env['cpus']} CPUs). Every number "
        "comes from this one run; see `benchmarks/README.md` for what each benchmark does and "
        "for the analysis.",
        "",
        f"**Agreement**: {', '.join(agreed['variants'])} gave the same answer on all "
        f"{agreed['histories']:,} generated histories ({actions}), and the rule set agreed with "
        f"the hand-written function on {also}.",
        "",
        f"**Holiday tables**: {tables['built_first_pass']} built during the first "
        f"{tables['decisions']:,} decisions (one per year the histories reach), "
        f"{tables['built_second_pass']} during the same decisions again.",
        "",
        "## Targets",
        "",
    ]
    lines += _table(
        ["target", "measured", "limit", "met", "how"],
        [
            [
                t["target"],
                f"{t['measured']}{t.get('unit', 'x')}",
                f"{t['limit']}{t.get('unit', 'x')}",
                "yes" if t["met"] else "**no**",
                t["how"],
            ]
            for t in found["targets"]
        ],
    )
    started, memory = found["startup_ms"], found["kept_decision_bytes"]
    lines += ["## Start-up and memory", ""]
    lines += _table(
        ["what", "median", "± stdev", "runs"],
        [
            [
                what,
                f"{started[key]['median_ms']} ms",
                f"{started[key]['stdev_ms']} ms",
                started[key]["runs"],
            ]
            for what, key in (
                ("`import followup_rules`", "import"),
                ("`followup-rules --help`", "help"),
            )
        ],
    )
    lines += [
        f"A kept decision of P holds {memory['decided_bytes']:,} bytes until its explanation "
        f"is first read, {memory['explained_bytes']:,} bytes after (tracemalloc, averaged over "
        "a thousand decisions).",
        "",
        "## Medians",
        "",
    ]
    lines += _table(
        ["benchmark", "median", "± stdev", "per", "values", "ratio to hand-written P"],
        [
            [
                f"`{name}`",
                _time(entry["median_us"]),
                _time(entry["stdev_us"]),
                entry["per"],
                entry["values"],
                f"{found['ratios_to_hand_written'][name]}"
                if name in found["ratios_to_hand_written"]
                else "",
            ]
            for name, entry in found["benchmarks"].items()
        ],
    )
    lines += ["## Cost per added event (µs)", ""]
    per_event = found["per_event_us"]
    steps = list(next(iter(per_event.values())))
    lines += _table(
        ["variant", *steps],
        [[variant, *(values[k] for k in steps)] for variant, values in per_event.items()],
    )
    profile = found["profile"]
    lines += [
        "## Where P as a rule set spends its time",
        "",
        f"cProfile over {profile['decisions']:,} decisions (`p/rule-set`'s inputs); the "
        "profiler's own overhead inflates small calls, so read shares, not times.",
        "",
    ]
    lines += _table(
        ["phase", "share of the time"],
        [[phase, f"{share}%"] for phase, share in profile["phases_percent"].items()],
    )
    lines += _table(
        ["function", "calls", "own time", "with callees"],
        [
            [
                f"`{e['function']}`",
                f"{e['calls']:,}",
                f"{e['own_percent']}%",
                f"{e['cumulative_percent']}%",
            ]
            for e in profile["top"]
        ],
    )
    lines += ["## Environment", ""]
    lines += _table(["package", "version"], list(env["packages"].items()))
    lines += [f"pyperf settings: {env['pyperf_settings']}", ""]
    if found["notes"]:
        lines += ["## Notes", "", *(f"- {note}" for note in found["notes"]), ""]
    return "\n".join(lines)


def summary(found: dict[str, Any]) -> str:
    """The targets, for the terminal."""
    lines = []
    for t in found["targets"]:
        verdict = "met    " if t["met"] else "NOT MET"
        unit = t.get("unit", "x")
        lines.append(f"{verdict}  {t['target']}: {t['measured']}{unit} (limit {t['limit']}{unit})")
    return "\n".join(lines)
