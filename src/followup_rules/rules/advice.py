"""Rules that only advise: what to say and how, in the situations they name."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator

import attrs

from followup_rules.citations import Citation
from followup_rules.effects import Effect, Guidance
from followup_rules.events import Answer
from followup_rules.facts import Facts
from followup_rules.rules._fields import enum_field, text_check
from followup_rules.rules.base import citation_field, id_field
from followup_rules.vocabulary import Channel, Stage

__all__ = ["Advice", "When"]


class When(enum.Enum):
    """The situations an advice rule can be limited to."""

    ALWAYS = "always"
    BEFORE_INTERVIEW = "before-interview"
    AFTER_INTERVIEW = "after-interview"
    TIMELINE_STATED = "timeline-stated"
    NO_TIMELINE_AFTER_INTERVIEW = "no-timeline-after-interview"
    NO_NOTE_AFTER_INTERVIEW = "no-note-after-interview"
    UNANSWERED = "unanswered"

    def holds(self, facts: Facts) -> bool:
        return _HOLDS[self](facts)


def _after_interview(facts: Facts) -> bool:
    return facts.stage is Stage.POST_INTERVIEW


_HOLDS: dict[When, Callable[[Facts], bool]] = {
    When.ALWAYS: lambda facts: True,
    When.BEFORE_INTERVIEW: lambda facts: facts.stage is Stage.PRE_INTERVIEW,
    When.AFTER_INTERVIEW: _after_interview,
    When.TIMELINE_STATED: lambda facts: facts.deadline is not None,
    When.NO_TIMELINE_AFTER_INTERVIEW: lambda f: _after_interview(f) and f.deadline is None,
    When.NO_NOTE_AFTER_INTERVIEW: lambda f: _after_interview(f) and not f.sent_by(Channel.MAIL),
    When.UNANSWERED: lambda facts: bool(facts.unanswered),
}


@attrs.frozen
class Advice:
    """Guidance on what to say and how, given when ``when`` holds.

    With ``after_rejection`` it is also given once they have turned the seeker down (a
    rejection, "filled", "not interested"): parting advice a document attaches to that outcome.
    """

    id: str = id_field()
    text: str = attrs.field(kw_only=True, validator=text_check)
    when: When = enum_field(When, default=When.ALWAYS)
    after_rejection: bool = attrs.field(default=False, kw_only=True)
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        ended = facts.ended
        if self.after_rejection and isinstance(ended, Answer) and ended.verdict.turned_down:
            yield Guidance(self.text, on_end=True)
        elif self.when.holds(facts):
            yield Guidance(self.text)
