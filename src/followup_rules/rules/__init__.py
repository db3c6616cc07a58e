"""Parametric rule primitives: the five rule sets are built from these, and so can yours."""

from followup_rules.rules.advice import Advice, When
from followup_rules.rules.base import MAX_DAYS, Rule
from followup_rules.rules.budgets import LiftAfterSilence, StageBudget, StopAfterMessages
from followup_rules.rules.contact import AskWhetherToContinue, ChangeCourse, PreferredChannel
from followup_rules.rules.days import AvoidHolidayBorders, AvoidWeekdays, BusinessDaysOnly
from followup_rules.rules.endings import EndOnDefiniteAnswer
from followup_rules.rules.timing import (
    AfterStatedDate,
    Cadence,
    MinimumGap,
    NotWhileAway,
    OneContactADay,
    ThankYouAfterInterview,
    WaitAfter,
)

__all__ = [
    "MAX_DAYS",
    "Advice",
    "AfterStatedDate",
    "AskWhetherToContinue",
    "AvoidHolidayBorders",
    "AvoidWeekdays",
    "BusinessDaysOnly",
    "Cadence",
    "ChangeCourse",
    "EndOnDefiniteAnswer",
    "LiftAfterSilence",
    "MinimumGap",
    "NotWhileAway",
    "OneContactADay",
    "PreferredChannel",
    "Rule",
    "StageBudget",
    "StopAfterMessages",
    "ThankYouAfterInterview",
    "WaitAfter",
    "When",
]
