"""The documentation site builds under ``mkdocs build --strict``, with every link checked, and
the API reference shows each attrs field with its type and description.

Skipped where the ``docs`` extra is not installed (the wheel's test environment).
"""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("mkdocs")
    pytest.importorskip("griffe_fieldz")
    folder = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(folder)],
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return folder


def _text(page: Path) -> str:
    """The page's words, without its markup."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", page.read_text("utf-8"))).split())


def test_the_api_reference_lists_each_field_with_its_type_and_description(site: Path) -> None:
    words = _text(site / "reference" / "api" / "index.html")
    assert (
        "next_date date | None The first day allowed for the next contact, on or after today ."
        in words
    )
    assert "next_date = None class-attribute instance-attribute" not in words


def test_a_link_to_a_folder_fails_the_strict_build(tmp_path: Path) -> None:
    # The explanation page linked `rulesets/`, a 404 on the built site, and strict let it by.
    pytest.importorskip("mkdocs")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "index.md").write_text("See [the rule sets](rulesets/).\n", encoding="utf-8")
    config = (ROOT / "mkdocs.yml").read_text("utf-8")
    validation = config[config.index("validation:") : config.index("theme:")]
    (tmp_path / "mkdocs.yml").write_text(
        f"site_name: check\nstrict: true\n{validation}", encoding="utf-8"
    )
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
        cwd=tmp_path,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 1
    assert "unrecognized relative link 'rulesets/'" in done.stderr
