#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# usage: export_in_chromium.sh MIGRATION_SANDBOX MIGRATION_SANDBOX_CLI CHROMIUM
# Records the v5.11 livelock round, exports it with `--format html`, opens the file at #step=5 in
# headless Chromium and checks the DOM the page's script built: step 5 is the current step (and
# no other), the stage shows frame 5's SVG, and the position reads "Step 5 of 18".
set -euo pipefail
app=$1 cli=$2 chromium=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$cli" run two-faults --preset v5.11 \
    --schedule T1,T1,T1,T1,T1,T1,T1,T2,T2,T2,T1,T2,T2,T1,T1,T1,T2,T2 --record "$work/livelock.msrec.json" >/dev/null
"$app" --export "$work/livelock.msrec.json" --format html -o "$work/livelock.html"
test -s "$work/livelock.html"

dump() {
    # --no-sandbox: CI containers have no user namespaces; the page is our own local file.
    timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
        --disable-component-update --disable-sync --no-first-run --user-data-dir="$work/profile" \
        --dump-dom "file://$work/livelock.html#step=$1" 2>"$work/chromium.log"
}
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

dom=$(dump 5) || { cat "$work/chromium.log" >&2; fail "chromium did not load the page"; }
current=$(grep -o '<li id="step-[0-9]*"[^>]*aria-current="step"' <<<"$dom" || true)
[[ $(wc -l <<<"$current") -eq 1 && $current == '<li id="step-5"'* ]] || fail "current step items: '$current'"
grep -q '<figure id="stage"[^>]*data-position="5"' <<<"$dom" || fail "the stage is not at position 5"
stage=${dom#*<figure id=\"stage\"}
stage=${stage%%</figure>*}
grep -q '<svg[^>]*data-position="5"' <<<"$stage" || fail "the stage does not show frame 5's SVG"
[[ $(grep -o '<svg' <<<"$stage" | wc -l) -eq 1 ]] || fail "the stage shows more than one frame"
grep -q '<output id="position"[^>]*>Step 5 of 18</output>' <<<"$dom" || fail "position text"
grep -q '<polyline[^>]*data-page="D0"' <<<"$dom" || fail "no refcount chart line for D0"
grep -q '<h2 id="outcome-title">[^<]' <<<"$dom" || fail "no outcome title"

# A step beyond the end shows the last position.
dom=$(dump 99) || fail "chromium did not load the page at #step=99"
grep -q '<li id="step-18"[^>]*aria-current="step"' <<<"$dom" || fail "#step=99 is not clamped to step 18"
echo "ok: step 5 current with its SVG frame; #step=99 shows step 18"
