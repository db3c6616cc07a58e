"""What a document says about the words of a message, as data a rule set carries.

A :class:`MessageCheck` is a pattern check, never code: regular expressions and a word count,
with the passage of the document it stands on. :func:`followup_rules.messages.check_message`
runs the checks of a rule set against a draft; a TOML rule set lists its own under
``[[messages]]`` (see ``followup_rules.load``).

Patterns come from rule sets that may be untrusted, and Python's ``re`` backtracks without
limit, so a pattern's shape is checked when the check is made, for a bound on the work of a
search rather than a list of known bad patterns. A pattern may not hold a backreference, a
conditional or a lookaround; a repeat repeats one character (a literal, ``.``, a class such as
``\\w`` or ``[a-z]``), except an optional group ``(...)?``; an unbounded repeat (``+``, ``*``,
``{n,}``) is possessive (``\\w++``, ``\\s*+``), so it never gives back what it took. Then, from
one start position, a search follows at most ``choices`` paths (the product of its bounded
repeats' ``max - min + 1`` and its alternations' branches, an optional group counting its
inside plus one), each reading at most ``width + unbounded * MAX_MESSAGE`` characters (the
bounded part of the pattern, plus one run of the text per possessive repeat). Their product,
the pattern's steps, is at most :data:`MAX_PATTERN_STEPS`, so a search of a message of
:data:`MAX_MESSAGE` characters reads at most ``MAX_MESSAGE * MAX_PATTERN_STEPS`` characters
(5 * 10**8), however hostile the pattern and the text.
"""

from __future__ import annotations

import enum
import functools
import re
import re._constants as sre  # type: ignore[import-not-found]  # no stub: stdlib-private
import re._parser as sre_parse  # type: ignore[import-not-found]  # no stub: stdlib-private
import warnings
from typing import Any, Final

import attrs

from followup_rules._checks import check_collection, is_slug, shown
from followup_rules.citations import Citation
from followup_rules.errors import RuleSetDefinitionError
from followup_rules.vocabulary import Purpose, Stage

__all__ = [
    "MAX_MESSAGE",
    "MAX_PATTERN",
    "MAX_PATTERN_STEPS",
    "SPOKEN_WORDS",
    "CheckKind",
    "MessageCheck",
    "MessageKind",
    "compiled",
]

MAX_PATTERN: Final = 300
"""The longest pattern a check may hold, in characters: a pattern is a phrase, not a program."""

MAX_MESSAGE: Final = 5_000
"""The longest text checked, in characters: a follow-up message is a page at most (about 800
words; the longest message of the labelled corpus has 610 characters)."""

MAX_PATTERN_STEPS: Final = 100_000
"""The most characters a pattern's search may read from one start position in a message of
``MAX_MESSAGE`` characters (its choices times the characters each reads; see above)."""

SPOKEN_WORDS: Final = 75
"""The longest call or voicemail script, in words, where a document asks for a short one
without a number: about thirty seconds at an unhurried 150 words a minute."""

_MAX_ID = 80


class MessageKind(enum.Enum):
    """What kind of message a text is: how it reaches them decides which advice applies."""

    EMAIL = "email"
    VOICEMAIL = "voicemail"
    MESSAGE_WITH_PERSON = "message-with-person"
    """Left with a receptionist or an assistant, who passes it on."""
    CALL = "call"
    """What you say when they pick up: the script of a live call."""
    NOTE = "note"
    """A handwritten note or a letter."""


class CheckKind(enum.Enum):
    """How a check reads a message."""

    AVOID = "avoid"
    """A finding when any pattern matches: something the document warns against."""
    REQUIRE = "require"
    """A finding when no pattern matches (within the first ``within_words``, if set)."""
    AT_MOST_WORDS = "at-most-words"
    """A finding when the message has more than ``max_words`` words."""


