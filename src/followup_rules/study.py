"""Study rule sets across many job searches: how many contacts, how soon, how each ends.

``study`` draws searches from each scenario (:mod:`followup_rules.scenarios`) and replays each
one, for each rule set, the way a seeker who follows that rule set would act. The seeker's side
is :func:`followup_rules.plan.plan`: from each day the employer does something, the plan's
contacts are taken in order up to the employer's next event. The employer's side is the
scenario's: its scripted events (interviews, a named day, an absence, a definite answer) come
on their days, and each contact may draw a reply some days later, which ends the stretch of
the plan after it (a reply resets the follow-ups, so the plan is made again from that day).

Every rule set meets the same employers: the searches and their replies are drawn from
``seed`` alone. ``to_pandas`` needs the ``pandas`` extra and the plots the ``plot`` extra,
each imported only there.
"""

from __future__ import annotations

import contextlib
import html
import importlib
import importlib.util
import statistics
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import date, timedelta
from itertools import combinations
from typing import TYPE_CHECKING

import attrs

from followup_rules._checks import check_collection, check_day, check_instance, check_integer, shown
from followup_rules._extras import requires_extra
from followup_rules.calendar import WorkCalendar
from followup_rules.engine import Prepared, decide
from followup_rules.errors import InvalidArgumentError
from followup_rules.events import Applied, Event, Interview, Reply
from followup_rules.history import History
from followup_rules.plan import PlanEnd, PlannedContact, contacts_from
from followup_rules.ruleset import Composition, RuleSet
from followup_rules.rulesets import registry
from followup_rules.scenarios import Scenario, Search, scenario, scenario_names
from followup_rules.vocabulary import FOLLOW_UP_PURPOSES

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes

__all__ = ["Replay", "Study", "Summary", "replay", "study"]

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

MAX_HISTORIES = 1_000_000
"""The most searches a study draws per scenario: a bound on the work one call can ask for."""

PROGRESS_FROM = 5_000
"""The replays from which a study shows a progress bar by default: a few seconds' work."""

MAX_WEEKS = 104
"""The longest a study follows a search."""


@attrs.frozen(kw_only=True)
class Replay:
    """One search replayed under one rule set: the contacts made and how it ended.

    ``contacts`` are the seeker's contacts in order (day, purpose, channel, outcome, and the
    rules that timed each), ``follow_ups`` the days of those that were follow-ups (thank-yous
    are not); ``first_follow_up`` the calendar days from
    the last application or interview before the first follow-up (None: no follow-up); ``end``
    why the last plan ended (``HORIZON``: the rule set would still go on at the study's end).
    """

    ruleset: str
    scenario: str
    seed: str
    start: date
    contacts: tuple[PlannedContact, ...]
    follow_ups: tuple[date, ...]
    first_follow_up: int | None
    end: PlanEnd


@attrs.frozen(kw_only=True)
class Summary:
    """One rule set on one scenario, over all its searches.

    ``contacts`` and ``first_follow_up`` are quartiles ``(lower, median, upper)``; the first
    follow-up's is None where no search had one. ``ends`` is the share of searches ending each
    way (every ``PlanEnd`` that occurred); ``per_week`` the mean contacts a week; ``weekdays``
    the contacts made on each weekday, Monday first.
    """

    ruleset: str
    scenario: str
    histories: int
    contacts: tuple[float, float, float]
    first_follow_up: tuple[float, float, float] | None
    followed_up: float
    ends: Mapping[PlanEnd, float]
    per_week: float
    weekdays: tuple[int, ...]


