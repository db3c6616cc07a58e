"""Archetypes of a job search: seeded generators of realistic histories for studies.

A :class:`Scenario` says, in plain words, what the employer does: when the interviews fall,
whether they name a day for their decision, whether they are away over the holidays, when a
definite answer comes, and how often and how soon they reply to a follow-up. ``generate``
draws one :class:`Search` from it: the employer's scripted events as a :class:`History` on a
real :class:`WorkCalendar`, and the seed its replies to the seeker's contacts are drawn from.
The seeker's own contacts are not in it: :func:`followup_rules.study.study` adds them, as a
rule set would make them.

Every draw comes from a ``random.Random`` seeded by the caller, never the global generator, so
the same seed gives the same search on every run and every machine.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Mapping
from datetime import date, timedelta
from types import MappingProxyType
from typing import Any

import attrs

from followup_rules._checks import check_day, check_instance, shown
from followup_rules.calendar import WorkCalendar
from followup_rules.errors import InvalidArgumentError
from followup_rules.events import (
    Answer,
    Applied,
    DecisionExpected,
    Event,
    Interview,
    OutOfOffice,
)
from followup_rules.history import History
from followup_rules.vocabulary import Channel, InterviewKind, Outcome, Verdict

__all__ = ["SCENARIOS", "Scenario", "Search", "scenario", "scenario_names"]

FRIDAY = 4
"""``date.weekday()`` of a Friday."""


def _days_range(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    """A range of days, ``(fewest, most)``: whole numbers, the first at least the minimum."""
    name = f"{type(instance).__name__}.{attribute.name}"
    fewest = attribute.metadata.get("fewest", 0)
    if value is None and attribute.metadata.get("optional"):
        return
    if not (
        isinstance(value, tuple)
        and len(value) == 2
        and all(type(days) is int for days in value)
        and fewest <= value[0] <= value[1]
    ):
        none = " or None" if attribute.metadata.get("optional") else ""
        raise InvalidArgumentError(
            f"{name}={shown(value)}: expected a pair of whole numbers of days (fewest, most) "
            f"with {fewest} <= fewest <= most{none}"
        )


def _days(*, fewest: int = 0, optional: bool = False) -> Any:
    return attrs.field(validator=_days_range, metadata={"fewest": fewest, "optional": optional})


def _chance(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
        raise InvalidArgumentError(
            f"{type(instance).__name__}.{attribute.name}={shown(value)}: expected a probability, "
            f"a number from 0 to 1"
        )


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip() or not value.isprintable():
        raise InvalidArgumentError(
            f"{type(instance).__name__}.{attribute.name}={shown(value)}: expected a non-empty "
            f"string on one line"
        )


def _flag(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    check_instance(f"{type(instance).__name__}.{attribute.name}", value, bool, "True or False")


def _member(kind: type[Any], *, optional: bool = False) -> Any:
    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        if optional and value is None:
            return
        valid = ", ".join(f"{kind.__name__}.{m.name}" for m in kind)
        check_instance(
            f"{type(instance).__name__}.{attribute.name}",
            value,
            kind,
            f"one of {valid}{' or None' if optional else ''}",
        )

    return check


@attrs.frozen(kw_only=True)
class Scenario:
    """What the employer does in one archetype of a job search, in plain words.

    Days are calendar days; each ``(fewest, most)`` pair is drawn uniformly, and a day that is
    not a business day moves to the next one. The application goes out within
    ``applies_within`` days of the study's start. ``interview`` is how long after the
    application the interview falls (None: no interview); ``second_round`` how long after it a
    second one does. ``decides_by_friday``: at the interview they say they will decide by the
    Friday after it. ``away_over_holidays``: the interview falls in the week before Christmas
    and they are away from the 23rd of December to the 2nd of January. ``answer``: how long
    after the last interview (or the application) a definite ``verdict`` comes.

    The seeker's side: ``reply_chance`` is how often they reply to a contact (without a
    definite answer), ``reply_days`` how soon; ``channel`` is how the seeker contacts them when
    the rules name no channel, and ``outcome`` how each contact ends (None: nobody answers, so a
    call leaves a voicemail and an email is sent).
    """

    name: str = attrs.field(validator=_text)
    summary: str = attrs.field(validator=_text)
    applies_within: tuple[int, int] = _days()
    interview: tuple[int, int] | None = _days(optional=True)
    kind: InterviewKind = attrs.field(default=InterviewKind.JOB, validator=_member(InterviewKind))
    second_round: tuple[int, int] | None = attrs.field(
        default=None, validator=_days_range, metadata={"fewest": 1, "optional": True}
    )
    decides_by_friday: bool = attrs.field(default=False, validator=_flag)
    away_over_holidays: bool = attrs.field(default=False, validator=_flag)
    answer: tuple[int, int] | None = attrs.field(
        default=None, validator=_days_range, metadata={"fewest": 1, "optional": True}
    )
    verdict: Verdict = attrs.field(default=Verdict.REJECTED, validator=_member(Verdict))
    reply_chance: float = attrs.field(default=0.0, validator=_chance)
    reply_days: tuple[int, int] = attrs.field(
        default=(1, 3), validator=_days_range, metadata={"fewest": 1}
    )
    channel: Channel = attrs.field(default=Channel.PHONE, validator=_member(Channel))
    outcome: Outcome | None = attrs.field(default=None, validator=_member(Outcome, optional=True))

    def __attrs_post_init__(self) -> None:
        if self.outcome is Outcome.NO_ANSWER:
            raise InvalidArgumentError(
                f"Scenario.outcome={self.outcome!r}: a call that leaves nothing is no contact; "
                f"expected None or another Outcome"
            )
        if self.interview is None and (
            self.second_round or self.decides_by_friday or self.away_over_holidays
        ):
            raise InvalidArgumentError(
                f"Scenario {self.name!r}: second_round, decides_by_friday and away_over_holidays "
                f"need an interview; expected interview=(fewest, most) days"
            )

    def generate(self, *, seed: int | str, start: date, calendar: WorkCalendar) -> Search:
        """One search of this archetype, drawn from ``random.Random(seed)``."""
        check_day("start", start)
        check_instance("calendar", calendar, WorkCalendar, "a WorkCalendar")
        if isinstance(seed, bool) or not isinstance(seed, int | str):
            raise InvalidArgumentError(f"seed={shown(seed)}: expected a whole number or a string")
        rng = random.Random(f"{self.name}:{seed}")
        events = self._events(rng, start, calendar)
        return Search(
            scenario=self,
            history=History(events, calendar=calendar),
            seed=f"{self.name}:{seed}:replies",
        )

    def _events(self, rng: random.Random, start: date, calendar: WorkCalendar) -> list[Event]:
        """The employer's side, and the application that starts it, in order of days."""
        if self.interview is None:
            applied = _business(calendar, start + _drawn(rng, self.applies_within))
            return [Applied(applied), *self._answer(rng, calendar, applied)]
        if self.away_over_holidays:
            interview = _business(calendar, _before_christmas(start, rng))
            applied = calendar.previous_business_day(
                interview - _drawn(rng, self.interview) + timedelta(days=1)
            )
        else:
            applied = _business(calendar, start + _drawn(rng, self.applies_within))
            interview = _business(calendar, applied + _drawn(rng, self.interview))
        events: list[Event] = [Applied(applied), Interview(interview, kind=self.kind)]
        if self.decides_by_friday:
            friday = interview + timedelta(days=(FRIDAY - interview.weekday()) % 7 or 7)
            events.append(DecisionExpected(interview, by=friday))
        if self.away_over_holidays:
            away = date(interview.year, 12, 23)
            events.append(OutOfOffice(max(away, interview), until=date(away.year + 1, 1, 2)))
        last = interview
        if self.second_round is not None:
            last = _business(calendar, interview + _drawn(rng, self.second_round))
            events.append(Interview(last, kind=self.kind))
        return [*events, *self._answer(rng, calendar, last)]

    def _answer(self, rng: random.Random, calendar: WorkCalendar, after: date) -> list[Event]:
        if self.answer is None:
            return []
        return [Answer(_business(calendar, after + _drawn(rng, self.answer)), verdict=self.verdict)]


