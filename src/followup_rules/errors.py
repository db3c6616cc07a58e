"""The exceptions of followup_rules.

Every error the library raises derives from :class:`FollowupError` and also from the builtin
whose meaning fits, so callers can catch either. Every message names the offending value and
what would have been valid.
"""

from __future__ import annotations

__all__ = [
    "CalendarError",
    "FollowupError",
    "InvalidArgumentError",
    "InvalidHistoryError",
    "InvalidTrackerError",
    "LoadError",
    "MissingExtraError",
    "OutsideHolidayDataError",
    "RuleSetDefinitionError",
    "UnknownApplicationError",
    "UnknownRuleSetError",
]


class FollowupError(Exception):
    """Base class of every error raised by followup_rules."""


class InvalidHistoryError(FollowupError, ValueError):
    """An event or a history that cannot be evaluated as given."""


class InvalidArgumentError(FollowupError, TypeError):
    """An argument of the wrong type handed to a public function."""


class UnknownRuleSetError(FollowupError, LookupError):
    """A rule-set name (or version) that is not registered."""


class CalendarError(FollowupError, ValueError):
    """A work calendar that cannot be built or has no data for a date."""


class OutsideHolidayDataError(CalendarError):
    """A day the holiday data does not fully cover, or an answer that depends on such days.

    Past the data's last year (or before its first) holidays are unknown, so the business days
    there are never guessed at.
    """


class RuleSetDefinitionError(FollowupError, ValueError):
    """A rule or rule set whose definition is invalid."""


class LoadError(FollowupError, ValueError):
    """A file that cannot be loaded."""


class MissingExtraError(FollowupError, ModuleNotFoundError):
    """An optional library that a feature needs is not installed; the message names the extra."""


class InvalidTrackerError(FollowupError, ValueError):
    """A tracker or application that cannot be built as given (a bad or repeated id, say)."""


class UnknownApplicationError(FollowupError, LookupError):
    """An application id that is not in the tracker."""