@attrs.frozen(kw_only=True)
class Study:
    """Every replay, with the summaries and the agreement between rule sets worked out.

    ``agreement[scenario][(a, b)]`` is the share of that scenario's searches where rule sets
    ``a`` and ``b`` make their first follow-up on the same day (or neither makes one);
    ``disagreement[scenario]`` the share where the rule sets do not all agree on that day.
    """

    rulesets: tuple[str, ...]
    scenarios: tuple[str, ...]
    start: date
    weeks: int
    histories: int
    seed: int | str
    replays: tuple[Replay, ...] = attrs.field(repr=False)
    summaries: tuple[Summary, ...] = attrs.field(repr=False)
    agreement: Mapping[str, Mapping[tuple[str, str], float]] = attrs.field(repr=False)
    disagreement: Mapping[str, float] = attrs.field(repr=False)

    def summary(self, ruleset: str, scenario: str) -> Summary:
        """The summary of ``ruleset`` on ``scenario``; unknown names are an error listing both."""
        for summary in self.summaries:
            if summary.ruleset == ruleset and summary.scenario == scenario:
                return summary
        raise InvalidArgumentError(
            f"no summary for ruleset={shown(ruleset)}, scenario={shown(scenario)}: expected "
            f"one of the rule sets {', '.join(self.rulesets)} and one of the scenarios "
            f"{', '.join(self.scenarios)}"
        )

    def __str__(self) -> str:
        head, *rows = _cells(self)
        lines = [" | ".join(head), *(" | ".join(row) for row in rows)]
        return "\n".join(lines)

    def _repr_html_(self) -> str:
        """The summaries as an HTML table, for Jupyter."""
        head, *rows = _cells(self)
        cells = "".join(f"<th>{html.escape(cell)}</th>" for cell in head)
        body = "".join(
            "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>"
            for row in rows
        )
        return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"

    def to_pandas(self) -> pd.DataFrame:
        """One row per rule set and scenario; needs the ``pandas`` extra.

        Columns: ``ruleset``, ``scenario`` (string); ``histories`` (int); ``contacts_low``,
        ``contacts_median``, ``contacts_high``, ``first_follow_up_low``,
        ``first_follow_up_median``, ``first_follow_up_high`` (float, missing where no search
        had a follow-up), ``followed_up`` and ``per_week`` (float); one ``end_<value>`` share
        per ``PlanEnd``; one column per weekday (``Mon`` ... ``Sun``) of contact counts.
        """
        with requires_extra("pandas", needed_by="Study.to_pandas()"):
            import pandas as pd

        return pd.DataFrame([_row(summary) for summary in self.summaries]).astype(
            {"ruleset": "string", "scenario": "string"}
        )

    def plot_contacts(self, *, scenario: str | None = None, ax: Axes | None = None) -> Axes:
        """Box plots of the contacts each rule set makes per search, on ``ax`` (a new figure's
        when None), for one scenario or, with None, all of them; needs the ``plot`` extra."""
        return self._box(scenario, ax, "contacts per search", _contacts)

    def plot_first_follow_up(self, *, scenario: str | None = None, ax: Axes | None = None) -> Axes:
        """Box plots of the days to the first follow-up, searches without one left out (the
        summaries' ``followed_up`` says how many had one); needs the ``plot`` extra."""
        return self._box(scenario, ax, "days to the first follow-up", _first)

    def plot_agreement(self, *, scenario: str | None = None, ax: Axes | None = None) -> Axes:
        """A heat map of how often two rule sets make their first follow-up on the same day;
        needs the ``plot`` extra."""
        shares = _agreement(self._runs(scenario), self.rulesets)
        names = self.rulesets
        grid = [[_pair(shares, a, b) for b in names] for a in names]
        ax = _axes(ax, "Study.plot_agreement()")
        image = ax.imshow(grid, vmin=0, vmax=1, cmap="viridis")
        ax.set_xticks(range(len(names)), labels=list(names), rotation=45, ha="right")
        ax.set_yticks(range(len(names)), labels=list(names))
        for row, values in enumerate(grid):
            for column, share in enumerate(values):
                ink = "k" if share > 0.6 else "w"
                ax.text(column, row, f"{share:.0%}", ha="center", va="center", color=ink)
        ax.figure.colorbar(image, ax=ax, label="same first follow-up day")
        ax.set_title(f"Agreement: {scenario or 'all scenarios'}")
        return ax

    def _runs(self, scenario: str | None) -> list[Replay]:
        if scenario is not None and scenario not in self.scenarios:
            raise InvalidArgumentError(
                f"scenario={shown(scenario)}: expected None or one of the study's scenarios, "
                f"{', '.join(self.scenarios)}"
            )
        return [r for r in self.replays if scenario in (None, r.scenario)]

    def _box(
        self,
        scenario: str | None,
        ax: Axes | None,
        label: str,
        value: Callable[[Replay], int | None],
    ) -> Axes:
        runs = self._runs(scenario)
        data = [
            [v for r in runs if r.ruleset == name and (v := value(r)) is not None]
            for name in self.rulesets
        ]
        ax = _axes(
            ax, "Study.plot_contacts()" if value is _contacts else "Study.plot_first_follow_up()"
        )
        ax.boxplot(data, tick_labels=list(self.rulesets))
        ax.tick_params(axis="x", labelrotation=45)
        ax.set_ylabel(label)
        ax.set_title(f"{label.capitalize()}: {scenario or 'all scenarios'}")
        return ax


