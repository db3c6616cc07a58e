"""Several philosophies side by side: one row per rule set for the same history and day.

``compare`` reads one application through every rule set; ``compare_many`` does the same for
several applications at once. Both render as a text table, as HTML in Jupyter, and as a pandas
DataFrame (pandas is an optional extra, imported only by ``to_pandas``).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING

import attrs

from followup_rules._checks import shown
from followup_rules._extras import requires_extra
from followup_rules._format import day, text_table
from followup_rules._record import DECISION_COLUMNS, cells, frame_columns
from followup_rules.decision import Decision
from followup_rules.errors import InvalidArgumentError, UnknownRuleSetError
from followup_rules.history import History
from followup_rules.ruleset import Composition, RuleSet, RulesLike
from followup_rules.rulesets import registry
from followup_rules.rulesets.registry import evaluate
from followup_rules.vocabulary import Action

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Comparison",
    "ComparisonRow",
    "Comparisons",
    "compare",
    "compare_many",
]

_COLUMNS = ("rule set", "action", "next date", "window end", "purpose", "channel", "left", "why")
_COMPARED = _COLUMNS[1:-1]
"""The columns whose values are compared; the rule set names the row, and why explains it."""


@attrs.frozen
class ComparisonRow:
    """One rule set's decision, with the cells a table shows."""

    ruleset: str
    decision: Decision

    def cells(self) -> tuple[str, ...]:
        d = self.decision
        left = "/".join("-" if n is None else str(n) for n in (d.follow_ups_left, d.messages_left))
        return (
            self.ruleset,
            d.action.value,
            day(d.next_date) if d.next_date else "-",
            day(d.window_end) if d.window_end else "-",
            d.purpose.value if d.purpose else "-",
            d.channel.value if d.channel else "-",
            left,
            _why(d),
        )


def _why(decision: Decision, *, qualified: bool = False) -> str:
    """The rules that decided it; a silent, untimed or out-of-data answer says so in words first.

    ``qualified`` names each rule with its rule set (``right-changes/no-monday-friday``), as the
    command line does, where the rule set of a composed decision is not in the row."""
    if decision.action is Action.SILENT:
        return "; ".join(dict.fromkeys(r.what for r in decision.reasons))
    refs = [r.ref for r in decision.reasons if r.binding] or list(decision.timed_by)
    rules = ", ".join(dict.fromkeys(str(ref) if qualified else ref.rule for ref in refs))
    if decision.beyond_data is not None:
        unknown = f"the holiday data does not reach {day(decision.beyond_data)}"
        return "; ".join(filter(None, [unknown, rules]))
    if decision.why_untimed() is not None:
        return "; ".join(["no time set: only the first day allowed", *filter(None, [rules])])
    return rules or "-"


def _disagreements(rows: Iterable[ComparisonRow]) -> tuple[str, ...]:
    cells = [row.cells() for row in rows]
    return tuple(
        name for index, name in enumerate(_COMPARED, start=1) if len({c[index] for c in cells}) > 1
    )


def _html_cells(row: ComparisonRow, differ: tuple[str, ...]) -> str:
    return "".join(
        f'<td style="font-weight:bold">{html.escape(c)}</td>'
        if name in differ
        else f"<td>{html.escape(c)}</td>"
        for name, c in zip(_COLUMNS, row.cells(), strict=True)
    )


def _as_of(days: Iterable[date]) -> str:
    distinct = sorted(set(days))
    if len(distinct) == 1:
        return f"As of {day(distinct[0])}"
    return f"As of {day(distinct[0])} to {day(distinct[-1])} (by each employer's time zone)"


