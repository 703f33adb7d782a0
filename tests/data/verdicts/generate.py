#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Regenerates the verdict table: every built-in scenario x every preset.

    tests/data/verdicts/generate.py build/dev/app/cli/migration-sandbox-cli

writes tests/data/verdicts/verdicts.json (what tests/core/test_verdicts.cpp checks against the
explorer) and prints the Markdown table for the README's "What the explorer proves". Run it after
an intended model change, then read the diff: every changed verdict needs a reason in the notes."""
import json
import pathlib
import subprocess
import sys

SCENARIOS = ["single-fault", "two-faults", "fault-vs-holder", "n-faults"]
COLUMNS = ["livelock", "deadlock", "sigbus", "lost_update", "stale_page_use", "completes_always",
           "livelock_no_fairness"]
# Knob values no preset uses, explored on the presets where they matter; each row carries its "set".
# driver_lock=exclusive: the Xe driver's own lock in migrate_to_ram (docs/kernel/notes.md K26).
VARIANTS = [("driver_lock=exclusive", ["two-faults", "fault-vs-holder", "n-faults"], ["v6.1", "v6.15", "v7.0"])]


def explore_json(cli, scenario, preset, assignment, fairness):
    command = [cli, "explore", scenario, "--preset", preset, "--fairness", fairness, "--json"]
    if assignment:
        command += ["--set", assignment]
    out = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    results = out if isinstance(out, list) else [out]
    for result in results:
        if not result["complete"]:
            sys.exit("%s/%s: exploration incomplete" % (scenario, result["preset"]))
    return results


def explore(cli, scenario, preset="all", assignment=None):
    # livelock_no_fairness: a reachable cycle in which no access completes, even one that starves a
    # thread (explore --fairness none); every other column is under weak fairness, the default.
    unfair = [r["liveness"]["livelock"] for r in explore_json(cli, scenario, preset, assignment, "none")]
    rows = []
    for result, livelock_unfair in zip(explore_json(cli, scenario, preset, assignment, "weak"), unfair):
        verdict = dict(result["liveness"], **result["safety"], livelock_no_fairness=livelock_unfair)
        row = {"scenario": scenario, "preset": preset if assignment else result["preset"]}
        if assignment:
            row["set"] = assignment
        rows.append(dict(row, **{column: verdict[column] for column in COLUMNS}))
    return rows


def main():
    cli = sys.argv[1]
    rows = [row for scenario in SCENARIOS for row in explore(cli, scenario)]
    for assignment, scenarios, presets in VARIANTS:
        rows += [row for scenario in scenarios for preset in presets
                 for row in explore(cli, scenario, preset, assignment)]
    here = pathlib.Path(__file__).resolve().parent
    (here / "verdicts.json").write_text(json.dumps(rows, indent=2) + "\n")
    print("| scenario | preset | " + " | ".join(COLUMNS) + " |")
    print("|---|---|" + "---|" * len(COLUMNS))
    for row in rows:
        cells = ["**yes**" if row[c] and c != "completes_always" else ("yes" if row[c] else "no") for c in COLUMNS]
        preset = "`%s`" % row["preset"] + (" + `%s`" % row["set"] if "set" in row else "")
        print("| %s | %s | %s |" % (row["scenario"], preset, " | ".join(cells)))


if __name__ == "__main__":
    main()