def _contacts(run: Replay) -> int:
    return len(run.contacts)


def _first(run: Replay) -> int | None:
    return run.first_follow_up


def _axes(ax: object, needed_by: str) -> Axes:
    """``ax``, or a new figure's Axes when None, as ``timeline.plot_plans`` draws."""
    with requires_extra("plot", needed_by=needed_by):
        from matplotlib.axes import Axes

    if ax is None:
        import matplotlib.pyplot as plt

        _, new = plt.subplots(figsize=(7, 4.5), layout="constrained")
        return new
    if not isinstance(ax, Axes):
        raise InvalidArgumentError(f"ax={shown(ax)}: expected a matplotlib Axes or None")
    return ax


def _pair(shares: Mapping[tuple[str, str], float], a: str, b: str) -> float:
    if a == b:
        return 1.0
    return shares[(a, b)] if (a, b) in shares else shares[(b, a)]


def _row(summary: Summary) -> dict[str, object]:
    first = summary.first_follow_up or (float("nan"),) * 3
    return {
        "ruleset": summary.ruleset,
        "scenario": summary.scenario,
        "histories": summary.histories,
        "contacts_low": summary.contacts[0],
        "contacts_median": summary.contacts[1],
        "contacts_high": summary.contacts[2],
        "first_follow_up_low": first[0],
        "first_follow_up_median": first[1],
        "first_follow_up_high": first[2],
        "followed_up": summary.followed_up,
        "per_week": summary.per_week,
        **{f"end_{end.value}": summary.ends.get(end, 0.0) for end in PlanEnd},
        **dict(zip(WEEKDAYS, summary.weekdays, strict=True)),
    }


def _cells(result: Study) -> list[list[str]]:
    """The summaries as table cells: a header, then a row per rule set and scenario."""
    rows = [
        ["ruleset", "scenario", "contacts (q1 median q3)", "first follow-up", "per week", "ends"]
    ]
    for s in result.summaries:
        first = "none" if s.first_follow_up is None else _quartiles(s.first_follow_up)
        ends = ", ".join(f"{end.value} {share:.0%}" for end, share in s.ends.items())
        rows.append(
            [s.ruleset, s.scenario, _quartiles(s.contacts), first, f"{s.per_week:.2f}", ends]
        )
    return rows


def _quartiles(values: tuple[float, float, float]) -> str:
    return " ".join(f"{value:g}" for value in values)


def replay(search: Search, rules: RuleSet | Composition, *, weeks: int) -> Replay:
    """``search`` as a seeker following ``rules`` would live it, for ``weeks`` weeks.

    From each day the employer does something, the contacts of a plan (``plan``'s own
    machinery) are taken one by one up to the day before their next event, each drawing the
    employer's reply, until a reply falls on or before the next contact. From that reply (or
    scripted event) the plan is made again. The replay ends on its last day, ``weeks`` weeks
    from the search's start, or at a definite answer.
    """
    composition = registry.resolve(rules)
    return _replayed(search, composition.name, registry.prepare(composition), weeks)


