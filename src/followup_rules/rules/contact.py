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
from followup_rules.facts import Facts
from followup_rules.rules._fields import advice_field, channel_field
from followup_rules.rules.base import citation_field, count_field, id_field
from followup_rules.vocabulary import Channel, Purpose

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
    """After ``after`` unanswered follow-ups, change course: reword, another time, ``channel``.

    The Five Rules' own example is a differently worded email at another time of day, so that
    rule set names email as ``channel``: for a seeker who only called, that is also the second
    channel that makes asking whether to stop possible. Their own preference, where a rule set
    knows it, still comes first.
    """

    id: str = id_field()
    after: int = count_field(default=2)
    channel: Channel | None = channel_field()
    citation: Citation = citation_field()
    advice: str | None = advice_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        if len(facts.unanswered) < self.after:
            return
        times = frozenset(c.time_of_day for c in facts.unanswered if c.time_of_day is not None)
        if times:
            shown = ", ".join(sorted(t.value for t in times))
            yield AvoidTimesOfDay(times, f"unanswered in the {shown}: try another time")
        if self.channel is not None:
            yield PreferChannel(
                self.channel,
                f"{len(facts.unanswered)} follow-ups unanswered: change course, by "
                f"{self.channel.value}",
            )
        if self.advice is not None:
            yield Guidance(self.advice)


@attrs.frozen
class AskWhetherToContinue:
    """After ``follow_ups`` unanswered through ``channels`` channels, ask whether to stop.

    It is asked once in a spell of silence: with the question unanswered, asking again every
    week would be the pestering the document warns against.
    """

    id: str = id_field()
    follow_ups: int = count_field(default=2)
    channels: int = count_field(default=2)
    citation: Citation = citation_field()
    advice: str | None = advice_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        unanswered = facts.unanswered
        if any(c.purpose is Purpose.ASK_WHETHER_TO_CONTINUE for c in unanswered):
            return
        used = len({c.channel for c in unanswered})
        if len(unanswered) >= self.follow_ups and used >= self.channels:
            yield ProposePurpose(
                Purpose.ASK_WHETHER_TO_CONTINUE,
                f"{len(unanswered)} follow-ups through {used} channels unanswered",
            )
            if self.advice is not None:
                yield Guidance(self.advice)
