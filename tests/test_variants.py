"""Variants: ``without``, ``only`` and ``with_params`` derive new rule sets, dated and composed."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import followup_rules as fr
from followup_rules.citations import Citation, Source
from followup_rules.effects import Effect, Guidance
from followup_rules.rules import Cadence, MinimumGap
from followup_rules.ruleset import MAX_DERIVED_NAME
from followup_rules.testing import days_after, histories

US = fr.WorkCalendar("US")
RIGHT_CHANGES = fr.rulesets.get("right-changes")
THREE_BY_THREE = fr.rulesets.get("three-by-three")
NO_HOLIDAY_RULE = RIGHT_CHANGES.without("not-next-to-holiday")
FIVE_TO_EIGHT = THREE_BY_THREE.with_params("weekly-until-answer", days=5, latest=8)

APPLIED = fr.History([fr.Applied(date(2026, 11, 2))], calendar=US)
"""Applied on Monday 2 November 2026, nothing heard: the case of right-changes' page."""


def _thanked(interview: date, thanks: date, *later: fr.Event) -> fr.History:
    """Interviewed, then thanked by phone and by a mailed note on ``thanks``."""
    return fr.History(
        [
            fr.Interview(interview),
            fr.FollowUp(
                thanks,
                channel=fr.Channel.PHONE,
                outcome=fr.Outcome.REACHED,
                purpose=fr.Purpose.THANK_YOU,
            ),
            fr.FollowUp(
                thanks,
                channel=fr.Channel.MAIL,
                outcome=fr.Outcome.SENT,
                purpose=fr.Purpose.THANK_YOU,
            ),
            *later,
        ],
        calendar=US,
    )


def _when(
    history: fr.History, today: date, rules: fr.RuleSet | fr.Composition
) -> tuple[fr.Action, date | None, date | None]:
    decision = fr.evaluate(history, today, rules=rules)
    return decision.action, decision.next_date, decision.window_end


# -- without ----------------------------------------------------------------------------------


def test_without_drops_the_rule_and_keeps_name_stem_version_and_source() -> None:
    assert NO_HOLIDAY_RULE.name == "right-changes-without-not-next-to-holiday"
    assert NO_HOLIDAY_RULE.ids == (
        "seeker-owns-follow-up",
        "respect-their-timeline",
        "no-monday-friday",
        "preferred-channel",
        "no-blame",
    )
    assert NO_HOLIDAY_RULE.version == RIGHT_CHANGES.version == "2.0"
    assert NO_HOLIDAY_RULE.source is RIGHT_CHANGES.source
    assert NO_HOLIDAY_RULE.business_days_only is RIGHT_CHANGES.business_days_only
    assert NO_HOLIDAY_RULE.rule("no-monday-friday") is RIGHT_CHANGES.rule("no-monday-friday")


def test_the_original_is_never_changed() -> None:
    assert "not-next-to-holiday" in RIGHT_CHANGES.ids
    assert fr.rulesets.get("right-changes") is RIGHT_CHANGES
    original = THREE_BY_THREE.rule("weekly-until-answer")
    assert isinstance(original, Cadence)
    assert original == Cadence(
        "weekly-until-answer",
        stage=fr.Stage.POST_INTERVIEW,
        days=7,
        latest=10,
        interview=fr.InterviewKind.JOB,
        channel=fr.Channel.PHONE,
        advice=original.advice,
        citation=original.citation,
    )


def test_without_the_holiday_rule_the_veterans_day_week_opens() -> None:
    # On Monday 9 November right-changes passes over the whole week of Veterans Day; without
    # its holiday rule only the Monday itself, and Wednesday 11 (the holiday), stay out.
    assert _when(APPLIED, date(2026, 11, 9), RIGHT_CHANGES)[:2] == (
        fr.Action.WAIT,
        date(2026, 11, 17),
    )
    decision = fr.evaluate(APPLIED, date(2026, 11, 9), rules=NO_HOLIDAY_RULE)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 11, 10))
    assert [str(skipped) for skipped in decision.skipped] == [
        "Mon 2026-11-09: right-changes-without-not-next-to-holiday/no-monday-friday"
    ]
    assert decision.rulesets == (("right-changes-without-not-next-to-holiday", "2.0"),)


