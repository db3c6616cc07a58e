"""A reference evaluator: slow, plain, and written apart from the engine.

It reads ``rules.md`` (and the engine's documented behaviour where the spec leaves a gap) as
directly as it can. Nothing here uses the engine's facts, effects, rules or resolution: the
history's events are read one by one into a :class:`Story`, and for each rule set a plain
function says whether a contact of a given purpose is allowed on a given day. The answer is
then the first day, walking from today, that every rule set allows.

Readings taken where the engine's documents decide (rules.md is silent):

- contacts per stage: an interview starts a new stage; follow-ups and thank-yous before it no
  longer count;
- a *follow-up* is a contact whose purpose is a status follow-up or asking whether to continue;
  a thank-you is not a follow-up;
- the waits of one week after the application or interview hold for every follow-up of the
  stage (a call made too early does not open the week early); a promised date replaces
  ``call-back``'s default week;
- the composed purpose is THANK_YOU if any rule set wants a thank-you, else
  ASK_WHETHER_TO_CONTINUE if any wants that, else STATUS; waits that concern follow-ups do not
  hold back a thank-you;
- the application and the interview are contacts for the one-contact-a-day rule;
- a handwritten note (a thank-you by mail) is not the thank-you call three-by-three asks for;
- a call that left nothing (``NO_ANSWER``) is not a contact at all: the other side never learns
  of it (career-staffing tells the seeker to hang up and call back);
- career-staffing's silence runs from the latest unanswered contact that used a budget (a call
  that got through, or a message left) until two weeks pass without another; the lift then holds
  until a reply (after which the silence runs from the last exchange).

Readings v2 (rules.md): five-rules and call-back speak after an interview only, and are silent
before one (a composition of silent parts only is SILENT); weekday and holiday exclusions concern
status follow-ups, not the thank-you; right-changes also skips their first business day back;
three-by-three waits three business days once before an interview and keeps its weekly calls for
job interviews; five-rules asks whether to stop once per spell of silence. The reference also
says whether a rule set times the next contact (``timed``): see ``TIMED``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

import followup_rules as fr

__all__ = ["Answer", "Story", "evaluate", "read"]

ONE_DAY = timedelta(days=1)
WALK_DAYS = 2 * 366

MONDAY, FRIDAY = 0, 4

Answer = tuple[fr.Action, date | None, fr.Purpose | None, bool]
"""What the reference answers: the action, the next date, the purpose, whether it is timed."""


@dataclass
class Seen:
    """One contact the seeker made, as logged."""

    day: date
    channel: fr.Channel
    outcome: fr.Outcome
    purpose: fr.Purpose

    @property
    def is_follow_up(self) -> bool:
        return self.purpose is not fr.Purpose.THANK_YOU


@dataclass
class Story:
    """What happened, read plainly from the events up to today."""

    today: date
    calendar: fr.WorkCalendar
    ended: bool = False
    after_interview: bool = False
    job_interview: bool = False
    stage_start: date = date.min
    deadline: date | None = None
    away_until: date | None = None
    stage_contacts: list[Seen] = field(default_factory=list)
    replies: list[date] = field(default_factory=list)

    @property
    def stage_follow_ups(self) -> list[Seen]:
        return [c for c in self.stage_contacts if c.is_follow_up]

    @property
    def unanswered(self) -> list[Seen]:
        """Follow-ups of this stage made after their last reply (a same-day reply counts)."""
        last_reply = max(self.replies, default=date.min)
        return [c for c in self.stage_follow_ups if c.day > last_reply]

    def thanked(self) -> bool:
        """A thank-you of this stage other than the handwritten note."""
        return any(
            c.purpose is fr.Purpose.THANK_YOU and c.channel is not fr.Channel.MAIL
            for c in self.stage_contacts
        )


def read(history: fr.History, today: date) -> Story:
    """Read the events in the history's own order (by day, then what was known first)."""
    story = Story(today=today, calendar=history.calendar)
    first = True
    for day, event in history.dated():
        assert day <= today
        if first:
            story.stage_start, first = day, False
        if isinstance(event, fr.Interview):
            story.after_interview = True
            story.job_interview = event.kind is fr.InterviewKind.JOB
            story.stage_start = day
            story.stage_contacts = []
            story.deadline = None
        elif isinstance(event, fr.DecisionExpected):
            story.deadline = event.by
        elif isinstance(event, fr.FollowUp) and event.outcome is not fr.Outcome.NO_ANSWER:
            seen = Seen(day, event.channel, event.outcome, event.purpose)
            story.stage_contacts.append(seen)
        elif isinstance(event, fr.Reply):
            story.replies.append(day)
        elif isinstance(event, fr.OutOfOffice):
            if story.away_until is None or event.until > story.away_until:
                story.away_until = event.until
        elif isinstance(event, fr.Answer | fr.AskedToStop | fr.Withdrew):
            story.ended = True
    return story


