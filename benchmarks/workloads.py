"""The library's own workloads: a realistic mix of histories in the full event vocabulary.

Seeded, so every process of a run (and every run) times the same histories.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import followup_rules as fr

__all__ = ["US", "large_rule_set", "mix"]

COACH = Path(__file__).resolve().parent.parent / "examples" / "my-coach.toml"
"""The how-to's rule set in TOML: its rules are copied to make a large one."""

US = fr.WorkCalendar("US")

_GAPS = (1, 0, 2, 3, 5, 7, 7, 8, 10, 14, 21, 4, 6, 9, 11, 15, 30)
_NEXT = ("follow-up",) * 4 + ("reply",) * 2 + ("interview", "decision-expected", "away", "prefers")
_ENDINGS = ("answer", "answer", "asked-to-stop", "withdrew")
_PURPOSES = (
    fr.Purpose.STATUS,
    fr.Purpose.STATUS,
    fr.Purpose.THANK_YOU,
    fr.Purpose.ASK_WHETHER_TO_CONTINUE,
)


def _event(rng: random.Random, day: date, kind: str) -> fr.Event:
    if kind == "follow-up":
        return fr.FollowUp(
            day,
            channel=rng.choice(list(fr.Channel)),
            outcome=rng.choice(list(fr.Outcome)),
            purpose=rng.choice(_PURPOSES),
        )
    if kind == "reply":
        return fr.Reply(day, channel=rng.choice([*fr.Channel, None]))
    if kind == "interview":
        return fr.Interview(day, kind=rng.choice(list(fr.InterviewKind)))
    if kind == "decision-expected":
        return fr.DecisionExpected(day, by=day + timedelta(days=rng.randrange(31)))
    if kind == "away":
        return fr.OutOfOffice(day, until=day + timedelta(days=rng.randrange(22)))
    if kind == "prefers":
        return fr.PrefersChannel(day, channel=rng.choice(list(fr.Channel)))
    if kind == "answer":
        return fr.Answer(day, verdict=rng.choice(list(fr.Verdict)))
    return fr.AskedToStop(day) if kind == "asked-to-stop" else fr.Withdrew(day)


def _history(rng: random.Random, count: int, first: date) -> fr.History:
    day = first
    events: list[fr.Event] = [fr.Applied(day)]
    while len(events) < count:
        day += timedelta(days=rng.choice(_GAPS))
        ending = rng.randrange(40) == 0
        event = _event(rng, day, rng.choice(_ENDINGS if ending else _NEXT))
        events.append(event)
        if ending:
            break
    return fr.History(events, calendar=US)


def mix(
    count: int,
    *,
    seed: int,
    start: date = date(2024, 1, 1),
    end: date = date(2027, 12, 31),
) -> list[tuple[fr.History, date]]:
    """``count`` histories of 1 to 12 events of every kind, each with the day it is decided on.

    An application opens each; follow-ups (every channel, outcome and purpose), replies,
    interviews, named dates, absences and stated preferences follow days apart, and now and
    then an answer, a request to stop or a withdrawal ends it. Today is the last event's day or
    up to a month later.
    """
    rng = random.Random(seed)
    span = (end - start).days
    found = []
    for _ in range(count):
        history = _history(rng, rng.randint(1, 12), start + timedelta(days=rng.randrange(span)))
        last = history.events[-1].on
        assert isinstance(last, date)
        found.append(
            (history, last + timedelta(days=rng.choice((rng.randrange(22), rng.randrange(31)))))
        )
    return found


def _longer(n: int) -> Callable[[re.Match[str]], str]:
    """``days = 5`` a few days longer for copy ``n``, and a window's end (``latest``) after it."""

    def longer(found: re.Match[str]) -> str:
        extra = n % 7 + (3 if found[1] == "latest" else 0)
        return f"{found[1]} = {int(found[2]) + extra}"

    return longer


def large_rule_set(count: int = 200) -> fr.RuleSet:
    """A TOML rule set of ``count`` rules: the coach's rules again and again, each copy with
    its own id and its waits, windows and gaps a few days longer (its exclusions alike)."""
    head, _, body = COACH.read_text(encoding="utf-8").partition("[[rules]]")
    blocks = ["[[rules]]" + block for block in body.split("[[rules]]")]
    copies = []
    for n in range(count):
        block = blocks[n % len(blocks)]
        block = re.sub(r'^id = "([^"]+)"', rf'id = "\1-{n}"', block, flags=re.M)
        copies.append(re.sub(r"^(days|latest) = (\d+)", _longer(n), block, flags=re.M))
    text = head.replace('name = "my-coach"', f'name = "coach-{count}"') + "".join(copies)
    return fr.rulesets.loads(text)
