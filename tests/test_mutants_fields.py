"""The field helpers of the rule primitives: defaults, keyword-only options, what ``repr`` shows
and the exact refusals. They run at import time, so mutmut's forked runs never see their
mutants; mutation/recheck.py runs those in fresh processes, where these tests kill them."""

from __future__ import annotations

import re
from typing import Any

import pytest
from dateutil.relativedelta import FR, MO

from followup_rules.citations import Citation, Source
from followup_rules.effects import Resource
from followup_rules.errors import RuleSetDefinitionError
from followup_rules.rules import (
    AfterStatedDate,
    AskWhetherToContinue,
    AvoidWeekdays,
    Cadence,
    ChangeCourse,
    LiftAfterSilence,
    MinimumGap,
    NotWhileAway,
    StageBudget,
    StopAfterMessages,
    ThankYouAfterInterview,
    WaitAfter,
)
from followup_rules.vocabulary import Channel, InterviewKind, Stage

CITE = Citation(Source("A guide", "An author"), "a passage")


def _refused(message: str, make: Any, /, *args: Any, **kwargs: Any) -> None:
    with pytest.raises(RuleSetDefinitionError, match=f"^{re.escape(message)}$"):
        make(*args, **kwargs)


def test_the_defaults_of_counts_days_channel_and_advice() -> None:
    assert ChangeCourse("c", citation=CITE).after == 2
    ask = AskWhetherToContinue("a", citation=CITE)
    assert (ask.follow_ups, ask.channels) == (2, 2)
    assert StageBudget("b", resource=Resource.FOLLOW_UPS, citation=CITE).limit == 1
    assert StopAfterMessages("s", citation=CITE).limit == 2
    lift = LiftAfterSilence("l", citation=CITE)
    assert (lift.days, lift.advice) == (14, None)
    thanks = ThankYouAfterInterview("t", citation=CITE)
    assert (thanks.business_days, thanks.channel) == (1, None)
    assert AfterStatedDate("d", citation=CITE).days == 1


def test_the_repr_shows_the_timing_not_the_citation_nor_the_advice() -> None:
    rule = Cadence("c", stage=Stage.PRE_INTERVIEW, days=7, advice="Be brief.", citation=CITE)
    assert repr(rule) == (
        "Cadence(id='c', stage=<Stage.PRE_INTERVIEW: 'pre-interview'>, days=7, latest=None, "
        "business=False, interview=None, channel=None)"
    )


@pytest.mark.parametrize(
    "positional",
    [
        lambda: WaitAfter("w", Stage.PRE_INTERVIEW, days=3, citation=CITE),
        lambda: ChangeCourse("c", 3, citation=CITE),
        lambda: ThankYouAfterInterview("t", 1, citation=CITE),
        lambda: LiftAfterSilence("l", 14, "Try again.", citation=CITE),
        lambda: AvoidWeekdays("w", (MO,), citation=CITE),
    ],
)
def test_options_are_keyword_only(positional: Any) -> None:
    with pytest.raises(TypeError):
        positional()


@pytest.mark.parametrize(
    "positional",
    [
        lambda: MinimumGap("g", 7, citation=CITE),
        lambda: StopAfterMessages("s", "Hang up.", citation=CITE),  # type: ignore[arg-type]
        lambda: NotWhileAway("n", CITE),
    ],
    ids=["days without a default", "advice", "citation"],
)
def test_a_field_that_could_come_next_is_still_keyword_only(positional: Any) -> None:
    # Each would be the second positional field if its helper dropped ``kw_only``.
    with pytest.raises(TypeError):
        positional()


def test_days_with_a_default_are_checked_too() -> None:
    _refused(
        "LiftAfterSilence.days is 0: expected a whole number from 1 to 366",
        LiftAfterSilence,
        "l",
        days=0,
        citation=CITE,
    )


def test_the_citation_is_keyword_only_and_must_be_a_citation() -> None:
    with pytest.raises(TypeError):
        StopAfterMessages("s", 2, None, CITE)
    _refused(
        "StopAfterMessages.citation is 'a guide': expected a Citation",
        StopAfterMessages,
        "s",
        citation="a guide",
    )


def test_an_enum_option_names_every_valid_member() -> None:
    _refused(
        "WaitAfter.stage is 'pre-interview': expected one of Stage.PRE_INTERVIEW, "
        "Stage.POST_INTERVIEW",
        WaitAfter,
        "w",
        stage="pre-interview",
        days=3,
        citation=CITE,
    )


def test_an_optional_enum_option_also_takes_none() -> None:
    rule = Cadence("c", stage=Stage.POST_INTERVIEW, days=7, interview=None, citation=CITE)
    assert rule.interview is None
    _refused(
        "Cadence.interview is 'job': expected one of InterviewKind.JOB, "
        "InterviewKind.INFORMATIONAL, InterviewKind.NETWORKING or None",
        Cadence,
        "c",
        stage=Stage.POST_INTERVIEW,
        days=7,
        interview="job",
        citation=CITE,
    )
    assert (
        Cadence(
            "c", stage=Stage.POST_INTERVIEW, days=7, interview=InterviewKind.JOB, citation=CITE
        ).interview
        is InterviewKind.JOB
    )


def test_a_channel_option_takes_a_channel_or_none() -> None:
    assert ChangeCourse("c", channel=Channel.EMAIL, citation=CITE).channel is Channel.EMAIL
    _refused(
        "ChangeCourse.channel is 'email': expected a Channel or None",
        ChangeCourse,
        "c",
        channel="email",
        citation=CITE,
    )


@pytest.mark.parametrize("advice", ["", "   ", 3])
def test_advice_is_none_or_non_empty_text(advice: object) -> None:
    _refused(
        f"LiftAfterSilence.advice is {advice!r}: expected non-empty text",
        LiftAfterSilence,
        "l",
        advice=advice,
        citation=CITE,
    )


@pytest.mark.parametrize("days", [0, 367, True, 7.0])
def test_days_are_a_whole_number_from_1_to_366(days: object) -> None:
    _refused(
        f"WaitAfter.days is {days!r}: expected a whole number from 1 to 366",
        WaitAfter,
        "w",
        stage=Stage.PRE_INTERVIEW,
        days=days,
        citation=CITE,
    )


def test_the_limits_of_days_and_counts_are_allowed() -> None:
    assert WaitAfter("w", stage=Stage.PRE_INTERVIEW, days=1, citation=CITE).days == 1
    assert WaitAfter("w", stage=Stage.PRE_INTERVIEW, days=366, citation=CITE).days == 366
    assert ThankYouAfterInterview("t", business_days=366, citation=CITE).business_days == 366
    assert StageBudget("b", resource=Resource.MESSAGES, limit=100, citation=CITE).limit == 100
    assert ChangeCourse("c", after=1, citation=CITE).after == 1


@pytest.mark.parametrize("count", [0, 101, False])
def test_counts_are_a_whole_number_from_1_to_100(count: object) -> None:
    _refused(
        f"StageBudget.limit is {count!r}: expected a whole number from 1 to 100",
        StageBudget,
        "b",
        resource=Resource.MESSAGES,
        limit=count,
        citation=CITE,
    )


def test_ids_are_lower_case_slugs() -> None:
    _refused(
        "ChangeCourse.id is 'Change course': expected a lower-case slug such as 'wait-a-week'",
        ChangeCourse,
        "Change course",
        citation=CITE,
    )


def test_weekdays_are_converted_to_sorted_distinct_days() -> None:
    assert AvoidWeekdays("w", weekdays=(FR, MO, FR), citation=CITE).weekdays == (MO, FR)