@attrs.frozen(kw_only=True)
class Search:
    """One drawn search: the employer's scripted ``history`` and the seed of their replies.

    ``history`` holds the events the employer's side brings (and the application), some of
    them in the future of any day a seeker decides on: replay it with ``history.until(day)``.
    ``replies()`` says, contact by contact, after how many days they reply (None: they do not);
    it is the same sequence every time it is called, so every rule set meets the same employer.
    """

    scenario: Scenario
    history: History
    seed: str

    @property
    def start(self) -> date:
        """The day the search starts: its first event's."""
        return next(self.history.dated())[0]

    def replies(self) -> Iterator[int | None]:
        """After how many days they reply to each contact in turn, or None where they do not."""
        rng = random.Random(self.seed)
        chance, days = self.scenario.reply_chance, self.scenario.reply_days
        while True:
            replied = rng.random() < chance
            delay = rng.randint(*days)
            yield delay if replied else None


def _drawn(rng: random.Random, days: tuple[int, int]) -> timedelta:
    return timedelta(days=rng.randint(*days))


def _business(calendar: WorkCalendar, day: date) -> date:
    """``day`` if it is a business day, else the next one."""
    return day if calendar.is_business_day(day) else calendar.next_business_day(day)


def _before_christmas(start: date, rng: random.Random) -> date:
    """A day of the week before the first Christmas on or after ``start`` (15th to 22nd)."""
    year = start.year if start <= date(start.year, 12, 22) else start.year + 1
    return date(year, 12, 15 + rng.randint(0, 7))


