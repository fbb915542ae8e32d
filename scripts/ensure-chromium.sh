#!/usr/bin/env bash
# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser), and the
# fonts a plain Debian lacks for what the page shows: Chinese aliases (WenQuanYi Zen Hei) and the
# label glyphs such as the security force's shield U+26E8 (Symbola); DejaVu Sans (with WenQuanYi for
# Chinese) is also what the cited report's PDF is written in (graph/export/report_pdf.py).
set -euo pipefail
PACKAGES=(chromium fonts-wqy-zenhei fonts-symbola fonts-dejavu-core)
missing=()
for package in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" || missing+=("$package")
done
[ ${#missing[@]} = 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "ensure-chromium: ${missing[*]} missing and this user cannot install them;" \
       "browser tests will be skipped or fail on glyphs (apt-get install -y ${missing[*]})" >&2
fi
