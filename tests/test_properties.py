"""The invariants of the rules and of their composition, stated as hypothesis properties.

Each test name is the invariant. Histories come from ``followup_rules.testing``; the profile
(``ci`` by default, ``thorough`` for ten thousand examples) is chosen in ``conftest.py``.
"""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import attrs
from hypothesis import assume, given
from hypothesis import strategies as st

import followup_rules as fr
from followup_rules import engine
from followup_rules.rulesets import registry
from followup_rules.testing import calendars, check_example, days_after, histories

NAMES = fr.rulesets.names()
SCHEDULED = (fr.Action.FOLLOW_UP, fr.Action.WAIT)

rule_choices = st.one_of(
    st.none(),
    st.sampled_from(NAMES),
    st.lists(st.sampled_from(NAMES), min_size=2, max_size=4, unique=True).map("+".join),
)
"""None (all five composed), one rule set, or a composition of a few."""


def _answer(decision: fr.Decision) -> tuple[object, ...]:
    """What a user acts on: everything but the explanation's wording."""
    return (
        decision.action,
        decision.next_date,
        decision.purpose,
        decision.channel,
        decision.time_of_day,
        decision.window_end,
        decision.follow_ups_left,
        decision.messages_left,
    )


@given(st.data(), histories(), rule_choices)
def test_every_invariant_of_the_conformance_kit_holds(
    data: st.DataObject, history: fr.History, rules: str | None
) -> None:
    """Each invariant is stated once, in ``followup_rules.testing.INVARIANTS``; here the kit
    checks the built-in rule sets and compositions of them, hypothesis drawing each choice."""
    today = data.draw(days_after(history), label="today")
    check_example(fr.rulesets.resolve(rules), history, today, data=data)


@given(st.data(), histories(), st.sampled_from(list(fr.Verdict)), rule_choices)
def test_a_definite_answer_gets_only_call_backs_parting_advice_after_an_interview(
    data: st.DataObject, history: fr.History, verdict: fr.Verdict, rules: str | None
) -> None:
    today = data.draw(days_after(history), label="today")
    answered = fr.History(
        [*history.events, fr.Answer(today, verdict=verdict)], calendar=history.calendar
    )
    decision = fr.evaluate(answered, today, rules=rules)
    parting = {"call-back/stay-professional"}
    speaks = rules is None or "call-back" in rules.split("+")
    after_interview = any(isinstance(event, fr.Interview) for event in history.events)
    expected = parting if speaks and after_interview and verdict.turned_down else set()
    assert {str(note.ref) for note in decision.guidance} == expected


@given(st.data(), histories(), rule_choices)
def test_a_call_that_reached_nobody_changes_nothing(
    data: st.DataObject, history: fr.History, rules: str | None
) -> None:
    today = data.draw(days_after(history), label="today")
    rang = fr.FollowUp(today, channel=fr.Channel.PHONE, outcome=fr.Outcome.NO_ANSWER)
    with_ring = fr.History([*history.events, rang], calendar=history.calendar)
    assert fr.evaluate(with_ring, today, rules=rules) == fr.evaluate(history, today, rules=rules)


@given(st.data(), histories(), st.permutations(NAMES))
def test_composition_is_commutative(
    data: st.DataObject, history: fr.History, order: list[str]
) -> None:
    """Resolving the parts' effects in any order gives the same answer.

    A composition keeps its parts sorted by name, so ``a + b`` and ``b + a`` are one object;
    this resolves the parts in a drawn order instead, so an order-dependent resolution shows.
    Only the choice among channels the documents merely suggest follows the (sorted) order.
    """
    today = data.draw(days_after(history), label="today")
    count = data.draw(st.integers(2, len(order)), label="parts")
    prepared = registry.prepare(registry.resolve(order[:count]))
    shuffled = attrs.evolve(prepared, parts=tuple(reversed(prepared.parts)))
    one = engine.decide(history, today, prepared)
    other = engine.decide(history, today, shuffled)
    assert _answer(one)[:2] + _answer(one)[4:] == _answer(other)[:2] + _answer(other)[4:]
    assert one.purpose is other.purpose
    assert set(one.timed_by) == set(other.timed_by)
    assert set(one.conflicts) == set(other.conflicts)
    assert {(s.day, frozenset(s.by)) for s in one.skipped} == {
        (s.day, frozenset(s.by)) for s in other.skipped
    }
    assert set(one.reasons) == set(other.reasons)


