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
    "RuleSetDefinitionError",
    "UnknownApplicationError",
    "UnknownRuleSetError",
    "WriteError",
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


class WriteError(FollowupError, OSError):
    """A file that is not written: it exists and may not be replaced, it is a folder or a file
    the command reads, or writing it failed. Whatever the cause, the old file is left as it was."""
