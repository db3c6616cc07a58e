"""The command line ``followup-rules``: what to do today for every application of a tracker file.

``today``, ``compare`` and ``plan`` read a tracker file (TOML, JSON or CSV); ``rulesets`` and
``explain`` show the rule sets; ``demo`` runs on the bundled demo tracker, so a new user sees
real output with no file of their own, and ``example`` shows one small application under each
rule set. Each command takes only the options it uses; with no command it prints its help.

``--format json`` prints one JSON document whose structure is documented in
``docs/how-to/command-line.md``: dates as ISO strings, vocabulary members as their values.
Every usage or input error is one line on stderr and exit status 2, never a traceback; an
output that cannot be written (closed, full) is status 1, with one line on stderr unless the
reader left on purpose (``| head``). An output whose encoding cannot hold a character gets the
nearest ASCII in a table, the ``\\u`` escape in JSON and Python's backslash escape in an error.
Output files are written whole or not at all, never over a file the command reads, and over
another only with ``--force``. This is the only place the library reads the clock, and only for
``--today``'s default.
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import json
import os
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from followup_rules._console import (
    DECISION_COLUMNS,
    Screen,
    decision_cells,
    differing,
    heading,
)
from followup_rules._files import write_text
from followup_rules._format import day
from followup_rules._record import Json, reason_json, to_json
from followup_rules.calendar import WorkCalendar
from followup_rules.decision import Decision
from followup_rules.errors import FollowupError, WriteError
from followup_rules.events import EVENT_NAMES
from followup_rules.examples import example_history
from followup_rules.ruleset import Composition, RuleSet
from followup_rules.rulesets import registry
from followup_rules.rulesets._document import KINDS, load
from followup_rules.rulesets.registry import evaluate, what_it_does
from followup_rules.vocabulary import Action, Outcome, Purpose, Stage

if TYPE_CHECKING:
    from followup_rules.compare import Comparison, Comparisons
    from followup_rules.plan import Plan
    from followup_rules.study import Summary
    from followup_rules.tracker import Tracker

# Tracker files, comparisons and plans are imported by the commands that use them, so that
# --help, rulesets and explain do not wait for them.

__all__ = ["main"]

_URGENCY = {
    Action.FOLLOW_UP: 1,
    Action.WAIT: 2,
    Action.STOP: 3,
    Action.BLOCKED: 4,
    Action.SILENT: 5,
    Action.DONE: 6,
}
"""The order of ``today``'s lines: follow-ups first (the overdue ones before them), then waits
by date, then the applications with nothing left to do."""

_ASSUMABLE = [o.value for o in Outcome if o is not Outcome.NO_ANSWER]


class _UsageError(Exception):
    """A command line argparse refuses; reported like any input error."""


class _Parser(argparse.ArgumentParser):
    """An argparse parser whose errors are one line, not the usage text and a line."""

    def error(self, message: str) -> NoReturn:
        raise _UsageError(f"{message} (see {self.prog} --help)")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: expected YYYY-MM-DD") from None


def _open_on(text: str) -> date | str:
    """A date (``YYYY-MM-DD``), or else a holiday name: no holiday is named like a date."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        return text


def _option_groups() -> dict[str, _Parser]:
    """The options shared by several commands, one parent parser per need, so that each
    command lists, and accepts, only the options it uses."""
    groups = {name: _Parser(add_help=False) for name in _GROUPS}
    groups["today"].add_argument(
        "--today", type=_day, help="the day to decide for, YYYY-MM-DD (default: today)"
    )
    rules = groups["rules"]
    rules.add_argument(
        "--rules",
        action="append",
        default=[],
        metavar="NAME[,NAME]",
        help="rule sets to use, joined by commas or repeated (default: all five)",
    )
    rules.add_argument(
        "--rules-file",
        action="append",
        default=[],
        metavar="PATH",
        help="a rule set written in TOML, used after those of --rules (repeatable)",
    )
    calendar = groups["calendar"]
    calendar.add_argument(
        "--country", help="the employers' country, for a CSV tracker (default US)"
    )
    calendar.add_argument("--subdivision", help="their state or province, for a CSV tracker")
    calendar.add_argument(
        "--open-on",
        action="append",
        type=_open_on,
        default=[],
        metavar="NAME_OR_DATE",
        help="a holiday the employers work through, or a date they are open, for a CSV tracker "
        "(repeatable)",
    )
    groups["format"].add_argument(
        "--format",
        choices=("table", "json"),
        default="table",
        help="a text table (the default) or JSON",
    )
    return groups


