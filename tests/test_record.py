"""One record of a decision: JSON, comparisons and batch tables show the same fields alike."""

from __future__ import annotations

from datetime import date

import pytest

import followup_rules as fr
from followup_rules._record import DECISION_COLUMNS, to_json
from followup_rules.batch import decision_columns
from followup_rules.examples import EXAMPLE_TODAY, example_history

pd = pytest.importorskip("pandas")


def _plain(value: object) -> object:
    if value is None or value is pd.NA or value is pd.NaT or value != value:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value.item() if hasattr(value, "item") else value


def test_every_table_of_decisions_has_the_record_s_columns() -> None:
    frame = fr.compare(example_history(), EXAMPLE_TODAY).to_pandas()
    assert list(frame.columns) == ["ruleset", *DECISION_COLUMNS]
    columns = decision_columns([example_history()], EXAMPLE_TODAY)
    assert list(columns) == list(DECISION_COLUMNS)


def test_json_and_tables_say_the_same_of_each_decision() -> None:
    comparison = fr.compare(example_history(), EXAMPLE_TODAY)
    frame = comparison.to_pandas()
    for index, row in enumerate(comparison.rows):
        document = to_json(row.decision)
        batch = decision_columns([example_history()], EXAMPLE_TODAY, rules=row.ruleset)
        for name in DECISION_COLUMNS:
            cell = _plain(frame.loc[index, name])
            assert _plain(batch[name][0]) == cell, name
            if name == "why":
                binding = [r for r in document["reasons"] if r["binding"]]
                assert "; ".join(f"{r['rule']}: {r['what']}" for r in binding) == cell
            elif name == "rulesets":
                listed = ", ".join(f"{r['name']} {r['version']}" for r in document["rulesets"])
                assert listed == cell
            else:
                assert document[name] == cell, name
