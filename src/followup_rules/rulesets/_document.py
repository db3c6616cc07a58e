"""Rule sets as data: a TOML file, or the same structure as a Python dict.

A document names a rule set, its version and its source, and lists its rules; each rule is one
of the parametric primitives, named by its ``kind``, with that primitive's parameters and the
passage of the source it stands on. The common rules (a definite answer ends it, nothing while
they are away, one contact a day, business days only) are never written: they always apply.

Nothing in a document is run or imported. TOML is read by the standard library's ``tomllib``;
every key and value is then checked here, and the primitives' own validators check the ranges,
so a coach's file is held to the same rules as the five built-in rule sets. Every problem is a
:class:`~followup_rules.errors.LoadError` naming the file, the key path and the value. Sizes are
capped, so no document can make a load run long.

Its public names are reached as ``fr.rulesets.load`` (and its siblings) and through
``followup_rules.load``, where the reference pages name them; it lives here, with the rule sets
it reads and writes.
"""

from __future__ import annotations

import enum
import os
import string
import tomllib
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from types import MappingProxyType
from typing import Any, Final

import attrs
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE, weekday

from followup_rules._checks import member_of, shown_path
from followup_rules._extras import toml_text
from followup_rules._files import read_text
from followup_rules.citations import Citation, Source
from followup_rules.effects import Resource
from followup_rules.errors import InvalidArgumentError, LoadError, RuleSetDefinitionError
from followup_rules.message_checks import CheckKind, MessageCheck, MessageKind
from followup_rules.rules import (
    Advice,
    AfterStatedDate,
    AskWhetherToContinue,
    AvoidHolidayBorders,
    AvoidWeekdays,
    Cadence,
    ChangeCourse,
    LiftAfterSilence,
    MinimumGap,
    PreferredChannel,
    StageBudget,
    StopAfterMessages,
    ThankYouAfterInterview,
    WaitAfter,
    When,
)
from followup_rules.rules.base import Rule
from followup_rules.ruleset import RuleSet, Scope, check_name
from followup_rules.vocabulary import Channel, InterviewKind, Purpose, Stage

__all__ = [
    "KINDS",
    "MAX_BYTES",
    "MAX_DOTS",
    "MAX_RULES",
    "MAX_TEXT",
    "from_dict",
    "load",
    "loads",
    "to_dict",
    "to_toml",
]

MAX_BYTES: Final = 256 * 1024
"""The largest file :func:`load` reads, in bytes (and the longest text :func:`loads` reads)."""

MAX_RULES: Final = 200
"""The most rules one document may list."""

MAX_TEXT: Final = 2_000
"""The longest text value (a name, a citation, a piece of advice), in characters."""

MAX_DOTS: Final = 4_000
"""The most dots (full stops in text included) a TOML text may hold.

Reading a dotted key (``a.b.c = 1``) takes time that grows with the square of its length;
this cap keeps the slowest document quick while leaving room for hundreds of rules of prose.
"""

KINDS: Final[Mapping[str, type[Any]]] = MappingProxyType(
    {
        "wait-after": WaitAfter,
        "cadence": Cadence,
        "minimum-gap": MinimumGap,
        "after-stated-date": AfterStatedDate,
        "thank-you-after-interview": ThankYouAfterInterview,
        "avoid-weekdays": AvoidWeekdays,
        "avoid-holiday-borders": AvoidHolidayBorders,
        "stage-budget": StageBudget,
        "lift-after-silence": LiftAfterSilence,
        "stop-after-messages": StopAfterMessages,
        "preferred-channel": PreferredChannel,
        "change-course": ChangeCourse,
        "ask-whether-to-continue": AskWhetherToContinue,
        "advice": Advice,
    }
)
"""The primitives a document can use, by the name its ``kind`` key gives them."""

_KIND_OF: Final = {primitive: kind for kind, primitive in KINDS.items()}