_GROUPS = ("today", "rules", "calendar", "format")

_USES: dict[str, tuple[str, ...]] = {
    "today": _GROUPS,
    "compare": _GROUPS,
    "plan": _GROUPS,
    "rulesets": ("format",),
    "explain": ("format",),
    "demo": ("today", "rules", "format"),
    "example": ("today", "rules"),
    "check-message": ("rules", "format"),
    "draft": _GROUPS,
    "study": ("rules", "format"),
}
"""The option groups each command takes."""


def _version() -> str:
    from importlib.metadata import version

    return f"followup-rules {version('followup-rules')}"


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> NoReturn:
        print(_version())
        parser.exit()


def _parser() -> _Parser:
    parser = _Parser(
        prog="followup-rules",
        description="When and how to follow up on job applications, by five philosophies. "
        "New here? Try: followup-rules demo",
    )
    parser.add_argument("-V", "--version", action=_Version)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    groups = _option_groups()

    def command(name: str, help: str) -> argparse.ArgumentParser:
        parents = [groups[group] for group in _USES[name]]
        return commands.add_parser(name, help=help, description=help, parents=parents)

    command("today", "every application's action for today, most urgent first").add_argument(
        "file", metavar="FILE", help="a tracker file (.toml, .json or .csv)"
    )
    sub = command("compare", "the rule sets side by side for each application")
    sub.add_argument("file", metavar="FILE", help="a tracker file (.toml, .json or .csv)")
    sub.add_argument("--application", metavar="ID", help="only this application")
    sub = command("plan", "the contacts the rules would make, under a what-if")
    sub.add_argument("file", metavar="FILE", help="a tracker file (.toml, .json or .csv)")
    sub.add_argument("--application", metavar="ID", required=True, help="the application")
    sub.add_argument(
        "--assume", choices=_ASSUMABLE, help="how every contact ends (default: nobody answers)"
    )
    sub.add_argument("--replies", action="store_true", help="they reply the same day, undecided")
    sub.add_argument("--until", type=_day, help="the last day to plan (default: a year ahead)")
    sub.add_argument("--ics", metavar="OUT", help="also write the plan as an iCalendar file")
    sub.add_argument("--force", action="store_true", help="replace the --ics file if it exists")
    command("rulesets", "the registered rule sets: names, versions, sources")
    command(
        "explain", "a rule set's rules: what each does, its parameters, its citation"
    ).add_argument("name", metavar="NAME", help="a rule-set name")
    command("demo", "the bundled demo tracker: today's actions and the five side by side")
    command("example", "one small example application's decision under each rule set")
    _message_parsers(command)
    _study_parser(command)
    return parser


# Choosing rule sets and reading the tracker ------------------------------------------------


def _rule_names(args: argparse.Namespace) -> list[str]:
    """The names of every ``--rules``, in order: each may hold several, joined by commas."""
    return [name for given in args.rules for name in given.split(",")]


def _chosen(args: argparse.Namespace) -> list[Composition | RuleSet]:
    """The rule sets of ``--rules`` then ``--rules-file``; empty means the default.

    Each is looked up here, before any application is read through it, so that an unknown
    name is reported as such and not as a problem of the first application."""
    names = [registry.resolve(name.strip()) for name in _rule_names(args)]
    return [*names, *(load(path) for path in args.rules_file)]


@contextlib.contextmanager
def _about(id: str) -> Iterator[None]:
    """Name the application in an error raised while reading it: the library's message says
    what is wrong, and only the command knows which of the tracker's applications it is."""
    try:
        yield
    except FollowupError as error:
        raise type(error)(f"application {id!r}: {error}") from error


