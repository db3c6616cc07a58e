"""Rules that end the follow-up for good."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from followup_rules.citations import Citation
from followup_rules.effects import Done, Effect
from followup_rules.events import Answer, AskedToStop
from followup_rules.facts import Facts
from followup_rules.rules.base import citation_field, id_field

__all__ = ["EndOnDefiniteAnswer"]


@attrs.frozen
class EndOnDefiniteAnswer:
    """A definite answer, a request to stop, or a withdrawal ends every rule set's follow-up."""

    id: str = id_field()
    citation: Citation = citation_field()

    def apply(self, facts: Facts) -> Iterator[Effect]:
        ended = facts.ended
        if isinstance(ended, Answer):
            yield Done(f"a definite answer: {ended.verdict.value}")
        elif isinstance(ended, AskedToStop):
            yield Done("they asked you to stop contacting them")
        elif ended is not None:
            yield Done("you withdrew")
