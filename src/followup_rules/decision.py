"""The answer of an evaluation: what to do, when, how, and why."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeAlias

import attrs

from followup_rules._format import day
from followup_rules.citations import Citation
from followup_rules.vocabulary import Action, Channel, Purpose, TimeOfDay

if TYPE_CHECKING:
    from followup_rules.messages import Draft, MessageKind
    from followup_rules.vocabulary import Stage

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


_SHORT_REASONS = 3
"""How many of the reasons that decided it a short ``str(decision)`` shows."""

_ENDINGS = (Action.STOP, Action.DONE, Action.BLOCKED, Action.SILENT)

Explanation: TypeAlias = tuple[
    tuple[Reason, ...], tuple[Note, ...], tuple[Conflict, ...], tuple[SkippedDay, ...]
]
"""A decision's ``reasons``, ``guidance``, ``conflicts`` and ``skipped``, in that order."""

_EXPLAINED = ("reasons", "guidance", "conflicts", "skipped")
_get = object.__getattribute__
_set = object.__setattr__
_unset = object.__delattr__


class _ExplainedLater:
    """The slot that holds how a decision makes its explanation, until it is first read."""

    __slots__ = ("_explain",)


@attrs.frozen(kw_only=True)
class Decision(_ExplainedLater):
    """Follow up today, or wait until when; by which channel; what to say; and why.

    ``next_date`` is the first allowed day on or after ``today`` (None after STOP, DONE,
    BLOCKED and SILENT); ``window_end`` the last allowed day of the window a rule recommends,
    when one does. ``timed_by`` names the rules that set the time (a wait, a window, a cadence,
    their named date): when it is empty the decision is *untimed*, and ``next_date`` is only
    the first day the rules allow, not a day any of them asks for. ``silent`` names the rule
    sets whose document does not speak to this stage.

    ``str(decision)`` is the short answer; :meth:`explain` is the whole account.

    An evaluation decides first and explains on demand: ``reasons``, ``guidance``,
    ``conflicts`` and ``skipped`` are made the first time one of them is read (from the facts
    and effects the decision keeps until then), so a batch that reads only the action and the
    day never pays for them. Equality, hashing, pickling, ``repr`` and ``str`` read them like
    any other field: a decision looks the same whenever it is explained.
    """

    action: Action
    """What to do: follow up today, wait, stop, or nothing (blocked, silent, done)."""
    today: date
    """The day decided for."""
    next_date: date | None = None
    """The first day allowed for the next contact, on or after ``today``."""
    window_end: date | None = None
    """The last day of the window a rule recommends, when one does."""
    purpose: Purpose | None = None
    """What the next contact is for."""
    channel: Channel | None = None
    """How to make it, when a rule says."""
    time_of_day: TimeOfDay | None = None
    """When in the day, when a rule says."""
    follow_ups_left: int | None = None
    """The follow-ups the rules still allow in this stage; None where none counts them."""
    messages_left: int | None = None
    """The messages (voicemails, notes with a person) still allowed; None where none counts."""
    reasons: tuple[Reason, ...] = ()
    """What each rule did, with the passage it stands on."""
    guidance: tuple[Note, ...] = ()
    """What to say, and how."""
    conflicts: tuple[Conflict, ...] = ()
    """Rules of a composition that cannot both be met."""
    skipped: tuple[SkippedDay, ...] = ()
    """Every day passed over, with the rules that ruled it out."""
    rulesets: tuple[tuple[str, str], ...] = ()
    """The name and version of each rule set that made the decision."""
    timed_by: tuple[RuleRef, ...] = ()
    """The rules that set the time of the next contact; empty when it is untimed."""
    silent: tuple[str, ...] = ()
    """The rule sets whose document does not speak to this stage."""
    beyond_data: date | None = None
    """The day the search for a contact stopped at, because the calendar's holiday data does
    not cover it (BLOCKED for want of data, not by the rules); None otherwise."""

    @property
    def overdue(self) -> bool:
        """The recommended window closed before today."""
        return self.window_end is not None and self.window_end < self.today

    @property
    def timed(self) -> bool:
        """A rule set the time of the next contact; False for an untimed or ended decision."""
        return bool(self.timed_by)

    @property
    def untimed_parts(self) -> tuple[str, ...]:
        """The rule sets that speak here but give no time for the next contact."""
        if self.action in _ENDINGS:
            return ()
        timing = {ref.ruleset for ref in self.timed_by}
        return tuple(
            name for name, _ in self.rulesets if name not in timing and name not in self.silent
        )

    def __str__(self) -> str:
        """What to do, the day, the channel, the reasons that decided it, and the guidance."""
        lines = [self._headline(), *self._status()]
        deciding = self._deciding()
        if deciding:
            lines.append("Why:")
            lines.extend(f"  - {r.ref}: {r.what}" for r in deciding)
        advice = list(dict.fromkeys(note.text for note in self.guidance))
        if advice:
            lines.append("Guidance:")
            lines.extend(f"  - {text}" for text in advice)
        return "\n".join(lines)

    def explain(self) -> str:
        """The whole account: every reason with its citation, skipped days, conflicts, notes."""
        lines = [self._headline(), *self._status()]
        if self.reasons:
            lines.append("Reasons (* decided it):")
            lines.extend(f"  {'*' if r.binding else '-'} {r}" for r in self.reasons)
        sections: list[tuple[str, tuple[object, ...]]] = [
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
            f"{self.purpose.value.replace('-', ' ')}" if self.purpose else "",
            f"by {self.channel.value}" if self.channel else "",
            f"in the {self.time_of_day.value}" if self.time_of_day else "",
        ]
        shown = " ".join(d for d in details if d)
        if self.action in _ENDINGS or not shown:
            return head
        return f"{head}: {shown}"

    def draft(
        self,
        *,
        name: str,
        role: str,
        company: str,
        kind: MessageKind | str | None = None,
        stage: Stage | None = None,
    ) -> Draft:
        """A first draft of the message: :func:`followup_rules.messages.draft` for this decision."""
        from followup_rules.messages import draft

        return draft(self, name=name, role=role, company=company, kind=kind, stage=stage)

    def why_untimed(self) -> str | None:
        """Why no day is set for the next contact, in words; None if one is (or it ended)."""
        untimed = self.untimed_parts
        if self.timed or not untimed:
            return None
        verb = "gives" if len(untimed) == 1 else "give"
        return f"{_names(untimed)} {verb} no time for the next contact"

    def _status(self) -> list[str]:
        lines = []
        if self.beyond_data is not None:
            lines.append(
                f"  the holiday data does not reach {day(self.beyond_data)}: no day from then on "
                f"can be proposed"
            )
        untimed = self.why_untimed()
        if untimed is not None:
            lines.append(f"  no time set: {untimed}; this is only the first day allowed")
        if self.window_end is not None:
            if self.overdue:
                lines.append(
                    f"  the recommended window closed on {day(self.window_end)}: follow up on "
                    f"the first day allowed"
                )
            else:
                lines.append(f"  at the latest on {day(self.window_end)}")
        if self.follow_ups_left is not None or self.messages_left is not None:
            lines.append(f"  left: {self._budgets()}")
        return lines

    def _deciding(self) -> list[Reason]:
        """The reasons that set the answer: the wait that set the day, then the rules that ruled
        out the most days, at most a few."""
        timing = set(self.timed_by)
        days_ruled_out = Counter(ref for skipped in self.skipped for ref in skipped.by)
        ranked = sorted(
            (r for r in self.reasons if r.binding or r.ref in timing),
            key=lambda r: (not r.binding, r.ref in days_ruled_out, -days_ruled_out[r.ref]),
        )
        first = {r.ref: r for r in reversed(ranked)}
        return [r for r in ranked if first[r.ref] is r][:_SHORT_REASONS]

    def _budgets(self) -> str:
        parts = []
        if self.follow_ups_left is not None:
            parts.append(_count(self.follow_ups_left, "follow-up"))
        if self.messages_left is not None:
            parts.append(_count(self.messages_left, "message"))
        return ", ".join(parts)


