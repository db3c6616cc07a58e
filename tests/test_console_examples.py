"""Every ``$ command`` in a ```console block of docs/ runs, and prints what the page shows.

The commands run in ``sh`` in a scratch folder holding ``my-search.toml`` (a copy of the bundled
demo tracker) and the repository's ``examples/``, with the installed ``followup-rules`` first on
the PATH; standard error is shown with standard output, as in a terminal. A ``$ cat FILE``
example writes FILE first from the text the page shows, so a page can introduce a file of its
own.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import attrs
import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "docs").rglob("*.md"))
BLOCK = re.compile(r"^```console\n(.*?)^```", re.MULTILINE | re.DOTALL)


@attrs.frozen
class Example:
    page: str
    command: str
    shown: str


def _examples(path: Path) -> list[Example]:
    found = []
    for block in BLOCK.findall(path.read_text(encoding="utf-8")):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, shown = chunk.partition("\n")
            found.append(Example(path.relative_to(ROOT).as_posix(), command, shown))
    return found


EXAMPLES = [example for page in PAGES for example in _examples(page)]


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("console")
    demo = files("followup_rules") / "data" / "demo-tracker.toml"
    (folder / "my-search.toml").write_text(demo.read_text(encoding="utf-8"), encoding="utf-8")
    shutil.copytree(ROOT / "examples", folder / "examples")
    return folder


def _lines(text: str) -> list[str]:
    return [line.rstrip() for line in text.rstrip().splitlines()]


@pytest.mark.slow
@pytest.mark.parametrize("example", EXAMPLES, ids=[f"{e.page}: {e.command[:60]}" for e in EXAMPLES])
def test_the_command_prints_what_the_page_shows(example: Example, scratch: Path) -> None:
    written = re.fullmatch(r"cat (\S+)", example.command)
    if written:
        (scratch / written.group(1)).write_text(example.shown, encoding="utf-8")
    scripts = Path(sys.executable).parent
    assert shutil.which("followup-rules", path=str(scripts)), "the console script is installed"
    env = {**os.environ, "PATH": f"{scripts}{os.pathsep}{os.environ.get('PATH', '')}"}
    ran = subprocess.run(
        ["sh", "-c", f"{{ {example.command}; }} 2>&1"],
        cwd=scratch,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert _lines(ran.stdout) == _lines(example.shown)


def test_the_command_line_page_has_examples() -> None:
    assert len([e for e in EXAMPLES if e.page == "docs/how-to/command-line.md"]) >= 10
