"""The shared base of the rule-set tests: history builders, decision readers, conformance checks.

Like holidays' ``tests/common.py``: each rule set's test file subclasses
:class:`RuleSetConformance` with its ``ruleset`` so every registered rule set passes the same
checks, then lists its own dated expectations. Dates are real 2026 days on the US calendar
(Veterans Day Wed 11-11, Thanksgiving Thu 11-26, Christmas Fri 12-25, Independence Day observed
Fri 07-03, Labor Day Mon 09-07).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import ClassVar

import attrs
import pytest

import followup_rules as fr
from followup_rules.testing import check_example

__all__ = [
    "COMMON_IDS",
    "SCENARIOS",
    "US",
    "RuleSetConformance",
    "Scenario",
    "applied",
    "away",
    "binding_refs",
    "call",
    "day",
    "decide",
    "email",
    "expects",
    "handwritten_note",
    "history",
    "interview",
    "message_with_person",
    "no_answer",
    "note_refs",
    "notes",
    "prefers",
    "reason_refs",
    "reply",
    "skipped",
    "spelled",
    "thank_you",
    "voicemail",
]

US = fr.WorkCalendar("US")
"""The calendar of every dated case unless a test says otherwise."""

COMMON_IDS = frozenset(
    {"business-days-only", "definite-answer", "not-while-away", "one-contact-a-day"}
)
"""The rules every rule set follows, reported under the rule set name ``common``."""

Day = str | date
Rules = str | fr.RuleSet | fr.Composition | None


def day(value: Day) -> date:
    """``"2026-11-25"`` or a date, as a date."""
    return value if isinstance(value, date) else date.fromisoformat(value)


def spelled(value: Day) -> str:
    """A day as decisions write it, in English whatever the locale: ``Tue 2026-11-17``."""
    on = day(value)
    return f"{('Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun')[on.weekday()]} {on.isoformat()}"


def _on(value: Day | datetime) -> date | datetime:
    return value if isinstance(value, datetime) else day(value)


# -- histories --------------------------------------------------------------------------------


def history(events: Iterable[fr.Event], *, calendar: fr.WorkCalendar = US) -> fr.History:
    return fr.History(list(events), calendar=calendar)


def decide(
    events: Iterable[fr.Event],
    today: Day,
    rules: Rules = None,
    *,
    calendar: fr.WorkCalendar = US,
) -> fr.Decision:
    """The decision on ``today`` for a history of ``events`` (None: all five rule sets)."""
    return fr.evaluate(history(events, calendar=calendar), day(today), rules=rules)


def applied(on: Day) -> fr.Applied:
    return fr.Applied(day(on))


def interview(on: Day, kind: fr.InterviewKind = fr.InterviewKind.JOB) -> fr.Interview:
    return fr.Interview(day(on), kind=kind)


def expects(on: Day, by: Day) -> fr.DecisionExpected:
    """They said on ``on`` that they will decide by ``by``."""
    return fr.DecisionExpected(day(on), by=day(by))


def call(
    on: Day | datetime,
    outcome: fr.Outcome = fr.Outcome.REACHED,
    purpose: fr.Purpose = fr.Purpose.STATUS,
) -> fr.FollowUp:
    return fr.FollowUp(_on(on), channel=fr.Channel.PHONE, outcome=outcome, purpose=purpose)


def voicemail(on: Day | datetime) -> fr.FollowUp:
    return call(on, fr.Outcome.VOICEMAIL_LEFT)


def message_with_person(on: Day | datetime) -> fr.FollowUp:
    return call(on, fr.Outcome.MESSAGE_WITH_PERSON)


def no_answer(on: Day | datetime) -> fr.FollowUp:
    """A call that reached nobody and left nothing."""
    return call(on, fr.Outcome.NO_ANSWER)


def email(on: Day | datetime, purpose: fr.Purpose = fr.Purpose.STATUS) -> fr.FollowUp:
    return fr.FollowUp(_on(on), channel=fr.Channel.EMAIL, outcome=fr.Outcome.SENT, purpose=purpose)


def thank_you(on: Day, channel: fr.Channel = fr.Channel.PHONE) -> fr.FollowUp:
    outcome = fr.Outcome.REACHED if channel is fr.Channel.PHONE else fr.Outcome.SENT
    return fr.FollowUp(day(on), channel=channel, outcome=outcome, purpose=fr.Purpose.THANK_YOU)


def handwritten_note(on: Day) -> fr.FollowUp:
    return thank_you(on, fr.Channel.MAIL)


def reply(on: Day, channel: fr.Channel | None = None) -> fr.Reply:
    return fr.Reply(day(on), channel=channel)


def away(on: Day, until: Day) -> fr.OutOfOffice:
    return fr.OutOfOffice(day(on), until=day(until))


def prefers(on: Day, channel: fr.Channel) -> fr.PrefersChannel:
    return fr.PrefersChannel(day(on), channel=channel)


# -- reading decisions ------------------------------------------------------------------------


def notes(decision: fr.Decision, ref: str) -> list[fr.Note]:
    """The guidance notes given by the rule ``ref`` (``"call-back/script-first"``)."""
    return [note for note in decision.guidance if str(note.ref) == ref]


def note_refs(decision: fr.Decision) -> set[str]:
    return {str(note.ref) for note in decision.guidance}


def reason_refs(decision: fr.Decision) -> set[str]:
    return {str(reason.ref) for reason in decision.reasons}


def binding_refs(decision: fr.Decision) -> set[str]:
    """The rules whose reasons set the answer."""
    return {str(reason.ref) for reason in decision.reasons if reason.binding}


def skipped(decision: fr.Decision) -> dict[date, set[str]]:
    """Each day passed over, with every rule that ruled it out."""
    return {item.day: {str(ref) for ref in item.by} for item in decision.skipped}


# -- conformance ------------------------------------------------------------------------------


@attrs.frozen
class Scenario:
    """A history on the US calendar and the day it is read on."""

    name: str
    events: tuple[fr.Event, ...]
    today: date

    def decide(self, rules: Rules, *, today: Day | None = None) -> fr.Decision:
        return decide(self.events, self.today if today is None else today, rules)


def _scenario(name: str, today: Day, *events: fr.Event) -> Scenario:
    return Scenario(name, events, day(today))


SCENARIOS: tuple[Scenario, ...] = (
    _scenario("applied-today", "2026-11-02", applied("2026-11-02")),
    _scenario("applied-before-veterans-day", "2026-11-05", applied("2026-11-04")),
    _scenario("applied-day-before-thanksgiving", "2026-11-25", applied("2026-11-24")),
    _scenario("read-on-a-saturday", "2026-11-14", applied("2026-11-02")),
    _scenario("read-on-thanksgiving", "2026-11-26", applied("2026-11-16")),
    _scenario(
        "one-call-reached",
        "2026-11-10",
        applied("2026-11-02"),
        call("2026-11-09"),
    ),
    _scenario("interview-today", "2026-11-03", interview("2026-11-03")),
    _scenario(
        "interview-with-deadline",
        "2026-11-04",
        interview("2026-11-03"),
        expects("2026-11-03", "2026-11-06"),
    ),
    _scenario(
        "thanked-then-two-channels-unanswered",
        "2026-11-18",
        interview("2026-11-03"),
        thank_you("2026-11-04"),
        voicemail("2026-11-10"),
        email("2026-11-17"),
    ),
    _scenario(
        "christmas-week",
        "2026-12-21",
        applied("2026-12-01"),
        interview("2026-12-17"),
        thank_you("2026-12-18"),
    ),
    _scenario(
        "independence-day",
        "2026-07-02",
        applied("2026-06-22"),
        interview("2026-06-30"),
        thank_you("2026-07-01"),
    ),
    _scenario(
        "labor-day",
        "2026-09-04",
        applied("2026-08-24"),
        interview("2026-09-01"),
        expects("2026-09-01", "2026-09-04"),
    ),
    _scenario(
        "away-after-interview",
        "2026-11-05",
        interview("2026-11-03"),
        away("2026-11-04", "2026-11-20"),
    ),
    _scenario(
        "replied-by-email",
        "2026-11-20",
        applied("2026-11-02"),
        call("2026-11-09"),
        reply("2026-11-12", fr.Channel.EMAIL),
        prefers("2026-11-12", fr.Channel.EMAIL),
    ),
    _scenario(
        "after-new-year",
        "2026-12-30",
        applied("2026-12-14"),
        email("2026-12-21"),
    ),
)
"""Histories every rule set must answer sensibly: around each holiday, in each stage."""

_IDS = [scenario.name for scenario in SCENARIOS]


class RuleSetConformance:
    """Checks every rule set must pass. Subclass as ``TestConformance`` and set ``ruleset``."""

    ruleset: ClassVar[fr.RuleSet]

    # -- the definition --------------------------------------------------------------------

    def test_is_registered_under_its_name(self) -> None:
        assert fr.rulesets.get(self.ruleset.name) is self.ruleset

    def test_has_a_version_and_a_source(self) -> None:
        assert self.ruleset.version.strip()
        source = self.ruleset.source
        assert source is not None, f"{self.ruleset.name} names no source document"
        assert source.title.strip()
        assert source.author.strip()

    def test_has_rules(self) -> None:
        assert len(self.ruleset.rules) > 0

    def test_every_rule_has_an_id(self) -> None:
        for rule in self.ruleset.rules:
            assert isinstance(rule.id, str)
            assert rule.id.strip(), f"a rule of {self.ruleset.name} has an empty id"
            assert rule.id not in COMMON_IDS, f"{rule.id} repeats a common rule"

    def test_every_rule_cites_the_rule_sets_source(self) -> None:
        for rule in self.ruleset.rules:
            citation = rule.citation
            assert isinstance(citation, fr.Citation), rule.id
            assert citation.source == self.ruleset.source, rule.id
            assert citation.locator.strip(), f"{rule.id} cites no passage"

    # -- the answers -----------------------------------------------------------------------

    @pytest.mark.parametrize("verdict", list(fr.Verdict))
    @pytest.mark.parametrize("scenario", SCENARIOS, ids=_IDS)
    def test_a_definite_answer_is_decided_by_the_common_rule(
        self, scenario: Scenario, verdict: fr.Verdict
    ) -> None:
        answer = fr.Answer(scenario.today, verdict=verdict)
        decision = decide([*scenario.events, answer], scenario.today, self.ruleset)
        assert "common/definite-answer" in binding_refs(decision)

    @pytest.mark.parametrize("scenario", SCENARIOS, ids=_IDS)
    def test_every_invariant_of_the_kit_holds(self, scenario: Scenario) -> None:
        """The invariants are stated once, in ``followup_rules.testing``; every choice is tried."""
        check_example(self.ruleset, history(scenario.events), scenario.today)

    @pytest.mark.parametrize("scenario", SCENARIOS, ids=_IDS)
    def test_no_scenario_is_blocked_or_done(self, scenario: Scenario) -> None:
        decision = scenario.decide(self.ruleset)
        assert decision.action not in (fr.Action.BLOCKED, fr.Action.DONE), decision

    @pytest.mark.parametrize("scenario", SCENARIOS, ids=_IDS)
    def test_silent_outside_its_scope_and_only_there(self, scenario: Scenario) -> None:
        decision = scenario.decide(self.ruleset)
        stage = (
            fr.Stage.POST_INTERVIEW
            if any(isinstance(event, fr.Interview) for event in scenario.events)
            else fr.Stage.PRE_INTERVIEW
        )
        assert (decision.action is fr.Action.SILENT) is (not self.ruleset.covers(stage))
        if decision.action is fr.Action.SILENT:
            assert decision.silent == (self.ruleset.name,)
            assert [str(r.ref) for r in decision.reasons] == [f"{self.ruleset.name}/scope"]

    @pytest.mark.parametrize("scenario", SCENARIOS, ids=_IDS)
    def test_decision_records_the_rule_set_and_its_version(self, scenario: Scenario) -> None:
        decision = scenario.decide(self.ruleset)
        assert decision.rulesets == ((self.ruleset.name, self.ruleset.version),)
        assert decision.today == scenario.today

    @pytest.mark.parametrize("scenario", SCENARIOS, ids=_IDS)
    def test_str_names_the_rule_set(self, scenario: Scenario) -> None:
        text = scenario.decide(self.ruleset).explain()
        assert f"{self.ruleset.name} {self.ruleset.version}" in text

    @pytest.mark.parametrize("scenario", SCENARIOS, ids=_IDS)
    def test_reasons_and_guidance_come_from_its_own_or_common_rules(
        self, scenario: Scenario
    ) -> None:
        decision = scenario.decide(self.ruleset)
        own = {(self.ruleset.name, rule_id) for rule_id in (*self.ruleset.ids, "scope")}
        common = {("common", rule_id) for rule_id in COMMON_IDS}
        refs = [r.ref for r in decision.reasons] + [n.ref for n in decision.guidance]
        refs += [ref for item in decision.skipped for ref in item.by]
        for ref in refs:
            assert (ref.ruleset, ref.rule) in own | common, ref
        for reason in decision.reasons:
            expected = self.ruleset.source if reason.ref.ruleset == self.ruleset.name else None
            if expected is not None:
                assert reason.citation.source == expected, reason