SCENARIOS: Mapping[str, Scenario] = MappingProxyType(
    {
        s.name: s
        for s in (
            Scenario(
                name="silent-employer",
                summary="An interview, then nothing: they never reply and never answer.",
                applies_within=(0, 13),
                interview=(5, 12),
            ),
            Scenario(
                name="decide-by-friday",
                summary="At the interview they say they will decide by Friday; then they rarely "
                "reply, and a rejection comes three to six weeks later.",
                applies_within=(0, 13),
                interview=(5, 12),
                decides_by_friday=True,
                answer=(21, 42),
                reply_chance=0.2,
                reply_days=(1, 5),
            ),
            Scenario(
                name="voicemail-heavy",
                summary="The seeker calls and always reaches a voicemail; they seldom call back.",
                applies_within=(0, 13),
                interview=(5, 12),
                reply_chance=0.1,
                reply_days=(2, 7),
                channel=Channel.PHONE,
                outcome=Outcome.VOICEMAIL_LEFT,
            ),
            Scenario(
                name="quick-reply",
                summary="They reply to most contacts within a day or two, and answer with an "
                "offer two to four weeks after the interview.",
                applies_within=(0, 13),
                interview=(3, 10),
                answer=(14, 28),
                verdict=Verdict.OFFER,
                reply_chance=0.8,
                reply_days=(1, 2),
                channel=Channel.EMAIL,
            ),
            Scenario(
                name="informational-meeting",
                summary="An informational meeting, not a job interview; they seldom reply.",
                applies_within=(0, 13),
                interview=(3, 10),
                kind=InterviewKind.INFORMATIONAL,
                reply_chance=0.3,
                reply_days=(1, 7),
                channel=Channel.EMAIL,
            ),
            Scenario(
                name="two-rounds",
                summary="A first interview, a second round one to three weeks later, and an "
                "answer some weeks after that; they reply now and then.",
                applies_within=(0, 13),
                interview=(5, 12),
                second_round=(7, 21),
                answer=(14, 35),
                verdict=Verdict.OFFER,
                reply_chance=0.4,
                reply_days=(1, 4),
            ),
            Scenario(
                name="holidays",
                summary="An interview in the week before Christmas; they are away from the 23rd "
                "of December to the 2nd of January, then silent.",
                applies_within=(0, 13),
                interview=(5, 12),
                away_over_holidays=True,
            ),
            Scenario(
                name="rejection-after-weeks",
                summary="An interview, then silence, then a rejection four to ten weeks later.",
                applies_within=(0, 13),
                interview=(5, 12),
                answer=(28, 70),
            ),
        )
    }
)
"""The archetypes, by name: the ones ``study(scenarios="all")`` runs."""


def scenario_names() -> tuple[str, ...]:
    """The names of the archetypes, in the order they are documented."""
    return tuple(SCENARIOS)


def scenario(name: object) -> Scenario:
    """The archetype called ``name``; an unknown name is an error listing the known ones."""
    if isinstance(name, Scenario):
        return name
    if isinstance(name, str) and name in SCENARIOS:
        return SCENARIOS[name]
    raise InvalidArgumentError(
        f"scenario {shown(name)}: expected a Scenario or one of {', '.join(SCENARIOS)}"
    )
