"""Every name a person types is checked one way: the places that take a slug agree on it."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

import followup_rules as fr
from followup_rules import CheckKind, MessageCheck
from followup_rules.citations import Citation, Source
from followup_rules.rules import Advice
from followup_rules.tracker import Application

CITE = Citation(Source("A title", "An author"), "a passage")
HISTORY = fr.History([fr.Applied(date(2026, 11, 2))], calendar=fr.WorkCalendar("US"))
SRC = Path(fr.__file__).parent

SLUGS = ["a", "7", "acme", "wait-a-week", "rule-2", "a-b-c", "x1-y2"]
NOT_SLUGS = ["", "-a", "a-", "a--b", "Acme", "a_b", "a b", "café", "a\n", "a.b", "\u0661"]

PLACES: dict[str, Callable[[str], object]] = {
    "rule id": lambda name: Advice(name, text="Say thank you.", citation=CITE),
    "rule-set name": lambda name: fr.RuleSet(name, [Advice("a", text="Hi.", citation=CITE)]),
    "message check id": lambda name: MessageCheck(
        name, kind=CheckKind.AVOID, problem="p", patterns=["x"], citation=CITE
    ),
    "application id": lambda name: Application(name, HISTORY),
}


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("name", SLUGS)
def test_every_place_takes_a_slug(place: str, name: str) -> None:
    PLACES[place](name)


@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("name", NOT_SLUGS)
def test_every_place_refuses_what_is_not_a_slug(place: str, name: str) -> None:
    with pytest.raises(fr.FollowupError, match="slug"):
        PLACES[place](name)


def test_the_slug_form_is_written_once() -> None:
    # The pattern lives in _checks.py alone; every other module asks ``is_slug``.
    written = [
        path.relative_to(SRC).as_posix()
        for path in sorted(SRC.rglob("*.py"))
        if re.search(r"\[a-z0-9\]\+\(\?:-", path.read_text(encoding="utf-8"))
    ]
    assert written == ["_checks.py"]


def test_a_refused_parameter_is_named_apart_from_the_message() -> None:
    from followup_rules.rules import AvoidWeekdays, WaitAfter

    with pytest.raises(fr.RuleSetDefinitionError) as refused:
        WaitAfter("wait", days=0, stage=fr.Stage.PRE_INTERVIEW, citation=CITE)
    assert (refused.value.field, str(refused.value)) == (
        "days",
        "WaitAfter.days is 0: expected a whole number from 1 to 366",
    )
    with pytest.raises(fr.RuleSetDefinitionError) as refused:
        AvoidWeekdays("never", weekdays=(), citation=CITE)
    assert refused.value.field == "weekdays"
    with pytest.raises(fr.RuleSetDefinitionError) as refused:
        fr.RuleSet("Mine", [Advice("a", text="Hi.", citation=CITE)])
    assert refused.value.field is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (fr.Channel.EMAIL, fr.Channel.EMAIL),
        ("email", fr.Channel.EMAIL),
        ("EMAIL", None),
        ("Email", None),
        (" email", None),
        (fr.Purpose.THANK_YOU, None),
        (None, None),
        (1, None),
    ],
)
def test_a_vocabulary_value_is_read_one_way(value: object, expected: object) -> None:
    from followup_rules._checks import member_of

    assert member_of(fr.Channel, value) is expected
