"""The timed benchmarks, as a pyperf script (``run.py`` runs it and writes the results).

Two parts, since they need different pyperf settings: ``decisions`` times single decisions on
batches of a few hundred to a thousand inputs (times are per decision), and ``batch`` times one
pass over 100,000 applications with the garbage collector on (times are per application).
Inputs are built inside each worker process, outside the timed loop, and cached there.

Alone: ``python benchmarks/suite.py --part decisions -o decisions.json`` (any pyperf option).
"""

from __future__ import annotations

import functools
import gc
import time
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pyperf
import workloads
from policy import Answer, Case, PEvent, cases, decide, long_case, open_on, us_holidays
from policy_ruleset import POLICY, history_of

import followup_rules as fr
from followup_rules.batch import evaluate_many
from followup_rules.ruleset import RulesLike

__all__ = ["BATCH_SIZE", "BATCH_TODAY", "LENGTHS", "P_CASES", "P_SEED", "engines", "main"]

P_SEED = 5
P_CASES = 1_000
"""P's realistic mix: the first thousand of the ten thousand histories the variants agree on."""
MIX_SEED = 12
MIX_CASES = 500
PLAN_CASES = 50
LENGTHS = (5, 50, 500, 5_000)
LENGTH_SEED = 3
LARGE_RULES = 200
LARGE_CASES = 50
"""The 200-rule rule set decides the first fifty histories of the mix."""
PLAN_LENGTH = 100_000
PLAN_START = date(1800, 1, 6)
"""A 100,000-event history, a follow-up or a reply a day, ends in 2073: inside the US data."""
BATCH_SIZE = 100_000
BATCH_SEED = 7
BATCH_TODAY = date(2026, 11, 25)

TimeFunc = Callable[[int], float]


Decide = Callable[[tuple[PEvent, ...], date, frozenset[date]], Answer]
"""A variant of P: the events, today, and the holiday table prepared once."""


def engines() -> dict[str, Decide]:
    """The rule engines' variants of P that are installed, by benchmark name."""
    found: dict[str, Decide] = {}
    try:
        import policy_business_rules

        found["p/business-rules"] = policy_business_rules.decide
    except ImportError:
        pass
    try:
        import policy_rule_engine

        found["p/rule-engine"] = policy_rule_engine.decide
    except ImportError:
        pass
    return found


@functools.cache
def _holidays() -> frozenset[date]:
    return us_holidays(2005, 2035)


@functools.cache
def _p_cases() -> list[Case]:
    return cases(P_CASES, seed=P_SEED)


@functools.cache
def _p_histories() -> list[tuple[fr.History, date]]:
    return [(history_of(c.events, workloads.US), c.today) for c in _p_cases()]


@functools.cache
def _mix() -> list[tuple[fr.History, date]]:
    return workloads.mix(MIX_CASES, seed=MIX_SEED)


@functools.cache
def _long(length: int) -> Case:
    return long_case(length, seed=LENGTH_SEED)


@functools.cache
def _batch() -> list[Case]:
    return open_on(BATCH_TODAY, BATCH_SIZE, seed=BATCH_SEED)


@functools.cache
def _batch_histories() -> list[fr.History]:
    return [history_of(c.events, workloads.US) for c in _batch()]


def _timed(loops: int, run: Callable[[], object]) -> float:
    gc.enable()
    start = time.perf_counter()
    for _ in range(loops):
        run()
    return time.perf_counter() - start


def _floor(inputs: Callable[[], list[Case]]) -> TimeFunc:
    def time_func(loops: int) -> float:
        found, holidays = inputs(), _holidays()
        return _timed(loops, lambda: [decide(c.events, c.today, holidays) for c in found])

    return time_func


def _engine(decide_p: Decide) -> TimeFunc:
    def time_func(loops: int) -> float:
        found, holidays = _p_cases(), _holidays()
        return _timed(loops, lambda: [decide_p(c.events, c.today, holidays) for c in found])

    return time_func


def _evaluate(inputs: Callable[[], list[tuple[fr.History, date]]], rules: RulesLike) -> TimeFunc:
    def time_func(loops: int) -> float:
        found = inputs()
        return _timed(loops, lambda: [fr.evaluate(h, today, rules=rules) for h, today in found])

    return time_func


def _compare(loops: int) -> float:
    found = _mix()
    return _timed(loops, lambda: [fr.compare(h, today) for h, today in found])


def _plan(loops: int) -> float:
    found = _mix()[:PLAN_CASES]
    return _timed(loops, lambda: [fr.plan(h, today) for h, today in found])


