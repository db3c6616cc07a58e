"""Every ``>>>`` example in README.md and docs/**/*.md runs, so the documentation cannot rot.

Each Markdown file is one doctest session (``doctest.testfile``): names defined in one example
are visible to the next ones of the same file, never to another file.
"""

from __future__ import annotations

import contextlib
import doctest
import io
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted([ROOT / "README.md", *(ROOT / "docs").rglob("*.md")])
FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


@pytest.mark.parametrize("path", FILES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_examples_in_file(path: Path) -> None:
    report = io.StringIO()
    with contextlib.redirect_stdout(report):
        failed, _ = doctest.testfile(
            str(path),
            module_relative=False,
            optionflags=FLAGS,
            encoding="utf-8",
            raise_on_error=False,
        )
    if failed:
        pytest.fail(report.getvalue(), pytrace=False)
