#!/usr/bin/env bash
# Mutation testing of the core (engine, resolution, effects, calendar, history, rules/).
# Not part of .ci/run: a full run takes tens of minutes. Configuration: [tool.mutmut] in
# pyproject.toml. Usage: mutation/run.sh [mutant names...]   (MUTMUT_JOBS=2 by default)
# Then: mutation/.venv/bin/mutmut results  /  mutation/.venv/bin/mutmut show <name>
set -euo pipefail
cd "$(dirname "$0")/.."

venv=mutation/.venv
mutmut_version=3.8.1
if [[ ! -x $venv/bin/mutmut ]] || ! "$venv/bin/mutmut" --version | grep -q "$mutmut_version"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "mutmut==$mutmut_version" -e ".[test]"
fi

rm -f mutants/recheck.json
"$venv/bin/mutmut" run --max-children "${MUTMUT_JOBS:-2}" "$@" || true
echo "mutmut alone:"
"$venv/bin/python" mutation/score.py
# mutmut forks each mutant's test run from a process that already imported the package, so a
# mutant in code that runs at import time (attrs field helpers, functools.cache state) shows up
# as a survivor: recheck.py runs every survivor again, each in a fresh process.
"$venv/bin/python" mutation/recheck.py | tail -n 1
echo "after the fresh-process re-check:"
"$venv/bin/python" mutation/score.py
echo "survivors: $venv/bin/python mutation/survivors.py"