def _tracker(args: argparse.Namespace) -> Tracker:
    csv = Path(args.file).suffix.lower() == ".csv"
    if not csv and (args.country or args.subdivision or args.open_on):
        raise _UsageError(
            f"{args.file} names its own calendar: --country, --subdivision and --open-on are for "
            f"a CSV tracker only"
        )
    if Path(args.file).suffix.lower() not in (".toml", ".json", ".csv"):
        raise _UsageError(
            f"{args.file}: a tracker file's name ends in .toml, .json or .csv: expected one of "
            f"those, by the format the file is written in"
        )
    from followup_rules.tracker import load_tracker

    calendar = _calendar(args) if csv else None
    return load_tracker(args.file, calendar=calendar)


def _calendar(args: argparse.Namespace) -> WorkCalendar:
    """The employers' calendar of a CSV tracker, from the options, which an error names.

    Without ``--country`` it is the default of a tracker file that names no calendar, and a
    note on standard error says so, since a CSV file cannot name one."""
    import holidays

    from followup_rules.tracker import DEFAULT_COUNTRY

    country = args.country or DEFAULT_COUNTRY
    if args.country is None:
        _complain(
            f"note: {args.file} is a CSV tracker, which holds no calendar: read on the default, "
            f"--country {country}; give your employers' --country (and --subdivision) for theirs"
        )
    subdivisions = holidays.list_supported_countries().get(country)
    if subdivisions is not None and args.subdivision not in (None, *subdivisions):
        known = f"one of {', '.join(subdivisions)}, or " if subdivisions else ""
        raise _UsageError(
            f"--subdivision {args.subdivision}: {country} has no such state or province: "
            f"expected {known}no --subdivision for the holidays of the whole country"
        )
    try:
        return WorkCalendar(country, args.subdivision, open_on=args.open_on)
    except FollowupError as error:
        message = str(error)
        if " in open_on:" in message:
            raise type(error)(message.replace(" in open_on:", " given to --open-on:")) from error
        raise type(error)(f"--country {country}: {message}") from error


def _check_day(tracker: Tracker, today: date, *, only: str | None = None) -> None:
    """Refuse a day before an application's last event, in the command's words: the
    library's own message is written for code (``history.until(day)``)."""
    late = [
        (application.history.events[-1], application.id)
        for application in tracker
        if only in (None, application.id) and application.history.events[-1].on > today
    ]
    if late:
        last, id = max(late, key=lambda found: found[0].on)
        raise _UsageError(
            f"application {id!r}: its last event ({_EVENT_NAME[type(last)]}, {day(last.on)}) "
            f"is after the day asked for ({day(today)}): expected --today "
            f"{last.on.isoformat()} or later, or no --today for the current date"
        )


# JSON structures ----------------------------------------------------------------------------


def _comparison_json(id: str, comparison: Comparison) -> Json:
    return {
        "id": id,
        "today": comparison.today.isoformat(),
        "disagreements": list(comparison.disagreements),
        "rows": [{"ruleset": row.ruleset, **to_json(row.decision)} for row in comparison.rows],
    }


def _comparisons_json(comparisons: Comparisons) -> Json:
    return {"applications": [_comparison_json(id, c) for id, c in comparisons.items()]}


# The commands ------------------------------------------------------------------------------


def _urgency(item: tuple[str, Decision]) -> tuple[int, bool, date]:
    d = item[1]
    return _URGENCY[d.action], not d.overdue, d.next_date or d.today


def _actions(
    tracker: Tracker, today: date, rules: list[Composition | RuleSet], screen: Screen
) -> tuple[str, Json]:
    """Each application's decision under the composition of ``rules``, most urgent first."""
    composition = registry.resolve(rules or None)
    decisions = sorted(tracker.evaluate(today, rules=composition).items(), key=_urgency)
    lines = [(id, *decision_cells(decision)) for id, decision in decisions]
    table = screen.table(("application", *DECISION_COLUMNS), lines, actions=1)
    title = heading(f"As of {day(today)}, by {composition.name}:", screen.line_width)
    text = "\n".join([*title, *table])
    data = {
        "today": today.isoformat(),
        "rules": composition.name,
        "applications": [{"id": id, **to_json(d)} for id, d in decisions],
    }
    return text, data


