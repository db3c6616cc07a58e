"""Shared test configuration: the hypothesis profiles.

``FOLLOWUP_RULES_PROFILE`` picks one (default ``ci``):

- ``ci``: few examples and a fixed seed, so every run checks the same cases and stays fast;
- ``quick``: ten examples per property, for the fast run while working
  (``FOLLOWUP_RULES_PROFILE=quick pytest -m "not slow"``);
- ``thorough``: ten thousand examples per property, random seeds, for a long run by hand or on a
  schedule (``FOLLOWUP_RULES_PROFILE=thorough pytest tests/test_properties.py``).

``FOLLOWUP_RULES_TEST_LOCALE`` names a process locale to run the tests under (such as
``de_DE.UTF-8``): CI runs the property tests under a German one, since weekday names once
followed it.
"""

from __future__ import annotations

import locale
import os

from hypothesis import HealthCheck, settings

if os.environ.get("FOLLOWUP_RULES_TEST_LOCALE"):
    locale.setlocale(locale.LC_ALL, os.environ["FOLLOWUP_RULES_TEST_LOCALE"])

# Installed plugins would join the registry and the rule sets these tests enumerate.
os.environ.setdefault("FOLLOWUP_RULES_NO_PLUGINS", "1")

settings.register_profile(
    "ci",
    max_examples=60,
    deadline=None,
    derandomize=True,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "thorough",
    max_examples=10_000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile("quick", settings.get_profile("ci"), max_examples=10)
settings.load_profile(os.environ.get("FOLLOWUP_RULES_PROFILE", "ci"))
