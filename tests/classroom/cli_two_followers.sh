#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# End to end: `classroom host` replays a recording to two `classroom follow --json` processes,
# whose outputs must be identical and contain every recorded step in order; a follower with a
# wrong code must exit 1. Usage: cli_two_followers.sh path/to/migration-sandbox-cli
set -euo pipefail
cli="$1"
work="$(mktemp -d)"
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

"$cli" run two-faults --preset v5.11 --schedule 1,1,1,1,1,1,1,2,2,2,1,2,2,1,1,1,2,2 \
    --record "$work/round.msrec.json" >/dev/null

timeout 30 "$cli" classroom host --recording "$work/round.msrec.json" --port 0 --pace 5 --wait-for 2 \
    >"$work/host.out" 2>"$work/host.err" &
host_pid=$!
for _ in $(seq 100); do
    [[ -s "$work/host.out" ]] && break
    sleep 0.05
done
line="$(head -n 1 "$work/host.out")"
[[ "$line" =~ ^hosting\ on\ 127\.0\.0\.1:([0-9]+)\ code\ ([A-Z0-9]+)$ ]] || { echo "bad first line: '$line'"; exit 1; }
port="${BASH_REMATCH[1]}"
code="${BASH_REMATCH[2]}"

# A wrong code is refused (exit 1) and does not count towards --wait-for.
set +e
timeout 10 "$cli" classroom follow "127.0.0.1:$port" --code WRONG9 --json >"$work/intruder.out" 2>"$work/intruder.err"
intruder=$?
set -e
[[ $intruder -eq 1 ]] || { echo "wrong code: exit $intruder, expected 1"; cat "$work/intruder.err"; exit 1; }
grep -q "wrong join code" "$work/intruder.err" || { echo "wrong code not reported"; exit 1; }

timeout 30 "$cli" classroom follow "127.0.0.1:$port" --code "$code" --json >"$work/a.out" &
a=$!
timeout 30 "$cli" classroom follow "127.0.0.1:$port" --code "${code,,}" --json >"$work/b.out" &
b=$!
wait $a || { echo "follower a failed"; exit 1; }
wait $b || { echo "follower b failed"; exit 1; }
wait $host_pid || { echo "host failed"; cat "$work/host.err"; exit 1; }

cmp "$work/a.out" "$work/b.out" || { echo "followers differ"; diff "$work/a.out" "$work/b.out" | head; exit 1; }
steps=$(grep -c '"type":"step"' "$work/a.out")
[[ $steps -eq 18 ]] || { echo "expected 18 steps, got $steps"; exit 1; }
# In order: the step lines carry index 0..17.
indices=$(grep -o '"index":[0-9]*' "$work/a.out" | cut -d: -f2 | tr '\n' ' ')
[[ "$indices" == "$(seq -s ' ' 0 17) " ]] || { echo "steps out of order: $indices"; exit 1; }
tail -n 1 "$work/a.out" | grep -q '"type":"end"' || { echo "no end event"; exit 1; }
echo "two followers printed identical output ($(wc -l <"$work/a.out") lines)"
