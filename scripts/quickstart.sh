#!/usr/bin/env bash
# One command from a fresh clone: make a virtualenv, install govgraph, load the
# default dataset into the embedded engine and answer the headline questions.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [[ ! -x .venv/bin/python ]]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".[test]"
GG=.venv/bin/govgraph
$GG load
echo
$GG who-leads 11
$GG measures 市委组织部
echo
$GG escalate --issue fire-lane
echo
echo "Done. Try: .venv/bin/govgraph --help"