def _build(loops: int) -> float:
    found = [list(h.events) for h, _ in _mix()]
    return _timed(loops, lambda: [fr.History(e, calendar=workloads.US) for e in found])


def _length_floor(length: int) -> TimeFunc:
    def time_func(loops: int) -> float:
        case, holidays = _long(length), _holidays()
        return _timed(loops, lambda: decide(case.events, case.today, holidays))

    return time_func


def _length_rule_set(length: int) -> TimeFunc:
    def time_func(loops: int) -> float:
        case = _long(length)
        history = history_of(case.events, workloads.US)
        return _timed(loops, lambda: fr.evaluate(history, case.today, rules=POLICY))

    return time_func


def _length_build(length: int) -> TimeFunc:
    def time_func(loops: int) -> float:
        events = list(history_of(_long(length).events, workloads.US).events)
        return _timed(loops, lambda: fr.History(events, calendar=workloads.US))

    return time_func


@functools.cache
def _large() -> fr.RuleSet:
    return workloads.large_rule_set(LARGE_RULES)


def _large_evaluate(loops: int) -> float:
    found, rules = _mix()[:LARGE_CASES], _large()
    return _timed(loops, lambda: [fr.evaluate(h, today, rules=rules) for h, today in found])


@functools.cache
def plan_history() -> tuple[fr.History, date]:
    """The 100,000-event history a plan is timed on, and its day."""
    case = long_case(PLAN_LENGTH, seed=LENGTH_SEED, start=PLAN_START)
    return history_of(case.events, workloads.US), case.today


@functools.cache
def plan_contacts() -> int:
    """How many contacts P plans on that history: the plan's time is per contact."""
    history, today = plan_history()
    return max(1, len(fr.plan(history, today, rules=POLICY).contacts))


def _plan_long(loops: int) -> float:
    history, today = plan_history()
    return _timed(loops, lambda: fr.plan(history, today, rules=POLICY))


def _evaluate_long(loops: int) -> float:
    history, today = plan_history()
    return _timed(loops, lambda: fr.evaluate(history, today, rules=POLICY))


def _batch_many(loops: int) -> float:
    histories = _batch_histories()
    return _timed(loops, lambda: evaluate_many(histories, BATCH_TODAY, rules=POLICY))


def decisions() -> Iterator[tuple[str, TimeFunc, int]]:
    """Name, timing function and inputs per loop of each benchmark of the decisions part."""
    yield "p/hand-written", _floor(_p_cases), P_CASES
    yield "p/rule-set", _evaluate(_p_histories, POLICY), P_CASES
    yield "p/default-rules", _evaluate(_p_histories, None), P_CASES
    for name, decide_p in engines().items():
        yield name, _engine(decide_p), P_CASES
    for name in fr.rulesets.names():
        yield f"evaluate/{name}", _evaluate(_mix, name), MIX_CASES
    yield "evaluate/default", _evaluate(_mix, None), MIX_CASES
    yield "compare", _compare, MIX_CASES
    yield "plan", _plan, PLAN_CASES
    yield "history/build", _build, MIX_CASES
    for length in LENGTHS:
        yield f"length/{length}/hand-written", _length_floor(length), 1
        yield f"length/{length}/rule-set", _length_rule_set(length), 1
        yield f"length/{length}/build", _length_build(length), 1
    yield f"rules-{LARGE_RULES}/evaluate", _large_evaluate, LARGE_CASES
    yield f"plan/{PLAN_LENGTH}/evaluate", _evaluate_long, 1
    yield f"plan/{PLAN_LENGTH}/per-contact", _plan_long, plan_contacts()


def batch() -> Iterator[tuple[str, TimeFunc, int]]:
    """The batch part: 100,000 applications open on one day, one pass per value."""
    yield "batch/hand-written", _floor(_batch), BATCH_SIZE
    yield "batch/evaluate_many", _batch_many, BATCH_SIZE


PARTS = {"decisions": decisions, "batch": batch}


def _pass_part(cmd: list[str], args: Any) -> None:
    cmd.extend(["--part", args.part])


def main() -> None:
    runner = pyperf.Runner(add_cmdline_args=_pass_part)
    runner.argparser.add_argument("--part", choices=sorted(PARTS), default="decisions")
    args = runner.parse_args()
    runner.metadata["followup_rules"] = fr.__version__
    for name, time_func, inner_loops in PARTS[args.part]():
        runner.bench_time_func(name, time_func, inner_loops=inner_loops)


if __name__ == "__main__":
    main()
