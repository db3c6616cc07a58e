"""When and how a job seeker should follow up, and when to stop, by five career-advice documents.

``evaluate(history, today)`` answers with a :class:`Decision`; ``rulesets`` holds the documents
as composable rule sets.
"""

from followup_rules import rulesets
from followup_rules.batch import evaluate_frame, evaluate_many, histories_from_frame
from followup_rules.calendar import WorkCalendar
from followup_rules.citations import Citation, Source
from followup_rules.compare import Comparison, ComparisonRow, Comparisons, compare, compare_many
from followup_rules.decision import Conflict, Decision, Note, Reason, RuleRef, SkippedDay
from followup_rules.engine import evaluate
from followup_rules.errors import (
    CalendarError,
    FollowupError,
    InvalidArgumentError,
    InvalidHistoryError,
    InvalidTrackerError,
    LoadError,
    MissingExtraError,
    OutsideHolidayDataError,
    PluginWarning,
    RuleSetDefinitionError,
    UnknownApplicationError,
    UnknownRuleSetError,
    WriteError,
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
from followup_rules.plan import Plan, PlanEnd, PlannedContact, plan
from followup_rules.resolution import HORIZON_DAYS
from followup_rules.rules import Rule
from followup_rules.ruleset import Composition, RuleSet, Scope
from followup_rules.tracker import (
    DEMO_TODAY,
    Application,
    Tracker,
    demo_tracker,
    dump_tracker,
    dumps_tracker,
    load_tracker,
    loads_tracker,
)
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
    "DEMO_TODAY",
    "HORIZON_DAYS",
    "Action",
    "Answer",
    "Application",
    "Applied",
    "AskedToStop",
    "CalendarError",
    "Channel",
    "Citation",
    "Comparison",
    "ComparisonRow",
    "Comparisons",
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
    "InvalidTrackerError",
    "LoadError",
    "MissingExtraError",
    "Note",
    "OutOfOffice",
    "Outcome",
    "OutsideHolidayDataError",
    "Plan",
    "PlanEnd",
    "PlannedContact",
    "PluginWarning",
    "PrefersChannel",
    "Purpose",
    "Reason",
    "Reply",
    "Rule",
    "RuleRef",
    "RuleSet",
    "RuleSetDefinitionError",
    "Scope",
    "SkippedDay",
    "Source",
    "Stage",
    "TimeOfDay",
    "Tracker",
    "UnknownApplicationError",
    "UnknownRuleSetError",
    "Verdict",
    "Withdrew",
    "WorkCalendar",
    "WriteError",
    "compare",
    "compare_many",
    "demo_tracker",
    "dump_tracker",
    "dumps_tracker",
    "evaluate",
    "evaluate_frame",
    "evaluate_many",
    "histories_from_frame",
    "load_tracker",
    "loads_tracker",
    "plan",
    "rulesets",
]
