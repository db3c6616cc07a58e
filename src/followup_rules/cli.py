"""The command line: every rule set's decision on the bundled example, or on a chosen day.

This is the only place the library reads the clock, and only for ``--today``'s default.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date

from followup_rules.engine import evaluate
from followup_rules.errors import FollowupError
from followup_rules.examples import example_history
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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    today = args.today or date.today()
    history = example_history()
    names = args.rules.split(",") if args.rules else [*registry.names(), None]
    try:
        for name in names:
            decision = evaluate(history, today, rules=name)
            title = name or "all five, composed"
            print(f"== {title} ==\n{decision}\n")
    except FollowupError as error:
        print(f"followup-rules: {error}", file=sys.stderr)
        return 2
    return 0
