"""Exact effects of the rule primitives, reason texts included: each test kills mutants that the
rule-set level tests let survive (mutation/REPORT.md lists them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime

import attrs

import followup_rules as fr
from followup_rules.citations import Citation, Source
from followup_rules.effects import (
    AvoidTimesOfDay,
    Budget,
    Done,
    DueBy,
    Effect,
    ExcludeDates,
    ExcludeHolidayBorders,
    Guidance,
    LiftBudgets,
    NotBefore,
    PreferChannel,
    ProposePurpose,
    Resource,
    Stop,
)
from followup_rules.events import (
    Answer,
    AskedToStop,
    DecisionExpected,
    Event,
    FollowUp,
    Interview,
    OutOfOffice,
    PrefersChannel,
    Reply,
    Withdrew,
)
from followup_rules.rules import (
    Advice,
    AfterStatedDate,
    AskWhetherToContinue,
    AvoidHolidayBorders,
    Cadence,
    ChangeCourse,
    EndOnDefiniteAnswer,
    LiftAfterSilence,
    MinimumGap,
    PreferredChannel,
    Rule,
    StageBudget,
    StopAfterMessages,
    ThankYouAfterInterview,
    WaitAfter,
    When,
)
from followup_rules.vocabulary import (
    Channel,
    InterviewKind,
    Outcome,
    Purpose,
    Stage,
    TimeOfDay,
    Verdict,
)

US = fr.WorkCalendar("US")
CITE = Citation(Source("A guide", "An author"), "a passage")
APPLIED = fr.Applied(date(2026, 3, 2))  # a Monday


def _effects(rule: Rule, events: Sequence[Event], today: date) -> list[Effect]:
    history = fr.History([APPLIED, *events], calendar=US)
    return list(rule.apply(history.facts(today)))


def _at(day: int, hour: int) -> datetime:
    # The calendar names no time zone, so the hour is read as given.
    return datetime(2026, 3, day, hour, tzinfo=UTC)


def test_preferred_channel_names_their_stated_channel() -> None:
    rule = PreferredChannel("ask", citation=CITE)
    effects = _effects(
        rule, [PrefersChannel(date(2026, 3, 3), channel=Channel.PHONE)], date(2026, 3, 4)
    )
    assert effects == [PreferChannel(Channel.PHONE, "they asked to be reached by phone", firm=True)]


def test_change_course_after_two_unanswered_morning_emails() -> None:
    rule = ChangeCourse(
        "change", after=2, channel=Channel.PHONE, citation=CITE, advice="Reword it, later."
    )
    sent = [
        FollowUp(_at(9, 9), channel=Channel.EMAIL, outcome=Outcome.SENT),
        FollowUp(_at(16, 10), channel=Channel.EMAIL, outcome=Outcome.SENT),
    ]
    assert _effects(rule, sent[:1], date(2026, 3, 17)) == []
    assert _effects(rule, sent, date(2026, 3, 17)) == [
        AvoidTimesOfDay(
            frozenset({TimeOfDay.MORNING}), "unanswered in the morning: try another time"
        ),
        PreferChannel(Channel.PHONE, "2 follow-ups unanswered: change course, by phone"),
        Guidance("Reword it, later."),
    ]


def test_change_course_lists_every_time_of_day_tried_in_order() -> None:
    rule = ChangeCourse("change", after=2, citation=CITE)
    sent = [
        FollowUp(_at(9, 18), channel=Channel.EMAIL, outcome=Outcome.SENT),
        FollowUp(_at(16, 14), channel=Channel.EMAIL, outcome=Outcome.SENT),
    ]
    effects = _effects(rule, sent, date(2026, 3, 17))
    assert effects[0] == AvoidTimesOfDay(
        frozenset({TimeOfDay.AFTERNOON, TimeOfDay.EVENING}),
        "unanswered in the afternoon, evening: try another time",
    )
    assert len(effects) == 1  # no channel to change to, no advice of a document


def test_ask_whether_to_continue_after_two_channels_and_only_once() -> None:
    rule = AskWhetherToContinue(
        "ask", follow_ups=2, channels=2, citation=CITE, advice="Ask whether to stop."
    )
    tried = [
        FollowUp(date(2026, 3, 9), channel=Channel.EMAIL, outcome=Outcome.SENT),
        FollowUp(date(2026, 3, 16), channel=Channel.PHONE, outcome=Outcome.VOICEMAIL_LEFT),
    ]
    assert _effects(rule, tried, date(2026, 3, 17)) == [
        ProposePurpose(
            Purpose.ASK_WHETHER_TO_CONTINUE, "2 follow-ups through 2 channels unanswered"
        ),
        Guidance("Ask whether to stop."),
    ]
    asked = FollowUp(
        date(2026, 3, 23),
        channel=Channel.EMAIL,
        outcome=Outcome.SENT,
        purpose=Purpose.ASK_WHETHER_TO_CONTINUE,
    )
    assert _effects(rule, [*tried, asked], date(2026, 3, 30)) == []


def test_ask_whether_to_continue_needs_the_second_channel() -> None:
    rule = AskWhetherToContinue("ask", follow_ups=2, channels=2, citation=CITE)
    emails = [
        FollowUp(date(2026, 3, 9), channel=Channel.EMAIL, outcome=Outcome.SENT),
        FollowUp(date(2026, 3, 16), channel=Channel.EMAIL, outcome=Outcome.SENT),
    ]
    assert _effects(rule, emails, date(2026, 3, 17)) == []


def test_each_ending_has_its_own_reason() -> None:
    rule = EndOnDefiniteAnswer("end", citation=CITE)
    day = date(2026, 3, 9)
    assert _effects(rule, [Answer(day, verdict=Verdict.FILLED)], day) == [
        Done("a definite answer: filled")
    ]
    assert _effects(rule, [AskedToStop(day)], day) == [
        Done("they asked you to stop contacting them")
    ]
    assert _effects(rule, [Withdrew(day)], day) == [Done("you withdrew")]
    assert _effects(rule, [], day) == []


def test_advice_after_a_rejection_is_given_on_the_end_only_when_turned_down() -> None:
    rule = Advice(
        "part", text="Thank them anyway.", when=When.UNANSWERED, after_rejection=True, citation=CITE
    )
    day = date(2026, 3, 9)
    assert _effects(rule, [Answer(day, verdict=Verdict.REJECTED)], day) == [
        Guidance("Thank them anyway.", on_end=True)
    ]
    assert _effects(rule, [Answer(day, verdict=Verdict.OFFER)], day) == []
    unanswered = [FollowUp(day, channel=Channel.EMAIL, outcome=Outcome.SENT)]
    assert _effects(rule, unanswered, date(2026, 3, 10)) == [Guidance("Thank them anyway.")]
    assert _effects(rule, [Reply(day)], date(2026, 3, 10)) == []


def test_advice_without_after_rejection_is_not_given_once_turned_down() -> None:
    rule = Advice("part", text="Keep it short.", citation=CITE)
    day = date(2026, 3, 9)
    assert _effects(rule, [Answer(day, verdict=Verdict.REJECTED)], day) == [
        Guidance("Keep it short.")
    ]


JOB_INTERVIEW = Interview(date(2026, 3, 5), kind=InterviewKind.JOB)  # a Thursday
MEETING = Interview(date(2026, 3, 5), kind=InterviewKind.INFORMATIONAL)
THANKS = frozenset({Purpose.THANK_YOU})


def _email(day: date) -> FollowUp:
    return FollowUp(day, channel=Channel.EMAIL, outcome=Outcome.SENT)


def test_wait_after_counts_business_days_to_a_window() -> None:
    rule = WaitAfter(
        "wait",
        stage=Stage.PRE_INTERVIEW,
        days=5,
        latest=7,
        business=True,
        channel=Channel.EMAIL,
        citation=CITE,
    )
    assert _effects(rule, [], date(2026, 3, 3)) == [
        NotBefore(
            date(2026, 3, 9),
            "not before Mon 2026-03-09: 5 business days after the application",
            sets_time=True,
        ),
        DueBy(date(2026, 3, 11), "by Wed 2026-03-11: 7 business days after the application"),
        PreferChannel(Channel.EMAIL, "follow up by email"),
    ]


def test_wait_after_met_on_its_last_day_no_longer_times_nor_closes() -> None:
    rule = WaitAfter(
        "wait", stage=Stage.PRE_INTERVIEW, days=5, latest=7, business=True, citation=CITE
    )
    assert _effects(rule, [_email(date(2026, 3, 9))], date(2026, 3, 10)) == [
        NotBefore(
            date(2026, 3, 9), "not before Mon 2026-03-09: 5 business days after the application"
        )
    ]


def test_wait_after_says_day_for_one_and_days_for_two() -> None:
    rule = WaitAfter("wait", stage=Stage.PRE_INTERVIEW, days=1, latest=2, citation=CITE)
    assert _effects(rule, [], date(2026, 3, 2)) == [
        NotBefore(
            date(2026, 3, 3),
            "not before Tue 2026-03-03: 1 day after the application",
            sets_time=True,
        ),
        DueBy(date(2026, 3, 4), "by Wed 2026-03-04: 2 days after the application"),
    ]


def _cadence() -> Cadence:
    return Cadence(
        "cadence",
        stage=Stage.POST_INTERVIEW,
        interview=InterviewKind.JOB,
        days=5,
        latest=7,
        business=True,
        channel=Channel.PHONE,
        advice="Ask about the timeline.",
        citation=CITE,
    )


def test_cadence_after_a_job_interview_counts_from_the_interview() -> None:
    assert _effects(_cadence(), [JOB_INTERVIEW], date(2026, 3, 6)) == [
        NotBefore(
            date(2026, 3, 12),
            "not before Thu 2026-03-12: 5 business days after the interview",
            sets_time=True,
        ),
        DueBy(date(2026, 3, 16), "by Mon 2026-03-16: 7 business days after the interview"),
        PreferChannel(Channel.PHONE, "follow up by phone"),
    ]


def test_cadence_counts_from_the_last_contact_and_advises_once_there_is_one() -> None:
    events: list[Event] = [JOB_INTERVIEW, _email(date(2026, 3, 12))]
    assert _effects(_cadence(), events, date(2026, 3, 13)) == [
        NotBefore(
            date(2026, 3, 19),
            "not before Thu 2026-03-19: 5 business days after the last contact",
            sets_time=True,
        ),
        DueBy(date(2026, 3, 23), "by Mon 2026-03-23: 7 business days after the last contact"),
        PreferChannel(Channel.PHONE, "follow up by phone"),
        Guidance("Ask about the timeline."),
    ]


def test_cadence_for_job_interviews_skips_an_informational_meeting() -> None:
    assert _effects(_cadence(), [MEETING], date(2026, 3, 6)) == []


def test_cadence_in_calendar_days_before_the_interview() -> None:
    rule = Cadence("cadence", stage=Stage.PRE_INTERVIEW, days=7, citation=CITE)
    assert _effects(rule, [], date(2026, 3, 3)) == [
        NotBefore(
            date(2026, 3, 9),
            "not before Mon 2026-03-09: 7 days after the application",
            sets_time=True,
        )
    ]


def test_minimum_gap_counts_from_the_last_follow_up() -> None:
    rule = MinimumGap("gap", days=7, citation=CITE)
    assert _effects(rule, [_email(date(2026, 3, 9))], date(2026, 3, 10)) == [
        NotBefore(
            date(2026, 3, 16),
            "not before Mon 2026-03-16: 7 days after the last follow-up",
            sets_time=True,
        )
    ]
    assert _effects(rule, [], date(2026, 3, 10)) == []


def _thank_you_effects(guidance: str) -> list[Effect]:
    return [
        ProposePurpose(Purpose.THANK_YOU, "a thank-you comes first after an interview"),
        NotBefore(
            date(2026, 3, 6),
            "thank-you on Fri 2026-03-06, after the interview",
            purposes=THANKS,
            sets_time=True,
        ),
        DueBy(date(2026, 3, 6), "thank-you due by Fri 2026-03-06", purposes=THANKS),
        PreferChannel(Channel.EMAIL, "thank them by email"),
        Guidance(guidance),
    ]


THANK_YOU_RULE = ThankYouAfterInterview(
    "thanks",
    business_days=1,
    channel=Channel.EMAIL,
    citation=CITE,
    advice="Thank them; still interested.",
    informational_advice="Thank them; interest only if there is an opening.",
)


def test_thank_you_after_a_job_interview_the_next_business_day() -> None:
    rule = THANK_YOU_RULE
    assert _effects(rule, [JOB_INTERVIEW], date(2026, 3, 5)) == _thank_you_effects(
        "Thank them; still interested."
    )
    assert _effects(rule, [MEETING], date(2026, 3, 5)) == _thank_you_effects(
        "Thank them; interest only if there is an opening."
    )


def test_a_rule_without_advice_gives_no_guidance() -> None:
    # The words are the rule set's: a primitive given none says nothing of its own.
    bare = attrs.evolve(THANK_YOU_RULE, advice=None, informational_advice=None)
    assert not any(
        isinstance(e, Guidance) for e in _effects(bare, [JOB_INTERVIEW], date(2026, 3, 5))
    )
    change = ChangeCourse("change", after=1, citation=CITE)
    sent = [FollowUp(_at(9, 9), channel=Channel.EMAIL, outcome=Outcome.SENT)]
    assert not any(isinstance(e, Guidance) for e in _effects(change, sent, date(2026, 3, 17)))
    ask = AskWhetherToContinue("ask", follow_ups=1, channels=1, citation=CITE)
    assert _effects(ask, sent, date(2026, 3, 17)) == [
        ProposePurpose(
            Purpose.ASK_WHETHER_TO_CONTINUE, "1 follow-ups through 1 channels unanswered"
        )
    ]


def test_a_thank_you_by_mail_does_not_count_one_by_email_does() -> None:
    rule = THANK_YOU_RULE

    def thanked(channel: Channel) -> list[Effect]:
        note = FollowUp(
            date(2026, 3, 5), channel=channel, outcome=Outcome.SENT, purpose=Purpose.THANK_YOU
        )
        return _effects(rule, [JOB_INTERVIEW, note], date(2026, 3, 6))

    assert thanked(Channel.MAIL) == _thank_you_effects("Thank them; still interested.")
    assert thanked(Channel.EMAIL) == []


def _call(day: date, outcome: Outcome) -> FollowUp:
    return FollowUp(day, channel=Channel.PHONE, outcome=outcome)


def test_stage_budget_counts_only_what_got_through() -> None:
    rule = StageBudget("budget", resource=Resource.FOLLOW_UPS, limit=2, citation=CITE)
    events = [_email(date(2026, 3, 9)), _call(date(2026, 3, 10), Outcome.NO_ANSWER)]
    assert _effects(rule, events, date(2026, 3, 11)) == [
        Budget(Resource.FOLLOW_UPS, 1, 2, "1 of 2 follow-ups remain")
    ]


def test_an_overspent_budget_has_none_left_not_fewer() -> None:
    rule = StageBudget("budget", resource=Resource.MESSAGES, limit=1, citation=CITE)
    events = [
        _call(date(2026, 3, 9), Outcome.VOICEMAIL_LEFT),
        _call(date(2026, 3, 10), Outcome.MESSAGE_WITH_PERSON),
    ]
    assert _effects(rule, events, date(2026, 3, 11)) == [
        Budget(Resource.MESSAGES, 0, 1, "0 of 1 messages remain")
    ]


def _lift() -> LiftAfterSilence:
    return LiftAfterSilence("lift", days=14, advice="Try once more.", citation=CITE)


def test_silence_of_exactly_the_days_runs_from_the_earlier_contact() -> None:
    events = [_email(date(2026, 3, 9)), _call(date(2026, 3, 23), Outcome.VOICEMAIL_LEFT)]
    assert _effects(_lift(), events, date(2026, 3, 23)) == [
        LiftBudgets(
            date(2026, 3, 23), "14 days without an answer since Mon 2026-03-09 lift the limits"
        ),
        Guidance("Try once more."),
    ]


def test_a_shorter_silence_runs_from_the_last_contact_and_advises_from_the_lift() -> None:
    events = [_email(date(2026, 3, 9)), _email(date(2026, 3, 16))]
    lift = LiftBudgets(
        date(2026, 3, 30), "14 days without an answer since Mon 2026-03-16 lift the limits"
    )
    assert _effects(_lift(), events, date(2026, 3, 29)) == [lift]
    assert _effects(_lift(), events, date(2026, 3, 30)) == [lift, Guidance("Try once more.")]


def test_after_a_reply_the_silence_runs_from_the_reply() -> None:
    events: list[Event] = [_email(date(2026, 3, 9)), Reply(date(2026, 3, 11))]
    assert _effects(_lift(), events, date(2026, 3, 12)) == [
        LiftBudgets(
            date(2026, 3, 25), "14 days without an answer since Wed 2026-03-11 lift the limits"
        )
    ]
    assert _effects(_lift(), [], date(2026, 3, 12)) == []


def test_stop_after_two_messages_left_with_its_advice() -> None:
    rule = StopAfterMessages("stop", limit=2, advice="Move on.", citation=CITE)
    one = [_call(date(2026, 3, 9), Outcome.VOICEMAIL_LEFT)]
    two = [*one, _call(date(2026, 3, 16), Outcome.MESSAGE_WITH_PERSON)]
    assert _effects(rule, two, date(2026, 3, 17)) == [
        Stop("2 messages left without a reply: assume it is a no"),
        Guidance("Move on."),
    ]
    assert _effects(rule, one, date(2026, 3, 17)) == [
        Budget(Resource.MESSAGES, 1, 2, "1 of 2 messages remain")
    ]


def test_the_first_day_back_from_time_away_is_avoided() -> None:
    rule = AvoidHolidayBorders("borders", first_day_back=True, citation=CITE)
    borders = ExcludeHolidayBorders("never the business day before or after a holiday")
    away = [OutOfOffice(date(2026, 3, 9), until=date(2026, 3, 13))]
    assert _effects(rule, away, date(2026, 3, 10)) == [
        borders,
        ExcludeDates(
            frozenset({date(2026, 3, 16)}),
            "never Mon 2026-03-16, their first day back from time away",
        ),
    ]
    assert _effects(rule, [], date(2026, 3, 10)) == [borders]


def test_advice_for_no_note_after_interview_stops_once_a_note_is_mailed() -> None:
    rule = Advice("note", text="Mail a note.", when=When.NO_NOTE_AFTER_INTERVIEW, citation=CITE)

    def thanked(channel: Channel) -> list[Effect]:
        note = FollowUp(
            date(2026, 3, 5), channel=channel, outcome=Outcome.SENT, purpose=Purpose.THANK_YOU
        )
        return _effects(rule, [JOB_INTERVIEW, note], date(2026, 3, 6))

    assert thanked(Channel.EMAIL) == [Guidance("Mail a note.")]
    assert thanked(Channel.MAIL) == []
    assert _effects(rule, [], date(2026, 3, 3)) == []


def test_preferred_channel_is_firmly_the_channel_of_their_last_reply() -> None:
    rule = PreferredChannel("ask", citation=CITE)
    replied = [Reply(date(2026, 3, 3), channel=Channel.EMAIL)]
    assert _effects(rule, replied, date(2026, 3, 4)) == [
        PreferChannel(Channel.EMAIL, "they last replied by email", firm=True)
    ]
    assert _effects(rule, [], date(2026, 3, 4)) == []


def test_after_stated_date_advises_without_a_date_and_waits_a_day_past_one() -> None:
    rule = AfterStatedDate(
        "stated",
        days=1,
        channel=Channel.EMAIL,
        no_timeline_advice="Ask when they decide.",
        citation=CITE,
    )
    assert _effects(rule, [], date(2026, 3, 3)) == [Guidance("Ask when they decide.")]
    assert _effects(AfterStatedDate("stated", citation=CITE), [], date(2026, 3, 3)) == []
    named = DecisionExpected(date(2026, 3, 3), by=date(2026, 3, 13))
    why = "not before Sat 2026-03-14: they named Fri 2026-03-13 for their decision"
    email = PreferChannel(Channel.EMAIL, "follow up by email")
    assert _effects(rule, [named], date(2026, 3, 4)) == [
        NotBefore(date(2026, 3, 14), why, sets_time=True),
        email,
    ]
    # One follow-up on the day the wait ends was the one the date timed.
    assert _effects(rule, [named, _email(date(2026, 3, 14))], date(2026, 3, 15)) == [
        NotBefore(date(2026, 3, 14), why, sets_time=False),
        email,
    ]


def test_not_while_away_and_one_contact_a_day_give_their_reasons() -> None:
    from followup_rules.effects import ALL_PURPOSES
    from followup_rules.rules import NotWhileAway, OneContactADay

    away = [OutOfOffice(date(2026, 3, 3), until=date(2026, 3, 6))]
    assert _effects(NotWhileAway("away", citation=CITE), away, date(2026, 3, 4)) == [
        NotBefore(
            date(2026, 3, 9),
            "not before Mon 2026-03-09: away until Fri 2026-03-06",
            purposes=ALL_PURPOSES,
        )
    ]
    sent = [_email(date(2026, 3, 4))]
    assert _effects(OneContactADay("one", citation=CITE), sent, date(2026, 3, 4)) == [
        NotBefore(
            date(2026, 3, 5),
            "not before Thu 2026-03-05: already in touch on Wed 2026-03-04",
            purposes=ALL_PURPOSES,
        )
    ]
