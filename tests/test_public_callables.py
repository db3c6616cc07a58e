"""Every public callable, walked with bad values: a typed error that names the value, or nothing.

Each function, class and public method reachable from ``followup_rules.__all__`` is called once
per parameter and bad value, every other argument being a good one. The bad values come from
one table, picked by the parameter's annotation:

- a value of the wrong type (text for a date, None where None is not allowed, a number for an
  event...) must be refused with a ``FollowupError``;
- an edge value of the right type (the first and last dates, huge and negative whole numbers,
  NaN, empty and huge text, control characters, awkward tables) may be taken, or refused with a
  ``FollowupError``.

Any other exception is a defect, and so is a message that does not show the value or runs past
``MAX_MESSAGE`` characters. What is left out, and why, is in ``SKIPPED``.
"""

from __future__ import annotations

import collections.abc
import enum
import inspect
import math
import os
import types
import typing
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

import attrs
import pytest

import followup_rules as fr
from followup_rules import rulesets
from followup_rules.examples import EXAMPLE_TODAY, example_history
from followup_rules.rulesets import Registry
from followup_rules.tracker import demo_tracker, dumps_tracker

pd = pytest.importorskip("pandas")

MAX_MESSAGE = 500
"""The longest message a refusal may have: a message never grows with the value it is about."""

US = fr.WorkCalendar("US")
HISTORY = example_history()
TODAY = EXAMPLE_TODAY
FIVE = rulesets.get("five-rules")
TRACKER = demo_tracker()
PLAN = fr.plan(HISTORY, TODAY, rules="three-by-three")
COMPARISON = fr.compare(HISTORY, TODAY)
FRAME = pd.DataFrame(
    [
        {"application": "acme", "type": "applied", "on": date(2026, 11, 2)},
        {"application": "acme", "type": "reply", "on": date(2026, 11, 5), "channel": "email"},
    ]
)

SKIPPED: dict[str, str] = {
    "dump_tracker": "writes files: another change owns how files are written, and a walk would "
    "leave files behind",
    "Rule": "a Protocol for users' rules: it is implemented, never called",
    "Comparisons.get": "the Mapping protocol: get() takes any key and answers its default",
    "Comparisons.items": "the Mapping protocol",
    "Comparisons.keys": "the Mapping protocol",
    "Comparisons.values": "the Mapping protocol",
    "RuleSet.with_params": "**params are the rule's own fields, checked by that rule's class: "
    "test_ruleset and test_check_ruleset walk them",
    "Facts.sent_by": "the rules' read-only view of a history asks whether any contact used a "
    "channel; no contact used a value that is not a Channel (False), and every rule of every "
    "evaluation asks, so it is not checked",
}
"""Callables left out of the walk, with the reason."""

RECORDS = (
    fr.Decision,
    fr.Reason,
    fr.RuleRef,
    fr.Conflict,
    fr.Note,
    fr.SkippedDay,
    fr.Facts,
    fr.Plan,
    fr.PlannedContact,
    fr.Comparison,
    fr.ComparisonRow,
    fr.Comparisons,
    rulesets.FailedPlugin,
    fr.Finding,
    fr.Draft,
    fr.Study,
)
"""Results the library builds and hands out: their constructors store what they are given
(they are never handed user input), so only bare errors are looked for, not wrong types."""

DOCUMENTS = {("loads_tracker", "text"), ("rulesets.loads", "text")}
"""Parameters that hold a whole document: its errors say where in it the problem is (the
source, a key, a line and column), not the whole text."""


# Good values -------------------------------------------------------------------------------


def _good_by_type() -> dict[object, object]:
    citation = fr.Citation(fr.Source("A title", "An author"), "a passage")
    decision = fr.evaluate(HISTORY, TODAY)
    return {
        date: TODAY,
        datetime: datetime(2026, 11, 25, 9, tzinfo=UTC),
        int: 1,
        str: "text",
        bool: False,
        fr.WorkCalendar: US,
        fr.History: HISTORY,
        fr.Tracker: TRACKER,
        fr.RuleSet: FIVE,
        fr.Composition: rulesets.default(),
        fr.Source: citation.source,
        fr.Citation: citation,
        fr.RuleRef: fr.RuleRef("five-rules", "wait-a-week"),
        fr.Decision: decision,
        fr.Reason: decision.reasons[0],
        fr.Application: TRACKER.application("harbor-analytics"),
    }