def test_without_the_holiday_rule_the_days_around_veterans_day_and_thanksgiving_are_open() -> None:
    for today in (date(2026, 11, 10), date(2026, 11, 12), date(2026, 11, 25)):
        assert _when(APPLIED, today, NO_HOLIDAY_RULE) == (fr.Action.FOLLOW_UP, today, None)
    assert _when(APPLIED, date(2026, 11, 11), NO_HOLIDAY_RULE)[:2] == (
        fr.Action.WAIT,
        date(2026, 11, 12),
    )
    assert _when(APPLIED, date(2026, 11, 25), RIGHT_CHANGES)[:2] == (
        fr.Action.WAIT,
        date(2026, 12, 1),
    )


def test_without_several_rules_names_them_in_the_rule_sets_order() -> None:
    variant = RIGHT_CHANGES.without("not-next-to-holiday", "no-monday-friday")
    assert variant.name == "right-changes-without-no-monday-friday-not-next-to-holiday"
    assert _when(APPLIED, date(2026, 11, 9), variant) == (
        fr.Action.FOLLOW_UP,
        date(2026, 11, 9),
        None,
    )


def test_a_given_name_replaces_the_derived_one() -> None:
    variant = RIGHT_CHANGES.without("not-next-to-holiday", name="right-changes-holidays-ok")
    assert variant.name == "right-changes-holidays-ok"
    assert variant.ids == NO_HOLIDAY_RULE.ids


# -- only -------------------------------------------------------------------------------------


def test_only_keeps_the_rules_named_in_the_rule_sets_order() -> None:
    variant = RIGHT_CHANGES.only("no-blame", "no-monday-friday")
    assert variant.name == "right-changes-only-no-monday-friday-no-blame"
    assert variant.ids == ("no-monday-friday", "no-blame")
    assert variant.source is RIGHT_CHANGES.source
    decision = fr.evaluate(APPLIED, date(2026, 11, 9), rules=variant)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 11, 10))
    assert [note.ref.rule for note in decision.guidance] == ["no-blame"]


def test_only_one_timing_rule_of_three_by_three_before_an_interview() -> None:
    # Applied Tuesday 24 November: three business days skip Thanksgiving and the weekend.
    applied = fr.History([fr.Applied(date(2026, 11, 24))], calendar=US)
    variant = THREE_BY_THREE.only("three-business-days")
    assert variant.name == "three-by-three-only-three-business-days"
    decision = fr.evaluate(applied, date(2026, 11, 24), rules=variant)
    assert (decision.action, decision.next_date, decision.guidance) == (
        fr.Action.WAIT,
        date(2026, 11, 30),
        (),
    )


# -- with_params ------------------------------------------------------------------------------


def test_with_params_rebuilds_one_rule_and_names_the_variant_after_it() -> None:
    assert FIVE_TO_EIGHT.name == "three-by-three-custom-weekly-until-answer"
    assert FIVE_TO_EIGHT.ids == THREE_BY_THREE.ids
    assert repr(FIVE_TO_EIGHT.rule("weekly-until-answer")) == (
        "Cadence(id='weekly-until-answer', stage=<Stage.POST_INTERVIEW: 'post-interview'>, "
        "days=5, latest=8, business=False, interview=<InterviewKind.JOB: 'job'>, "
        "channel=<Channel.PHONE: 'phone'>)"
    )
    assert FIVE_TO_EIGHT.rule("weekly-until-answer").citation == (
        THREE_BY_THREE.rule("weekly-until-answer").citation
    )
    for rule_id in THREE_BY_THREE.ids[:-1]:
        assert FIVE_TO_EIGHT.rule(rule_id) is THREE_BY_THREE.rule(rule_id)


def test_a_five_to_eight_day_cadence_after_the_december_interview() -> None:
    # Interviewed Thursday 10 December, thanked on Friday 11: the week-to-ten-days window
    # (Fri 18 to Mon 21) becomes five to eight days, Wed 16 to Sat 19, whose last business
    # day is Fri 18: a window never ends on a day no contact is allowed.
    history = _thanked(date(2026, 12, 10), date(2026, 12, 11))
    today = date(2026, 12, 11)
    assert _when(history, today, THREE_BY_THREE) == (
        fr.Action.WAIT,
        date(2026, 12, 18),
        date(2026, 12, 21),
    )
    assert _when(history, today, FIVE_TO_EIGHT) == (
        fr.Action.WAIT,
        date(2026, 12, 16),
        date(2026, 12, 18),
    )
    # Reached on Wednesday 16, still no answer: Monday 21 to Christmas Eve, a working day.
    called = fr.FollowUp(date(2026, 12, 16), channel=fr.Channel.PHONE, outcome=fr.Outcome.REACHED)
    later = _thanked(date(2026, 12, 10), date(2026, 12, 11), called)
    assert _when(later, date(2026, 12, 16), FIVE_TO_EIGHT) == (
        fr.Action.WAIT,
        date(2026, 12, 21),
        date(2026, 12, 24),
    )


