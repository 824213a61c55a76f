#!/usr/bin/env bash
# What the browser test (tests/system/test_browser.py) needs, installed idempotently:
#   - Debian's chromium and chromium-driver (the same version, from the same apt
#     source, so Selenium never downloads a driver or a browser),
#   - a font with Chinese glyphs (fonts-wqy-zenhei) so screenshots are readable,
#   - Selenium in the virtualenv (also a `test` extra in pyproject.toml).
# Quick when everything is already there: apt is not touched then.
#   VENV=.venv bash scripts/install-browser-deps.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PKGS=(chromium chromium-driver fonts-wqy-zenhei)
missing=()
for p in "${PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if ((${#missing[@]})); then
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  echo "install-browser-deps: apt-get install ${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

VENV=${VENV:-.venv}
if [[ -x "$VENV/bin/python" ]] && ! "$VENV/bin/python" -c "import selenium" 2>/dev/null; then
  echo "install-browser-deps: pip install selenium into $VENV" >&2
  "$VENV/bin/python" -m pip install --quiet "selenium>=4.20"
fi

echo "install-browser-deps: $(chromium --version 2>/dev/null | head -1); $(chromedriver --version | head -1)" >&2
