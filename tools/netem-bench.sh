#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# usage: [FOLLOWERS=500] [PACE=1000] [APP=MIGRATION_SANDBOX] tools/netem-bench.sh MIGRATION_SANDBOX_CLI [RATE] [DELAY] [-- BENCH OPTIONS...]
#   e.g. tools/netem-bench.sh build/ci/app/cli/migration-sandbox-cli 50mbit 20ms -- --no-deltas
#   APP=build/ci/app/gui/migration-sandbox: the app hosts (--host-bench), not the CLI's host
# `classroom bench --web` through a shaped link, as a lecture hall's Wi-Fi might be: the host runs
# in one network namespace, the browsers' process in another, joined by a veth pair whose two ends
# both get `tc qdisc ... netem rate RATE delay DELAY` (so a round trip takes 2 x DELAY, and what
# the host sends to the whole room shares RATE). Needs root and iproute2; removes what it made on
# exit (without sch_netem, the delay comes from tools/delay_relay.py: see below). A command that
# prints figures, never a timed test. Defaults: 50mbit, 20ms, 500 browsers,
# the livelock lesson's real frames, a step every 1000 ms.
set -euo pipefail
cli=$(realpath "$1")
shift
rate=50mbit delay=20ms
if [[ $# -gt 0 && $1 != -* ]]; then rate=$1; shift; fi
if [[ $# -gt 0 && $1 != -* ]]; then delay=$1; shift; fi
if [[ $# -gt 0 && $1 == -- ]]; then shift; fi
root=$(cd "$(dirname "$0")/.." && pwd)
frames=$root/tests/data/classroom/livelock-frames.json

[[ $(id -u) == 0 ]] || { echo "error: needs root (network namespaces, tc)" >&2; exit 2; }
command -v ip >/dev/null && command -v tc >/dev/null || { echo "error: needs iproute2 (ip, tc)" >&2; exit 2; }
[[ -x $cli ]] || { echo "error: $cli is not an executable" >&2; exit 2; }

host_ns=msb-host-$$ room_ns=msb-room-$$
cleanup() {
    ip netns del "$host_ns" 2>/dev/null || true
    ip netns del "$room_ns" 2>/dev/null || true
}
trap cleanup EXIT
ip netns add "$host_ns"
ip netns add "$room_ns"
ip link add msbh$$ netns "$host_ns" type veth peer name msbr$$ netns "$room_ns"
ip -n "$host_ns" addr add 10.77.0.1/24 dev msbh$$
ip -n "$room_ns" addr add 10.77.0.2/24 dev msbr$$
for ns in "$host_ns" "$room_ns"; do
    ip -n "$ns" link set lo up
done
ip -n "$host_ns" link set msbh$$ up
ip -n "$room_ns" link set msbr$$ up
# Where the kernel has sch_netem: rate and delay on both ends, a queue of 10,000 packets (about
# 15 MB: an access point buffers a burst rather than drop it). Where it has not (some VM kernels):
# tc tbf for the rate on both ends, and the delay from tools/delay_relay.py in the room's
# namespace (the browsers connect to it; it holds every chunk DELAY each way).
port=$((20000 + $$ % 20000))
connect=10.77.0.1
relay_pid=
if tc -n "$host_ns" qdisc add dev msbh$$ root netem rate "$rate" delay "$delay" limit 10000 2>/dev/null; then
    tc -n "$room_ns" qdisc add dev msbr$$ root netem rate "$rate" delay "$delay" limit 10000
    echo "link: veth $host_ns <-> $room_ns, netem rate $rate delay $delay each way"
else
    tc -n "$host_ns" qdisc add dev msbh$$ root tbf rate "$rate" burst 64kb latency 10s
    tc -n "$room_ns" qdisc add dev msbr$$ root tbf rate "$rate" burst 64kb latency 10s
    ip netns exec "$room_ns" python3 "$root/tools/delay_relay.py" 127.0.0.1 "$port" 10.77.0.1 "$port" \
        "${delay%ms}" >"/tmp/msb-relay-$$.log" 2>&1 &
    relay_pid=$!
    for _ in $(seq 100); do
        grep -q "relay ready" "/tmp/msb-relay-$$.log" 2>/dev/null && break
        sleep 0.05
    done
    connect=127.0.0.1
    echo "link: veth $host_ns <-> $room_ns, no sch_netem in this kernel: tbf rate $rate each way," \
        "delay $delay each way by tools/delay_relay.py in the room's namespace"
fi
cleanup_relay() {
    [[ -n $relay_pid ]] && kill "$relay_pid" 2>/dev/null
    rm -f "/tmp/msb-relay-$$.log"
    cleanup
}
trap cleanup_relay EXIT

if [[ -n ${APP:-} ]]; then
    # The app's own host (migration-sandbox --host-bench): its bridge renders the frames live.
    ip netns exec "$host_ns" env QT_QPA_PLATFORM=offscreen XDG_DATA_HOME="$(mktemp -d)" "$(realpath "$APP")" \
        --host "10.77.0.1:$port" --host-bench "${FOLLOWERS:-500}" --bench-pace "${PACE:-1000}" --bench-cli "$cli" \
        --bench-connect "$connect" --bench-followers-via "ip netns exec $room_ns" "$@"
    exit
fi
ip netns exec "$host_ns" "$cli" classroom bench --web --followers "${FOLLOWERS:-500}" --frames "$frames" \
    --pace "${PACE:-1000}" --bind 10.77.0.1 --port "$port" --connect "$connect" \
    --followers-via "ip netns exec $room_ns" "$@"
