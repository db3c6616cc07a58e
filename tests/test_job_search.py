"""A job seeker who follows the decisions day by day for months, as a hypothesis state machine.

Time passes; the seeker makes the contact the rules propose on the day they propose it, with
an outcome drawn at random; the employer replies, goes away, interviews and at last answers,
at random. After every step the decision on that day keeps the library's promises, and the
history replayed from scratch, in any order, gives the same decision.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

import followup_rules as fr
from followup_rules.testing import calendars

NAMES = fr.rulesets.names()
LAST_DAY = date(2027, 12, 1)
"""Well inside the holiday data of every calendar the machine draws."""

OUTCOMES = st.sampled_from([o for o in fr.Outcome if o is not fr.Outcome.NO_ANSWER])
RULES = st.one_of(st.none(), st.sampled_from(NAMES), st.permutations(NAMES).map(lambda n: n[:2]))


class JobSearch(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.events: list[fr.Event] = []
        self.today = date(2026, 1, 1)
        self.calendar = fr.WorkCalendar("US")
        self.chosen: str | list[str] | None = None
        self.ended = False

    @initialize(
        calendar=calendars(time_zones=False, closed_dates=False),
        start=st.dates(date(2025, 1, 1), date(2026, 12, 31)),
        rules=RULES,
    )
    def apply(self, calendar: fr.WorkCalendar, start: date, rules: str | list[str] | None) -> None:
        self.calendar, self.today, self.chosen = calendar, start, rules
        self.events = [fr.Applied(start)]

    def decision(self) -> fr.Decision:
        history = fr.History(self.events, calendar=self.calendar)
        return fr.evaluate(history, self.today, rules=self.chosen)

    @precondition(lambda self: self.today < LAST_DAY)
    @rule(days=st.integers(1, 12))
    def time_passes(self, days: int) -> None:
        self.today = min(self.today + timedelta(days=days), LAST_DAY)

    @precondition(lambda self: self.today < LAST_DAY)
    @rule()
    def wait_for_the_proposed_day(self) -> None:
        proposed = self.decision().next_date
        if proposed is not None and proposed <= LAST_DAY:
            self.today = proposed

    @rule(outcome=OUTCOMES)
    def follow_up_when_told(self, outcome: fr.Outcome) -> None:
        decision = self.decision()
        if decision.action is not fr.Action.FOLLOW_UP:
            return
        channel = decision.channel or fr.Channel.PHONE
        if outcome in (fr.Outcome.VOICEMAIL_LEFT, fr.Outcome.MESSAGE_WITH_PERSON):
            channel = fr.Channel.PHONE
        elif outcome is fr.Outcome.SENT and channel is fr.Channel.PHONE:
            channel = fr.Channel.EMAIL
        purpose = decision.purpose or fr.Purpose.STATUS
        self.events.append(
            fr.FollowUp(self.today, channel=channel, outcome=outcome, purpose=purpose)
        )
        after = self.decision()
        moved = after.next_date is None or after.next_date > self.today
        assert moved, f"logging the proposed contact left {after.next_date} proposed"

    @precondition(lambda self: not self.ended)
    @rule(channel=st.sampled_from([None, *fr.Channel]))
    def they_reply(self, channel: fr.Channel | None) -> None:
        self.events.append(fr.Reply(self.today, channel=channel))

    @precondition(lambda self: not self.ended)
    @rule(kind=st.sampled_from(fr.InterviewKind), named=st.one_of(st.none(), st.integers(0, 14)))
    def they_interview(self, kind: fr.InterviewKind, named: int | None) -> None:
        self.events.append(fr.Interview(self.today, kind=kind))
        if named is not None:
            by = self.today + timedelta(days=named)
            self.events.append(fr.DecisionExpected(self.today, by=by))

    @precondition(lambda self: not self.ended)
    @rule(days=st.integers(0, 20))
    def they_are_away(self, days: int) -> None:
        self.events.append(fr.OutOfOffice(self.today, until=self.today + timedelta(days=days)))

    @precondition(lambda self: not self.ended)
    @rule(verdict=st.sampled_from(fr.Verdict))
    def they_answer(self, verdict: fr.Verdict) -> None:
        self.events.append(fr.Answer(self.today, verdict=verdict))
        self.ended = True

    @invariant()
    def the_decision_keeps_its_promises(self) -> None:
        if not self.events:
            return
        decision = self.decision()
        scheduled = decision.action in (fr.Action.FOLLOW_UP, fr.Action.WAIT)
        assert (decision.next_date is not None) is scheduled
        if decision.next_date is not None:
            assert decision.next_date >= self.today
            assert self.calendar.is_business_day(decision.next_date)
            assert (decision.action is fr.Action.FOLLOW_UP) is (decision.next_date == self.today)
        if decision.action is fr.Action.SILENT:
            assert (decision.purpose, decision.timed_by, decision.guidance) == (None, (), ())
        if decision.timed_by:
            assert scheduled
        assert (decision.action is fr.Action.DONE) is self.ended

    @invariant()
    def the_history_replayed_in_any_order_decides_the_same(self) -> None:
        if not self.events:
            return
        shuffled = list(self.events)
        random.Random(len(shuffled)).shuffle(shuffled)
        replayed = fr.History(shuffled, calendar=self.calendar)
        assert fr.evaluate(replayed, self.today, rules=self.chosen) == self.decision()


_PROFILE = settings()
JobSearch.TestCase.settings = settings(
    _PROFILE, stateful_step_count=30, max_examples=max(10, _PROFILE.max_examples // 3)
)
test_a_job_search_followed_day_by_day = JobSearch.TestCase