_TOP: Final = ("name", "version", "business_days_only", "source", "scope", "rules", "messages")
_MESSAGE: Final = ("id", "kind", "problem", "citation")
_MESSAGE_OPTIONS: Final = (
    "patterns",
    "max_words",
    "within_words",
    "message_kinds",
    "purposes",
    "stages",
    "language",
)
_SOURCE: Final = ("title", "author", "url")
_SCOPE: Final = ("stages", "citation")
_RULE: Final = ("id", "kind", "citation")
_INT64: Final = 2**63
_WEEKDAYS: Final = {str(day): day for day in (MO, TU, WE, TH, FR, SA, SU)}
_BARE_KEY: Final = frozenset(string.ascii_letters + string.digits + "_-")

# The most items, levels and characters of a bad value that an error message shows.
_SHOWN_ITEMS: Final = 8
_SHOWN_DEPTH: Final = 3
_SHOWN_CHARS: Final = 80


def _show(value: object) -> str:
    """A short, one-line ``repr``: a message never grows with the document it is about."""
    text = _shown(value, 0)
    return text if len(text) <= _SHOWN_CHARS else f"{text[: _SHOWN_CHARS - 3]}..."


def _shown(value: object, depth: int) -> str:
    if isinstance(value, str):
        cut = value[: _SHOWN_CHARS + 1]
        return repr(cut) if cut == value else f"{cut[:_SHOWN_CHARS]!r}..."
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"<a whole number of {value.bit_length()} bits>"
    if isinstance(value, bool | int | float | date | time | datetime | None):
        return repr(value)
    if isinstance(value, list | tuple | Mapping):
        return _shown_items(value, depth)
    return f"<{type(value).__name__}>"


def _shown_items(value: list[Any] | tuple[Any, ...] | Mapping[Any, Any], depth: int) -> str:
    start, end = ("{", "}") if isinstance(value, Mapping) else ("[", "]")
    if depth >= _SHOWN_DEPTH:
        return f"{start}...{end}"
    items = list(value.items() if isinstance(value, Mapping) else value)
    shown = [
        f"{_shown(item[0], depth + 1)}: {_shown(item[1], depth + 1)}"
        if isinstance(value, Mapping)
        else _shown(item, depth + 1)
        for item in items[:_SHOWN_ITEMS]
    ]
    if len(items) > _SHOWN_ITEMS:
        shown.append("...")
    return f"{start}{', '.join(shown)}{end}"


@attrs.frozen
class _Where:
    """Which document, and where in it: ``rules[2].days``."""

    origin: str
    path: str = ""

    def key(self, name: str) -> _Where:
        if name and set(name) <= _BARE_KEY:
            return _Where(self.origin, f"{self.path}.{name}" if self.path else name)
        return _Where(self.origin, f"{self.path}[{_show(name)}]")

    def item(self, index: int) -> _Where:
        return _Where(self.origin, f"{self.path}[{index}]")

    @property
    def place(self) -> str:
        return f"{self.origin}: {self.path or 'the document'}"

    def error(self, value: object, problem: str) -> LoadError:
        """The value found here is wrong: ``coach.toml: rules[2].days = 0: expected ...``."""
        return LoadError(f"{self.place} = {_show(value)}: {problem}")

    def fail(self, problem: str) -> LoadError:
        """Something is wrong here other than a value: ``rules[2]: missing key 'days' ...``."""
        return LoadError(f"{self.place}: {problem}")


# Reading and writing one value --------------------------------------------------------------


@attrs.frozen
class _Value:
    """How one type of parameter is read from a document and written to one."""

    read: Callable[[object, _Where], object]
    write: Callable[[Any], object]


def _table(value: object, where: _Where) -> dict[str, object]:
    if not isinstance(value, Mapping):
        raise where.error(value, "expected a table of keys and values")
    for key in value:
        if not isinstance(key, str):
            raise where.fail(f"the key {_show(key)} is not text: expected text keys")
    return dict(value)


def _keys(
    table: dict[str, object],
    where: _Where,
    *,
    what: str,
    allowed: tuple[str, ...],
    needed: tuple[str, ...],
) -> None:
    for key, value in table.items():
        if key not in allowed:
            valid = ", ".join(sorted(allowed))
            raise where.key(key).error(value, f"unknown key in {what}: expected one of {valid}")
    for key in needed:
        if key not in table:
            raise where.fail(f"missing key {key!r}: {what} needs {', '.join(needed)}")