GOOD_BY_TYPE = _good_by_type()

GOOD_ARGS: dict[str, dict[str, object]] = {
    "rulesets.get": {"name": "five-rules"},
    "Registry.get": {"name": "five-rules"},
    "RuleSet": {"name": "mine", "rules": list(FIVE.rules)},
    "Scope": {"stages": [fr.Stage.POST_INTERVIEW]},
    "RuleSet.rule": {"rule_id": "wait-a-week"},
    "RuleSet.only": {"rule_ids": "wait-a-week"},
    "RuleSet.without": {"rule_ids": "wait-a-week"},
    "Comparison.row": {"ruleset": "five-rules"},
    "Tracker.application": {"id": "harbor-analytics"},
    "Application": {"id": "acme"},
    "loads_tracker": {"text": dumps_tracker(TRACKER, format="toml"), "format": "toml"},
    "rulesets.loads": {"text": rulesets.to_toml(FIVE)},
    "rulesets.from_dict": {"data": rulesets.to_dict(FIVE)},
    "load_tracker": {"path": "tracker.toml"},
    "rulesets.load": {"path": "ruleset.toml"},
    "evaluate_frame": {"events": FRAME},
    "histories_from_frame": {"events": FRAME},
    "compare_many": {"histories": {"acme": HISTORY}},
    "evaluate_many": {"histories": [HISTORY]},
    "WorkCalendar": {"country": "US"},
    "MessageCheck": {"id": "no-blame", "kind": fr.CheckKind.AVOID, "patterns": ["blame"]},
    "check_message": {"kind": "email"},
    "Scenario": {"name": "mine", "summary": "text", "applies_within": (0, 3), "interview": (1, 5)},
    "study": {"scenarios": "silent-employer", "rules": ["five-rules"], "weeks": 2, "histories": 1},
    "draft": {
        "decision": fr.evaluate(HISTORY.until(date(2026, 11, 5)), date(2026, 11, 5)),
        "kind": "email",
    },
}
"""Good arguments where a good value of the parameter's type is not enough (a rule's id)."""


# Bad values --------------------------------------------------------------------------------


class _Opaque:
    """A value of no type the library knows, with a repr that says so."""

    def __repr__(self) -> str:
        return "<opaque value>"


WRONG: tuple[object, ...] = (
    "2026-11-25",
    7,
    2.5,
    math.nan,
    None,
    b"bytes",
    _Opaque(),
    date(2026, 11, 10),
    datetime(2026, 11, 10, 9, tzinfo=UTC),
    ["2026-11-25"],
    {"key": 1},
    fr.Channel.PHONE,
)
"""Candidates for a wrong type: each is tried where it does not fit the annotation."""

EDGES: dict[object, tuple[object, ...]] = {
    date: (date.min, date.max, datetime(2026, 11, 10, 9)),
    int: (10**30, -(10**30), -1, 0),
    float: (math.nan, math.inf),
    str: ("", "x" * 100_000, "a\r\nEND:VEVENT\x00", "2026-11-25"),
}
"""Values of the right type that sit at an edge, by type."""


def _frame_edges() -> tuple[object, ...]:
    duplicated = FRAME.copy()
    duplicated.columns = ["application", "type", "type", "channel"]
    unhashable = FRAME.copy()
    unhashable["application"] = [["a"], ["b"]]
    return (duplicated, unhashable, pd.DataFrame(), FRAME.iloc[:0])


# Fitting a value to an annotation --------------------------------------------------------------

_COLLECTIONS = (
    collections.abc.Iterable,
    collections.abc.Collection,
    collections.abc.Sequence,
    collections.abc.Set,
    list,
    tuple,
    set,
    frozenset,
)


def _fits(value: object, hint: object) -> bool:
    """Whether ``value`` has the type ``hint`` names (a datetime is a date, as in typing)."""
    origin, args = get_origin(hint), get_args(hint)
    if hint in (Any, object) or isinstance(hint, typing.TypeVar):
        return True
    if hint is None or hint is type(None):
        return value is None
    if origin in (Union, types.UnionType):
        return any(_fits(value, arg) for arg in args)
    if origin is Literal:
        return value in args
    if origin in _COLLECTIONS:
        return _fits_items(value, args)
    if origin in (Mapping, collections.abc.Mapping, dict):
        return isinstance(value, Mapping) and all(
            _fits(k, args[0]) and _fits(v, args[1]) for k, v in value.items()
        )
    if origin in (collections.abc.Callable, type):
        return callable(value)
    if origin is os.PathLike:
        return isinstance(value, os.PathLike)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if isinstance(hint, type):
        return isinstance(value, hint)
    return True  # an alias the walk does not read: never called wrong


