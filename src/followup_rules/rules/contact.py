"""Rules about how to reach them: channel, time of day, and what the next contact is for."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from followup_rules.citations import Citation
from followup_rules.effects import (
    AvoidTimesOfDay,
    Effect,
    Guidance,
    PreferChannel,
    ProposePurpose,
)
from followup_rules.history import Facts
from followup_rules.rules.base import citation_field, count_field, id_field
from followup_rules.vocabulary import Purpose

__all__ = ["AskWhetherToContinue", "ChangeCourse", "PreferredChannel"]


@attrs.frozen
class PreferredChannel:
    """Their stated preference, else the channel of their latest reply."""

    id: str = id_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        if facts.stated_channel is not None:
            channel = facts.stated_channel
            yield PreferChannel(channel, f"they asked to be reached by {channel.value}", firm=True)
        elif facts.reply_channel is not None:
            channel = facts.reply_channel
            yield PreferChannel(channel, f"they last replied by {channel.value}", firm=True)


@attrs.frozen
class ChangeCourse:
    """After ``after`` unanswered follow-ups, reword the next one and send it at another time.

    The document's own example keeps the medium (a differently worded email at a different time
    of day), so this rule never pushes the seeker onto another channel.
    """

    id: str = id_field()
    after: int = count_field(default=2)
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        if len(facts.unanswered) < self.after:
            return
        times = frozenset(c.time_of_day for c in facts.unanswered if c.time_of_day is not None)
        if times:
            shown = ", ".join(sorted(t.value for t in times))
            yield AvoidTimesOfDay(times, f"unanswered in the {shown}: try another time")
        yield Guidance("Word this one differently from the unanswered ones.")


@attrs.frozen
class AskWhetherToContinue:
    """After ``follow_ups`` unanswered through ``channels`` channels, ask whether to stop."""

    id: str = id_field()
    follow_ups: int = count_field(default=2)
    channels: int = count_field(default=2)
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        unanswered = facts.unanswered
        used = len({c.channel for c in unanswered})
        if len(unanswered) >= self.follow_ups and used >= self.channels:
            yield ProposePurpose(
                Purpose.ASK_WHETHER_TO_CONTINUE,
                f"{len(unanswered)} follow-ups through {used} channels unanswered",
            )
            yield Guidance(
                "Ask plainly whether you should stop following up: you respect their time and "
                "want to know whether they are still interested."
            )