def _read_later(decision: Decision, name: str) -> object:
    """``Decision.__getattr__``, reached only for a field not yet set: an explanation not yet
    made. Set on the class from outside it, so type checkers do not take every attribute name
    as valid."""
    if name not in _EXPLAINED:
        raise AttributeError(f"{type(decision).__name__!r} object has no attribute {name!r}")
    explain = _get(decision, "_explain")
    if explain is not None:  # None: another thread explained it meanwhile
        for field, value in zip(_EXPLAINED, explain(), strict=True):
            _set(decision, field, value)
        _set(decision, "_explain", None)
    return _get(decision, name)


setattr(Decision, "__getattr__", _read_later)  # noqa: B010 (hidden from type checkers)


def explained_later(decision: Decision, explain: Callable[[], Explanation]) -> Decision:
    """``decision``, whose explanation ``explain`` makes when it is first read.

    ``decision`` is one just made and not yet shared: its explanation fields are unset in
    place, so the only cost of deciding without explaining is keeping ``explain``.
    """
    for name in _EXPLAINED:
        _unset(decision, name)
    _set(decision, "_explain", explain)
    return decision


def _count(number: int, what: str) -> str:
    return f"{number} {what}{'' if number == 1 else 's'}"


def _names(names: tuple[str, ...]) -> str:
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