@given(st.data(), histories(), st.sampled_from(NAMES), st.sampled_from(NAMES))
def test_adding_a_rule_set_never_allows_an_earlier_day(
    data: st.DataObject, history: fr.History, first: str, second: str
) -> None:
    today = data.draw(days_after(history), label="today")
    alone = fr.evaluate(history, today, rules=first)
    both = fr.evaluate(history, today, rules=f"{first}+{second}")
    if alone.action in (fr.Action.DONE, fr.Action.STOP):
        assert both.action is alone.action or both.action is fr.Action.DONE
        return
    assume(both.purpose is alone.purpose and both.action in SCHEDULED)
    assert alone.next_date is not None
    assert both.next_date is not None
    assert both.next_date >= alone.next_date


@given(st.data(), histories(), st.lists(st.sampled_from(NAMES), min_size=2, unique=True))
def test_a_day_the_composition_proposes_is_allowed_by_every_part(
    data: st.DataObject, history: fr.History, names: list[str]
) -> None:
    today = data.draw(days_after(history), label="today")
    composed = fr.evaluate(history, today, rules="+".join(names))
    assume(composed.action in SCHEDULED and composed.next_date is not None)
    assert composed.next_date is not None
    for name in names:
        part = fr.evaluate(history, composed.next_date, rules=name)
        if part.purpose is composed.purpose:
            assert part.action is fr.Action.FOLLOW_UP, (name, part)


@given(st.data(), histories(min_events=2))
def test_replaying_a_past_day_sees_only_what_was_known_then(
    data: st.DataObject, history: fr.History
) -> None:
    days = [day for day, _ in history.dated()]
    past = data.draw(st.sampled_from(days[:-1]), label="past day")
    known = [event for day, event in history.dated() if day <= past]
    replayed = fr.evaluate(history.until(past), past)
    assert replayed == fr.evaluate(fr.History(known, calendar=history.calendar), past)


@given(st.data(), histories())
def test_every_reason_cites_its_rule_sets_source(data: st.DataObject, history: fr.History) -> None:
    today = data.draw(days_after(history), label="today")
    decision = fr.evaluate(history, today)
    for reason in decision.reasons:
        if reason.ref.ruleset != "common":
            assert reason.citation.source == fr.rulesets.get(reason.ref.ruleset).source
        assert reason.ref.rule in _ids(reason.ref.ruleset)
    binding = [reason for reason in decision.reasons if reason.binding]
    if decision.action is fr.Action.WAIT:
        assert binding, "a wait must say which rule holds it back"


def _ids(name: str) -> set[str]:
    if name == "common":
        return {"business-days-only", "definite-answer", "not-while-away", "one-contact-a-day"}
    ruleset = fr.rulesets.get(name)
    return set(ruleset.ids) | ({"scope"} if ruleset.scope is not None else set())


def _stage(history: fr.History) -> fr.Stage:
    if any(isinstance(event, fr.Interview) for event in history.events):
        return fr.Stage.POST_INTERVIEW
    return fr.Stage.PRE_INTERVIEW


@given(st.data(), histories(), rule_choices)
def test_a_silent_rule_set_never_changes_a_composition(
    data: st.DataObject, history: fr.History, rules: str | None
) -> None:
    today = data.draw(days_after(history), label="today")
    names = list(NAMES) if rules is None else rules.split("+")
    stage = _stage(history)
    speaking = [name for name in names if fr.rulesets.get(name).covers(stage)]
    assume(speaking and len(speaking) < len(names))
    composed = fr.evaluate(history, today, rules=names)
    alone = fr.evaluate(history, today, rules=speaking)
    assert _answer(composed) == _answer(alone)
    assert composed.timed_by == alone.timed_by
    assert composed.skipped == alone.skipped
    assert set(composed.silent) == set(names) - set(speaking)


@given(st.data(), histories())
def test_outside_every_scope_the_answer_is_silent_and_undated(
    data: st.DataObject, history: fr.History
) -> None:
    today = data.draw(days_after(history), label="today")
    silent = [name for name in NAMES if not fr.rulesets.get(name).covers(_stage(history))]
    assume(silent)
    decision = fr.evaluate(history, today, rules=silent)
    if decision.action is not fr.Action.DONE:
        assert decision.action is fr.Action.SILENT
        assert (decision.next_date, decision.purpose, decision.timed_by) == (None, None, ())


ASSUMED = st.sampled_from([None, *(o for o in fr.Outcome if o is not fr.Outcome.NO_ANSWER)])