def _fits_items(value: object, args: tuple[object, ...]) -> bool:
    """A collection of the item type: converters take any iterable, so any iterable fits."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        return False
    item = args[0] if args else Any
    return all(_fits(element, item) for element in value)


def _edges(hint: object) -> Iterator[object]:
    """The edge values of every type ``hint`` names."""
    origin, args = get_origin(hint), get_args(hint)
    if origin in (Union, types.UnionType):
        for arg in args:
            yield from _edges(arg)
    elif hint is pd.DataFrame:
        yield from _frame_edges()
    else:
        yield from EDGES.get(hint, ())


# The walk -----------------------------------------------------------------------------------


@attrs.frozen
class Target:
    """A public callable, named as a caller writes it (``WorkCalendar.is_business_day``)."""

    name: str
    function: Callable[..., object]


def _public_methods(cls: type) -> Iterator[str]:
    for name in sorted(dir(cls)):
        static = inspect.getattr_static(cls, name)
        if not name.startswith("_") and inspect.isfunction(static):
            yield name


def _targets() -> Iterator[Target]:
    instances: dict[type, object] = {
        fr.WorkCalendar: US,
        fr.History: HISTORY,
        fr.Tracker: TRACKER,
        fr.Plan: PLAN,
        fr.Comparison: COMPARISON,
        fr.Comparisons: fr.compare_many({"acme": HISTORY}, TODAY),
        fr.ComparisonRow: COMPARISON.rows[0],
        fr.RuleSet: FIVE,
        fr.Facts: HISTORY.facts(TODAY),
        Registry: Registry(plugins=False),
    }
    for prefix, module in (("", fr), ("rulesets.", rulesets)):
        for name in module.__all__:
            value = getattr(module, name)
            if inspect.ismodule(value) or not callable(value):
                continue
            if isinstance(value, type) and issubclass(value, BaseException | enum.Enum):
                continue  # exceptions take any message; enums are looked up by value
            label = name if isinstance(value, type) else f"{prefix}{name}"
            yield Target(label, value)
            if isinstance(value, type) and value in instances:
                for method in _public_methods(value):
                    bound = getattr(instances[value], method)
                    yield Target(f"{name}.{method}", bound)


def _hints(target: Target) -> dict[str, object]:
    function = target.function
    namespace = {"pd": pd, **vars(fr), "Iterable": Iterable, "Mapping": Mapping}
    if isinstance(function, type):
        hints = typing.get_type_hints(vars(function).get("__init__", function), localns=namespace)
        if attrs.has(function):
            fields = typing.get_type_hints(function, localns=namespace)
            for field in attrs.fields(function):
                if field.init and field.name in fields:
                    hints[field.alias] = fields[field.name]
        return hints
    return typing.get_type_hints(function, localns=namespace)


def _good(target: Target, parameter: inspect.Parameter, hint: object) -> object:
    given = GOOD_ARGS.get(target.name, {})
    if parameter.name in given:
        return given[parameter.name]
    if parameter.default is not inspect.Parameter.empty:
        return parameter.default
    for kind in (hint, *get_args(hint)):
        if kind in GOOD_BY_TYPE:
            return GOOD_BY_TYPE[kind]
        inner = get_args(kind)
        if get_origin(kind) in _COLLECTIONS and inner and inner[0] in GOOD_BY_TYPE:
            return [GOOD_BY_TYPE[inner[0]]]
        if isinstance(kind, type) and issubclass(kind, enum.Enum):
            return next(iter(kind))
        if get_origin(kind) in _COLLECTIONS:
            return ()
        if kind is type(None):
            return None
        if get_origin(kind) is Literal:
            return get_args(kind)[0]
    raise AssertionError(f"{target.name}: no good value for {parameter.name}: {hint}")


def _call(target: Target, bad_name: str, bad: object) -> object:
    """``target`` called with ``bad`` for ``bad_name`` and good values for the rest."""
    hints = _hints(target)
    positional: list[object] = []
    keywords: dict[str, object] = {}
    for parameter in inspect.signature(target.function).parameters.values():
        given = parameter.name in GOOD_ARGS.get(target.name, {})
        if parameter.name == bad_name:
            value = bad
        elif parameter.kind is parameter.VAR_KEYWORD or (
            parameter.kind is parameter.VAR_POSITIONAL and not given
        ):
            continue
        else:
            value = _good(target, parameter, hints.get(parameter.name, Any))
        if parameter.kind in (parameter.POSITIONAL_ONLY, parameter.VAR_POSITIONAL):
            positional.append(value)
        else:
            keywords[parameter.name] = value
    return target.function(*positional, **keywords)


def _cases() -> Iterator[Any]:
    """Every wrong value and edge for every parameter; the fast run (``-m "not slow"``) keeps
    one wrong value per parameter, a different one from one parameter to the next, and the
    first edge, so it still reaches every parameter of every public callable."""
    turn = 0
    for target in _targets():
        if target.name in SKIPPED:
            continue
        hints = _hints(target)
        for parameter in inspect.signature(target.function).parameters.values():
            if parameter.kind is parameter.VAR_KEYWORD:
                continue
            hint = hints.get(parameter.name, Any)
            strict = not (isinstance(target.function, type) and target.function in RECORDS)
            wrong = [(i, value) for i, value in enumerate(WRONG) if not _fits(value, hint)]
            kept = turn % len(wrong) if wrong else None
            turn += 1
            for position, (index, value) in enumerate(wrong):
                yield pytest.param(
                    target,
                    parameter.name,
                    value,
                    strict,
                    id=f"{target.name}-{parameter.name}-wrong{index}",
                    marks=() if position == kept else pytest.mark.slow,
                )
            for index, value in enumerate(_edges(hint)):
                yield pytest.param(
                    target,
                    parameter.name,
                    value,
                    False,
                    id=f"{target.name}-{parameter.name}-edge{index}",
                    marks=() if index == 0 else pytest.mark.slow,
                )


def _named(target: Target, parameter: str, value: object, message: str) -> bool:
    """Whether ``message`` shows ``value``: its repr or text, an item of it, its type's name in
    angle brackets for a value of no short literal form, the column or row of a table."""
    if (target.name, parameter) in DOCUMENTS and isinstance(value, str):
        return message.startswith("<string>: ")
    if isinstance(value, pd.DataFrame):
        return "column" in message or "row" in message
    shown = [repr(value), str(value), f"<{type(value).__name__}>"]
    if isinstance(value, date):
        shown.append(value.isoformat())
    if isinstance(value, list | tuple | dict):
        shown += [repr(item) for item in value]
    return any(text[:30] in message for text in shown if text)


@pytest.mark.parametrize(("target", "parameter", "value", "strict"), list(_cases()))
def test_a_bad_value_is_a_typed_error_that_names_it(
    target: Target,
    parameter: str,
    value: object,
    strict: bool,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # whatever a call writes by mistake lands here
    Path("tracker.toml").write_text(dumps_tracker(TRACKER, format="toml"), encoding="utf-8")
    Path("ruleset.toml").write_text(rulesets.to_toml(FIVE), encoding="utf-8")
    try:
        _call(target, parameter, value)
    except fr.FollowupError as error:
        message = str(error)
        assert len(message) <= MAX_MESSAGE, f"{len(message)} characters: {message[:200]}..."
        assert _named(target, parameter, value, message), message
        return
    assert not strict, f"{target.name}({parameter}={value!r:.60}) was accepted"


def test_the_walk_reaches_functions_classes_and_methods_and_every_skip_is_in_it() -> None:
    names = {target.name for target in _targets()}
    assert set(SKIPPED) <= names
    assert {
        "evaluate_frame",
        "rulesets.get",
        "WorkCalendar",
        "WorkCalendar.is_business_day",
        "WorkCalendar.add_business_days",
        "History.until",
        "History.facts",
        "Plan.to_ics",
        "Registry.resolve",
    } <= names
    assert len(names) > 60


@pytest.mark.parametrize(
    "application", ["acme\r\nEND:VEVENT\r\nBEGIN:VEVENT", "tab\there", "nul\x00"]
)
def test_an_ics_label_with_control_characters_is_refused_not_written(application: str) -> None:
    # icalendar only asserts, which ``python -O`` drops: the text would break the file open.
    with pytest.raises(fr.InvalidArgumentError, match="one line without control characters"):
        PLAN.to_ics(application=application)
