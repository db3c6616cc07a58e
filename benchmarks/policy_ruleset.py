"""P as a rule set of this library, built from its primitives, with each rule's citation."""

from __future__ import annotations

from collections.abc import Iterable

from dateutil.relativedelta import FR, MO, SA, SU
from policy import (
    ANSWER,
    APPLIED,
    DECISION_EXPECTED,
    FOLLOW_UP,
    INTERVIEW,
    REPLY,
    Answer,
    PEvent,
)

import followup_rules as fr
from followup_rules.rules import (
    AfterStatedDate,
    AvoidHolidayBorders,
    AvoidWeekdays,
    MinimumGap,
    StopAfterMessages,
    WaitAfter,
)

__all__ = ["POLICY", "answer_of", "history_of"]

_SOURCE = fr.Source("Speed and scale: the reference policy P", "followup_rules issue 5")


def _cite(passage: str) -> fr.Citation:
    return fr.Citation(_SOURCE, passage)


POLICY = fr.RuleSet(
    "policy-p",
    [
        WaitAfter(
            "week-after-applying",
            stage=fr.Stage.PRE_INTERVIEW,
            days=7,
            citation=_cite("last applied + 7 days"),
        ),
        WaitAfter(
            "week-after-interview",
            stage=fr.Stage.POST_INTERVIEW,
            days=7,
            citation=_cite("last interview + 7 days"),
        ),
        AfterStatedDate("after-named-date", days=1, citation=_cite("named date + 1 day")),
        MinimumGap("week-after-follow-up", days=7, citation=_cite("last follow-up + 7 days")),
        StopAfterMessages(
            "stop-after-two",
            limit=2,
            citation=_cite("follow-ups after the last reply >= 2: STOP"),
        ),
        AvoidWeekdays(
            "tuesday-to-thursday",
            weekdays=(MO, FR, SA, SU),
            citation=_cite("a Tuesday, Wednesday or Thursday"),
        ),
        AvoidHolidayBorders(
            "not-next-to-a-holiday",
            citation=_cite("not a holiday, and not next to one (day before or after)"),
        ),
    ],
    source=_SOURCE,
)
"""P in the library's terms; the common rules add DONE on an answer and business days only."""

_BOUNDS = {
    "week-after-applying": "applied",
    "week-after-interview": "interview",
    "after-named-date": "named-date",
    "week-after-follow-up": "follow-up",
    "definite-answer": "answer",
    "stop-after-two": "follow-ups",
}
_ACTIONS = {
    fr.Action.FOLLOW_UP: "follow-up",
    fr.Action.WAIT: "wait",
    fr.Action.STOP: "stop",
    fr.Action.BLOCKED: "stop",
    fr.Action.DONE: "done",
}


def _event(event: PEvent) -> fr.Event:
    day, kind, channel, named = event
    if kind == FOLLOW_UP:
        # P counts every follow-up since the last reply; in the library that is a message left.
        outcome = (
            fr.Outcome.VOICEMAIL_LEFT if channel == "phone" else fr.Outcome.MESSAGE_WITH_PERSON
        )
        return fr.FollowUp(day, channel=fr.Channel(channel), outcome=outcome)
    if kind == REPLY:
        return fr.Reply(day, channel=None if channel is None else fr.Channel(channel))
    if kind == DECISION_EXPECTED:
        assert named is not None
        return fr.DecisionExpected(day, by=named)
    if kind == INTERVIEW:
        return fr.Interview(day)
    if kind == ANSWER:
        return fr.Answer(day, verdict=fr.Verdict.REJECTED)
    assert kind == APPLIED
    return fr.Applied(day)


def history_of(events: Iterable[PEvent], calendar: fr.WorkCalendar) -> fr.History:
    """P's events as the library's history."""
    return fr.History([_event(event) for event in events], calendar=calendar)


def answer_of(decision: fr.Decision) -> Answer:
    """A decision in P's terms: the action, the day, and the bounds among its binding reasons."""
    bounds = sorted(
        _BOUNDS[r.ref.rule] for r in decision.reasons if r.binding and r.ref.rule in _BOUNDS
    )
    return (_ACTIONS[decision.action], decision.next_date, tuple(bounds))
