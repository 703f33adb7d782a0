#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerates docs/screenshots/ with the app's headless options (docs/gui.md).
# Usage: docs/screenshots/make-screenshots.sh [path/to/migration-sandbox [path/to/msb_browser_probe]]
# The follow page's pictures need headless Chromium (chromium-headless-shell or chromium).
set -eu
app=${1:-build/dev/app/gui/migration-sandbox}
probe=${2:-$(dirname "$app")/../../tests/web/msb_browser_probe}
out=$(dirname "$0")
export QT_QPA_PLATFORM=offscreen
# A private data directory: no autosaved session of the user's is offered or overwritten.
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME
round=1,1,1,1,1,1,1,2,2,2,1,2,2,1,1,1,2,2
shot() { name=$1; shift; "$app" "$@" --screenshot "$out/$name.png"; }
shot initial
shot w-sleeping-with-reference --preset pre-v5.0 --schedule 1,1,1,1,1,1,1,2,2,2,2 --tab history
shot prospects-and-watches assets/scenarios/fault-vs-holder.json --preset v5.11-patched --schedule T1,H,T1,T1,T1,T1,T1,T1,T1,T1,H \
  --position 9 --tab history --watch 'page_count(D0)' --watch 'owner(D0)'
shot check-failing --schedule 1,1,1,1,1,1,1,2,2,2,1
shot livelock-round --schedule $round --tab history
shot patched-success --preset v5.11-patched --schedule $round,1,2
shot explore-results --explore
shot charts-refcount-timeline --schedule $round --position 11 --tab charts
shot livelock-round-dark --schedule $round --theme dark
shot livelock-round-1920x1080 --schedule $round --size 1920x1080 --zoom 1.5
shot livelock-round-high-contrast --schedule $round --theme high-contrast
shot causal-slice tests/data/scenarios/three-on-two-pages.json --preset v5.11-patched \
  --schedule T2,H,T2,T2,T2,T2,T2,T1,T1,T1,T1,T1,T1,T1,T1,T1,H --tab history
shot compare-kernels fault-vs-holder --compare v5.17,v5.18
# The German translation, on the check that fails (README "Languages").
shot german --lang de --schedule 1,1,1,1,1,1,1,2,2,2,1 --tab history
# Lesson mode on the page-4 checkpoint, answered wrongly, with progress seeded in a fresh
# settings directory (the user's own lesson progress stays untouched).
config=$(mktemp -d)
mkdir -p "$config/migration-sandbox"
printf '[lessons]\nlivelock\\page=3\nlivelock\\answers\\2=0\nlivelock\\answers\\3=2\n' \
  >"$config/migration-sandbox/migration-sandbox.conf"
XDG_CONFIG_HOME=$config shot lesson-mode --lesson livelock --size 1500x900

# The follow page in a browser, desktop and phone width: the app hosts the same lesson page (its
# question goes to the students) and headless Chromium follows with the join code.
chromium=$(command -v chromium-headless-shell || command -v chromium || true)
if [ -n "$chromium" ] && [ -x "$probe" ]; then
  hosted=$(mktemp)
  XDG_CONFIG_HOME=$config "$app" --lesson livelock --host 0 --code K7XQ2M >"$hosted" 2>/dev/null &
  host_pid=$!
  tries=0
  until grep -q '^hosting on ' "$hosted" || [ $tries -ge 100 ]; do sleep 0.1; tries=$((tries + 1)); done
  port=$(sed -n 's/^hosting on [^ ]*:\([0-9]*\) .*/\1/p' "$hosted")
  ready='document.querySelector("#stage svg") !== null && !document.getElementById("checkpoint").hidden'
  "$probe" "$chromium" --size 1280x900 --open "http://127.0.0.1:$port/?code=K7XQ2M" --wait "$ready" \
    --screenshot "$out/follow-page-desktop.png"
  "$probe" "$chromium" --size 390x844 --mobile --open "http://127.0.0.1:$port/?code=K7XQ2M" --wait "$ready" \
    --screenshot "$out/follow-page-phone.png" \
    --eval 'Array.from(document.querySelectorAll("#stage svg text")).find((t) => /page_count/.test(t.textContent)).scrollIntoView({block: "center"})' \
    --screenshot "$out/follow-page-phone-page.png"
  kill "$host_pid"
  rm -f "$hosted"
else
  echo "no headless Chromium or msb_browser_probe: follow page screenshots skipped" >&2
fi
rm -rf "$config"

# The teacher's tally dock after two questions and an app student's answers (tst_tally_panel).
tally_test=$(dirname "$app")/../../tests/app/tst_tally_panel
if [ -x "$tally_test" ]; then
  tally=$(mktemp -d)
  MSB_TALLY_SCREENSHOT=$tally "$tally_test" >/dev/null
  cp "$tally/tally-light.png" "$out/tally-panel.png"
  rm -rf "$tally"
fi
rm -rf "$XDG_DATA_HOME"
