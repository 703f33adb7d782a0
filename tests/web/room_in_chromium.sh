#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# usage: room_in_chromium.sh MIGRATION_SANDBOX_CLI MSB_BROWSER_PROBE CHROMIUM
# The room's answers end to end: `classroom host --lesson livelock` (the teacher's commands on a
# FIFO) asks page 3's question ("What will page_count(D0) be after T2's next step?", choices
# "0".."4"); a real browser answers "3" on the follow page (follow_room.js) and an app student
# (`classroom follow --answer 2`) answers "2"; the host's tally lines count 1, then both; the
# teacher's reveal reaches the browser's DOM with the counts and the model's answer; the CSV has both.
set -euo pipefail
cli=$1 probe=$2 chromium=$3
work=$(mktemp -d)
pids=()
cleanup() {
    exec 5>&- 2>/dev/null || true
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT
fail() {
    echo "FAIL: $*" >&2
    for log in "$work"/*.out "$work"/*.log; do
        [[ -s $log ]] && { echo "--- $log" >&2; tail -20 "$log" >&2; }
    done
    exit 1
}
# Waits until the file has a line matching the extended regex (10 s).
await() {
    for _ in $(seq 200); do
        grep -Eq "$2" "$1" 2>/dev/null && return 0
        sleep 0.05
    done
    return 1
}

mkfifo "$work/teacher"
"$cli" classroom host --lesson livelock --port 0 --code ROOM42 --pace 0 --wait-for 1 \
    --answers-csv "$work/answers.csv" <"$work/teacher" >"$work/host.out" 2>"$work/host.log" &
host_pid=$!
pids+=("$host_pid")
exec 5>"$work/teacher"
await "$work/host.out" '^hosting on ' || fail "the CLI did not start hosting"
port=$(sed -n 's/^hosting on [^ ]*:\([0-9]*\) .*/\1/p' "$work/host.out")

question="What will page_count(D0) be after T2's next step?"
checkpoint_shown='!document.getElementById("checkpoint").hidden && document.getElementById("checkpoint-question").textContent.includes("after T2")'
answer_three='(() => {
  window.roomErrors = [];
  window.addEventListener("error", (e) => window.roomErrors.push(String(e.message)));
  const choice = [...document.querySelectorAll("#checkpoint-choices label")].find((l) => l.textContent.trim() === "3");
  choice.querySelector("input").click();
  document.getElementById("nickname").value = "Browser";
  document.getElementById("checkpoint-submit").click();
  return document.getElementById("checkpoint-feedback").textContent;
})()'
"$probe" "$chromium" --timeout-ms 12000 \
    --open "http://127.0.0.1:$port/?code=ROOM42" \
    --wait "$checkpoint_shown" \
    --eval "$answer_three" \
    --wait '!document.getElementById("reveal").hidden' \
    --eval 'document.getElementById("reveal-question").textContent' \
    --eval '[...document.querySelectorAll("#reveal-tally li")].map((li) => li.textContent).join(" | ")' \
    --eval 'document.querySelector("#reveal-tally li.model-answer").textContent' \
    --eval 'document.getElementById("reveal-summary").textContent' \
    --eval 'window.roomErrors.join("; ")' \
    >"$work/browser.out" 2>"$work/probe.log" &
probe_pid=$!
pids+=("$probe_pid")

# The teacher opens pages 2 and 3 once the browser follows (page 3 asks).
await "$work/host.out" '^page: .*page 1 of' || fail "the host did not open page 1"
echo next >&5
echo next >&5
await "$work/host.out" "^asks: What will page_count\(D0\) be after T2's next step\?" || fail "page 3 did not ask"
await "$work/host.out" '^tally .*after T2.*: 1/1 answered; .*"3" 1 \(100%\) \*' ||
    fail "the browser's answer did not reach the tally"

"$cli" classroom follow "127.0.0.1:$port" --code ROOM42 --answer 2 --student app-student-1 --nickname App \
    >"$work/student.out" 2>"$work/student.log" &
student_pid=$!
pids+=("$student_pid")
await "$work/host.out" '^tally .*after T2.*: 2/2 answered; .*"2" 1 \(50%\); "3" 1 \(50%\) \*; .*correct 50%' ||
    fail "the app student's answer did not reach the tally"

echo reveal >&5
wait "$probe_pid" || fail "the browser did not show the reveal"
echo end >&5
exec 5>&-
wait "$host_pid" || fail "the host failed"
wait "$student_pid" || fail "the app student did not see the class end"

mapfile -t got <"$work/browser.out"
[[ ${got[0]} == '"Right."' ]] || fail "the browser's feedback: ${got[0]}"
[[ ${got[1]} == "\"$question\"" ]] || fail "revealed question: ${got[1]}"
[[ ${got[2]} == '"0: 0 (0%) | 1: 0 (0%) | 2: 1 (50%) | 3: 1 (50%) ← the model'"'"'s answer | 4: 0 (0%)"' ]] ||
    fail "revealed tally: ${got[2]}"
[[ ${got[3]} == '"3: 1 (50%) ← the model'"'"'s answer"' ]] || fail "the model's answer: ${got[3]}"
[[ ${got[4]} == '"2 of 2 answered; 50% right"' ]] || fail "reveal summary: ${got[4]}"
[[ ${got[5]} == '""' ]] || fail "the follow page threw: ${got[5]}"
grep -q "^reveal: $question: 2 answered, 1 right; the answer: 3" "$work/student.out" ||
    fail "the app student did not get the reveal"
grep -q "^$question,3,yes,1,0.50,Browser$" "$work/answers.csv" || fail "CSV lacks the browser's answer"
grep -q "^$question,2,no,1,0.50,App$" "$work/answers.csv" || fail "CSV lacks the app student's answer"
echo "ok: a browser and an app student answered; the tally counted both; the reveal reached the page"
