#!/usr/bin/env bash
# What `python -m bench` needs beyond govgraph itself:
#   wrk (Debian/Ubuntu package) as the HTTP load generator, and the `bench` extra
#   (py-spy, pyinstrument) for profiles. Run as root or with sudo available.
#   scripts/install-bench-deps.sh [--no-apt]
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PYTHON:-$REPO_ROOT/.venv/bin/python}"

if [[ "${1:-}" != "--no-apt" ]] && ! command -v wrk >/dev/null; then
  SUDO=""; [[ $(id -u) -ne 0 ]] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq wrk
fi
"$PY" -m pip install -q -e "$REPO_ROOT[bench]"
command -v wrk >/dev/null && echo "wrk: $(command -v wrk)" || echo "wrk: not installed (the harness falls back to a Python generator)"
