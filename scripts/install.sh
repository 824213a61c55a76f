#!/usr/bin/env bash
# Install govgraph into a virtualenv: the one install step shared by the quick
# start, CI and the Dockerfile. VENV (default .venv) and EXTRAS (default test)
# choose where and what. A font with Chinese glyphs for the charts comes from
# scripts/install-fonts.sh (Debian's fonts-wqy-zenhei; GOVGRAPH_SKIP_FONTS=1 skips it).
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
EXTRAS=${EXTRAS:-test}
PY=${PYTHON:-python3}
if [[ ! -x "$VENV/bin/python" ]]; then
  "$PY" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install --quiet --upgrade pip
if [[ -n "$EXTRAS" ]]; then
  "$VENV/bin/python" -m pip install --quiet ${EDITABLE:--e} ".[$EXTRAS]"
else
  "$VENV/bin/python" -m pip install --quiet ${EDITABLE:--e} .
fi
# The project's own modules and tests compiled to bytecode now, not on the first test run
# (an editable install leaves them uncompiled).
"$VENV/bin/python" -m compileall -q -j 0 api graph loaders queries govgraph tests scripts bench > /dev/null || true
bash scripts/install-fonts.sh