def test_a_five_to_eight_day_cadence_reaches_the_day_before_thanksgiving() -> None:
    # Interviewed Thursday 19 November, thanked Friday 20: day five is Wednesday 25, the day
    # before Thanksgiving; day eight a Saturday, so the window's last day is Friday 27.
    # three-by-three itself waits for Friday 27.
    history = _thanked(date(2026, 11, 19), date(2026, 11, 20))
    assert _when(history, date(2026, 11, 20), FIVE_TO_EIGHT) == (
        fr.Action.WAIT,
        date(2026, 11, 25),
        date(2026, 11, 27),
    )
    assert _when(history, date(2026, 11, 20), THREE_BY_THREE) == (
        fr.Action.WAIT,
        date(2026, 11, 27),
        date(2026, 11, 30),
    )
    assert _when(history, date(2026, 11, 25), FIVE_TO_EIGHT)[:2] == (
        fr.Action.FOLLOW_UP,
        date(2026, 11, 25),
    )


def test_with_params_can_change_an_enum_and_a_flag() -> None:
    variant = THREE_BY_THREE.with_params(
        "three-business-days", name="three-by-three-by-email", channel=fr.Channel.EMAIL
    )
    applied = fr.History([fr.Applied(date(2026, 11, 24))], calendar=US)
    assert fr.evaluate(applied, date(2026, 11, 24), rules=variant).channel is fr.Channel.EMAIL
    calendar_days = THREE_BY_THREE.with_params("three-business-days", business=False)
    assert _when(applied, date(2026, 11, 24), calendar_days)[:2] == (
        fr.Action.WAIT,
        date(2026, 11, 27),
    )


def test_variants_chain_and_their_names_grow() -> None:
    variant = RIGHT_CHANGES.without("no-blame").with_params("respect-their-timeline", days=3)
    assert variant.name == "right-changes-without-no-blame-custom-respect-their-timeline"
    assert variant.rule("respect-their-timeline").days == 3  # type: ignore[attr-defined]


def test_dropping_a_lift_makes_a_variant_stricter_not_looser() -> None:
    # career-staffing's one call is spent on Monday 9 November; silence-frees-calls lifts the
    # limit two weeks later. Without it the spent call has no lift, and the rule set stops.
    history = fr.History(
        [
            fr.Applied(date(2026, 11, 2)),
            fr.FollowUp(date(2026, 11, 9), channel=fr.Channel.PHONE, outcome=fr.Outcome.REACHED),
        ],
        calendar=US,
    )
    career_staffing = fr.rulesets.get("career-staffing")
    variant = career_staffing.without("silence-frees-calls")
    assert _when(history, date(2026, 11, 10), career_staffing) == (
        fr.Action.WAIT,
        date(2026, 11, 23),
        None,
    )
    assert _when(history, date(2026, 11, 10), variant) == (fr.Action.STOP, None, None)
    assert _when(history, date(2026, 11, 10), career_staffing + variant)[0] is fr.Action.STOP


# -- composing and comparing with the parent --------------------------------------------------


def test_a_variant_composes_with_its_parent_and_the_parent_narrows_it() -> None:
    both = RIGHT_CHANGES + NO_HOLIDAY_RULE
    assert both.name == "right-changes+right-changes-without-not-next-to-holiday"
    decision = fr.evaluate(APPLIED, date(2026, 11, 9), rules=both)
    assert (decision.action, decision.next_date) == (fr.Action.WAIT, date(2026, 11, 17))
    assert decision.rulesets == (
        ("right-changes", "2.0"),
        ("right-changes-without-not-next-to-holiday", "2.0"),
    )
    assert _when(APPLIED, date(2026, 11, 9), both) == _when(
        APPLIED, date(2026, 11, 9), RIGHT_CHANGES
    )