# --- calendar arithmetic, done by walking days -----------------------------------------------


def business_days_later(calendar: fr.WorkCalendar, day: date, count: int) -> date:
    """Count ``count`` business days after ``day``, one day at a time."""
    found = 0
    while found < count:
        day += ONE_DAY
        if calendar.is_business_day(day):
            found += 1
    return day


def first_business_day_after(calendar: fr.WorkCalendar, day: date) -> date:
    return business_days_later(calendar, day, 1)


def next_to_holiday(calendar: fr.WorkCalendar, day: date) -> bool:
    """The last business day before, or the first after, a break holding a holiday."""
    if not calendar.is_business_day(day):
        return False
    for step in (ONE_DAY, -ONE_DAY):
        other = day + step
        while not calendar.is_business_day(other):
            if calendar.is_holiday(other):
                return True
            other += step
    return False


# --- one function per rule set -----------------------------------------------------------------


def last_exchange(story: Story) -> date:
    """The last day either side said anything in this stage (or the stage's start)."""
    days = [story.stage_start] + [c.day for c in story.stage_contacts] + story.replies
    return max(days)


def common_allows(story: Story, day: date, purpose: fr.Purpose) -> bool:
    """The rules every rule set shares: business days, not while away, one contact a day."""
    if not story.calendar.is_business_day(day):
        return False
    if story.away_until is not None and day < first_business_day_after(
        story.calendar, story.away_until
    ):
        return False
    return day > max([story.stage_start] + [c.day for c in story.stage_contacts])


def lift_day(story: Story) -> date:
    """The day two weeks of silence lift career-staffing's spent call."""
    two_weeks = timedelta(days=14)
    spent = [
        c.day
        for c in story.unanswered
        if c.outcome
        in (
            fr.Outcome.REACHED,
            fr.Outcome.SENT,
            fr.Outcome.VOICEMAIL_LEFT,
            fr.Outcome.MESSAGE_WITH_PERSON,
        )
    ]
    if not spent:
        return last_exchange(story) + two_weeks
    for index in range(1, len(spent)):
        if spent[index] >= spent[index - 1] + two_weeks:
            return spent[index - 1] + two_weeks
    return spent[-1] + two_weeks


def career_staffing(story: Story, day: date, purpose: fr.Purpose) -> bool:
    if purpose is fr.Purpose.THANK_YOU:
        return True
    if day < story.stage_start + timedelta(days=7):
        return False  # a week after the application, or after the interview
    follow_ups = story.stage_follow_ups
    calls = [c for c in follow_ups if c.outcome in (fr.Outcome.REACHED, fr.Outcome.SENT)]
    if calls:  # the one call is spent: only two weeks of silence free another
        return day >= lift_day(story)
    return True


def first_day_back(story: Story) -> date | None:
    if story.away_until is None:
        return None
    return first_business_day_after(story.calendar, story.away_until)


def right_changes(story: Story, day: date, purpose: fr.Purpose) -> bool:
    if purpose is fr.Purpose.THANK_YOU:
        return True
    if day.weekday() in (MONDAY, FRIDAY) or day == first_day_back(story):
        return False
    if next_to_holiday(story.calendar, day):
        return False
    return story.deadline is None or day > story.deadline


def five_rules(story: Story, day: date, purpose: fr.Purpose) -> bool:
    if purpose is fr.Purpose.THANK_YOU:
        return True
    if day < story.stage_start + timedelta(days=7):
        return False
    follow_ups = story.stage_follow_ups
    return not follow_ups or day >= follow_ups[-1].day + timedelta(days=7)


def five_rules_asks(story: Story) -> bool:
    unanswered = story.unanswered
    if any(c.purpose is fr.Purpose.ASK_WHETHER_TO_CONTINUE for c in unanswered):
        return False
    return len(unanswered) >= 2 and len({c.channel for c in unanswered}) >= 2


def three_by_three_thanks(story: Story) -> bool:
    return story.after_interview and not story.stage_follow_ups and not story.thanked()


