"""Every field of the decisions that end or stop the follow-up, reasons and citations included:
mutants that dropped a reason's citation or the stop's fields survived the rule-set tests."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import attrs
from dateutil.relativedelta import TU, WE

import followup_rules as fr
from followup_rules.citations import Citation, Source
from followup_rules.decision import Note, Reason, RuleRef
from followup_rules.effects import DueBy, Effect, NotBefore
from followup_rules.events import Answer, DecisionExpected, FollowUp, Interview
from followup_rules.facts import Facts
from followup_rules.rules import AfterStatedDate, AvoidWeekdays, WaitAfter
from followup_rules.vocabulary import Channel, Outcome, Purpose, Stage, Verdict

US = fr.WorkCalendar("US")
APPLIED = fr.Applied(date(2026, 3, 2))  # a Monday
COMMON = Source("Conventions shared by the five source documents", "followup_rules")


def test_a_definite_answer_is_done_with_the_common_rule_as_its_reason() -> None:
    history = fr.History([APPLIED, Answer(date(2026, 3, 9), verdict=Verdict.FILLED)], calendar=US)
    decision = fr.evaluate(history, date(2026, 3, 10), rules="career-staffing")
    assert decision.action is fr.Action.DONE
    assert (decision.next_date, decision.window_end, decision.purpose) == (None, None, None)
    assert (decision.follow_ups_left, decision.messages_left) == (None, None)
    assert decision.reasons == (
        Reason(
            RuleRef("common", "definite-answer"),
            Citation(
                COMMON,
                "every document follows up until a definite yes or no; a request to stop or a "
                "withdrawal ends it as well",
            ),
            "a definite answer: filled",
            True,
        ),
    )
    assert (decision.guidance, decision.conflicts, decision.timed_by) == ((), (), ())


def test_two_messages_without_a_call_back_stop_with_every_field_set() -> None:
    voicemail = Outcome.VOICEMAIL_LEFT
    history = fr.History(
        [
            APPLIED,
            Interview(date(2026, 3, 5)),
            FollowUp(date(2026, 3, 12), channel=Channel.PHONE, outcome=voicemail),
            FollowUp(date(2026, 3, 19), channel=Channel.PHONE, outcome=voicemail),
        ],
        calendar=US,
    )
    decision = fr.evaluate(history, date(2026, 3, 20), rules="call-back")
    call_back = fr.rulesets.get("call-back")
    assert decision.action is fr.Action.STOP
    assert decision.today == date(2026, 3, 20)
    assert (decision.next_date, decision.window_end, decision.purpose) == (None, None, None)
    assert (decision.channel, decision.time_of_day) == (None, None)
    assert (decision.follow_ups_left, decision.messages_left) == (None, None)
    assert decision.reasons == (
        Reason(
            RuleRef("call-back", "two-messages-max"),
            call_back.rule("two-messages-max").citation,
            "2 messages left without a reply: assume it is a no",
            True,
        ),
    )
    assert decision.guidance[:2] == (
        Note(
            RuleRef("call-back", "ask-for-timeline"),
            "No decision date on record: at the end of an interview, ask when they expect to "
            "decide, and log the answer.",
        ),
        Note(
            RuleRef("call-back", "two-messages-max"),
            "Two messages and no call back: take it that the job went elsewhere, and stay "
            "gracious; you may need these people again.",
        ),
    )
    assert decision.rulesets == (("call-back", "2.0"),)
    assert (decision.conflicts, decision.skipped, decision.timed_by, decision.silent) == (
        (),
        (),
        (),
        (),
    )


def test_a_window_ruled_out_to_its_last_day_names_every_rule_that_ruled_it_out() -> None:
    cite = Citation(Source("A guide", "An author"), "a passage")
    tight = fr.RuleSet(
        "tight",
        [
            WaitAfter("window", stage=Stage.PRE_INTERVIEW, days=1, latest=2, citation=cite),
            AvoidWeekdays("no-tuesday", weekdays=(TU,), citation=cite),
            AvoidWeekdays("no-wednesday", weekdays=(WE,), citation=cite),
        ],
    )
    history = fr.History([APPLIED], calendar=US)
    decision = fr.evaluate(history, date(2026, 3, 2), rules=tight)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 3, 5))
    assert decision.window_end is None
    why = "by Wed 2026-03-04: 2 days after the application, but every day until then is ruled out"
    assert [str(c) for c in decision.conflicts] == [
        f"tight/window vs tight/no-tuesday: {why}",
        f"tight/window vs tight/no-wednesday: {why}",
    ]


def test_a_spent_message_budget_says_to_hang_up_rather_than_leave_another() -> None:
    voicemail = FollowUp(date(2026, 3, 9), channel=Channel.PHONE, outcome=Outcome.VOICEMAIL_LEFT)
    history = fr.History([APPLIED, voicemail], calendar=US)
    decision = fr.evaluate(history, date(2026, 3, 10), rules="career-staffing")
    assert decision.messages_left == 0
    hang_up = "No message left to spend: if you reach voicemail or a gatekeeper, hang up."
    assert [n for n in decision.guidance if n.text == hang_up] == [
        Note(RuleRef("career-staffing", "one-message"), hang_up)
    ]
    reached = FollowUp(date(2026, 3, 9), channel=Channel.PHONE, outcome=Outcome.REACHED)
    later = fr.evaluate(
        fr.History([APPLIED, reached], calendar=US), date(2026, 3, 10), rules="career-staffing"
    )
    assert later.messages_left == 1
    assert hang_up not in [n.text for n in later.guidance]


CITE = Citation(Source("A guide", "An author"), "a passage")
WINDOW = WaitAfter("window", stage=Stage.PRE_INTERVIEW, days=1, latest=2, citation=CITE)


def _decide(rules: fr.RuleSet, today: date, *events: fr.Event) -> fr.Decision:
    return fr.evaluate(fr.History([APPLIED, *events], calendar=US), today, rules=rules)


def test_a_window_due_today_and_ruled_out_today_is_a_conflict() -> None:
    rules = fr.RuleSet(
        "tight", [WINDOW, AvoidWeekdays("no-wednesday", weekdays=(WE,), citation=CITE)]
    )
    decision = _decide(rules, date(2026, 3, 4))
    assert decision.next_date == date(2026, 3, 5)
    assert [str(c) for c in decision.conflicts] == [
        "tight/window vs tight/no-wednesday: by Wed 2026-03-04: 2 days after the application, "
        "but every day until then is ruled out"
    ]


def test_a_window_closed_before_another_rule_opens_names_that_wait() -> None:
    rules = fr.RuleSet("late", [WINDOW, AfterStatedDate("stated", citation=CITE)])
    decision = _decide(
        rules, date(2026, 3, 2), DecisionExpected(date(2026, 3, 2), by=date(2026, 3, 10))
    )
    assert decision.next_date == date(2026, 3, 11)
    assert [str(c) for c in decision.conflicts] == [
        "late/window vs late/stated: by Wed 2026-03-04: 2 days after the application, but not "
        "before Wed 2026-03-11: they named Tue 2026-03-10 for their decision"
    ]


def test_the_earliest_of_two_due_days_closes_the_window() -> None:
    slow = WaitAfter("slow", stage=Stage.PRE_INTERVIEW, days=3, latest=9, citation=CITE)
    quick = WaitAfter("quick", stage=Stage.PRE_INTERVIEW, days=1, latest=4, citation=CITE)
    decision = _decide(fr.RuleSet("two", [slow, quick]), date(2026, 3, 2))
    assert (decision.next_date, decision.window_end) == (date(2026, 3, 5), date(2026, 3, 6))
    assert decision.conflicts == ()


@attrs.frozen
class DueOnly:
    """A house rule with a due day and no wait of its own."""

    id: str
    citation: Citation

    def apply(self, facts: Facts) -> Iterator[Effect]:
        yield DueBy(date(2026, 3, 6), "by Fri 2026-03-06: a deadline of the house")


def test_a_due_day_without_a_wait_of_its_own_still_closes_the_window() -> None:
    decision = _decide(fr.RuleSet("house", [DueOnly("due-only", CITE)]), date(2026, 3, 2))
    assert (decision.next_date, decision.window_end) == (date(2026, 3, 3), date(2026, 3, 6))


def test_a_rejection_ends_with_only_the_parting_advice() -> None:
    history = fr.History(
        [
            APPLIED,
            Interview(date(2026, 3, 5)),
            Answer(date(2026, 3, 9), verdict=Verdict.REJECTED),
        ],
        calendar=US,
    )
    decision = fr.evaluate(history, date(2026, 3, 10), rules="call-back")
    assert decision.action is fr.Action.DONE
    assert decision.guidance == (
        Note(
            RuleRef("call-back", "stay-professional"),
            "Whatever the outcome, even silence or a no, stay professional and never lose your "
            "temper: you may need these people again, so burn no bridges.",
        ),
    )
    assert decision.rulesets == (("call-back", "2.0"),)
    assert decision.silent == ()


def test_a_rule_set_outside_its_scope_is_silent_and_says_so() -> None:
    history = fr.History([APPLIED], calendar=US)
    decision = fr.evaluate(history, date(2026, 3, 3), rules="five-rules")
    assert decision.action is fr.Action.SILENT
    assert decision.today == date(2026, 3, 3)
    assert (decision.rulesets, decision.silent) == ((("five-rules", "2.0"),), ("five-rules",))
    assert [(str(r.ref), r.what, r.binding) for r in decision.reasons] == [
        ("five-rules/scope", "silent: this document covers after an interview only", True)
    ]


def test_a_silent_part_of_a_composition_is_a_reason_aside() -> None:
    history = fr.History([APPLIED], calendar=US)
    decision = fr.evaluate(history, date(2026, 3, 3), rules=["five-rules", "three-by-three"])
    assert decision.action is fr.Action.WAIT
    assert decision.silent == ("five-rules",)
    assert decision.rulesets == (("five-rules", "2.0"), ("three-by-three", "2.0"))
    assert [(str(r.ref), r.binding) for r in decision.reasons][-1] == ("five-rules/scope", False)


@attrs.frozen
class LaterStart(NotBefore):  # type: ignore[misc]  # final to type checkers, allowed at run time
    """An effect of a subclass, as a user's rule may return."""


