"""List the surviving mutants as ``module:line``, the original line and the mutated one.

Why not ``mutmut show``: it takes seconds per mutant here; this reads the mutated files once.
Usage: ``mutation/.venv/bin/python mutation/survivors.py [glob ...]`` (default: every survivor).
"""

from __future__ import annotations

import ast
import fnmatch
import json
import sys
from pathlib import Path

MUTANTS = Path("mutants/src")
RECHECKED = Path("mutants/recheck.json")


def _functions(tree: ast.AST) -> dict[str, ast.FunctionDef]:
    """Every function definition in ``tree`` by name, methods as ``xǁClassǁname`` like mutmut."""
    found: dict[str, ast.FunctionDef] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef):
            found.setdefault(node.name, node)
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    found[f"xǁ{node.name}ǁ{item.name}"] = item
    return found


def _lines(source: str, node: ast.FunctionDef) -> list[str]:
    return (ast.get_source_segment(source, node) or "").splitlines()


def describe(module: Path, names: list[str]) -> list[str]:
    """One line per surviving mutant of ``module``: where it is and what it changed."""
    mutated = (MUTANTS / module).read_text(encoding="utf-8")
    original = (Path("src") / module).read_text(encoding="utf-8")
    mutants = _functions(ast.parse(mutated))
    plain = _functions(ast.parse(original))
    rows = []
    for name in names:
        local = name.rsplit(".", 1)[1]
        function = local.rsplit("__mutmut_", 1)[0]
        before = _lines(mutated, mutants[f"{function}__mutmut_orig"])
        orig = f"{function}__mutmut_orig"
        after = [text.replace(local, orig) for text in _lines(mutated, mutants[local])]
        offset = next(
            (i for i, (a, b) in enumerate(zip(before, after, strict=False)) if a != b),
            min(len(before), len(after)),
        )
        key = function if function.startswith("xǁ") else function.removeprefix("x_")
        line = plain[key].lineno + offset
        old = before[offset].strip() if offset < len(before) else ""
        new = after[offset].strip() if offset < len(after) else "(lines removed)"
        rows.append(f"{module}:{line} `{local.split('__mutmut_')[-1]}` `{old}` -> `{new}`")
    return rows


def main(patterns: list[str]) -> int:
    """Print every survivor matching a pattern, by module and line, leaving out the ones
    mutation/recheck.py killed in a fresh process."""
    rechecked = json.loads(RECHECKED.read_text(encoding="utf-8")) if RECHECKED.exists() else {}
    for meta in sorted(MUTANTS.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        names = [n for n, code in codes.items() if code == 0 and not rechecked.get(n)]
        names = [n for n in names if any(fnmatch.fnmatch(n, p) for p in patterns or ["*"])]
        if names:
            module = meta.relative_to(MUTANTS).with_suffix("").with_suffix(".py")
            print("\n".join(describe(module, names)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
