#!/usr/bin/env bash
# A font with Chinese glyphs for the analytics charts (govgraph draw --chart, GET
# /analytics/{chart}/plot): Debian's fonts-wqy-zenhei (文泉驿正黑, GPL-2 with the
# font embedding exception; the same font the browser test's screenshots use),
# installed idempotently. Run by scripts/install.sh, so by the quick start, CI
# and the Dockerfile. Without it the charts still draw, labelled in English, and
# say so (govgraph/charts.py); any other CJK font file can be named with
# GOVGRAPH_CJK_FONT instead.
#   GOVGRAPH_SKIP_FONTS=1   skip this step (charts then label in English)
# Never fails the install: where apt cannot run (no root, no sudo, not Debian) it
# says what to install and goes on.
set -uo pipefail
PKG=fonts-wqy-zenhei
if [[ -n "${GOVGRAPH_SKIP_FONTS:-}" ]]; then
  echo "install-fonts: skipped (GOVGRAPH_SKIP_FONTS); charts label in English" >&2
  exit 0
fi
if dpkg-query -W -f='${Status}' "$PKG" 2>/dev/null | grep -q "install ok installed"; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "install-fonts: no apt-get here; install a CJK font (e.g. WenQuanYi Zen Hei, Noto Sans CJK SC)" \
       "or set GOVGRAPH_CJK_FONT to a font file, else charts label in English" >&2
  exit 0
fi
SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
  else
    echo "install-fonts: not root; run 'apt-get install $PKG' as root for Chinese chart labels" >&2
    exit 0
  fi
fi
echo "install-fonts: apt-get install $PKG" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends "$PKG" >/dev/null; }; then
  echo "install-fonts: could not install $PKG; charts label in English" >&2
fi
exit 0