def _text(value: object, where: _Where) -> str:
    if not isinstance(value, str) or not value.strip():
        raise where.error(value, "expected non-empty text")
    if len(value) > MAX_TEXT:
        raise where.error(value, f"{len(value)} characters: expected at most {MAX_TEXT}")
    return value


def _integer(value: object, where: _Where) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.error(value, "expected a whole number")
    if not -_INT64 <= value < _INT64:
        raise where.error(value, "expected a whole number that fits in 64 bits")
    return value


def _boolean(value: object, where: _Where) -> bool:
    if not isinstance(value, bool):
        raise where.error(value, "expected true or false")
    return value


def _weekdays(value: object, where: _Where) -> tuple[weekday, ...]:
    names = ", ".join(_WEEKDAYS)
    if not isinstance(value, list | tuple) or len(value) > len(_WEEKDAYS):
        raise where.error(value, f"expected a list of up to seven of {names}")
    days: list[weekday] = []
    for index, name in enumerate(value):
        day = _WEEKDAYS.get(name) if isinstance(name, str) else None
        if day is None:
            raise where.item(index).error(name, f"expected one of {names}")
        if day in days:
            raise where.item(index).error(name, "this weekday is already in the list")
        days.append(day)
    return tuple(days)


def _choice(kind: type[enum.Enum]) -> _Value:
    valid = ", ".join(repr(member.value) for member in kind)

    def read(value: object, where: _Where) -> enum.Enum:
        member = member_of(kind, value)
        if member is None:
            raise where.error(value, f"expected one of {valid}")
        return member

    return _Value(read, lambda member: member.value)


def _same(value: object) -> object:
    return value


_VALUES: Final[Mapping[object, _Value]] = {
    int: _Value(_integer, _same),
    bool: _Value(_boolean, _same),
    str: _Value(_text, _same),
    tuple[weekday, ...]: _Value(_weekdays, lambda days: [str(day) for day in days]),
    Stage: _choice(Stage),
    Channel: _choice(Channel),
    Resource: _choice(Resource),
    When: _choice(When),
    InterviewKind: _choice(InterviewKind),
}
"""Every type a primitive's parameter has; ``X | None`` is written by leaving the key out."""


@attrs.frozen
class _Parameter:
    name: str
    value: _Value
    required: bool


def _parameters(primitive: type[Any]) -> tuple[_Parameter, ...]:
    """A primitive's parameters, read off its fields: the primitives stay the one definition."""
    hints = typing.get_type_hints(primitive)
    found = []
    for field in attrs.fields(primitive):
        if field.name in ("id", "citation"):
            continue
        hint = hints[field.name]
        if isinstance(hint, types.UnionType):
            (hint,) = (arg for arg in typing.get_args(hint) if arg is not type(None))
        found.append(_Parameter(field.name, _VALUES[hint], field.default is attrs.NOTHING))
    return tuple(found)


_PARAMETERS: Final = {primitive: _parameters(primitive) for primitive in KINDS.values()}


# Reading a document -------------------------------------------------------------------------


def from_dict(data: object) -> RuleSet:
    """The rule set a document describes, given as Python data (tables as dicts)."""
    return _ruleset(data, _Where("<dict>"))


def loads(text: str) -> RuleSet:
    """The rule set a TOML text describes."""
    if not isinstance(text, str):
        raise InvalidArgumentError(f"loads({_show(text)}): expected the TOML document as text")
    return _from_toml(text, "<string>")


def load(path: str | os.PathLike[str]) -> RuleSet:
    """The rule set a TOML file describes; errors name the file as ``path`` gives it."""
    origin = os.fspath(path) if isinstance(path, str | os.PathLike) else None
    if not isinstance(origin, str):
        raise InvalidArgumentError(f"load({_show(path)}): expected a path to a TOML file")
    name = shown_path(origin)
    text = read_text(origin, name=name, max_bytes=MAX_BYTES, what="a rule-set file")
    return _from_toml(text, name)