@attrs.frozen
class Comparison:
    """Rows side by side; ``disagreements`` names the columns where the rows differ."""

    today: date
    rows: tuple[ComparisonRow, ...]

    @property
    def disagreements(self) -> tuple[str, ...]:
        return _disagreements(self.rows)

    def row(self, ruleset: str) -> ComparisonRow:
        """The row of ``ruleset`` (a rule-set or composition name, as in ``rows``)."""
        for row in self.rows:
            if row.ruleset == ruleset:
                return row
        known = ", ".join(row.ruleset for row in self.rows) or "none"
        raise UnknownRuleSetError(
            f"no row {shown(ruleset)} in this comparison: expected one of {known}"
        )

    def __str__(self) -> str:
        lines = text_table(_COLUMNS, [row.cells() for row in self.rows])
        differ = ", ".join(self.disagreements) or "nothing"
        return "\n".join([f"As of {day(self.today)}:", *lines, f"They differ on: {differ}"])

    def _repr_html_(self) -> str:
        differ = self.disagreements
        head = "".join(f"<th>{html.escape(c)}</th>" for c in _COLUMNS)
        body = "".join(f"<tr>{_html_cells(row, differ)}</tr>" for row in self.rows)
        caption = f"<caption>As of {html.escape(day(self.today))}</caption>"
        return f"<table>{caption}<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    def to_pandas(self) -> pd.DataFrame:
        """One row per rule set, in the order of ``rows``; needs the ``pandas`` extra.

        Columns: ``ruleset`` (``string``), then the decision's record, as every table of
        decisions has it (``followup_rules.batch.DECISION_COLUMNS``): ``today``, ``next_date``
        and ``window_end`` are ``datetime64[ns]`` at midnight of the day, ``NaT`` where the
        decision has none; ``action``, ``purpose``, ``channel`` and ``time_of_day`` are
        categoricals whose categories are the enum values (``"follow-up"``, ``"status"``,
        ``"phone"``, ...), missing where there is none; ``overdue`` is ``bool``;
        ``follow_ups_left`` and ``messages_left`` are nullable ``Int64``, missing where no rule
        set keeps that budget; ``why`` (the binding reasons, ``rule set/rule: what``, joined by
        ``"; "``) and ``rulesets`` (names and versions) are ``string``.
        ``df.attrs["disagreements"]`` holds ``disagreements``.
        """
        frame = _frame(list(self.rows), needed_by="Comparison.to_pandas()")
        frame.attrs["disagreements"] = self.disagreements
        return frame


@attrs.frozen
class Comparisons(Mapping[str, Comparison]):
    """Several applications' comparisons, by application name, in the order they were given.

    It is a read-only mapping: ``comparisons["acme"]`` is one application's ``Comparison``.
    """

    by_application: tuple[tuple[str, Comparison], ...]

    def __getitem__(self, application: str) -> Comparison:
        for name, comparison in self.by_application:
            if name == application:
                return comparison
        shown = ", ".join(repr(name) for name, _ in self.by_application) or "none"
        raise KeyError(f"no application {application!r}: expected one of {shown}")

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self.by_application)

    def __len__(self) -> int:
        return len(self.by_application)

    @property
    def disagreements(self) -> dict[str, tuple[str, ...]]:
        """Each application's columns on which its rule sets differ (empty where they agree)."""
        return {name: c.disagreements for name, c in self.by_application}

    def __str__(self) -> str:
        if not self.by_application:
            return "No applications to compare."
        lines: list[tuple[str, ...]] = []
        for name, comparison in self.by_application:
            cells = [row.cells() for row in comparison.rows] or [("",) * len(_COLUMNS)]
            lines.extend((name if index == 0 else "", *c) for index, c in enumerate(cells))
        table = text_table(("application", *_COLUMNS), lines)
        differ = [
            f"  {name}: {', '.join(columns) or 'nothing'}"
            for name, columns in self.disagreements.items()
        ]
        as_of = _as_of(c.today for _, c in self.by_application)
        return "\n".join([f"{as_of}:", *table, "They differ on:", *differ])

    def _repr_html_(self) -> str:
        if not self.by_application:
            return "<p>No applications to compare.</p>"
        head = "".join(f"<th>{html.escape(c)}</th>" for c in ("application", *_COLUMNS))
        bodies = [_html_group(name, comparison) for name, comparison in self.by_application]
        as_of = _as_of(c.today for _, c in self.by_application)
        caption = f"<caption>{html.escape(as_of)}</caption>"
        return f"<table>{caption}<thead><tr>{head}</tr></thead>{''.join(bodies)}</table>"

    def to_pandas(self) -> pd.DataFrame:
        """One row per application and rule set; needs the ``pandas`` extra.

        The columns of ``Comparison.to_pandas``, after an ``application`` column (``string``),
        and a ``disagreements`` column (``string``): the columns on which that application's
        rule sets differ, comma-separated, empty where they agree.
        """
        rows = [row for _, comparison in self.by_application for row in comparison.rows]
        groups = [
            (name, ", ".join(comparison.disagreements))
            for name, comparison in self.by_application
            for _ in comparison.rows
        ]
        return _frame(rows, needed_by="Comparisons.to_pandas()", groups=groups)


