"""When and how a job seeker should follow up, and when to stop, by five career-advice documents.

``evaluate(history, today)`` answers with a :class:`Decision`; ``rulesets`` holds the documents
as composable rule sets.
"""

from followup_rules import rulesets
from followup_rules.calendar import WorkCalendar
from followup_rules.citations import Citation, Source
from followup_rules.compare import Comparison, ComparisonRow, compare
from followup_rules.decision import Conflict, Decision, Note, Reason, RuleRef, SkippedDay
from followup_rules.engine import evaluate
from followup_rules.errors import (
    CalendarError,
    FollowupError,
    InvalidArgumentError,
    InvalidHistoryError,
    LoadError,
    RuleSetDefinitionError,
    UnknownRuleSetError,
)
from followup_rules.events import (
    Answer,
    Applied,
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
from followup_rules.history import Facts, History
from followup_rules.plan import Plan, PlannedContact, plan
from followup_rules.resolution import HORIZON_DAYS
from followup_rules.rules import Rule
from followup_rules.ruleset import Composition, RuleSet
from followup_rules.vocabulary import (
    Action,
    Channel,
    InterviewKind,
    Outcome,
    Purpose,
    Stage,
    TimeOfDay,
    Verdict,
)

__version__ = "0.1.0"

__all__ = [
    "HORIZON_DAYS",
    "Action",
    "Answer",
    "Applied",
    "AskedToStop",
    "CalendarError",
    "Channel",
    "Citation",
    "Comparison",
    "ComparisonRow",
    "Composition",
    "Conflict",
    "Decision",
    "DecisionExpected",
    "Event",
    "Facts",
    "FollowUp",
    "FollowupError",
    "History",
    "Interview",
    "InterviewKind",
    "InvalidArgumentError",
    "InvalidHistoryError",
    "LoadError",
    "Note",
    "OutOfOffice",
    "Outcome",
    "Plan",
    "PlannedContact",
    "PrefersChannel",
    "Purpose",
    "Reason",
    "Reply",
    "Rule",
    "RuleRef",
    "RuleSet",
    "RuleSetDefinitionError",
    "SkippedDay",
    "Source",
    "Stage",
    "TimeOfDay",
    "UnknownRuleSetError",
    "Verdict",
    "Withdrew",
    "WorkCalendar",
    "compare",
    "evaluate",
    "plan",
    "rulesets",
]