@given(st.data(), histories(max_events=6), st.sampled_from([None, *NAMES]), ASSUMED)
def test_a_plan_holds_only_timed_contacts_a_week_apart(
    data: st.DataObject, history: fr.History, rules: str | None, assumed: fr.Outcome | None
) -> None:
    """No built-in plan holds two status contacts less than a week apart: no rule of the five
    documents spaces status contacts closer than that, and untimed contacts are never planned."""
    today = data.draw(days_after(history), label="today")
    plan = fr.plan(history, today, rules=rules, assume=assumed, until=today + timedelta(days=120))
    assert all(contact.timed_by for contact in plan.contacts)
    status = [c.on for c in plan.contacts if c.purpose is not fr.Purpose.THANK_YOU]
    assert all(
        later - earlier >= timedelta(days=7) for earlier, later in itertools.pairwise(status)
    )


@given(calendars(), st.dates(date(2024, 1, 1), date(2027, 12, 20)), st.integers(0, 30))
def test_the_thank_you_falls_on_the_business_day_after_the_interview(
    calendar: fr.WorkCalendar, interview: date, waited: int
) -> None:
    """In the default composition too: the weekday and holiday rules of the other documents
    concern status follow-ups, never the next-day thank-you."""
    history = fr.History(
        [fr.Applied(interview - timedelta(days=waited)), fr.Interview(interview)],
        calendar=calendar,
    )
    decision = fr.evaluate(history, interview)
    assert decision.purpose is fr.Purpose.THANK_YOU
    assert decision.next_date == calendar.next_business_day(interview)
    assert decision.window_end == decision.next_date
    assert decision.conflicts == ()


@given(st.data(), histories(), rule_choices)
def test_every_skipped_day_lies_between_today_and_the_answer(
    data: st.DataObject, history: fr.History, rules: str | None
) -> None:
    today = data.draw(days_after(history), label="today")
    decision = fr.evaluate(history, today, rules=rules)
    end = decision.next_date or date.max
    for item in decision.skipped:
        assert today <= item.day < end
        assert item.by, item
    assert [item.day for item in decision.skipped] == sorted(
        {item.day for item in decision.skipped}
    )


CONTACT_OUTCOMES = [outcome for outcome in fr.Outcome if outcome is not fr.Outcome.NO_ANSWER]


@given(st.data(), histories(), rule_choices)
def test_moving_today_forward_never_moves_the_proposed_day_earlier(
    data: st.DataObject, history: fr.History, rules: str | None
) -> None:
    today = data.draw(days_after(history), label="today")
    later = today + timedelta(days=data.draw(st.integers(1, 60), label="days later"))
    first = fr.evaluate(history, today, rules=rules)
    second = fr.evaluate(history, later, rules=rules)
    assume(first.action in SCHEDULED and second.action in SCHEDULED)
    assert first.next_date is not None
    assert second.next_date is not None
    assert second.next_date >= first.next_date


@given(st.data(), histories(), rule_choices)
def test_budgets_are_never_exceeded(
    data: st.DataObject, history: fr.History, rules: str | None
) -> None:
    today = data.draw(days_after(history), label="today")
    decision = fr.evaluate(history, today, rules=rules)
    for left in (decision.follow_ups_left, decision.messages_left):
        assert left is None or left >= 0
    lifted = {str(note.ref) for note in decision.guidance} & {"career-staffing/silence-frees-calls"}
    if decision.action is fr.Action.FOLLOW_UP and decision.follow_ups_left == 0:
        assert lifted, "a spent follow-up budget allows a contact only once silence lifts it"


@given(st.data(), histories())
def test_call_back_never_schedules_a_contact_after_two_messages(
    data: st.DataObject, history: fr.History
) -> None:
    today = data.draw(days_after(history), label="today")
    decision = fr.evaluate(history, today, rules="call-back")
    if decision.action in SCHEDULED:
        assert decision.messages_left is not None
        assert decision.messages_left >= 1


@given(
    calendars(),
    st.dates(date(2024, 1, 1), date(2027, 6, 30)),
    st.integers(1, 30),
    st.integers(0, 30),
)
def test_business_day_offsets_add_up(
    calendar: fr.WorkCalendar, start: date, first: int, second: int
) -> None:
    step = calendar.add_business_days(start, first)
    assert calendar.add_business_days(step, second) == calendar.add_business_days(
        start, first + second
    )
    assert calendar.is_business_day(step)