def _from_toml(text: str, origin: str) -> RuleSet:
    if len(text) > MAX_BYTES:
        raise LoadError(f"{origin}: longer than {MAX_BYTES} characters: is this a rule set?")
    if text.count(".") > MAX_DOTS:
        raise LoadError(
            f"{origin}: more than {MAX_DOTS} dots (full stops in text included): too many "
            f"dotted keys for a rule set"
        )
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise LoadError(f"{origin}: not valid TOML: {error}") from error
    except RecursionError as error:
        raise LoadError(f"{origin}: nested too deeply to be a rule set") from error
    return _ruleset(data, _Where(origin))


def _ruleset(data: object, where: _Where) -> RuleSet:
    table = _table(data, where)
    _keys(table, where, what="a rule set", allowed=_TOP, needed=("name", "version", "source"))
    name = _name(table["name"], where.key("name"))
    version = _text(table["version"], where.key("version"))
    business_days_only = _boolean(
        table.get("business_days_only", True), where.key("business_days_only")
    )
    source = _source(table["source"], where.key("source"))
    scope = _scope(table["scope"], where.key("scope"), source) if "scope" in table else None
    rules = _rules(table.get("rules", []), where.key("rules"), source)
    _check_some_day_allowed(rules, where.key("rules"))
    messages = _messages(table.get("messages", []), where.key("messages"), source)
    return RuleSet(
        name,
        rules,
        version=version,
        source=source,
        business_days_only=business_days_only,
        scope=scope,
        messages=messages,
    )


def _name(value: object, where: _Where) -> str:
    name = _text(value, where)
    try:
        check_name(name)
    except RuleSetDefinitionError as error:
        raise where.error(value, str(error)) from error
    return name


def _source(value: object, where: _Where) -> Source:
    table = _table(value, where)
    _keys(table, where, what="a source", allowed=_SOURCE, needed=("title", "author"))
    title = _text(table["title"], where.key("title"))
    author = _text(table["author"], where.key("author"))
    url = _text(table["url"], where.key("url")) if "url" in table else None
    return Source(title, author, url=url)


def _scope(value: object, where: _Where, source: Source) -> Scope:
    """``[scope]``: the stages the document speaks to, and the passage that says so."""
    table = _table(value, where)
    _keys(table, where, what="a scope", allowed=_SCOPE, needed=_SCOPE)
    stages = table["stages"]
    at = where.key("stages")
    names = ", ".join(repr(stage.value) for stage in Stage)
    if not isinstance(stages, list | tuple) or not 1 <= len(stages) <= len(Stage):
        raise at.error(stages, f"expected a list of one or more of {names}")
    read = _VALUES[Stage].read
    chosen = [read(stage, at.item(index)) for index, stage in enumerate(stages)]
    citation = Citation(source, _text(table["citation"], where.key("citation")))
    return Scope(chosen, citation=citation)


def _rules(value: object, where: _Where, source: Source) -> tuple[Rule, ...]:
    if not isinstance(value, list | tuple):
        raise where.error(value, "expected a list of rule tables ([[rules]] in TOML)")
    if len(value) > MAX_RULES:
        raise where.error(value, f"{len(value)} rules: expected at most {MAX_RULES}")
    if not value:
        raise where.error(value, "no rules: expected at least one rule table ([[rules]] in TOML)")
    rules: list[Rule] = []
    first: dict[str, int] = {}
    for index, item in enumerate(value):
        rule = _rule(item, where.item(index), source)
        if rule.id in first:
            problem = f"rules[{first[rule.id]}] has this id already: ids must be unique"
            raise where.item(index).key("id").error(rule.id, problem)
        first[rule.id] = index
        rules.append(rule)
    return tuple(rules)


