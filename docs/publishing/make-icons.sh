#!/usr/bin/env bash
# Renders the Marketplace icons (32 and 128 px, PNG, transparent corners) from icon.svg with
# headless Chromium: a page showing the SVG at each size, screenshotted at that size.
set -euo pipefail
cd "$(dirname "$0")"
CHROMIUM="${CHROMIUM:-chromium}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
for size in 32 128; do
  cat >"$tmp/icon-$size.html" <<HTML
<!doctype html><html><body style="margin:0;background:transparent">
<img src="file://$PWD/icon.svg" width="$size" height="$size" style="display:block">
</body></html>
HTML
  "$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars --default-background-color=00000000 \
    --window-size="$size,$size" --screenshot="$PWD/icon-$size.png" "file://$tmp/icon-$size.html" 2>/dev/null
done
