"""The tracker and its applications, as the library holds them whatever file they came
from."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any, Final

import attrs

from followup_rules._checks import is_slug
from followup_rules._checks import short_repr as _shown
from followup_rules._event_values import MAX_TEXT, text_problem
from followup_rules.calendar import WorkCalendar
from followup_rules.decision import Decision
from followup_rules.errors import (
    CalendarError,
    InvalidArgumentError,
    InvalidHistoryError,
    InvalidTrackerError,
    UnknownApplicationError,
)
from followup_rules.history import History
from followup_rules.ruleset import RulesLike
from followup_rules.rulesets.registry import evaluate
from followup_rules.tracker._formats import MAX_ID


def check_id(value: object) -> str:
    if not isinstance(value, str):
        raise InvalidArgumentError(f"application id {value!r} is not a string")
    if not is_slug(value, max_length=MAX_ID):
        raise InvalidTrackerError(
            f"application id {_shown.repr(value)} is not a slug: expected lowercase letters and "
            f"digits joined by single hyphens, at most {MAX_ID} characters, such as "
            f"'acme-data-analyst'"
        )
    return value


def _check_text(value: object, name: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InvalidArgumentError(f"{name} {value!r} is not a string: expected a string or None")
    problem = text_problem(value)
    if problem:
        raise InvalidTrackerError(
            f"{name} {_shown.repr(value)} {problem}: expected one line of 1 to {MAX_TEXT} "
            f"characters, or no {name} at all"
        )
    return value


def _company(value: object) -> str | None:
    return _check_text(value, "company")


def _title(value: object) -> str | None:
    return _check_text(value, "title")


def _note(value: object) -> str | None:
    return _check_text(value, "note")


TEXT_CHECKS: Final[Mapping[str, Callable[[object], object]]] = {
    "id": check_id,
    "company": _company,
    "title": _title,
    "note": _note,
}


def _check_history(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, History):
        raise InvalidArgumentError(f"history {value!r} is not a History")


@attrs.frozen
class Application:
    """One application: an id that names it in commands and files, and its history.

    ``company``, ``title`` and ``note`` (free text: "met Bob at the fair") are for people
    reading the tracker; no rule looks at them. Each event may carry a ``note`` of its own.
    """

    id: str = attrs.field(converter=check_id)
    history: History = attrs.field(validator=_check_history)
    company: str | None = attrs.field(default=None, kw_only=True, converter=_company)
    title: str | None = attrs.field(default=None, kw_only=True, converter=_title)
    note: str | None = attrs.field(default=None, kw_only=True, converter=_note)

    @property
    def calendar(self) -> WorkCalendar:
        """The employer's calendar: the tracker's, unless this application has its own."""
        return self.history.calendar


def _check_calendar(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, WorkCalendar):
        raise InvalidArgumentError(f"calendar {value!r} is not a WorkCalendar")


def _applications(values: Iterable[object]) -> tuple[Application, ...]:
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise InvalidArgumentError(f"applications {values!r} are not an iterable of Application")
    found: dict[str, Application] = {}
    for value in values:
        if not isinstance(value, Application):
            raise InvalidArgumentError(f"{value!r} is not an Application")
        if value.id in found:
            raise InvalidTrackerError(
                f"application id {value.id!r} is given twice: expected each id once"
            )
        found[value.id] = value
    return tuple(found.values())


@attrs.frozen
class Tracker:
    """Every application of a job search, with the calendar they are read on by default.

    An application whose employer keeps other days (another state, another country) carries its
    own calendar in its history; ``Tracker.calendar`` is the one the others share.
    """

    calendar: WorkCalendar = attrs.field(validator=_check_calendar)
    applications: tuple[Application, ...] = attrs.field(default=(), converter=_applications)

    def __iter__(self) -> Iterator[Application]:
        return iter(self.applications)

    def __len__(self) -> int:
        return len(self.applications)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(application.id for application in self.applications)

    def application(self, id: str) -> Application:
        """The application named ``id``; an unknown id is an error listing the known ones."""
        for application in self.applications:
            if application.id == id:
                return application
        known = ", ".join(self.ids) or "none"
        raise UnknownApplicationError(
            f"no application {_shown.repr(id)} in the tracker: expected {known}"
        )

    def evaluate(self, today: date | datetime, *, rules: RulesLike = None) -> dict[str, Decision]:
        """Each application's decision on ``today``, by id, in the tracker's order.

        A history that cannot be evaluated on ``today`` (an event logged after it, say) is
        reported with the id of its application, as the error the history raised.
        """
        decisions = {}
        for application in self.applications:
            try:
                decisions[application.id] = evaluate(application.history, today, rules=rules)
            except (InvalidHistoryError, CalendarError) as error:
                raise type(error)(f"application {application.id!r}: {error}") from error
        return decisions