def _rule(value: object, where: _Where, source: Source) -> Rule:
    table = _table(value, where)
    kinds = ", ".join(KINDS)
    if "kind" not in table:
        raise where.fail(f"missing key 'kind': a rule names its kind, one of {kinds}")
    kind = table["kind"]
    primitive = KINDS.get(kind) if isinstance(kind, str) else None
    if primitive is None:
        raise where.key("kind").error(kind, f"unknown kind: expected one of {kinds}")
    parameters = _PARAMETERS[primitive]
    _keys(
        table,
        where,
        what=f"a rule of kind {kind!r}",
        allowed=(*_RULE, *(p.name for p in parameters)),
        needed=(*_RULE, *(p.name for p in parameters if p.required)),
    )
    rule_id = _text(table["id"], where.key("id"))
    citation = Citation(source, _text(table["citation"], where.key("citation")))
    arguments = {
        p.name: p.value.read(table[p.name], where.key(p.name))
        for p in parameters
        if p.name in table
    }
    try:
        rule: Rule = primitive(rule_id, citation=citation, **arguments)
    except RuleSetDefinitionError as error:
        raise _refused(error, primitive, table, where) from error
    return rule


def _refused(
    error: RuleSetDefinitionError, primitive: type[Any], table: dict[str, object], where: _Where
) -> LoadError:
    """The primitive's own message, at the key of the parameter it refused, if the table has it."""
    message = str(error)
    key = error.field if error.field in table else None
    return where.error(table, message) if key is None else where.key(key).error(table[key], message)


def _messages(value: object, where: _Where, source: Source) -> tuple[MessageCheck, ...]:
    """``[[messages]]``: the document's checks of a message's words, each a table."""
    if not isinstance(value, list | tuple):
        raise where.error(value, "expected a list of message-check tables ([[messages]] in TOML)")
    if len(value) > MAX_RULES:
        raise where.error(value, f"{len(value)} checks: expected at most {MAX_RULES}")
    checks: list[MessageCheck] = []
    for index, item in enumerate(value):
        check = _message(item, where.item(index), source)
        if check.id in {known.id for known in checks}:
            raise (
                where.item(index).key("id").error(check.id, "this id is taken: ids must be unique")
            )
        checks.append(check)
    return tuple(checks)


def _message(value: object, where: _Where, source: Source) -> MessageCheck:
    table = _table(value, where)
    _keys(
        table,
        where,
        what="a message check",
        allowed=(*_MESSAGE, *_MESSAGE_OPTIONS),
        needed=_MESSAGE,
    )
    options: dict[str, Any] = {
        "kind": _choice(CheckKind).read(table["kind"], where.key("kind")),
        "problem": _text(table["problem"], where.key("problem")),
        "citation": Citation(source, _text(table["citation"], where.key("citation"))),
    }
    for key, read in _MESSAGE_READERS.items():
        if key in table:
            options[key] = read(table[key], where.key(key))
    try:
        return MessageCheck(_text(table["id"], where.key("id")), **options)
    except RuleSetDefinitionError as error:
        raise where.error(table, str(error)) from error


def _texts(value: object, where: _Where) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or len(value) > MAX_RULES:
        raise where.error(value, f"expected a list of up to {MAX_RULES} texts")
    return tuple(_text(item, where.item(index)) for index, item in enumerate(value))


def _choices(kind: type[enum.Enum]) -> Callable[[object, _Where], tuple[Any, ...]]:
    """A reader of a list of ``kind``'s values, each at most once."""
    read = _choice(kind).read

    def choices(value: object, where: _Where) -> tuple[Any, ...]:
        if not isinstance(value, list | tuple) or len(value) > len(kind):
            names = ", ".join(repr(member.value) for member in kind)
            raise where.error(value, f"expected a list of some of {names}")
        return tuple(read(item, where.item(index)) for index, item in enumerate(value))

    return choices


_MESSAGE_READERS: Final[Mapping[str, Callable[[object, _Where], object]]] = {
    "patterns": _texts,
    "max_words": _integer,
    "within_words": _integer,
    "message_kinds": _choices(MessageKind),
    "purposes": _choices(Purpose),
    "stages": _choices(Stage),
    "language": _text,
}


