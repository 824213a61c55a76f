#!/usr/bin/env bash
# One command from a fresh clone: make a virtualenv, install govgraph, load the
# default dataset into the embedded engine and answer the headline questions.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
GG=.venv/bin/govgraph
$GG load
echo
$GG who-leads 11
$GG measures 市委组织部
echo
$GG escalate --issue fire-lane
echo
echo "Done. Try: .venv/bin/govgraph --help"
