"""The closed vocabularies shared by events, rules and decisions."""

from __future__ import annotations

import enum

__all__ = [
    "FOLLOW_UP_PURPOSES",
    "Action",
    "Channel",
    "InterviewKind",
    "Outcome",
    "Purpose",
    "Stage",
    "TimeOfDay",
    "Verdict",
]


class Action(enum.Enum):
    """What the seeker should do about this application."""

    FOLLOW_UP = "follow-up"
    """Today is an allowed day: make the contact today."""
    WAIT = "wait"
    """Not today: the decision's ``next_date`` is the first allowed day."""
    STOP = "stop"
    """A rule says to stop contacting (budget spent, assume a no)."""
    DONE = "done"
    """A definite answer, a request to stop, or a withdrawal ended the process."""
    BLOCKED = "blocked"
    """The rules exclude every day of the search horizon; the reasons name them."""
    SILENT = "silent"
    """The situation is outside every rule set's scope: no opinion, and so no date."""


class Purpose(enum.Enum):
    """Why the next contact is made."""

    STATUS = "status"
    THANK_YOU = "thank-you"
    ASK_WHETHER_TO_CONTINUE = "ask-whether-to-continue"


FOLLOW_UP_PURPOSES = frozenset({Purpose.STATUS, Purpose.ASK_WHETHER_TO_CONTINUE})
"""The purposes that count as follow-ups: everything but a thank-you."""


class Channel(enum.Enum):
    """How a contact is made; ``MAIL`` is paper (letters, handwritten notes)."""

    PHONE = "phone"
    EMAIL = "email"
    MAIL = "mail"
    """Letters and handwritten notes."""
    IN_PERSON = "in-person"
    OTHER = "other"


class Outcome(enum.Enum):
    """How a contact ended."""

    REACHED = "reached"
    """Spoke with them."""
    VOICEMAIL_LEFT = "voicemail-left"
    MESSAGE_WITH_PERSON = "message-with-person"
    """Left with a receptionist or an assistant."""
    NO_ANSWER = "no-answer"
    """Nothing was left."""
    SENT = "sent"
    """An email, a letter or a note."""

    @property
    def left_message(self) -> bool:
        return self in (Outcome.VOICEMAIL_LEFT, Outcome.MESSAGE_WITH_PERSON)

    @property
    def delivered(self) -> bool:
        """The contact got through to them: a conversation or a sent message."""
        return self in (Outcome.REACHED, Outcome.SENT)


class Verdict(enum.Enum):
    """A definite answer."""

    OFFER = "offer"
    HIRED = "hired"
    REJECTED = "rejected"
    FILLED = "filled"
    NOT_INTERESTED = "not-interested"

    @property
    def turned_down(self) -> bool:
        """The seeker did not get the job: the case some documents give parting advice for."""
        return self in (Verdict.REJECTED, Verdict.FILLED, Verdict.NOT_INTERESTED)


class InterviewKind(enum.Enum):
    """What the meeting was for: the thank-you it calls for depends on it."""

    JOB = "job"
    INFORMATIONAL = "informational"
    NETWORKING = "networking"


class Stage(enum.Enum):
    """Budgets that a document gives per stage start again with each interview."""

    PRE_INTERVIEW = "pre-interview"
    POST_INTERVIEW = "post-interview"


class TimeOfDay(enum.Enum):
    """When in the employer's day a contact was made, for rules that vary the time."""

    MORNING = "morning"
    """Before noon."""
    AFTERNOON = "afternoon"
    """Noon to five."""
    EVENING = "evening"
    """After five."""

    @classmethod
    def of_hour(cls, hour: int) -> TimeOfDay:
        if hour < 12:
            return cls.MORNING
        if hour < 17:
            return cls.AFTERNOON
        return cls.EVENING
