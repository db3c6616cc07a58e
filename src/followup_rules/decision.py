"""The answer of an evaluation: what to do, when, how, and why."""

from __future__ import annotations

from datetime import date

import attrs

from followup_rules._format import day
from followup_rules.citations import Citation
from followup_rules.vocabulary import Action, Channel, Purpose, TimeOfDay

__all__ = ["Conflict", "Decision", "Note", "Reason", "RuleRef", "SkippedDay"]


@attrs.frozen(order=True)
class RuleRef:
    """A rule, named by its rule set and id: ``right-changes/no-monday-friday``."""

    ruleset: str
    rule: str

    def __str__(self) -> str:
        return f"{self.ruleset}/{self.rule}"


@attrs.frozen
class Reason:
    """What one rule did in this decision, and the passage it stands on.

    ``binding`` marks the reasons that set the answer: the wait that set the day, the days
    that were ruled out, the stop.
    """

    ref: RuleRef
    citation: Citation
    what: str
    binding: bool = False

    def __str__(self) -> str:
        return f"{self.ref}: {self.what} [{self.citation}]"


@attrs.frozen
class Note:
    """Guidance on what to say or do, from the rule that gives it."""

    ref: RuleRef
    text: str

    def __str__(self) -> str:
        return f"{self.text} ({self.ref})"


@attrs.frozen
class Conflict:
    """Two rules of the composition that cannot both be met."""

    first: RuleRef
    second: RuleRef
    what: str

    def __str__(self) -> str:
        return f"{self.first} vs {self.second}: {self.what}"


@attrs.frozen
class SkippedDay:
    """A day passed over, and every rule that ruled it out."""

    day: date
    by: tuple[RuleRef, ...]

    def __str__(self) -> str:
        return f"{day(self.day)}: {', '.join(map(str, self.by))}"


@attrs.frozen(kw_only=True)
class Decision:
    """Follow up today, or wait until when; by which channel; what to say; and why.

    ``next_date`` is the first allowed day on or after ``today`` (None after STOP, DONE and
    BLOCKED); ``window_end`` the last day a rule recommends, when one does.
    """

    action: Action
    today: date
    next_date: date | None = None
    window_end: date | None = None
    purpose: Purpose | None = None
    channel: Channel | None = None
    time_of_day: TimeOfDay | None = None
    follow_ups_left: int | None = None
    messages_left: int | None = None
    reasons: tuple[Reason, ...] = ()
    guidance: tuple[Note, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    skipped: tuple[SkippedDay, ...] = ()
    rulesets: tuple[tuple[str, str], ...] = ()
    """The name and version of each rule set that made the decision."""

    @property
    def overdue(self) -> bool:
        """The recommended window closed before today."""
        return self.window_end is not None and self.window_end < self.today

    def __str__(self) -> str:
        lines = [self._headline()]
        if self.window_end is not None:
            late = " (overdue)" if self.overdue else ""
            lines.append(f"  window closes {day(self.window_end)}{late}")
        if self.follow_ups_left is not None or self.messages_left is not None:
            lines.append(f"  left: {self._budgets()}")
        sections = [
            ("Why", [r for r in self.reasons if r.binding] or self.reasons),
            ("Days passed over", self.skipped),
            ("Conflicts", self.conflicts),
            ("Guidance", self.guidance),
        ]
        for title, items in sections:
            if items:
                lines.append(f"{title}:")
                lines.extend(f"  - {item}" for item in items)
        names = ", ".join(f"{name} {version}" for name, version in self.rulesets)
        lines.append(f"Rule sets: {names}")
        return "\n".join(lines)

    def _headline(self) -> str:
        if self.action is Action.FOLLOW_UP:
            head = f"FOLLOW UP today, {day(self.today)}"
        elif self.action is Action.WAIT and self.next_date is not None:
            head = f"WAIT until {day(self.next_date)}"
        else:
            head = f"{self.action.name} as of {day(self.today)}"
        details = [
            f"purpose: {self.purpose.value}" if self.purpose else "",
            f"by {self.channel.value}" if self.channel else "",
            f"in the {self.time_of_day.value}" if self.time_of_day else "",
        ]
        shown = ", ".join(d for d in details if d)
        return f"{head} ({shown})" if shown else head

    def _budgets(self) -> str:
        parts = []
        if self.follow_ups_left is not None:
            parts.append(f"{self.follow_ups_left} follow-up(s)")
        if self.messages_left is not None:
            parts.append(f"{self.messages_left} message(s)")
        return ", ".join(parts)