def test_two_variants_of_one_rule_need_names_of_their_own_to_compose() -> None:
    six_to_nine = THREE_BY_THREE.with_params("weekly-until-answer", days=6, latest=9)
    with pytest.raises(
        fr.RuleSetDefinitionError, match="three-by-three-custom-weekly-until-answer"
    ):
        FIVE_TO_EIGHT + six_to_nine
    renamed = THREE_BY_THREE.with_params(
        "weekly-until-answer", name="six-to-nine", days=6, latest=9
    )
    history = _thanked(date(2026, 12, 10), date(2026, 12, 11))
    # The later opening (Thu 17) and the earlier closing (Sat 19, so Fri 18, the last
    # business day) of the two windows.
    assert _when(history, date(2026, 12, 11), FIVE_TO_EIGHT + renamed) == (
        fr.Action.WAIT,
        date(2026, 12, 17),
        date(2026, 12, 18),
    )


def test_compare_shows_parent_and_variant_side_by_side() -> None:
    comparison = fr.compare(APPLIED, date(2026, 11, 9), rules=[RIGHT_CHANGES, NO_HOLIDAY_RULE])
    assert [row.ruleset for row in comparison.rows] == [
        "right-changes",
        "right-changes-without-not-next-to-holiday",
    ]
    assert comparison.row("right-changes").decision.next_date == date(2026, 11, 17)
    assert comparison.row(NO_HOLIDAY_RULE.name).decision.next_date == date(2026, 11, 10)
    assert "next date" in comparison.disagreements
    assert "action" not in comparison.disagreements


# -- properties -------------------------------------------------------------------------------


def _answer(decision: fr.Decision) -> tuple[object, ...]:
    return (
        decision.action,
        decision.next_date,
        decision.purpose,
        decision.channel,
        decision.window_end,
        decision.follow_ups_left,
        decision.messages_left,
    )


PARENTS = list(fr.rulesets.BUILT_IN)


@given(st.data(), histories(), st.sampled_from(PARENTS))
def test_a_rule_set_composed_with_a_renamed_copy_decides_as_the_rule_set(
    data: st.DataObject, history: fr.History, parent: fr.RuleSet
) -> None:
    today = data.draw(days_after(history), label="today")
    copy = parent.only(*parent.ids, name="the-copy")
    assert _answer(fr.evaluate(history, today, rules=parent + copy)) == _answer(
        fr.evaluate(history, today, rules=parent)
    )


@given(st.data(), histories(), st.sampled_from(PARENTS))
def test_only_every_rule_decides_as_the_rule_set(
    data: st.DataObject, history: fr.History, parent: fr.RuleSet
) -> None:
    today = data.draw(days_after(history), label="today")
    decision = fr.evaluate(history, today, rules=parent.only(*parent.ids, name="every-rule"))
    assert _answer(decision) == _answer(fr.evaluate(history, today, rules=parent))


# -- bad input --------------------------------------------------------------------------------


@attrs.frozen
class _Plain:
    """A rule of a user's own whose id is not a slug, which the Rule protocol allows."""

    id: str
    citation: Citation

    def apply(self, facts: fr.Facts) -> Iterable[Effect]:
        return [Guidance("Be kind.")]


class _NotAttrs:
    id = "not-attrs"
    citation = Citation(Source("A title", "An author"), "a passage")

    def apply(self, facts: fr.Facts) -> Iterable[Effect]:
        return ()


CITE = Citation(Source("A title", "An author"), "a passage")
ODD = fr.RuleSet("odd", [_Plain("Odd Id", CITE), _NotAttrs()])
LONG = fr.RuleSet("long-rules", [MinimumGap("g" * 70, days=3, citation=CITE), _NotAttrs()])