def _replayed(search: Search, name: str, prepared: Prepared, weeks: int) -> Replay:
    calendar = search.history.calendar
    queue: dict[date, list[Event]] = {}
    for day, event in search.history.dated():
        queue.setdefault(day, []).append(event)
    today = search.start
    last = today + timedelta(days=7 * weeks - 1)
    replies = search.replies()
    history = History(queue.pop(today), calendar=calendar)
    taken: list[PlannedContact] = []
    while True:
        upcoming = min(queue, default=None)
        until = last if upcoming is None else min(last, upcoming - timedelta(days=1))
        end, logged = _stretch(search, history, today, prepared, until, queue, replies, taken)
        if not queue or min(queue) > last or end is PlanEnd.DONE:
            return _replay(search, name, taken, end)
        today = min(queue)
        history = history.with_events([*logged, *queue.pop(today)])


def _stretch(
    search: Search,
    history: History,
    today: date,
    prepared: Prepared,
    until: date,
    queue: dict[date, list[Event]],
    replies: Iterator[int | None],
    taken: list[PlannedContact],
) -> tuple[PlanEnd, list[Event]]:
    """The plan's contacts from ``today`` to ``until``, taken until the employer's next event.

    Each contact taken goes to ``taken`` and may queue a reply. Returns why the plan ended
    (HORIZON where a reply cut it short) and the events the contacts taken logged.
    """
    scenario_ = search.scenario
    steps = contacts_from(
        history,
        decide(history, today, prepared),
        prepared,
        until,
        scenario_.outcome,
        scenario_.channel,
        replies=False,
    )
    logged: list[Event] = []
    while True:
        try:
            contact = next(steps)
        except StopIteration as stopped:
            return stopped.value[1], logged
        if queue and min(queue) <= contact.on:
            return PlanEnd.HORIZON, logged
        taken.append(contact)
        logged += contact.events()
        delay = next(replies)
        if delay is not None:
            answered = contact.on + timedelta(days=delay)
            queue.setdefault(answered, []).append(Reply(answered, channel=contact.channel))


def _replay(search: Search, name: str, taken: list[PlannedContact], end: PlanEnd) -> Replay:
    follow_ups = tuple(c.on for c in taken if c.purpose in FOLLOW_UP_PURPOSES)
    first = None
    if follow_ups:
        since = max(
            day
            for day, event in search.history.dated()
            if isinstance(event, Applied | Interview) and day <= follow_ups[0]
        )
        first = (follow_ups[0] - since).days
    return Replay(
        ruleset=name,
        scenario=search.scenario.name,
        seed=search.seed,
        start=search.start,
        contacts=tuple(taken),
        follow_ups=follow_ups,
        first_follow_up=first,
        end=end,
    )


def study(
    scenarios: str | Scenario | Iterable[str | Scenario] = "all",
    *,
    rules: Iterable[str | RuleSet | Composition] | None = None,
    start: date,
    weeks: int = 12,
    histories: int = 100,
    seed: int | str = 0,
    calendar: WorkCalendar | None = None,
    progress: bool | None = None,
) -> Study:
    """Replay ``histories`` searches of each scenario under each rule set, and summarise.

    ``scenarios`` is ``"all"`` (every archetype of :data:`followup_rules.scenarios.SCENARIOS`),
    one archetype's name or :class:`Scenario`, or several. Each item of ``rules`` is one rule
    set to study (a name, a ``"a+b"`` composition, a RuleSet or a Composition); None studies
    each registered rule set on its own. Searches start within the scenario's
    ``applies_within`` days of ``start`` and are followed for ``weeks`` weeks, on ``calendar``
    (the United States' by default). The same ``seed`` gives the same study.

    ``progress``: True shows a progress bar (the ``progress`` extra, tqdm), False never; None
    shows one when tqdm is installed and the study has at least ``PROGRESS_FROM`` replays.
    """
    parts = _rulesets(rules)
    archetypes = _scenarios(scenarios)
    check_day("start", start)
    weeks = _bounded("weeks", weeks, MAX_WEEKS)
    histories = _bounded("histories", histories, MAX_HISTORIES)
    if isinstance(seed, bool) or not isinstance(seed, int | str):
        raise InvalidArgumentError(f"seed={shown(seed)}: expected a whole number or a string")
    if calendar is None:
        calendar = WorkCalendar("US")
    check_instance("calendar", calendar, WorkCalendar, "a WorkCalendar or None")
    _check_start(start, weeks, calendar)
    if progress is not None and not isinstance(progress, bool):
        raise InvalidArgumentError(f"progress={shown(progress)}: expected True, False or None")
    prepared = [(part.name, registry.prepare(registry.resolve(part))) for part in parts]
    total = len(archetypes) * histories * len(parts)
    with _progress(progress, total) as advance:
        replays = tuple(
            advance(run)
            for archetype in archetypes
            for run in _replays(archetype, prepared, histories, seed, start, calendar, weeks)
        )
    names = tuple(part.name for part in parts)
    labels = tuple(archetype.name for archetype in archetypes)
    return Study(
        rulesets=names,
        scenarios=labels,
        start=start,
        weeks=weeks,
        histories=histories,
        seed=seed,
        replays=replays,
        summaries=tuple(
            _summary(replays, name, label, weeks) for label in labels for name in names
        ),
        agreement={label: _agreement(_of(replays, label), names) for label in labels},
        disagreement={label: _disagreement(_of(replays, label), names) for label in labels},
    )


