#!/bin/sh
# SPDX-License-Identifier: MIT
# Regenerates docs/screenshots/ with the app's headless options (docs/gui.md).
# Usage: docs/screenshots/make-screenshots.sh [path/to/migration-sandbox]
set -eu
app=${1:-build/dev/app/gui/migration-sandbox}
out=$(dirname "$0")
export QT_QPA_PLATFORM=offscreen
# A private data directory: no autosaved session of the user's is offered or overwritten.
XDG_DATA_HOME=$(mktemp -d)
export XDG_DATA_HOME
round=1,1,1,1,1,1,1,2,2,2,1,2,2,1,1,1,2,2
shot() { name=$1; shift; "$app" "$@" --screenshot "$out/$name.png"; }
shot initial
shot w-sleeping-with-reference --preset pre-v5.0 --schedule 1,1,1,1,1,1,1,2,2,2,2 --tab history
shot check-failing --schedule 1,1,1,1,1,1,1,2,2,2,1
shot livelock-round --schedule $round --tab history
shot patched-success --preset v5.11-patched --schedule $round,1,2
shot explore-results --explore
shot charts-refcount-timeline --schedule $round --position 11 --tab charts
shot livelock-round-dark --schedule $round --theme dark
shot livelock-round-1920x1080 --schedule $round --size 1920x1080 --zoom 1.5
shot livelock-round-high-contrast --schedule $round --theme high-contrast
# Lesson mode on the page-4 checkpoint, answered wrongly, with progress seeded in a fresh
# settings directory (the user's own lesson progress stays untouched).
config=$(mktemp -d)
mkdir -p "$config/migration-sandbox"
printf '[lessons]\nlivelock\\page=3\nlivelock\\answers\\2=0\nlivelock\\answers\\3=2\n' \
  >"$config/migration-sandbox/migration-sandbox.conf"
XDG_CONFIG_HOME=$config shot lesson-mode --lesson livelock --size 1500x900
rm -rf "$config"
rm -rf "$XDG_DATA_HOME"
