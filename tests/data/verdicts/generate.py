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


def explore_all(cli, scenario, fairness):
    out = subprocess.run([cli, "explore", scenario, "--preset", "all", "--fairness", fairness, "--json"],
                         check=True, capture_output=True, text=True).stdout
    results = json.loads(out)
    for result in results:
        if not result["complete"]:
            sys.exit("%s/%s: exploration incomplete" % (scenario, result["preset"]))
    return results


def explore(cli, scenario):
    # livelock_no_fairness: a reachable cycle in which no access completes, even one that starves a
    # thread (explore --fairness none); every other column is under weak fairness, the default.
    unfair = {r["preset"]: r["liveness"]["livelock"] for r in explore_all(cli, scenario, "none")}
    rows = []
    for result in explore_all(cli, scenario, "weak"):
        verdict = dict(result["liveness"], **result["safety"], livelock_no_fairness=unfair[result["preset"]])
        rows.append({"scenario": scenario, "preset": result["preset"],
                     **{column: verdict[column] for column in COLUMNS}})
    return rows


def main():
    cli = sys.argv[1]
    rows = [row for scenario in SCENARIOS for row in explore(cli, scenario)]
    here = pathlib.Path(__file__).resolve().parent
    (here / "verdicts.json").write_text(json.dumps(rows, indent=2) + "\n")
    print("| scenario | preset | " + " | ".join(COLUMNS) + " |")
    print("|---|---|" + "---|" * len(COLUMNS))
    for row in rows:
        cells = ["**yes**" if row[c] and c != "completes_always" else ("yes" if row[c] else "no") for c in COLUMNS]
        print("| %s | `%s` | %s |" % (row["scenario"], row["preset"], " | ".join(cells)))


if __name__ == "__main__":
    main()
