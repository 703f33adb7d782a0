#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# End to end: `classroom host` replays a recording to two `classroom follow --json` processes,
# whose outputs must be identical and contain every recorded step in order; a follower with a
# wrong code must exit 1; the same port serves the follow page to a browser. Usage: cli_two_followers.sh path/to/migration-sandbox-cli
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
for _ in $(seq 100); do
    [[ $(wc -l <"$work/host.out") -ge 2 ]] && break
    sleep 0.05
done
[[ "$(sed -n 2p "$work/host.out")" == "browsers: http://127.0.0.1:$port/" ]] ||
    { echo "bad second line: '$(sed -n 2p "$work/host.out")'"; exit 1; }

# A browser's request on the same port gets the follow page (and does not count as a follower).
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n' >&3
page="$(timeout 5 cat <&3)"
exec 3<&-
[[ "$page" == "HTTP/1.1 200 OK"* ]] || { echo "GET / answered: ${page:0:80}"; exit 1; }
grep -q "<title>" <<<"$page" || { echo "GET / did not serve the follow page"; exit 1; }

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