def three_by_three(story: Story, day: date, purpose: fr.Purpose) -> bool:
    calendar = story.calendar
    if purpose is fr.Purpose.THANK_YOU:
        if not three_by_three_thanks(story):
            return True  # another rule set's thank-you; this one has nothing against it
        return day >= business_days_later(calendar, story.stage_start, 1)
    if not story.after_interview:
        return day >= business_days_later(calendar, story.stage_start, 3)
    if not story.job_interview:
        return True
    contacts = story.stage_contacts
    anchor = contacts[-1].day if contacts else story.stage_start
    return day >= anchor + timedelta(days=7)


def call_back(story: Story, day: date, purpose: fr.Purpose) -> bool:
    if purpose is fr.Purpose.THANK_YOU:
        return True
    if day.weekday() == MONDAY:
        return False
    if story.deadline is not None:
        return day > story.deadline
    return day >= story.stage_start + timedelta(days=7)


def call_back_stops(story: Story) -> bool:
    left = [
        c
        for c in story.unanswered
        if c.outcome in (fr.Outcome.VOICEMAIL_LEFT, fr.Outcome.MESSAGE_WITH_PERSON)
    ]
    return len(left) >= 2


# --- which rule sets time the next contact ------------------------------------------------------


def first_after_date(story: Story) -> bool:
    """No follow-up yet after the date they named: that date times the next one."""
    assert story.deadline is not None
    return not any(c.day > story.deadline for c in story.stage_follow_ups)


def none_since(story: Story, day: date) -> bool:
    """No follow-up of the stage on or after ``day``: a wait ending then still times one."""
    return not any(c.day >= day for c in story.stage_follow_ups)


def career_staffing_times(story: Story, purpose: fr.Purpose) -> bool:
    status = purpose is not fr.Purpose.THANK_YOU
    return status and none_since(story, story.stage_start + timedelta(days=7))


def right_changes_times(story: Story, purpose: fr.Purpose) -> bool:
    status = purpose is not fr.Purpose.THANK_YOU
    return status and story.deadline is not None and first_after_date(story)


def five_rules_times(story: Story, purpose: fr.Purpose) -> bool:
    return purpose is not fr.Purpose.THANK_YOU


def three_by_three_times(story: Story, purpose: fr.Purpose) -> bool:
    if purpose is fr.Purpose.THANK_YOU:
        return three_by_three_thanks(story)
    if not story.after_interview:
        return none_since(story, business_days_later(story.calendar, story.stage_start, 3))
    return story.job_interview


def call_back_times(story: Story, purpose: fr.Purpose) -> bool:
    if purpose is fr.Purpose.THANK_YOU:
        return False
    if story.deadline is not None:
        return first_after_date(story)
    return none_since(story, story.stage_start + timedelta(days=7))


Allows = Callable[[Story, date, fr.Purpose], bool]
Times = Callable[[Story, fr.Purpose], bool]

ALLOWS: dict[str, Allows] = {
    "career-staffing": career_staffing,
    "right-changes": right_changes,
    "five-rules": five_rules,
    "three-by-three": three_by_three,
    "call-back": call_back,
}

TIMED: dict[str, Times] = {
    "career-staffing": career_staffing_times,
    "right-changes": right_changes_times,
    "five-rules": five_rules_times,
    "three-by-three": three_by_three_times,
    "call-back": call_back_times,
}

AFTER_INTERVIEW_ONLY = frozenset({"five-rules", "call-back"})
"""The documents that speak after an interview only."""


def purpose_of(story: Story, names: Sequence[str]) -> fr.Purpose:
    if "three-by-three" in names and three_by_three_thanks(story):
        return fr.Purpose.THANK_YOU
    if "five-rules" in names and five_rules_asks(story):
        return fr.Purpose.ASK_WHETHER_TO_CONTINUE
    return fr.Purpose.STATUS


def evaluate(history: fr.History, today: date, names: Sequence[str]) -> Answer:
    """What every rule set in ``names`` allows together, walking day by day from ``today``."""
    story = read(history, today)
    if story.ended:
        return fr.Action.DONE, None, None, False
    speaking = [n for n in names if story.after_interview or n not in AFTER_INTERVIEW_ONLY]
    if not speaking:
        return fr.Action.SILENT, None, None, False
    if "call-back" in speaking and call_back_stops(story):
        return fr.Action.STOP, None, None, False
    purpose = purpose_of(story, speaking)
    timed = any(TIMED[name](story, purpose) for name in speaking)
    day = today
    for _ in range(WALK_DAYS):
        if common_allows(story, day, purpose) and all(
            ALLOWS[name](story, day, purpose) for name in speaking
        ):
            action = fr.Action.FOLLOW_UP if day == today else fr.Action.WAIT
            return action, day, purpose, timed
        day += ONE_DAY
    return fr.Action.BLOCKED, None, purpose, False