BAD: list[tuple[str, Callable[[], object], type[fr.FollowupError], tuple[str, ...]]] = [
    (
        "without an unknown rule id",
        lambda: RIGHT_CHANGES.without("no-holidays"),
        fr.UnknownRuleSetError,
        ("'no-holidays'", "not-next-to-holiday", "no-monday-friday"),
    ),
    (
        "only an unknown rule id",
        lambda: RIGHT_CHANGES.only("no-blame", "no-weekends"),
        fr.UnknownRuleSetError,
        ("'no-weekends'", "seeker-owns-follow-up"),
    ),
    (
        "with_params of an unknown rule id",
        lambda: THREE_BY_THREE.with_params("weekly", days=5),
        fr.UnknownRuleSetError,
        ("'weekly'", "weekly-until-answer"),
    ),
    (
        "an unknown parameter",
        lambda: THREE_BY_THREE.with_params("weekly-until-answer", weeks=1),
        fr.RuleSetDefinitionError,
        (
            "'weeks'",
            "Cadence",
            "stage, days, latest, business, interview, channel, advice, citation",
        ),
    ),
    (
        "the id is not a parameter",
        lambda: THREE_BY_THREE.with_params("weekly-until-answer", id="weekly"),
        fr.RuleSetDefinitionError,
        ("'id'", "days, latest"),
    ),
    (
        "with_params of nothing",
        lambda: THREE_BY_THREE.with_params("weekly-until-answer"),
        fr.RuleSetDefinitionError,
        ("changes nothing", "days, latest"),
    ),
    (
        "a closing day before the opening day",
        lambda: THREE_BY_THREE.with_params("weekly-until-answer", days=5, latest=4),
        fr.RuleSetDefinitionError,
        ("Cadence.latest is 4", "from 5 to 366"),
    ),
    (
        "a cadence of no days",
        lambda: THREE_BY_THREE.with_params("weekly-until-answer", days=0),
        fr.RuleSetDefinitionError,
        ("Cadence.days is 0", "from 1 to 366"),
    ),
    (
        "a wait longer than a year",
        lambda: THREE_BY_THREE.with_params("three-business-days", days=400),
        fr.RuleSetDefinitionError,
        ("WaitAfter.days is 400",),
    ),
    (
        "a channel that is not a Channel",
        lambda: THREE_BY_THREE.with_params("weekly-until-answer", channel="phone"),
        fr.RuleSetDefinitionError,
        ("Cadence.channel is 'phone'", "Channel"),
    ),
    (
        "with_params of a rule that is not an attrs class",
        lambda: ODD.with_params("not-attrs", text="x"),
        fr.RuleSetDefinitionError,
        ("'not-attrs'", "_NotAttrs", "not an attrs class"),
    ),
    (
        "only() of nothing",
        lambda: RIGHT_CHANGES.only(),
        fr.RuleSetDefinitionError,
        ("right-changes.only()", "at least one rule id", "no-blame"),
    ),
    (
        "without() of nothing",
        lambda: RIGHT_CHANGES.without(),
        fr.RuleSetDefinitionError,
        ("right-changes.without()", "at least one rule id"),
    ),
    (
        "without every rule",
        lambda: RIGHT_CHANGES.only("no-blame", "no-monday-friday").without(
            "no-monday-friday", "no-blame"
        ),
        fr.RuleSetDefinitionError,
        ("no-monday-friday, no-blame", "no rules", "keep at least one"),
    ),
    (
        "a rule id given twice",
        lambda: RIGHT_CHANGES.without("no-blame", "no-blame"),
        fr.RuleSetDefinitionError,
        ("'no-blame' twice",),
    ),
    (
        "a variant named as its parent",
        lambda: RIGHT_CHANGES.without("no-blame", name="right-changes"),
        fr.RuleSetDefinitionError,
        ("'right-changes'", "a name of its own"),
    ),
    (
        "a variant name that is not a slug",
        lambda: RIGHT_CHANGES.without("no-blame", name="Right Changes"),
        fr.RuleSetDefinitionError,
        ("'Right Changes'", "slug"),
    ),
    (
        "a default name from a rule id that is not a slug",
        lambda: ODD.without("Odd Id"),
        fr.RuleSetDefinitionError,
        ("'odd-without-Odd Id'", "pass name="),
    ),
    (
        "a default name too long",
        lambda: LONG.without("g" * 70),
        fr.RuleSetDefinitionError,
        ("long-rules-without-ggg", f"at most {MAX_DERIVED_NAME} characters", "pass name="),
    ),
]


@pytest.mark.parametrize(
    ("make", "error", "named"), [case[1:] for case in BAD], ids=[case[0] for case in BAD]
)
def test_a_bad_variant_raises_a_typed_error_naming_the_value(
    make: Callable[[], object], error: type[fr.FollowupError], named: tuple[str, ...]
) -> None:
    with pytest.raises(error) as raised:
        make()
    for text in named:
        assert text in str(raised.value)


def test_a_rule_that_is_not_an_attrs_class_can_still_be_dropped_or_kept() -> None:
    assert ODD.without("Odd Id", name="odd-plain").ids == ("not-attrs",)
    assert LONG.without("g" * 70, name="long-rules-short").ids == ("not-attrs",)
    assert ODD.only("not-attrs").name == "odd-only-not-attrs"
