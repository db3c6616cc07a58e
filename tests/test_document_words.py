"""Document content stays in the rule sets: every note a decision gives is a rule's own words.

Resolution places the notes and writes none: a note's text is a text field of the rule it
cites (an advice, a budget's advice once spent), so a document's wording changes in its module.
"""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import attrs
from hypothesis import given
from hypothesis import strategies as st

import followup_rules as fr
from followup_rules import resolution
from followup_rules.rulesets import common
from followup_rules.testing import days_after, histories


def _words(rule: object) -> set[str]:
    """The text fields of a rule: what it may say in a note."""
    kind = type(rule)
    assert attrs.has(kind)
    values = (getattr(rule, field.name) for field in attrs.fields(kind))
    return {value for value in values if isinstance(value, str)}


WORDS = {
    fr.RuleRef(part.name, rule.id): _words(rule)
    for name in fr.rulesets.names()
    for part in [fr.rulesets.get(name)]
    for rule in part.rules
}
WORDS |= {
    fr.RuleRef(common.NAME, rule.id): _words(rule) for rule in common.rules(business_days_only=True)
}


@given(data=st.data(), history=histories(), name=st.sampled_from(fr.rulesets.names()))
def test_every_note_is_the_words_of_the_rule_it_cites(
    data: st.DataObject, history: fr.History, name: str
) -> None:
    today = data.draw(days_after(history), label="today")
    for note in fr.evaluate(history, today, rules=name).guidance:
        assert note.text in WORDS[note.ref], note


def test_the_spent_message_note_is_career_staffings_rule() -> None:
    events: list[fr.Event] = [
        fr.Applied(date(2026, 11, 2)),
        fr.FollowUp(date(2026, 11, 9), channel=fr.Channel.PHONE, outcome=fr.Outcome.VOICEMAIL_LEFT),
    ]
    decision = fr.evaluate(
        fr.History(events, calendar=fr.WorkCalendar("US")),
        date(2026, 11, 10),
        rules="career-staffing",
    )
    rule = fr.rulesets.get("career-staffing").rule("one-message")
    assert [note for note in decision.guidance if note.ref.rule == "one-message"] == [
        fr.Note(
            fr.RuleRef("career-staffing", "one-message"),
            "No message left to spend: if you reach voicemail or a gatekeeper, hang up.",
        )
    ]
    assert decision.guidance[-1].text in _words(rule)


def test_resolution_holds_no_words_of_a_document() -> None:
    tree = ast.parse(Path(resolution.__file__).read_text(encoding="utf-8"))
    strings = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    ]
    every = set().union(*WORDS.values())
    assert [text for text in strings if text in every or "hang up" in text] == []
