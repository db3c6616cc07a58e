"""The exceptions of followup_rules.

Every error the library raises derives from :class:`FollowupError` and also from the builtin
whose meaning fits, so callers can catch either. Every message names the offending value and
what would have been valid. The one warning, :class:`PluginWarning`, follows the same pattern.
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
    "PluginWarning",
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


class OutsideHolidayDataError(CalendarError):
    """A day the holiday data does not fully cover, or an answer that depends on such days.

    Past the data's last year (or before its first) holidays are unknown, so the business days
    there are never guessed at.
    """


class RuleSetDefinitionError(FollowupError, ValueError):
    """A rule or rule set whose definition is invalid.

    ``field`` is the rule's parameter at fault (``"days"``) when there is one, so that a reader
    of a rule-set file can point at the key that set it; None otherwise.
    """

    def __init__(self, *args: object, field: str | None = None) -> None:
        super().__init__(*args)
        self.field = field


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


class PluginWarning(FollowupError, UserWarning):  # noqa: N818 (a warning, named as one)
    """A plugin was skipped: it cannot be loaded, or its name is taken. The rest still works.

    A warning and not an error, because one broken distribution installed beside the library
    must not stop the built-in rule sets or the other plugins; it is issued once per registry,
    and ``Registry.plugin_errors()`` keeps the list. It is also a :class:`FollowupError`, so
    that where warnings are turned into errors (``-W error``, pytest's ``filterwarnings``),
    what the call raises is still one of the library's errors.
    """