def _check_some_day_allowed(rules: tuple[Rule, ...], where: _Where) -> None:
    """Refuse a rule set whose avoided weekdays leave no day of the week at all.

    Only that holds for every calendar: which days are business days depends on the calendar
    (Sunday is a working day in Israel), so a rule set that leaves no business day of one
    calendar is answered at evaluation, with a BLOCKED decision naming its rules.
    """
    avoided: set[int] = set()
    for index, rule in enumerate(rules):
        if isinstance(rule, AvoidWeekdays):
            avoided |= {day.weekday for day in rule.weekdays}
            if len(avoided) == len(_WEEKDAYS):
                at = where.item(index).key("weekdays")
                problem = (
                    "with the rules before it, this avoids every day of the week: no day is "
                    "ever allowed"
                )
                raise at.error([str(day) for day in rule.weekdays], problem)


# Writing a document -------------------------------------------------------------------------


def to_dict(ruleset: RuleSet) -> dict[str, Any]:
    """A rule set built from the primitives, as the document :func:`from_dict` reads back."""
    if not isinstance(ruleset, RuleSet):
        raise InvalidArgumentError(
            f"to_dict({_show(ruleset)}): expected a RuleSet (export a composition part by part)"
        )
    if ruleset.source is None:
        raise RuleSetDefinitionError(
            f"rule set {ruleset.name!r} has no source: a document names the one its rules cite"
        )
    source: dict[str, object] = {"title": ruleset.source.title, "author": ruleset.source.author}
    if ruleset.source.url is not None:
        source["url"] = ruleset.source.url
    document: dict[str, Any] = {
        "name": ruleset.name,
        "version": ruleset.version,
        "business_days_only": ruleset.business_days_only,
        "source": source,
    }
    scope = ruleset.scope
    if scope is not None:
        document["scope"] = {
            "stages": [stage.value for stage in Stage if scope.covers(stage)],
            "citation": scope.citation.locator,
        }
    document["rules"] = [_rule_dict(rule, ruleset) for rule in ruleset.rules]
    if ruleset.messages:
        document["messages"] = [_message_dict(check, ruleset) for check in ruleset.messages]
    return document


def _message_dict(check: MessageCheck, ruleset: RuleSet) -> dict[str, object]:
    if check.citation.source != ruleset.source:
        raise RuleSetDefinitionError(
            f"message check {check.id!r} of {ruleset.name!r} cites {check.citation.source}: a "
            f"document's checks all cite its source, {ruleset.source}"
        )
    found: dict[str, object] = {
        "id": check.id,
        "kind": check.kind.value,
        "problem": check.problem,
        "citation": check.citation.locator,
        "language": check.language,
    }
    if check.patterns:
        found["patterns"] = list(check.patterns)
    for key in ("max_words", "within_words"):
        if getattr(check, key) is not None:
            found[key] = getattr(check, key)
    for key, kind in (("message_kinds", MessageKind), ("purposes", Purpose), ("stages", Stage)):
        chosen = getattr(check, key)
        if chosen:
            found[key] = [member.value for member in kind if member in chosen]
    return found


def _rule_dict(rule: Rule, ruleset: RuleSet) -> dict[str, object]:
    kind = _KIND_OF.get(type(rule))
    if kind is None:
        raise RuleSetDefinitionError(
            f"rule {rule.id!r} of {ruleset.name!r} is a {type(rule).__name__}: a document can "
            f"only hold the primitives {', '.join(cls.__name__ for cls in _KIND_OF)}"
        )
    if rule.citation.source != ruleset.source:
        raise RuleSetDefinitionError(
            f"rule {rule.id!r} of {ruleset.name!r} cites {rule.citation.source}: a document's "
            f"rules all cite its source, {ruleset.source}"
        )
    found: dict[str, object] = {"id": rule.id, "kind": kind}
    for parameter in _PARAMETERS[type(rule)]:
        value = getattr(rule, parameter.name)
        if value is not None:
            found[parameter.name] = parameter.value.write(value)
    found["citation"] = rule.citation.locator
    return found


def to_toml(ruleset: RuleSet) -> str:
    """The TOML text of :func:`to_dict`; needs the ``toml`` extra (the tomli-w package)."""
    return toml_text(to_dict(ruleset), needed_by="to_toml")