def _check_start(start: date, weeks: int, calendar: WorkCalendar) -> None:
    """Every search drawn from ``start`` must lie within the calendar's holiday data."""
    first, last = calendar.years
    if not first <= start.year <= last - 2 - weeks // 52:
        raise InvalidArgumentError(
            f"start={start.isoformat()}: expected a day from {first} to "
            f"{last - 2 - weeks // 52}, so that each search and its {weeks} weeks fall within "
            f"the holiday data of {calendar!r}"
        )


@contextlib.contextmanager
def _progress(wanted: bool | None, total: int) -> Iterator[Callable[[Replay], Replay]]:
    """A function each replay passes through, advancing a progress bar if one is shown."""
    if wanted is False or (
        wanted is None and (total < PROGRESS_FROM or importlib.util.find_spec("tqdm") is None)
    ):
        yield _unchanged
        return
    with requires_extra("progress", needed_by="study(progress=True)"):
        tqdm = importlib.import_module("tqdm").tqdm  # untyped: no stubs are needed this way

    with tqdm(total=total, unit="replay", desc="study") as bar:

        def advance(run: Replay) -> Replay:
            bar.update()
            return run

        yield advance


def _unchanged(run: Replay) -> Replay:
    return run


def _of(replays: Sequence[Replay], label: str) -> list[Replay]:
    return [r for r in replays if r.scenario == label]


def _replays(
    archetype: Scenario,
    prepared: Sequence[tuple[str, Prepared]],
    histories: int,
    seed: int | str,
    start: date,
    calendar: WorkCalendar,
    weeks: int,
) -> Iterator[Replay]:
    """Each search of ``archetype`` replayed under each rule set, in that order.

    A replay depends only on the search's history and on the employer's replies to the contacts
    it took, one reply drawn per contact: so a search whose history and first replies are those
    of a search already replayed is that replay again, and is not replayed twice.
    """
    known: dict[tuple[object, ...], list[tuple[tuple[int | None, ...], Replay]]] = {}
    for search in _searches(archetype, histories, seed, start, calendar):
        draws = _Draws(search.replies())
        for name, rules in prepared:
            same = known.setdefault((search.history.events, name), [])
            run = next((r for prefix, r in same if draws.first(len(prefix)) == prefix), None)
            if run is None:
                run = _replayed(search, name, rules, weeks)
                same.append((draws.first(len(run.contacts)), run))
            yield attrs.evolve(run, seed=search.seed)


class _Draws:
    """A search's replies, drawn as far as they are asked for."""

    def __init__(self, source: Iterator[int | None]) -> None:
        self._source = source
        self._drawn: list[int | None] = []

    def first(self, count: int) -> tuple[int | None, ...]:
        while len(self._drawn) < count:
            self._drawn.append(next(self._source))
        return tuple(self._drawn[:count])


def _searches(
    archetype: Scenario, histories: int, seed: int | str, start: date, calendar: WorkCalendar
) -> Iterator[Search]:
    for index in range(histories):
        yield archetype.generate(seed=f"{seed}:{index}", start=start, calendar=calendar)