def _slug(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not is_slug(value, max_length=_MAX_ID):
        raise RuleSetDefinitionError(
            f"MessageCheck.id={shown(value)}: expected a lower-case slug of at most {_MAX_ID} "
            f"characters, such as 'no-blame'"
        )


def _patterns(values: object) -> tuple[str, ...]:
    expected = "a collection of regular expressions (text)"
    items = check_collection("MessageCheck.patterns", values, expected, RuleSetDefinitionError)
    patterns: list[str] = []
    for item in items:
        if not isinstance(item, str) or not item or len(item) > MAX_PATTERN:
            raise RuleSetDefinitionError(
                f"MessageCheck.patterns holds {shown(item)}: expected non-empty text of at most "
                f"{MAX_PATTERN} characters"
            )
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                compiled(item)
        except (re.error, FutureWarning) as error:
            raise RuleSetDefinitionError(
                f"MessageCheck.patterns holds {shown(item)}: not a regular expression ({error})"
            ) from error
        _check_cost(item)
        patterns.append(item)
    return tuple(patterns)


_ONE_CHARACTER: Final = frozenset({sre.LITERAL, sre.NOT_LITERAL, sre.ANY, sre.IN, sre.CATEGORY})
_REPEATS: Final = frozenset({sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT})
_REFUSED: Final = {
    sre.GROUPREF: "a backreference (\\1): write the words out instead",
    sre.GROUPREF_EXISTS: "a conditional (?(1)...): write an alternation (a|b) instead",
    sre.ASSERT: "a lookaround such as (?=...): match the words themselves, or use \\b",
    sre.ASSERT_NOT: "a lookaround such as (?!...): match the words themselves, or use \\b",
}


@attrs.frozen
class _Cost:
    """What a search of a part of a pattern may do from one start position: the paths it may
    try, the characters a path reads in the pattern's bounded part, its unbounded repeats."""

    choices: int = 1
    width: int = 0
    unbounded: int = 0

    def then(self, other: _Cost) -> _Cost:
        """One part followed by another: every path of one may go on to every path of the
        other."""
        return _Cost(
            self.choices * other.choices,
            self.width + other.width,
            self.unbounded + other.unbounded,
        )

    def steps(self) -> int:
        return self.choices * (self.width + self.unbounded * MAX_MESSAGE)


def _check_cost(pattern: str) -> None:
    """Refuse a pattern whose search could backtrack beyond the bound of the module's docstring.

    ``re._parser.parse`` is the standard library's own parser, the one ``re.compile`` uses: the
    shape checked is the shape that runs.
    """
    cost = _cost(sre_parse.parse(pattern, re.IGNORECASE), pattern)
    if cost.steps() > MAX_PATTERN_STEPS:
        raise RuleSetDefinitionError(
            f"MessageCheck.patterns holds {shown(pattern)}: its search may read "
            f"{cost.steps():,} characters from each position of a message ({cost.choices:,} "
            f"paths of {cost.width} characters and {cost.unbounded} unbounded repeats of up to "
            f"{MAX_MESSAGE:,}), expected at most {MAX_PATTERN_STEPS:,}: use fewer alternatives "
            f"or shorter bounded repeats"
        )


def _cost(items: Any, pattern: str) -> _Cost:
    total = _Cost()
    for op, value in items:
        total = total.then(_item_cost(op, value, pattern))
    return total


def _item_cost(op: object, value: Any, pattern: str) -> _Cost:
    if op in _ONE_CHARACTER:
        return _Cost(width=1)
    if op is sre.AT:
        return _Cost()
    if op is sre.SUBPATTERN:
        return _cost(value[3], pattern)
    if op is sre.ATOMIC_GROUP:
        return _cost(value, pattern)
    if op is sre.BRANCH:
        branches = [_cost(branch, pattern) for branch in value[1]]
        return _Cost(
            sum(branch.choices for branch in branches),
            max(branch.width for branch in branches),
            max(branch.unbounded for branch in branches),
        )
    if op in _REPEATS:
        least, most, item = value
        return _repeat_cost(op, least, most, item, pattern)
    refused = _REFUSED.get(op, f"the construct {op}")
    raise RuleSetDefinitionError(f"MessageCheck.patterns holds {shown(pattern)}: {refused}")


def _repeat_cost(op: object, least: int, most: int, item: Any, pattern: str) -> _Cost:
    one_character = len(item) == 1 and item[0][0] in _ONE_CHARACTER
    if not one_character and most > 1:
        raise RuleSetDefinitionError(
            f"MessageCheck.patterns holds {shown(pattern)}: a repeated group can backtrack "
            f"without limit; repeat one character (\\w++, [a-z]{{1,20}}) or write the "
            f"group out, optional with (...)?"
        )
    if not one_character:
        inside = _cost(item, pattern)
        return attrs.evolve(inside, choices=inside.choices + (least == 0))
    if most == sre.MAXREPEAT and op is not sre.POSSESSIVE_REPEAT:
        raise RuleSetDefinitionError(
            f"MessageCheck.patterns holds {shown(pattern)}: an unbounded repeat (+, *, {{n,}}) "
            f"must be possessive, as it never backtracks: use a possessive repeat such as "
            f"\\w++ or \\s*+, or a bounded one such as \\w{{1,20}}"
        )
    if most == sre.MAXREPEAT:
        return _Cost(unbounded=1)
    choices = 1 if op is sre.POSSESSIVE_REPEAT else most - least + 1
    return _Cost(choices, most)


def _members(kind: type[enum.Enum], name: str, values: object) -> frozenset[Any]:
    """The members of ``kind`` in ``values``; empty means every one."""
    expected = f"a collection of {kind.__name__} members"
    items = check_collection(name, values, expected, RuleSetDefinitionError)
    if not all(isinstance(item, kind) for item in items):
        raise RuleSetDefinitionError(f"{name}={shown(values)}: expected {expected}")
    return frozenset(items)


def _message_kinds(values: object) -> frozenset[MessageKind]:
    return _members(MessageKind, "MessageCheck.message_kinds", values)


def _purposes(values: object) -> frozenset[Purpose]:
    return _members(Purpose, "MessageCheck.purposes", values)


def _stages(values: object) -> frozenset[Stage]:
    return _members(Stage, "MessageCheck.stages", values)


def _positive(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise RuleSetDefinitionError(
            f"MessageCheck.{attribute.name}={shown(value)}: expected a whole number of at least "
            f"1, or None"
        )


def _text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise RuleSetDefinitionError(f"MessageCheck.{attribute.name}={shown(value)}: expected text")


def _citation(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, Citation):
        raise RuleSetDefinitionError(f"MessageCheck.citation={shown(value)}: expected a Citation")


def _kind(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if not isinstance(value, CheckKind):
        valid = ", ".join(f"CheckKind.{kind.name}" for kind in CheckKind)
        raise RuleSetDefinitionError(f"MessageCheck.kind={shown(value)}: expected one of {valid}")


@attrs.frozen
class MessageCheck:
    """One thing a document asks of a message's words, or warns against, with its passage.

    The check applies to the message kinds, purposes and stages it names (none named: all).
    A message checked without a known purpose or stage skips the checks limited to one, rather
    than guess. ``language`` is the language of the patterns (a BCP 47 tag, ``"en"``).
    """

    id: str = attrs.field(validator=_slug)
    kind: CheckKind = attrs.field(kw_only=True, validator=_kind)
    problem: str = attrs.field(kw_only=True, validator=_text)
    """What a finding of this check says is wrong, in the document's spirit (a paraphrase)."""
    citation: Citation = attrs.field(kw_only=True, validator=_citation)
    patterns: tuple[str, ...] = attrs.field(default=(), kw_only=True, converter=_patterns)
    max_words: int | None = attrs.field(default=None, kw_only=True, validator=_positive)
    within_words: int | None = attrs.field(default=None, kw_only=True, validator=_positive)
    message_kinds: frozenset[MessageKind] = attrs.field(
        default=(), kw_only=True, converter=_message_kinds
    )
    purposes: frozenset[Purpose] = attrs.field(default=(), kw_only=True, converter=_purposes)
    stages: frozenset[Stage] = attrs.field(default=(), kw_only=True, converter=_stages)
    language: str = attrs.field(default="en", kw_only=True, validator=_text)

    def __attrs_post_init__(self) -> None:
        kind = f"a check of kind {self.kind.value!r}"
        counts = self.kind is CheckKind.AT_MOST_WORDS
        problem = None
        if counts and self.max_words is None:
            problem = f"max_words=None: {kind} needs a number of words"
        elif counts and self.patterns:
            problem = f"patterns={shown(self.patterns)}: {kind} counts words, it has no patterns"
        elif not counts and self.max_words is not None:
            problem = f"max_words={shown(self.max_words)}: {kind} has patterns, not a length"
        elif not counts and not self.patterns:
            problem = f"patterns=(): {kind} needs at least one pattern"
        elif self.within_words is not None and self.kind is not CheckKind.REQUIRE:
            problem = f"within_words={shown(self.within_words)}: {kind} has none"
        if problem is not None:
            raise RuleSetDefinitionError(f"message check {self.id!r}: MessageCheck.{problem}")

    def applies(self, kind: MessageKind, purpose: Purpose | None, stage: Stage | None) -> bool:
        """Whether this check speaks to such a message (an unknown purpose or stage: only if
        the check is not limited to one)."""
        return (
            (not self.message_kinds or kind in self.message_kinds)
            and (not self.purposes or purpose in self.purposes)
            and (not self.stages or stage in self.stages)
        )


@functools.lru_cache(maxsize=512)
def compiled(pattern: str) -> re.Pattern[str]:
    """A check's pattern, compiled once: case-insensitive, as people write in any case."""
    return re.compile(pattern, re.IGNORECASE)