def _today(args: argparse.Namespace, today: date, screen: Screen) -> tuple[str, Json]:
    tracker = _tracker(args)
    _check_day(tracker, today)
    return _actions(tracker, today, _chosen(args), screen)


def _comparisons(
    tracker: Tracker, today: date, rows: list[Composition | RuleSet] | None
) -> Comparisons:
    """``compare_many`` for the tracker, where an error names the application it is about."""
    from followup_rules.compare import Comparisons, compare

    found = []
    for application in tracker:
        with _about(application.id):
            found.append((application.id, compare(application.history, today, rules=rows)))
    return Comparisons(tuple(found))


def _compare(args: argparse.Namespace, today: date, screen: Screen) -> tuple[str, Json]:
    from followup_rules.compare import Comparisons, compare

    tracker = _tracker(args)
    _check_day(tracker, today, only=args.application)
    rows = _chosen(args) or None
    if args.application is None:
        comparisons = _comparisons(tracker, today, rows)
    else:
        history = tracker.application(args.application).history
        with _about(args.application):
            comparisons = Comparisons(((args.application, compare(history, today, rules=rows)),))
    data = {"today": today.isoformat(), **_comparisons_json(comparisons)}
    return _comparisons_text(comparisons, screen), data


def _comparisons_text(comparisons: Comparisons, screen: Screen) -> str:
    """Each application's rule sets side by side, and the columns on which they differ."""
    from followup_rules.compare import _as_of

    lines: list[tuple[str, ...]] = []
    differ = []
    for id, comparison in comparisons.items():
        cells = [(row.ruleset, *decision_cells(row.decision)) for row in comparison.rows]
        lines += [(id if index == 0 else "", *c) for index, c in enumerate(cells)]
        columns = differing((c[1:] for c in cells), DECISION_COLUMNS)
        differ += heading(
            f"  {id}: {', '.join(columns) or 'nothing'}", screen.line_width, indent="    "
        )
    header = ("application", "rule set", *DECISION_COLUMNS)
    table = screen.table(header, lines, actions=2)
    as_of = _as_of(c.today for c in comparisons.values())
    return "\n".join([f"{as_of}:", *table, "They differ on:", *differ])


def _plan_json(id: str, made: Plan) -> Json:
    return {
        "application": id,
        "ruleset": made.ruleset,
        "today": made.today.isoformat(),
        "until": made.until.isoformat(),
        "assume": made.assume.value if made.assume else None,
        "replies": made.replies,
        "end": made.end.value,
        "contacts": [
            {
                "on": c.on.isoformat(),
                "purpose": c.purpose.value,
                "channel": c.channel.value,
                "proposed": c.proposed.value if c.proposed else None,
                "outcome": c.outcome.value,
                "replied": c.replied,
                "reasons": [reason_json(r) for r in c.reasons],
            }
            for c in made.contacts
        ],
    }


def _plan(args: argparse.Namespace, today: date, screen: Screen) -> tuple[str, Json]:
    from followup_rules.plan import plan

    tracker = _tracker(args)
    history = tracker.application(args.application).history
    _check_day(tracker, today, only=args.application)
    if args.until is not None and args.until < today:
        raise _UsageError(
            f"--until {args.until.isoformat()} is before the day the plan starts "
            f"({day(today)}): expected a later day, or no --until for a year ahead"
        )
    assume = Outcome(args.assume) if args.assume else None
    rules = _chosen(args) or None
    with _about(args.application):
        made = plan(
            history, today, rules=rules, assume=assume, replies=args.replies, until=args.until
        )
        what = f"assuming {assume.value}" if assume else "assuming nobody answers"
        what += ", and a reply each time" if args.replies else ""
        title = f"Plan for {args.application} by {made.ruleset}, {what}:"
        lines = [*heading(title, screen.line_width), str(made)]
        if args.ics:
            _write(args, "--ics", args.ics, made.to_ics(application=args.application))
            lines.append(f"Wrote {len(made.contacts)} event(s) to {args.ics}")
    return "\n".join(lines), _plan_json(args.application, made)


