"""Hypothesis strategies for property-testing code that uses followup_rules, and the
conformance kit that checks a rule set with them.

Importing this package imports ``hypothesis``; nothing else in the library does, so an app that
never imports ``followup_rules.testing`` never needs it installed. Its two parts are
``testing.strategies`` and ``testing.conformance``; every public name is imported from here.

The strategies are plural nouns, their options keyword-only:

- :func:`calendars` draws work calendars for a handful of countries and subdivisions, with or
  without the employer's time zone and a few closed dates;
- :func:`events` draws single events of every kind;
- :func:`histories` draws realistic histories of one application: an application first, then
  interviews, stated deadlines, follow-ups of every channel, outcome and purpose, replies,
  absences, stated preferences and, rarely, an ending;
- :func:`days_after` draws a day to evaluate a history on: its last event's day or later;
- :func:`searches` draws job searches of the study's archetypes (:mod:`followup_rules.scenarios`).

:func:`check_ruleset` runs the core's invariants (:data:`INVARIANTS`) on any rule set with these
strategies, so a rule set of your own is checked as thoroughly as the built-in ones
(:func:`check_example` runs them on one history you chose)::

    def test_my_rules():
        check_ruleset(MY_RULES)

For example::

    from hypothesis import given, strategies as st
    import followup_rules as fr
    from followup_rules.testing import days_after, histories

    @given(st.data(), histories())
    def test_never_before_today(data, history):
        today = data.draw(days_after(history))
        decision = fr.evaluate(history, today)
        assert decision.next_date is None or decision.next_date >= today
"""

from followup_rules.testing.conformance import (
    INVARIANTS,
    MAX_EXAMPLES,
    ConformanceError,
    check_example,
    check_ruleset,
)
from followup_rules.testing.strategies import (
    END,
    PLACES,
    START,
    calendars,
    days_after,
    events,
    histories,
    searches,
)

__all__ = [
    "END",
    "INVARIANTS",
    "MAX_EXAMPLES",
    "PLACES",
    "START",
    "ConformanceError",
    "calendars",
    "check_example",
    "check_ruleset",
    "days_after",
    "events",
    "histories",
    "searches",
]