def _bounded(name: str, value: object, most: int) -> int:
    number = check_integer(name, value)
    if not 1 <= number <= most:
        raise InvalidArgumentError(f"{name}={number}: expected a whole number from 1 to {most}")
    return number


def _rulesets(rules: object) -> list[RuleSet | Composition]:
    if rules is None:
        return [registry.get(name) for name in registry.compared()]
    items = check_collection(
        "rules", rules, "a list of rule sets (names, RuleSets or Compositions) or None"
    )
    if not items:
        raise InvalidArgumentError("rules=[]: expected at least one rule set, or None for all")
    parts = [_ruleset(item) for item in items]
    _unique_names("rules", [part.name for part in parts])
    return parts


def _ruleset(item: object) -> RuleSet | Composition:
    if isinstance(item, str):
        return registry.resolve(item)
    if isinstance(item, RuleSet | Composition):
        return item
    raise InvalidArgumentError(
        f"rules item {shown(item)}: expected a rule-set name, a RuleSet or a Composition"
    )


def _scenarios(scenarios: object) -> list[Scenario]:
    if scenarios == "all":
        return [scenario(name) for name in scenario_names()]
    if isinstance(scenarios, str | Scenario):
        return [scenario(scenarios)]
    items = check_collection("scenarios", scenarios, '"all", a scenario, or a list of them')
    if not items:
        raise InvalidArgumentError('scenarios=[]: expected at least one scenario, or "all"')
    chosen = [scenario(item) for item in items]
    _unique_names("scenarios", [item.name for item in chosen])
    return chosen


def _unique_names(what: str, names: Sequence[str]) -> None:
    twice = sorted(name for name, count in Counter(names).items() if count > 1)
    if twice:
        raise InvalidArgumentError(
            f"{what} names {', '.join(twice)} more than once: expected each once, since a "
            f"study's results are by name"
        )


def _quartiles_of(values: Sequence[int]) -> tuple[float, float, float]:
    if len(values) == 1:
        return (values[0],) * 3
    low, median, high = statistics.quantiles(values, n=4, method="inclusive")
    return (low, median, high)


def _summary(replays: Sequence[Replay], ruleset: str, label: str, weeks: int) -> Summary:
    runs = [r for r in replays if r.ruleset == ruleset and r.scenario == label]
    contacts = [len(r.contacts) for r in runs]
    firsts = [r.first_follow_up for r in runs if r.first_follow_up is not None]
    ends = Counter(r.end for r in runs)
    weekdays = Counter(contact.on.weekday() for r in runs for contact in r.contacts)
    return Summary(
        ruleset=ruleset,
        scenario=label,
        histories=len(runs),
        contacts=_quartiles_of(contacts),
        first_follow_up=_quartiles_of(firsts) if firsts else None,
        followed_up=len(firsts) / len(runs),
        ends={end: ends[end] / len(runs) for end in PlanEnd if ends[end]},
        per_week=sum(contacts) / len(runs) / weeks,
        weekdays=tuple(weekdays[day] for day in range(7)),
    )


def _first_days(replays: Sequence[Replay], names: Sequence[str]) -> list[tuple[date | None, ...]]:
    """For each search, each rule set's first follow-up day, in ``names`` order."""
    by_search: dict[tuple[str, str], dict[str, date | None]] = {}
    for r in replays:
        first = r.follow_ups[0] if r.follow_ups else None
        by_search.setdefault((r.scenario, r.seed), {})[r.ruleset] = first
    return [tuple(days[name] for name in names) for days in by_search.values()]


def _agreement(replays: Sequence[Replay], names: Sequence[str]) -> dict[tuple[str, str], float]:
    firsts = _first_days(replays, names)
    return {
        (names[i], names[j]): sum(days[i] == days[j] for days in firsts) / len(firsts)
        for i, j in combinations(range(len(names)), 2)
    }


def _disagreement(replays: Sequence[Replay], names: Sequence[str]) -> float:
    firsts = _first_days(replays, names)
    return sum(len(set(days)) > 1 for days in firsts) / len(firsts)
