#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# usage: follow_in_chromium.sh MIGRATION_SANDBOX MIGRATION_SANDBOX_CLI MSB_BROWSER_PROBE CHROMIUM
# The follow page in a real browser against live hosts:
# 1. the app hosts (offscreen) the v5.11 livelock round at step 11: a wrong code is refused with a
#    clear message; the right one (typed in lower case) shows step 11's SVG frame and the 12
#    positions; scrubbing back shows step 0 (its frame drawn once the host rendered it) and "Back
#    to the teacher", which returns to step 11's frame; when the app goes away the page says so
#    and keeps the steps it showed; a phone held upright (390x844) gets the portrait frame across
#    its whole width, and turned on its side and back it switches to the landscape frame and back;
# 2. the CLI hosts the same recording, paced, once the browser joined: the page follows to the
#    end (text frames, no renderer in the CLI) and says the class ended.
set -euo pipefail
app=$1 cli=$2 probe=$3 chromium=$4
work=$(mktemp -d)
host_pid=
cleanup() {
    [[ -n $host_pid ]] && kill "$host_pid" 2>/dev/null && wait "$host_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    for log in "$work"/*.log; do
        [[ -s $log ]] && { echo "--- $log" >&2; tail -20 "$log" >&2; }
    done
    exit 1
}
# The "hosting on ADDRESS:PORT code CODE" line's port, once the host printed it.
port_of() {
    for _ in $(seq 200); do
        if line=$(grep -m1 '^hosting on ' "$1" 2>/dev/null); then
            line=${line#hosting on }
            line=${line%% *}
            echo "${line##*:}"
            return 0
        fi
        sleep 0.1
    done
    return 1
}
stage_svg='document.querySelector("#stage svg")'
stage_at() { echo "document.querySelector('#stage [data-position=\"$1\"]') !== null"; }

round=T1,T1,T1,T1,T1,T1,T1,T2,T2,T2,T1,T2,T2,T1,T1,T1,T2,T2

# --- 1. The app hosts --------------------------------------------------------------------------
XDG_DATA_HOME=$work/data XDG_CONFIG_HOME=$work/config "$app" --schedule "$round" --position 11 \
    --host 0 --code WEBG11 >"$work/app.out" 2>"$work/app.log" &
host_pid=$!
port=$(port_of "$work/app.out") || fail "the app did not start hosting"
url="http://127.0.0.1:$port/"
out=$("$probe" "$chromium" --timeout-ms 20000 \
    --open "${url}?code=WRONG1" \
    --wait 'document.getElementById("status").dataset.state === "error"' \
    --eval 'document.getElementById("join-error").textContent' \
    --open "${url}?code=webg11" \
    --wait "$(stage_at 11) && ${stage_svg} !== null" \
    --eval 'document.querySelectorAll("#steps li").length' \
    --eval 'document.querySelector("#steps li[aria-current]").id' \
    --eval 'document.getElementById("position").textContent' \
    --eval 'document.getElementById("status").textContent' \
    --eval 'document.getElementById("first").click(); document.getElementById("position").textContent' \
    --wait "$(stage_at 0)" \
    --eval '!document.getElementById("back-to-teacher").hidden' \
    --eval 'document.getElementById("back-to-teacher").click(); document.getElementById("position").textContent' \
    --wait "$(stage_at 11)" \
    2>"$work/probe.log") || fail "the browser did not reach step 11 of the app's class"
mapfile -t got <<<"$out"
[[ ${got[0]} == *"refused the join code"* ]] || fail "wrong code: '${got[0]}'"
[[ ${got[1]} == 12 ]] || fail "step list has ${got[1]} items, expected 12 (positions 0..11)"
[[ ${got[2]} == '"step-11"' ]] || fail "current step ${got[2]}"
[[ ${got[3]} == '"Step 11 of 11"' ]] || fail "position text ${got[3]}"
[[ ${got[4]} == *"Following the teacher"* ]] || fail "status ${got[4]}"
[[ ${got[5]} == '"Step 0 of 11"' ]] || fail "scrubbing back shows ${got[5]}"
[[ ${got[6]} == true ]] || fail "no 'Back to the teacher' after scrubbing back"
[[ ${got[7]} == '"Step 11 of 11"' ]] || fail "'Back to the teacher' shows ${got[7]}"
# A phone held upright (390x844): the page asks for the portrait frames, the app's one-column scene
# (at most 390 wide, taller than wide), drawn across the whole window, nothing to scroll sideways.
out=$("$probe" "$chromium" --size 390x844 --mobile --timeout-ms 20000 \
    --open "${url}?code=WEBG11" \
    --wait "$(stage_at 11)" \
    --eval 'document.body.dataset.layout' \
    --eval '(() => { const b = document.querySelector("#stage svg").viewBox.baseVal; return b.width <= 390 && b.height > 1.4 * b.width; })()' \
    --eval 'Math.round(document.querySelector("#stage svg").getBoundingClientRect().width) === document.documentElement.clientWidth' \
    --eval 'document.documentElement.scrollWidth <= document.documentElement.clientWidth' \
    --eval '/page_count/.test(document.querySelector("#stage svg").textContent)' \
    2>"$work/probe.log") || fail "the phone did not show step 11's portrait frame"
mapfile -t got <<<"$out"
[[ ${got[0]} == '"portrait"' ]] || fail "the phone's page asked for ${got[0]}"
[[ ${got[1]} == true ]] || fail "the phone's frame is not the portrait scene"
[[ ${got[2]} == true ]] || fail "the portrait frame is not as wide as the window"
[[ ${got[3]} == true ]] || fail "the phone's page scrolls sideways"
[[ ${got[4]} == true ]] || fail "the portrait frame has no page_count text"
# The phone turns on its side and back: the page asks for the other layout each time and the host
# sends that layout's frame of the same step (a landscape frame is wider than tall).
wide='(() => { const b = document.querySelector("#stage svg").viewBox.baseVal; return b.width > b.height; })()'
out=$("$probe" "$chromium" --size 390x844 --mobile --timeout-ms 20000 \
    --open "${url}?code=WEBG11" \
    --wait "$(stage_at 11)" \
    --wait "document.body.dataset.layout === 'portrait' && !$wide" \
    --resize 844x390 \
    --wait "document.body.dataset.layout === 'landscape' && $wide" \
    --eval 'document.getElementById("position").textContent' \
    --resize 390x844 \
    --wait "document.body.dataset.layout === 'portrait' && !$wide" \
    --eval '/page_count/.test(document.querySelector("#stage svg").textContent)' \
    2>"$work/probe.log") || fail "turning the phone did not switch between the portrait and landscape frames"
mapfile -t got <<<"$out"
[[ ${got[0]} == '"Step 11 of 11"' ]] || fail "after turning the phone the page shows ${got[0]}"
[[ ${got[1]} == true ]] || fail "the portrait frame after turning back has no page_count text"
# The teacher's app goes away: the page says so and keeps what it showed.
(sleep 5 && kill "$host_pid") &
out=$("$probe" "$chromium" --timeout-ms 30000 \
    --open "${url}?code=WEBG11" \
    --wait "$(stage_at 11)" \
    --wait 'document.getElementById("status").dataset.state === "lost"' \
    --eval 'document.getElementById("status").textContent' \
    --eval 'document.querySelectorAll("#steps li").length' \
    2>"$work/probe.log") || fail "the page did not notice that the host went away"
mapfile -t got <<<"$out"
[[ ${got[0]} == *"Lost the teacher's app"* ]] || fail "host gone: '${got[0]}'"
[[ ${got[1]} == 12 ]] || fail "the step list went away with the host (${got[1]} items)"
wait "$host_pid" 2>/dev/null || true
host_pid=

# --- 2. The CLI hosts, paced, to the end -------------------------------------------------------
"$cli" run two-faults --preset v5.11 --schedule "$round" --record "$work/round.msrec.json" >/dev/null
"$cli" classroom host --recording "$work/round.msrec.json" --port 0 --code WEBC18 --pace 60 --wait-for 1 \
    >"$work/cli.out" 2>"$work/cli.log" &
host_pid=$!
port=$(port_of "$work/cli.out") || fail "the CLI did not start hosting"
out=$("$probe" "$chromium" --timeout-ms 30000 \
    --open "http://127.0.0.1:$port/?code=WEBC18" \
    --wait 'document.getElementById("status").dataset.state === "ended"' \
    --wait "$(stage_at 18)" \
    --eval 'document.querySelectorAll("#steps li").length' \
    --eval 'document.querySelector("#steps li[aria-current]").id' \
    --eval 'document.querySelector("#stage pre.text-frame").textContent.length > 0' \
    2>"$work/probe.log") || fail "the browser did not follow the CLI's class to its end"
mapfile -t got <<<"$out"
[[ ${got[0]} == 19 ]] || fail "step list has ${got[0]} items, expected 19"
[[ ${got[1]} == '"step-18"' ]] || fail "current step ${got[1]}"
[[ ${got[2]} == true ]] || fail "no text frame of step 18"
wait "$host_pid" || fail "the CLI host failed"
host_pid=
echo "ok: the app's class (SVG) and the CLI's (text) followed in Chromium; wrong code refused"