def _write(args: argparse.Namespace, option: str, path: str, text: str) -> None:
    """Write an output file: never over a file the command reads, over another file only
    with ``--force``, and all at once, so a failed write leaves the old file whole."""
    reads = [("tracker", args.file), *(("rule-set", file) for file in args.rules_file)]
    for what, read in reads:
        if _same_file(path, read):
            raise WriteError(
                f"{option} {path}: that is {read}, the {what} file this command reads: "
                f"expected another file, so that the {what} file is not written over"
            )
    write_text(path, text, overwrite=args.force, force="--force")


def _same_file(one: str, other: str) -> bool:
    try:
        return os.path.samefile(one, other)
    except OSError:
        # One of them is not there (the output, most often), so they are not the same.
        return False


def _rulesets(args: argparse.Namespace, today: date, screen: Screen) -> tuple[str, Json]:
    shown = [registry.get(name) for name in registry.names()]
    lines: list[tuple[str, ...]] = [
        (r.name, r.version, str(r.source) if r.source else "-") for r in shown
    ]
    data = {"rulesets": [_ruleset_json(r) for r in shown]}
    return "\n".join(screen.table(("name", "version", "source"), lines)), data


def _ruleset_json(ruleset: RuleSet) -> Json:
    source = ruleset.source
    return {
        "name": ruleset.name,
        "version": ruleset.version,
        "source": None
        if source is None
        else {"title": source.title, "author": source.author, "url": source.url},
        "scope": None
        if ruleset.scope is None
        else [stage.value for stage in Stage if ruleset.scope.covers(stage)],
    }


_KIND_OF = {primitive: kind for kind, primitive in KINDS.items()}

_EVENT_NAME = {kind: name for name, kind in EVENT_NAMES.items()}
"""An event's name as a tracker file writes it (``applied``, ``interview``)."""


def _explain(args: argparse.Namespace, today: date, screen: Screen) -> tuple[str, Json]:
    ruleset = registry.get(args.name)
    source = ruleset.source
    about = f"{ruleset.name} {ruleset.version}: {source or 'no source given'}"
    lines = heading(about, screen.line_width)
    lines += [f"  url: {source.url}"] if source and source.url else []
    scope = ruleset.scope
    if scope is not None:
        lines += textwrap.wrap(
            f"speaks {scope.describe()} only ({scope.citation.locator}); silent otherwise",
            screen.line_width, initial_indent="  ", subsequent_indent="    ",
        )  # fmt: skip
    explained = what_it_does(ruleset)
    rules = []
    for rule in ruleset.rules:
        kind = _KIND_OF.get(type(rule), type(rule).__name__)
        cited = rule.citation
        where = cited.locator if cited.source == source else str(cited)
        does = explained.get(rule.id) or getattr(rule, "text", None) or "(not described)"
        parameters = _parameters(rule)
        shown = ", ".join(f"{name}={value}" for name, value in parameters.items()) or "none"
        lines += [f"- {rule.id} ({kind})"]
        lines += textwrap.wrap(
            does.replace("`", ""), max(screen.width, 40), initial_indent="    ",
            subsequent_indent="    ",
        )  # fmt: skip
        lines += _indented(f"parameters: {shown}", screen.line_width)
        lines += _indented(f"cites: {where}", screen.line_width)
        rules.append(
            {
                "id": rule.id,
                "kind": kind,
                "does": does,
                "parameters": parameters,
                "citation": str(rule.citation),
            }
        )
    return "\n".join(lines), {**_ruleset_json(ruleset), "rules": rules}


def _indented(text: str, width: int) -> list[str]:
    """A line of a rule's account, wrapped to the screen (never inside a word or a name)."""
    return textwrap.wrap(
        text, width, initial_indent="    ", subsequent_indent="      ",
        break_long_words=False, break_on_hyphens=False,
    )  # fmt: skip


def _parameters(rule: object) -> dict[str, str]:
    """A rule's parameters as written in a rule set (``days=7``, ``channel=PHONE``): every
    attrs field but its id, citation and guidance text, which the explanation shows apart."""
    import attrs

    if not attrs.has(type(rule)):
        return {}
    return {
        field.name: _parameter(getattr(rule, field.name))
        for field in attrs.fields(type(rule))  # type: ignore[arg-type]
        if field.name not in ("id", "citation", "text")
    }


