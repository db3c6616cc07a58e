"""The bundled example history and tracker are defined once, in ``_demo``, and every import
path that gave them before still gives the same objects."""

from __future__ import annotations

from datetime import date

import followup_rules as fr
from followup_rules import _demo, examples, tracker


def test_the_old_import_paths_give_the_objects_defined_in_demo() -> None:
    assert examples.example_history is _demo.example_history
    assert examples.EXAMPLE_TODAY is _demo.EXAMPLE_TODAY
    assert tracker.demo_tracker is _demo.demo_tracker is fr.demo_tracker
    assert tracker.DEMO_TODAY is _demo.DEMO_TODAY is fr.DEMO_TODAY


def test_the_demo_is_read_on_the_day_before_thanksgiving() -> None:
    assert _demo.DEMO_TODAY == _demo.EXAMPLE_TODAY == date(2026, 11, 25)
    demo = _demo.demo_tracker()
    assert len(demo) == 6
    assert isinstance(demo, tracker.Tracker)
    assert _demo.example_history().events[0] == fr.Applied(date(2026, 10, 26))


def test_the_tracker_package_gives_every_name_the_tracker_module_gave() -> None:
    names = {
        "CSV_COLUMNS", "DEFAULT_COUNTRY", "DEMO_TODAY", "MAX_APPLICATIONS", "MAX_BYTES",
        "MAX_EVENTS", "MAX_NESTING", "MAX_TEXT", "Application", "Tracker", "TrackerFormat",
        "demo_tracker", "dump_tracker", "dumps_tracker", "load_tracker", "loads_tracker",
    }  # fmt: skip
    assert set(tracker.__all__) == names
    assert all(hasattr(tracker, name) for name in names)
    assert tracker.MAX_TEXT == 200
