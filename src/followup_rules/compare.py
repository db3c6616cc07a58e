"""Several philosophies side by side: one row per rule set for the same history and day."""

from __future__ import annotations

import html
from collections.abc import Iterable
from datetime import date, datetime

import attrs

from followup_rules._format import day
from followup_rules.decision import Decision
from followup_rules.engine import evaluate
from followup_rules.history import History
from followup_rules.ruleset import Composition, RuleSet
from followup_rules.rulesets import registry

__all__ = ["Comparison", "ComparisonRow", "compare"]

_COLUMNS = ("rule set", "action", "next date", "window end", "purpose", "channel", "left", "why")


@attrs.frozen
class ComparisonRow:
    """One rule set's decision, with the cells a table shows."""

    ruleset: str
    decision: Decision

    def cells(self) -> tuple[str, ...]:
        d = self.decision
        left = "/".join("-" if n is None else str(n) for n in (d.follow_ups_left, d.messages_left))
        binding = [str(r.ref.rule) for r in d.reasons if r.binding]
        return (
            self.ruleset,
            d.action.value,
            day(d.next_date) if d.next_date else "-",
            day(d.window_end) if d.window_end else "-",
            d.purpose.value if d.purpose else "-",
            d.channel.value if d.channel else "-",
            left,
            ", ".join(binding) or "-",
        )


@attrs.frozen
class Comparison:
    """Rows side by side; ``disagreements`` names the columns where the rows differ."""

    today: date
    rows: tuple[ComparisonRow, ...]

    @property
    def disagreements(self) -> tuple[str, ...]:
        cells = [row.cells() for row in self.rows]
        return tuple(
            name
            for index, name in enumerate(_COLUMNS[1:-1], start=1)
            if len({c[index] for c in cells}) > 1
        )

    def row(self, ruleset: str) -> ComparisonRow:
        return next(row for row in self.rows if row.ruleset == ruleset)

    def __str__(self) -> str:
        table = [_COLUMNS, *(row.cells() for row in self.rows)]
        widths = [max(len(line[i]) for line in table) for i in range(len(_COLUMNS))]
        lines = [
            "  ".join(cell.ljust(w) for cell, w in zip(line, widths, strict=True)).rstrip()
            for line in table
        ]
        lines.insert(1, "  ".join("-" * w for w in widths))
        differ = ", ".join(self.disagreements) or "nothing"
        return "\n".join([f"As of {day(self.today)}:", *lines, f"They differ on: {differ}"])

    def _repr_html_(self) -> str:
        differ = set(self.disagreements)
        head = "".join(f"<th>{html.escape(c)}</th>" for c in _COLUMNS)
        body = []
        for row in self.rows:
            tds = "".join(
                f'<td style="font-weight:bold">{html.escape(c)}</td>'
                if name in differ
                else f"<td>{html.escape(c)}</td>"
                for name, c in zip(_COLUMNS, row.cells(), strict=True)
            )
            body.append(f"<tr>{tds}</tr>")
        caption = f"<caption>As of {html.escape(day(self.today))}</caption>"
        return (
            f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        )


def compare(
    history: History,
    today: date | datetime,
    *,
    rules: Iterable[str | RuleSet | Composition] | None = None,
) -> Comparison:
    """Each rule set's decision on the same history and day (default: every registered one)."""
    chosen = list(registry.names()) if rules is None else list(rules)
    rows = []
    for item in chosen:
        composition = registry.resolve(item)
        rows.append(ComparisonRow(composition.name, evaluate(history, today, rules=composition)))
    decided = rows[0].decision.today if rows else history.calendar.day_of(today)
    return Comparison(decided, tuple(rows))