@attrs.frozen
class WaitTillFriday:
    id: str
    citation: Citation

    def apply(self, facts: Facts) -> Iterator[Effect]:
        yield LaterStart(
            date(2026, 3, 6), "not before Fri 2026-03-06: the house waits", sets_time=True
        )


def test_an_effect_of_a_subclass_counts_as_its_kind() -> None:
    decision = _decide(fr.RuleSet("house", [WaitTillFriday("friday", CITE)]), date(2026, 3, 2))
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 3, 6))
    assert decision.timed_by == (RuleRef("house", "friday"),)


def test_a_spent_budget_without_a_lift_stops_with_every_field_set() -> None:
    from followup_rules.effects import Resource
    from followup_rules.rules import StageBudget

    rules = fr.RuleSet(
        "once", [StageBudget("one-follow-up", resource=Resource.FOLLOW_UPS, citation=CITE)]
    )
    sent = FollowUp(date(2026, 3, 9), channel=Channel.EMAIL, outcome=Outcome.SENT)
    decision = _decide(rules, date(2026, 3, 10), sent)
    assert decision.action is fr.Action.STOP
    assert decision.today == date(2026, 3, 10)
    assert decision.purpose is Purpose.STATUS
    assert decision.reasons == (
        Reason(RuleRef("once", "one-follow-up"), CITE, "0 of 1 follow-ups remain", True),
    )
    assert (decision.guidance, decision.silent) == ((), ())
    assert decision.rulesets == (("once", "1.0"),)
