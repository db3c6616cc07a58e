"""The budget rules: what counting contacts leads to."""

from __future__ import annotations

from datetime import date

import pytest

import followup_rules as fr
from followup_rules.citations import Citation, Source
from followup_rules.rules import StopAfterMessages

US = fr.WorkCalendar("US")
CITE = Citation(Source("Test rules", "the tests"), "a passage")
VOICEMAIL = fr.Outcome.VOICEMAIL_LEFT


def _two_voicemails() -> fr.History:
    return fr.History(
        [
            fr.Interview(date(2026, 11, 2)),
            fr.FollowUp(date(2026, 11, 10), channel=fr.Channel.PHONE, outcome=VOICEMAIL),
            fr.FollowUp(date(2026, 11, 17), channel=fr.Channel.PHONE, outcome=VOICEMAIL),
        ],
        calendar=US,
    )


@pytest.mark.parametrize(
    ("advice", "notes"),
    [(None, []), ("Take it as a no.", ["Take it as a no."])],
    ids=["without advice", "with advice"],
)
def test_unanswered_messages_up_to_the_limit_stop_with_the_advice_given_if_any(
    advice: str | None, notes: list[str]
) -> None:
    rules = fr.RuleSet("two-messages", [StopAfterMessages("two", advice=advice, citation=CITE)])
    decision = fr.evaluate(_two_voicemails(), date(2026, 11, 18), rules=rules)
    assert decision.action is fr.Action.STOP
    assert [(str(r.ref), r.what, r.binding) for r in decision.reasons] == [
        ("two-messages/two", "2 messages left without a reply: assume it is a no", True)
    ]
    assert [n.text for n in decision.guidance if n.ref.ruleset == "two-messages"] == notes


def test_below_the_limit_the_messages_left_are_counted_and_no_advice_is_given() -> None:
    rules = fr.RuleSet(
        "two-messages", [StopAfterMessages("two", advice="Take it as a no.", citation=CITE)]
    )
    one_voicemail = _two_voicemails().until(date(2026, 11, 10))
    decision = fr.evaluate(one_voicemail, date(2026, 11, 12), rules=rules)
    assert decision.action is fr.Action.FOLLOW_UP
    assert decision.messages_left == 1
    assert decision.guidance == ()