def _html_group(name: str, comparison: Comparison) -> str:
    differ = comparison.disagreements
    span = max(1, len(comparison.rows))
    first = f'<th rowspan="{span}">{html.escape(name)}</th>'
    rows = [
        f"<tr>{first if index == 0 else ''}{_html_cells(row, differ)}</tr>"
        for index, row in enumerate(comparison.rows)
    ]
    return f"<tbody>{''.join(rows) or f'<tr>{first}</tr>'}</tbody>"


def _frame(
    rows: list[ComparisonRow], *, needed_by: str, groups: list[tuple[str, str]] | None = None
) -> pd.DataFrame:
    """The rule set of each row, then the decision's record (see ``DECISION_COLUMNS``);
    ``groups`` adds each row's application first and the columns its rows differ on last."""
    with requires_extra("pandas", needed_by=needed_by):
        import pandas as pd

    columns: dict[str, pd.Series] = {}
    if groups is not None:
        columns["application"] = pd.Series([name for name, _ in groups], dtype="string")
    columns["ruleset"] = pd.Series([row.ruleset for row in rows], dtype="string")
    decisions = (row.decision for row in rows)
    columns.update(frame_columns(cells(decisions, DECISION_COLUMNS)))
    if groups is not None:
        columns["disagreements"] = pd.Series([differ for _, differ in groups], dtype="string")
    return pd.DataFrame(columns)


def _chosen(rules: RulesLike) -> list[str | RuleSet | Composition]:
    if rules is None:
        return list(registry.compared())
    if isinstance(rules, str | RuleSet | Composition):
        return [rules]
    if isinstance(rules, bytes) or not isinstance(rules, Iterable):
        raise UnknownRuleSetError(
            f"rules={shown(rules)}: expected rule-set names, rule sets or compositions (one row "
            f"each), or None for those of the default composition, plugins and registered ones"
        )
    return list(rules)


def _rows(
    history: History,
    today: date | datetime,
    rules: RulesLike,
) -> Comparison:
    if not isinstance(history, History):
        raise InvalidArgumentError(f"history {history!r} is not a History")
    rows = []
    for item in _chosen(rules):
        composition = registry.resolve(item)
        rows.append(ComparisonRow(composition.name, evaluate(history, today, rules=composition)))
    decided = rows[0].decision.today if rows else history.calendar.day_of(today)
    return Comparison(decided, tuple(rows))


def compare(
    history: History,
    today: date | datetime,
    *,
    rules: RulesLike = None,
) -> Comparison:
    """Each rule set's decision on the same history and day (default: those of the default
    composition, then the plugins' and the registered ones: see ``rulesets.compared``).

    Each item of ``rules`` is one row: a registered name, a rule set, or a composition (a name
    like ``"five-rules+right-changes"`` is one row of both together); a single item is one row.
    """
    return _rows(history, today, rules)


def compare_many(
    histories: Mapping[str, History],
    today: date | datetime,
    *,
    rules: RulesLike = None,
) -> Comparisons:
    """``compare`` for several applications at once, keyed by an application name of your choice.

    Every application is read through the same rule sets on the same ``today``; the result
    keeps the order of ``histories``.
    """
    if not isinstance(histories, Mapping):
        raise InvalidArgumentError(
            f"histories {histories!r} is not a mapping: expected application names to histories"
        )
    chosen = _chosen(rules)
    by_application = []
    for name, history in histories.items():
        if not isinstance(name, str) or not name:
            raise InvalidArgumentError(
                f"application name {name!r}: expected a non-empty string for each history"
            )
        if not isinstance(history, History):
            raise InvalidArgumentError(
                f"histories[{name!r}] is {history!r}: expected a followup_rules.History"
            )
        by_application.append((name, _rows(history, today, chosen)))
    return Comparisons(tuple(by_application))
