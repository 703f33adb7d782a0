#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# usage: check_completion.sh <migration-sandbox-cli> <completion script>
#
# Drives the bash completion the way bash does (COMP_LINE, COMP_POINT) and checks it against the
# CLI: every sub-command and option each --help lists is offered, and every preset, knob value,
# scenario and lesson it offers is accepted by the CLI.
set -uo pipefail

cli=$1
# shellcheck source=/dev/null
source "$2"
complete -p migration-sandbox-cli >/dev/null || { echo "FAIL: no completion registered for migration-sandbox-cli"; exit 1; }

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

# Prints what completing "<cli> $1" offers, one candidate a line.
offered() {
    COMP_LINE="$cli $1"
    COMP_POINT=${#COMP_LINE}
    _migration_sandbox_cli
    printf '%s\n' "${COMPREPLY[@]}"
}

# The names under a "Section:" heading of a --help text: first word of each two-space entry.
section_entries() {
    sed -n "/^$2:\$/,/^[^ ]/p" <<<"$1" | grep -E '^  [^ ]' | sed -E 's/^  ([^ ]+).*/\1/'
}

# Every sub-command and option of the command "$@" (and of its sub-commands) is offered.
check_command() {
    local help words=""
    help=$("$cli" "$@" --help) || { fail "$cli $* --help failed"; return; }
    [[ $# -gt 0 ]] && words="$* "
    local commands options name
    commands=$(section_entries "$help" Subcommands)
    options=$(section_entries "$help" Options | tr ',' '\n')
    [[ -n $options ]] || fail "no options parsed from '$cli $* --help'"
    for name in $commands; do
        grep -qxF -- "$name" <<<"$(offered "$words")" || fail "'$words<TAB>' does not offer the sub-command $name"
    done
    for name in $options; do
        grep -qxF -- "$name" <<<"$(offered "$words${name:0:1}")" || fail "'$words-<TAB>' does not offer $name"
    done
    for name in $commands; do
        check_command "$@" "$name"
    done
}
check_command
# The sub-commands of this version, so that a help layout the checks above cannot read fails too.
for name in list run replay odds explore bench classroom lesson; do
    grep -qxF "$name" <<<"$(offered "")" || fail "'<TAB>' does not offer $name"
done

# Values: each one offered must be one the CLI accepts (exit code 2 is "bad input").
accepts() {
    "$cli" "$@" >/dev/null 2>&1
    [[ $? -ne 2 ]] || fail "completion offered a value the CLI rejects: $cli $*"
}
count=0
for preset in $(offered "run --preset "); do
    accepts run two-faults --preset "$preset" --max-steps 0
    count=$((count + 1))
done
((count >= 2)) || fail "only $count presets offered"
grep -qxF all <<<"$(offered "explore --preset ")" || fail "explore --preset does not offer all"
# explore --diff takes two presets, each completed; --set-a and --set-b take knobs like --set.
count=0
for preset in $(offered "explore two-faults --diff "); do
    accepts explore two-faults --diff "$preset" v5.11
    count=$((count + 1))
done
((count >= 2)) || fail "explore --diff offers only $count presets"
grep -qxF all <<<"$(offered "explore two-faults --diff ")" && fail "explore --diff offers all, which it does not take"
grep -qxF v6.15 <<<"$(offered "explore two-faults --diff v6.1 ")" || fail "explore --diff A does not offer a second preset"
for option in --set-a --set-b; do
    grep -qxF check= <<<"$(offered "explore two-faults --diff v6.1 v6.15 $option ")" || fail "$option does not offer check="
    for value in $(offered "explore two-faults --diff v6.1 v6.15 $option fault_ref="); do
        accepts explore two-faults --diff v6.1 v6.15 "$option" "fault_ref=$value"
    done
done
grep -qxF all <<<"$(offered "run --preset ")" && fail "run --preset offers all, which run does not take"

count=0
for key in $(offered "run --set "); do
    [[ $key == *= ]] || fail "--set offered $key before a key was typed"
    for value in $(offered "run --set $key"); do
        accepts run two-faults --set "$key$value" --max-steps 0
        count=$((count + 1))
    done
done
((count >= 4)) || fail "only $count knob values offered"
for key in threads= pages=; do
    grep -qxF "$key" <<<"$(offered "run n-faults --set ")" || fail "n-faults --set does not offer $key"
done

count=0
for scenario in $(offered "run "); do
    [[ -d $scenario ]] && continue # directories are offered for scenario files
    accepts run "$scenario" --max-steps 0
    count=$((count + 1))
done
((count >= 2)) || fail "only $count scenarios offered"

count=0
for lesson in $(offered "lesson "); do
    [[ -d $lesson ]] && continue
    accepts lesson "$lesson" --answers auto --json
    count=$((count + 1))
done
((count >= 1)) || fail "no lesson offered"

[[ $(offered "explore --reduction " | sort | tr '\n' ' ') == "none por " ]] ||
    fail "explore --reduction does not offer exactly none and por"
[[ -z $(offered "run --max-steps ") ]] || fail "run --max-steps offers something for a number"

if ((failures > 0)); then
    echo "$failures completion check(s) failed"
    exit 1
fi
echo "completion matches $cli"