def _parameter(value: object) -> str:
    if isinstance(value, str):
        return "..."
    if isinstance(value, enum.Enum):
        return value.name
    if isinstance(value, tuple | frozenset):
        inner = ", ".join(_parameter(item) for item in value)
        return f"({inner},)" if len(value) == 1 else f"({inner})"
    return repr(value)


def _demo(args: argparse.Namespace, today: date, screen: Screen) -> tuple[str, Json]:
    from followup_rules.tracker import demo_tracker

    tracker = demo_tracker()
    _check_day(tracker, today)
    rules = _chosen(args)
    actions, actions_json = _actions(tracker, today, rules, screen)
    comparisons = _comparisons(tracker, today, rules or None)
    text = "\n".join(
        [
            *heading(
                f"The demo tracker: {len(tracker)} applications of one job seeker in autumn 2026.",
                screen.line_width,
            ),
            "",
            "What to do today, by all the rule sets together:",
            actions,
            "",
            "Each philosophy on its own:",
            _comparisons_text(comparisons, screen),
        ]
    )
    return text, {"actions": actions_json, "comparison": _comparisons_json(comparisons)}


# Messages: check-message and draft -------------------------------------------------------------


def _message_parsers(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The two message commands' options (issue 14), registered by ``_parser``."""
    from followup_rules.messages import MessageKind

    kinds = [kind.value for kind in MessageKind]
    stages = [stage.value for stage in Stage]
    sub = command("check-message", "check a message, read from standard input, against the rules")
    sub.add_argument("--kind", choices=kinds, default="email", help="how it is sent (email)")
    sub.add_argument("--purpose", choices=[p.value for p in Purpose], help="what it is for")
    sub.add_argument("--stage", choices=stages, help="before or after an interview")
    sub = command("draft", "a first draft of an application's next message")
    sub.add_argument("file", metavar="FILE", help="a tracker file (.toml, .json or .csv)")
    sub.add_argument("--application", metavar="ID", required=True, help="the application")
    sub.add_argument("--name", required=True, help="your name, as the message gives it")
    sub.add_argument("--role", help="the job (default: the application's title)")
    sub.add_argument("--company", help="the employer (default: the application's company)")
    sub.add_argument("--kind", choices=kinds, help="how it is sent (default: by the channel)")


def _check_message(args: argparse.Namespace, today: date, screen: Screen) -> tuple[str, Json]:
    from followup_rules.messages import check_message

    composition = registry.resolve(_chosen(args) or None)
    purpose = Purpose(args.purpose) if args.purpose else None
    stage = Stage(args.stage) if args.stage else None
    found = check_message(
        sys.stdin.read(), composition, kind=args.kind, purpose=purpose, stage=stage
    )
    lines = heading(
        f"{len(found)} finding{'' if len(found) == 1 else 's'} by {composition.name}:",
        screen.line_width,
    )
    lines += [f"- {finding}" for finding in found]
    findings = [
        {
            "ruleset": f.ruleset,
            "check": f.check,
            "kind": f.kind.value,
            "problem": f.problem,
            "excerpt": f.excerpt,
            "citation": str(f.citation),
        }
        for f in found
    ]
    return "\n".join(lines), {"rules": composition.name, "kind": args.kind, "findings": findings}


def _draft(args: argparse.Namespace, today: date, screen: Screen) -> tuple[str, Json]:
    application = _tracker(args).application(args.application)
    role, company = args.role or application.title, args.company or application.company
    if role is None or company is None:
        raise _UsageError(
            f"application {application.id!r} names no {'title' if role is None else 'company'}: "
            f"give --{'role' if role is None else 'company'}"
        )
    history = application.history
    with _about(application.id):
        decision = evaluate(history, today, rules=registry.resolve(_chosen(args) or None))
        if args.kind is None and decision.channel is None and decision.purpose is not None:
            raise _UsageError(
                f"application {application.id!r}: the rules name no channel for its next "
                f"message: give --kind"
            )
        stage = history.facts(history.calendar.day_of(today)).stage
        drafted = decision.draft(
            name=args.name, role=role, company=company, kind=args.kind, stage=stage
        )
    data = {
        "application": application.id,
        "purpose": drafted.purpose.value,
        "kind": drafted.kind.value,
        "stage": stage.value,
        "text": drafted.text,
    }
    head = f"{application.id}: {drafted.purpose.value} {drafted.kind.value}, {stage.value}"
    return f"{head}\n\n{drafted.text}", data


# Studies ------------------------------------------------------------------------------------------


def _study_parser(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The study command's options (issue 14), registered by ``_parser``."""
    sub = command("study", "the rule sets replayed across many generated job searches")
    sub.add_argument(
        "--scenarios",
        default="all",
        metavar="all|NAME[,NAME]",
        help="the archetypes of a job search to draw from, joined by commas (default: all)",
    )
    sub.add_argument("--weeks", type=int, default=12, help="how long each search is followed")
    sub.add_argument("--histories", type=int, default=100, help="searches per archetype (100)")
    sub.add_argument("--seed", default="0", help="the seed the searches are drawn from (0)")
    sub.add_argument("--start", type=_day, help="the first day, YYYY-MM-DD (default: today)")


def _study(args: argparse.Namespace, today: date, screen: Screen) -> tuple[str, Json]:
    from followup_rules.study import study

    scenarios = "all" if args.scenarios == "all" else args.scenarios.split(",")
    result = study(
        scenarios,
        rules=_chosen(args) or None,
        start=args.start or today,
        weeks=args.weeks,
        histories=args.histories,
        seed=args.seed,
    )
    disagreement = [
        f"{name}: the rule sets disagree on the first follow-up day in {share:.0%} of searches"
        for name, share in result.disagreement.items()
    ]
    data = {
        "start": result.start.isoformat(),
        "weeks": result.weeks,
        "histories": result.histories,
        "seed": result.seed,
        "rulesets": list(result.rulesets),
        "scenarios": list(result.scenarios),
        "summaries": [_summary_json(summary) for summary in result.summaries],
        "agreement": {
            name: [{"rulesets": list(pair), "share": share} for pair, share in shares.items()]
            for name, shares in result.agreement.items()
        },
        "disagreement": dict(result.disagreement),
    }
    return "\n".join([str(result), "", *disagreement]), data


def _summary_json(summary: Summary) -> Json:
    return {
        "ruleset": summary.ruleset,
        "scenario": summary.scenario,
        "histories": summary.histories,
        "contacts": list(summary.contacts),
        "first_follow_up": None
        if summary.first_follow_up is None
        else list(summary.first_follow_up),
        "followed_up": summary.followed_up,
        "ends": {end.value: share for end, share in summary.ends.items()},
        "per_week": summary.per_week,
        "weekdays": list(summary.weekdays),
    }


_COMMANDS: dict[str, Callable[[argparse.Namespace, date, Screen], tuple[str, Json]]] = {
    "today": _today,
    "compare": _compare,
    "plan": _plan,
    "rulesets": _rulesets,
    "explain": _explain,
    "demo": _demo,
    "check-message": _check_message,
    "draft": _draft,
    "study": _study,
}


def _example(args: argparse.Namespace, today: date) -> str:
    """The bundled example application under each rule set: the command line before commands."""
    history = example_history()
    names: list[str | None] = [*_rule_names(args)] or [*registry.compared(), None]
    files = [(path, load(path)) for path in args.rules_file]
    shown: list[tuple[str, str | RuleSet | None]] = [
        (name or "all five, composed", name) for name in names
    ]
    shown += [(f"{ruleset.name} (from {path})", ruleset) for path, ruleset in files]
    return "".join(
        f"== {title} ==\n{evaluate(history, today, rules=rules)}\n\n" for title, rules in shown
    )


def _output(args: argparse.Namespace) -> tuple[str, Callable[[str], str]]:
    """The text to print, and how to write a character the output's encoding cannot hold."""
    from followup_rules.tracker import DEMO_TODAY

    given: date | None = vars(args).get("today")
    today = given or (DEMO_TODAY if args.command == "demo" else date.today())
    if args.command == "example":
        return _example(args, today), _nearest
    text, data = _COMMANDS[args.command](args, today, Screen.standard_output())
    if args.format == "json":
        return json.dumps(data, indent=2, ensure_ascii=False) + "\n", _json_escape
    return text + "\n", _nearest


# Writing to a terminal, a file or a pipe ------------------------------------------------------

_NEAREST = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u2013": "-",
    "\u2014": "-",
}
"""ASCII for the typographic marks of the sources' titles, which have no decomposition."""


def _nearest(character: str) -> str:
    """The closest ASCII to ``character``: the quote or dash it looks like, the letter without
    its accent (``e`` for ``é``, ``...`` for ``…``), or ``?``: what a table shows on an output
    that holds ASCII only."""
    near = _NEAREST.get(character) or unicodedata.normalize("NFKD", character)
    return near.encode("ascii", "ignore").decode("ascii") or "?"


def _json_escape(character: str) -> str:
    """``\\u201c`` for ``“``: the escape JSON reads back as the same character, so a JSON
    document stays exact on an output that holds ASCII only."""
    return json.dumps(character)[1:-1]


def _backslashed(character: str) -> str:
    """``\\xe9`` for ``é``, as Python writes to standard error: an error names a file exactly,
    so the one it means can be told from another."""
    return character.encode("ascii", "backslashreplace").decode("ascii")


def _fitted(text: str, stream: TextIO, replace: Callable[[str], str]) -> str:
    """``text`` with each character that ``stream``'s encoding cannot hold ``replace``-d."""
    encoding = stream.encoding or "utf-8"
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return "".join(c if _holds(encoding, c) else replace(c) for c in text)
    return text


def _holds(encoding: str, character: str) -> bool:
    try:
        character.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def _emit(text: str, replace: Callable[[str], str]) -> int:
    """Print ``text``: 0 if it was all written, else 1, with one line on standard error unless
    the reader went away on purpose (``| head -1``)."""
    stream = sys.stdout
    if stream is None:
        _complain("standard output is closed: expected a terminal, a file or a pipe to write to")
        return 1
    try:
        stream.write(_fitted(text, stream, replace))
        stream.flush()
    except BrokenPipeError:
        _send_nowhere(stream)
        return 1
    except OSError as error:
        _send_nowhere(stream)
        _complain(
            f"standard output cannot be written ({error.strerror or error}): expected a "
            f"terminal, a file or a pipe that takes it"
        )
        return 1
    return 0


def _send_nowhere(stream: TextIO) -> None:
    """Python flushes standard output once more on exit, and would report that that failed
    too, with a traceback: send the rest nowhere instead."""
    with contextlib.suppress(OSError):
        descriptor = stream.fileno()
        nowhere = os.open(os.devnull, os.O_WRONLY)
        os.dup2(nowhere, descriptor)
        os.close(nowhere)


def _complain(message: str) -> None:
    """``message`` as one line on standard error, if there is a standard error to write to."""
    stream = sys.stderr
    if stream is None:
        return
    line = " ".join(f"followup-rules: {message}".splitlines())
    with contextlib.suppress(OSError):
        stream.write(_fitted(line, stream, _backslashed) + "\n")
        stream.flush()


_OWN_OPTIONS = ("-h", "--help", "-V", "--version")
"""The options of the program itself; every other belongs to a command."""


def _unused(command: str | None, extra: list[str]) -> str:
    """Arguments a command does not take, refused rather than ignored, and where to look."""
    where = f"followup-rules {command}" if command else "followup-rules"
    return f"{where} does not take {' '.join(extra)}: see {where} --help for what it takes"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status: 0, 1 when the output cannot be written
    (a closed pipe, a closed or full output), 2 for an error in the command or its input.
    With no command it prints its help, which lists the commands."""
    parser = _parser()
    given = list(sys.argv[1:] if argv is None else argv)
    try:
        if given and given[0].startswith("-") and given[0] not in _OWN_OPTIONS:
            raise _UsageError(
                f"{given[0]} goes after a command, as in followup-rules demo {given[0]}: see "
                f"followup-rules --help for the commands"
            )
        args, extra = parser.parse_known_args(given)
        if extra:
            raise _UsageError(_unused(args.command, extra))
        if args.command is None:
            return _emit(parser.format_help(), _nearest)
        text, replace = _output(args)
    except (_UsageError, FollowupError) as error:
        _complain(str(error))
        return 2
    return _emit(text, replace)
