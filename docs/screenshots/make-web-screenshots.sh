#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerates the browser viewer's screenshots: the v5.11 livelock round recorded with the CLI,
# one step narrated, exported with `--format html` and shot by headless Chromium at desktop
# (1280x800) and phone (390x844) width on the failing check, step 11.
# Usage: docs/screenshots/make-web-screenshots.sh [BUILD_DIR]   (default build/dev)
set -eu
build=${1:-build/dev}
out=$(cd "$(dirname "$0")" && pwd)
chromium=$(command -v chromium-headless-shell || command -v chromium)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export QT_QPA_PLATFORM=offscreen

"$build/app/cli/migration-sandbox-cli" run two-faults --preset v5.11 \
  --schedule T1,T1,T1,T1,T1,T1,T1,T2,T2,T2,T1,T2,T2,T1,T1,T1,T2,T2 --record "$work/round.msrec.json" >/dev/null
sed 's/"step": "M7-fail",/"step": "M7-fail", "narration": "T2 still holds its reference: page_count(D0) is 3, the check expects 2, so the migration backs off and T1 faults again.",/' \
  "$work/round.msrec.json" >"$work/narrated.msrec.json"
"$build/app/gui/migration-sandbox" --export "$work/narrated.msrec.json" --format html -o "$work/round.html"

shot() {
  "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update \
    --disable-sync --no-first-run --hide-scrollbars --user-data-dir="$work/profile" \
    --window-size="$2" --screenshot="$out/$1.png" "file://$work/round.html#step=11" 2>/dev/null
}
shot web-viewer-desktop 1280,800
shot web-viewer-phone 390,844
