"""The command line: every rule set's decision on the bundled example, or on a chosen day.

``--rules-file`` adds rule sets written in TOML, so a coach sees their own next to the five
documents. This is the only place the library reads the clock, and only for ``--today``'s
default.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from followup_rules.engine import evaluate
from followup_rules.errors import FollowupError
from followup_rules.examples import example_history
from followup_rules.load import load
from followup_rules.ruleset import RuleSet
from followup_rules.rulesets import registry

__all__ = ["main"]


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date: expected YYYY-MM-DD") from None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="followup-rules",
        description="Evaluate the bundled example application under each rule set.",
    )
    parser.add_argument(
        "--today", type=_day, default=None, help="the day to decide for (default: today)"
    )
    parser.add_argument(
        "--rules",
        default=None,
        help="rule sets to show, joined by commas (default: each built-in, then all five)",
    )
    parser.add_argument(
        "--rules-file",
        action="append",
        default=[],
        metavar="PATH",
        help="a rule set written in TOML, shown after those of --rules (repeatable)",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    today = args.today or date.today()
    history = example_history()
    names: list[str | None] = args.rules.split(",") if args.rules else [*registry.names(), None]
    try:
        files = [(path, load(path)) for path in args.rules_file]
        shown: list[tuple[str, str | RuleSet | None]] = [
            (name or "all five, composed", name) for name in names
        ]
        shown += [(f"{ruleset.name} (from {path})", ruleset) for path, ruleset in files]
        for title, rules in shown:
            decision = evaluate(history, today, rules=rules)
            print(f"== {title} ==\n{decision}\n")
    except FollowupError as error:
        print(f"followup-rules: {error}", file=sys.stderr)
        return 2
    return 0
