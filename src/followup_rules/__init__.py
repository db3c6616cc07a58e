"""When and how a job seeker should follow up, and when to stop, by five career-advice documents.

``evaluate(history, today)`` answers with a :class:`Decision`; ``rulesets`` holds the documents
as composable rule sets.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING

from followup_rules import rulesets
from followup_rules.calendar import WorkCalendar
from followup_rules.citations import Citation, Source
from followup_rules.decision import Conflict, Decision, Note, Reason, RuleRef, SkippedDay
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
from followup_rules.facts import Facts
from followup_rules.history import History
from followup_rules.resolution import HORIZON_DAYS
from followup_rules.rules import Rule
from followup_rules.ruleset import Composition, RuleSet, Scope
from followup_rules.rulesets.registry import evaluate
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

if TYPE_CHECKING:
    from followup_rules.batch import (
        decision_columns,
        evaluate_frame,
        evaluate_many,
        histories_from_frame,
    )
    from followup_rules.compare import (
        Comparison,
        ComparisonRow,
        Comparisons,
        compare,
        compare_many,
    )
    from followup_rules.messages import (
        CheckKind,
        Draft,
        Finding,
        MessageCheck,
        MessageKind,
        check_message,
        draft,
    )
    from followup_rules.plan import Plan, PlanEnd, PlannedContact, plan
    from followup_rules.scenarios import Scenario
    from followup_rules.study import Study, study
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

_LAZY = {
    **dict.fromkeys(
        ("decision_columns", "evaluate_frame", "evaluate_many", "histories_from_frame"), "batch"
    ),
    **dict.fromkeys(
        ("Comparison", "ComparisonRow", "Comparisons", "compare", "compare_many"), "compare"
    ),
    **dict.fromkeys(
        ("CheckKind", "Draft", "Finding", "MessageCheck", "MessageKind", "check_message", "draft"),
        "messages",
    ),
    **dict.fromkeys(("Plan", "PlanEnd", "PlannedContact", "plan"), "plan"),
    "Scenario": "scenarios",
    **dict.fromkeys(("Study", "study"), "study"),
    **dict.fromkeys(
        (
            "DEMO_TODAY",
            "Application",
            "Tracker",
            "demo_tracker",
            "dump_tracker",
            "dumps_tracker",
            "load_tracker",
            "loads_tracker",
        ),
        "tracker",
    ),
}
"""Names imported on first use, by module: comparing, planning, batches and tracker files are
not needed to evaluate, and importing them would make every ``import followup_rules`` slower."""


def __getattr__(name: str) -> object:
    """A lazy name, imported on first use; a lazy module by its own name (``batch``), as the
    eager imports this replaced bound it."""
    if name in _LAZY:
        value = getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    elif name in _LAZY.values():
        value = importlib.import_module(f"{__name__}.{name}")
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


class _Face(types.ModuleType):
    """The package, whose ``plan`` and ``compare`` stay the functions of those names.

    Importing a submodule binds it to the package under its own name: importing
    ``followup_rules.plan`` (the command line does) would hide the function ``plan`` behind
    the module, as the eager imports this replaced never let it.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, types.ModuleType) and _LAZY.get(name) == name:
            value = getattr(value, name)
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Face

__version__ = "0.1.0"
"""The version, stated here alone: the build reads it from this line (``tool.hatch.version``)."""

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
    "CheckKind",
    "Citation",
    "Comparison",
    "ComparisonRow",
    "Comparisons",
    "Composition",
    "Conflict",
    "Decision",
    "DecisionExpected",
    "Draft",
    "Event",
    "Facts",
    "Finding",
    "FollowUp",
    "FollowupError",
    "History",
    "Interview",
    "InterviewKind",
    "InvalidArgumentError",
    "InvalidHistoryError",
    "InvalidTrackerError",
    "LoadError",
    "MessageCheck",
    "MessageKind",
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
    "Scenario",
    "Scope",
    "SkippedDay",
    "Source",
    "Stage",
    "Study",
    "TimeOfDay",
    "Tracker",
    "UnknownApplicationError",
    "UnknownRuleSetError",
    "Verdict",
    "Withdrew",
    "WorkCalendar",
    "WriteError",
    "check_message",
    "compare",
    "compare_many",
    "decision_columns",
    "demo_tracker",
    "draft",
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
    "study",
]
