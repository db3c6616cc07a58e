"""Every kind of bad input, in one table: a typed error whose message names the value."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from dateutil.relativedelta import FR, MO, SA, SU, TH, TU, WE

import followup_rules as fr
from followup_rules.citations import Citation, Source
from followup_rules.rules import (
    Advice,
    AvoidWeekdays,
    Cadence,
    MinimumGap,
    StageBudget,
    WaitAfter,
)

US = fr.WorkCalendar("US")
CITE = Citation(Source("A title", "An author"), "a passage")


def _history(*events: object) -> fr.History:
    return fr.History(events, calendar=US)  # type: ignore[arg-type]


def _evaluate(events: list[object], today: object, **kwargs: object) -> fr.Decision:
    return fr.evaluate(_history(*events), today, **kwargs)  # type: ignore[arg-type]


APPLIED = fr.Applied(date(2026, 11, 2))

CASES: list[tuple[str, Callable[[], object], type[fr.FollowupError], tuple[str, ...]]] = [
    (
        "event after today",
        lambda: _evaluate([APPLIED, fr.Interview(date(2026, 11, 20))], date(2026, 11, 10)),
        fr.InvalidHistoryError,
        ("Interview", "2026-11-20", "2026-11-10"),
    ),
    (
        "a decision date beyond the holiday data",
        lambda: _history(APPLIED, fr.DecisionExpected(date(2026, 11, 2), by=date(9999, 12, 31))),
        fr.CalendarError,
        ("9999-12-31", "outside the holiday data", "expected a date from"),
    ),
    (
        "an absence beyond the holiday data",
        lambda: _history(APPLIED, fr.OutOfOffice(date(2026, 11, 2), until=date(9999, 1, 1))),
        fr.CalendarError,
        ("9999-01-01", "outside the holiday data"),
    ),
    (
        "closed dates that are not a collection",
        lambda: fr.WorkCalendar("US", closed=date(2026, 11, 27)),
        fr.CalendarError,
        ("closed=2026-11-27", "collection of datetime.date"),
    ),
    (
        "a time zone that names a folder of zones",
        lambda: fr.WorkCalendar("US", timezone="America"),
        fr.CalendarError,
        ("'America'", "IANA name"),
    ),
    (
        "naive datetime",
        lambda: fr.Applied(datetime(2026, 11, 2, 9, 30)),
        fr.InvalidHistoryError,
        ("2026-11-02T09:30:00", "aware"),
    ),
    (
        "naive today among aware events",
        lambda: _evaluate(
            [fr.Applied(datetime(2026, 11, 2, 9, tzinfo=UTC))], datetime(2026, 11, 9, 9)
        ),
        fr.InvalidHistoryError,
        ("naive", "2026-11-09T09:00:00"),
    ),
    ("unknown country", lambda: fr.WorkCalendar("XX"), fr.CalendarError, ("'XX'", "ISO 3166")),
    (
        "unknown subdivision",
        lambda: fr.WorkCalendar("US", "ZZ"),
        fr.CalendarError,
        ("'ZZ'", "CA"),
    ),
    (
        "unknown time zone",
        lambda: fr.WorkCalendar("US", timezone="Mars/Olympus"),
        fr.CalendarError,
        ("Mars/Olympus", "IANA"),
    ),
    (
        "a year beyond the holiday data",
        lambda: _evaluate([fr.Applied(date(2101, 1, 3))], date(2101, 1, 4)),
        fr.CalendarError,
        ("2101", "2100"),
    ),
    (
        "today beyond the holiday data",
        lambda: _evaluate([APPLIED], date(2101, 1, 4)),
        fr.CalendarError,
        ("2101-01-04", "2100"),
    ),
    (
        "a closed date that is not a date",
        lambda: fr.WorkCalendar("US", closed=["2026-12-24"]),
        fr.CalendarError,
        ("'2026-12-24'", "datetime.date"),
    ),
    (
        "unknown rule set",
        lambda: _evaluate([APPLIED], date(2026, 11, 9), rules="six-rules"),
        fr.UnknownRuleSetError,
        ("six-rules", "career-staffing", "call-back"),
    ),
    (
        "pinned version that is not the registered one",
        lambda: fr.rulesets.get("five-rules", version="9.9"),
        fr.UnknownRuleSetError,
        ("9.9", "2.0"),
    ),
    (
        "rules of the wrong type",
        lambda: _evaluate([APPLIED], date(2026, 11, 9), rules=42),
        fr.UnknownRuleSetError,
        ("42",),
    ),
    (
        "an event of the wrong type",
        lambda: _history(APPLIED, "Interview on Tuesday"),
        fr.InvalidHistoryError,
        ("'Interview on Tuesday'", "Applied"),
    ),
    (
        "events that are not a list",
        lambda: fr.History("Applied", calendar=US),  # type: ignore[arg-type]
        fr.InvalidHistoryError,
        ("'Applied'",),
    ),
    (
        "a day that is not a date",
        lambda: fr.Applied("2026-11-02"),  # type: ignore[arg-type]
        fr.InvalidHistoryError,
        ("'2026-11-02'", "datetime.date"),
    ),
    (
        "a channel that is not a Channel",
        lambda: fr.FollowUp(date(2026, 11, 9), channel="phone", outcome=fr.Outcome.REACHED),  # type: ignore[arg-type]
        fr.InvalidHistoryError,
        ("'phone'", "Channel.PHONE"),
    ),
    (
        "a reply channel that is not a Channel",
        lambda: fr.Reply(date(2026, 11, 9), channel="email"),  # type: ignore[arg-type]
        fr.InvalidHistoryError,
        ("Reply.channel", "'email'", "Channel.EMAIL", "or None"),
    ),
    (
        "a decision date before the day it was named",
        lambda: _history(APPLIED, fr.DecisionExpected(date(2026, 11, 9), by=date(2026, 11, 6))),
        fr.InvalidHistoryError,
        ("2026-11-06", "2026-11-09"),
    ),
    (
        "a return date that is a datetime",
        lambda: fr.OutOfOffice(date(2026, 11, 9), until=datetime(2026, 11, 13, tzinfo=UTC)),
        fr.InvalidHistoryError,
        ("until", "datetime.date"),
    ),
    (
        "an empty history",
        lambda: _history(),
        fr.InvalidHistoryError,
        ("empty",),
    ),
    (
        "a history without a calendar",
        lambda: fr.History([APPLIED], calendar="US"),  # type: ignore[arg-type]
        fr.InvalidArgumentError,
        ("'US'", "WorkCalendar"),
    ),
    (
        "a history that is not a History",
        lambda: fr.evaluate([APPLIED], date(2026, 11, 9)),  # type: ignore[arg-type]
        fr.InvalidArgumentError,
        ("Applied", "History"),
    ),
    (
        "today that is not a date",
        lambda: _evaluate([APPLIED], "2026-11-09"),
        fr.InvalidArgumentError,
        ("'2026-11-09'", "datetime.date"),
    ),
    (
        "replaying a day before the history starts",
        lambda: _history(APPLIED).until(date(2026, 11, 1)),
        fr.InvalidHistoryError,
        ("2026-11-01", "2026-11-02"),
    ),
    (
        "a zero wait",
        lambda: WaitAfter("wait", stage=fr.Stage.PRE_INTERVIEW, days=0, citation=CITE),
        fr.RuleSetDefinitionError,
        ("days is 0", "1 to 366"),
    ),
    (
        "a negative gap",
        lambda: MinimumGap("gap", days=-7, citation=CITE),
        fr.RuleSetDefinitionError,
        ("-7", "1 to 366"),
    ),
    (
        "a window that closes before it opens",
        lambda: Cadence("cadence", stage=fr.Stage.POST_INTERVIEW, days=7, latest=5, citation=CITE),
        fr.RuleSetDefinitionError,
        ("latest is 5", "7 to 366"),
    ),
    (
        "a wait given as a boolean",
        lambda: MinimumGap("gap", days=True, citation=CITE),
        fr.RuleSetDefinitionError,
        ("True",),
    ),
    (
        "a rule id that is not a slug",
        lambda: MinimumGap("No Daily Contact", days=7, citation=CITE),
        fr.RuleSetDefinitionError,
        ("'No Daily Contact'", "slug"),
    ),
    (
        "a rule without a citation",
        lambda: MinimumGap("gap", days=7, citation="Five Rules"),  # type: ignore[arg-type]
        fr.RuleSetDefinitionError,
        ("'Five Rules'", "Citation"),
    ),
    (
        "a budget of an unknown resource",
        lambda: StageBudget("budget", resource="calls", citation=CITE),  # type: ignore[arg-type]
        fr.RuleSetDefinitionError,
        ("'calls'", "Resource.FOLLOW_UPS"),
    ),
    (
        "a rule's usual channel that is not a Channel",
        lambda: WaitAfter(
            "wait",
            stage=fr.Stage.PRE_INTERVIEW,
            days=7,
            channel="phone",  # type: ignore[arg-type]
            citation=CITE,
        ),
        fr.RuleSetDefinitionError,
        ("WaitAfter.channel", "'phone'", "a Channel or None"),
    ),
    (
        "advice without text",
        lambda: Advice("say-thanks", text="   ", citation=CITE),
        fr.RuleSetDefinitionError,
        ("Advice.text", "'   '", "non-empty text"),
    ),
    (
        "weekdays that are not a sequence",
        lambda: AvoidWeekdays("never", weekdays=5, citation=CITE),  # type: ignore[arg-type]
        fr.RuleSetDefinitionError,
        ("AvoidWeekdays.weekdays is 5", "sequence of dateutil weekdays"),
    ),
    (
        "every weekday avoided",
        lambda: AvoidWeekdays("never", weekdays=(MO, TU, WE, TH, FR, SA, SU), citation=CITE),
        fr.RuleSetDefinitionError,
        ("one to six",),
    ),
    (
        "a weekday that is not a dateutil weekday",
        lambda: AvoidWeekdays("never", weekdays=("Monday",), citation=CITE),  # type: ignore[arg-type]
        fr.RuleSetDefinitionError,
        ("'Monday'", "MO"),
    ),
    (
        "a rule set with two rules of one id",
        lambda: fr.RuleSet(
            "mine",
            [MinimumGap("gap", days=7, citation=CITE), MinimumGap("gap", days=3, citation=CITE)],
        ),
        fr.RuleSetDefinitionError,
        ("'gap'", "unique"),
    ),
    (
        "a rule set holding something that is not a rule",
        lambda: fr.RuleSet("mine", ["wait a week"]),
        fr.RuleSetDefinitionError,
        ("'wait a week'", "apply(facts)"),
    ),
    (
        "a rule-set name that is not a slug",
        lambda: fr.RuleSet("My Rules", []),
        fr.RuleSetDefinitionError,
        ("'My Rules'", "slug"),
    ),
    (
        "composing with something that is not a rule set",
        lambda: fr.rulesets.get("five-rules") + "call-back",  # type: ignore[operator]
        fr.RuleSetDefinitionError,
        ("'call-back'", "RuleSet"),
    ),
    (
        "two different rule sets of one name in a composition",
        lambda: (
            fr.rulesets.get("five-rules")
            + fr.RuleSet("five-rules", [MinimumGap("gap", days=3, citation=CITE)])
        ),
        fr.RuleSetDefinitionError,
        ("'five-rules'",),
    ),
    (
        "a composition of no rule sets",
        lambda: fr.Composition(()),
        fr.RuleSetDefinitionError,
        ("an empty composition", "at least one rule set"),
    ),
    (
        "registering a name that is taken",
        lambda: fr.rulesets.Registry().register(
            fr.RuleSet("call-back", fr.rulesets.get("five-rules").rules[:1])
        ),
        fr.RuleSetDefinitionError,
        ("'call-back'", "already registered"),
    ),
    (
        "registering something that is not a rule set",
        lambda: fr.rulesets.Registry().register("call-back"),  # type: ignore[arg-type]
        fr.RuleSetDefinitionError,
        ("'call-back'",),
    ),
    (
        "an unknown rule id",
        lambda: fr.rulesets.get("call-back").rule("no-friday"),
        fr.UnknownRuleSetError,
        ("'no-friday'", "no-monday"),
    ),
]


@pytest.mark.parametrize(
    ("make", "error", "named"), [case[1:] for case in CASES], ids=[case[0] for case in CASES]
)
def test_bad_input_raises_a_typed_error_naming_the_value(
    make: Callable[[], object], error: type[fr.FollowupError], named: tuple[str, ...]
) -> None:
    with pytest.raises(error) as raised:
        make()
    assert isinstance(raised.value, fr.FollowupError)
    for text in named:
        assert text in str(raised.value)


@pytest.mark.parametrize(
    ("error", "builtin"),
    [
        (fr.InvalidHistoryError, ValueError),
        (fr.CalendarError, ValueError),
        (fr.RuleSetDefinitionError, ValueError),
        (fr.LoadError, ValueError),
        (fr.UnknownRuleSetError, LookupError),
        (fr.InvalidArgumentError, TypeError),
        (fr.WriteError, OSError),
    ],
)
def test_each_error_is_also_the_builtin_whose_meaning_fits(
    error: type[fr.FollowupError], builtin: type[Exception]
) -> None:
    assert issubclass(error, fr.FollowupError)
    assert issubclass(error, builtin)
