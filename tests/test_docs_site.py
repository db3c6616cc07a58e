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


def test_the_notebooks_are_published_run_with_their_plots(site: Path) -> None:
    # The stored notebooks hold no outputs; the build runs them, so each page shows its plot.
    philosophies = site / "notebooks" / "compare-philosophies" / "index.html"
    coach = site / "notebooks" / "coach-variant" / "index.html"
    for page in (philosophies, coach):
        assert re.search(r'<img [^>]*src="data:image/png;base64,', page.read_text("utf-8"))
        assert (page.parent / f"{page.parent.name}.ipynb").is_file()
    assert "6 applications, read on Wednesday 25 November 2026" in _text(philosophies)
    assert "variant + 3x3: Wed 25 Nov, Wed 02 Dec" in _text(coach)
    for linking in ("index.html", "tutorial/index.html"):
        links = re.findall(r'href="([^"]+)"', (site / linking).read_text("utf-8"))
        assert {link.rsplit("notebooks/", 1)[-1] for link in links if "notebooks/" in link} == {
            "compare-philosophies/",
            "coach-variant/",
        }


def test_the_navigation_has_a_page_for_each_built_in_rule_set(site: Path) -> None:
    import followup_rules as fr

    links = re.findall(r'href="([^"]*rulesets/[a-z-]+/)"', (site / "index.html").read_text("utf-8"))
    pages = list(dict.fromkeys(link.rsplit("rulesets/", 1)[-1] for link in links))
    assert pages == [f"{ruleset.name}/" for ruleset in fr.rulesets.BUILT_IN] + ["common/"]
