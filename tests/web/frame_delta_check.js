// SPDX-License-Identifier: MIT
// usage: node frame_delta_check.js FRAME_DELTA_JS VECTORS.json
// The page's frame_delta.js rebuilds every delta the host's C++ made (frame_delta_vectors) to
// exactly its target, and refuses malformed ones; and it makes the same frames stale as the
// host's rule (app/classroom/stale_frames.h) for every kind of message the vectors hold.
"use strict";
const fs = require("fs");
const delta = require(process.argv[2]);
const vectors = JSON.parse(fs.readFileSync(process.argv[3], "utf8"));
let failures = 0;
vectors.cases.forEach((c, i) => {
  const rebuilt = delta.apply(c.base, c.delta);
  if (rebuilt !== c.target) {
    ++failures;
    console.error("case " + i + ": rebuilt " + (rebuilt === null ? "null" : rebuilt.length + " chars")
      + ", expected " + c.target.length);
  }
});
for (const bad of [[[1, 2]], [[-1, 1]], [[0]], [1], {}, [[0.5, 1]]]) {
  if (delta.apply("a\nb\n", bad) !== null) {
    ++failures;
    console.error("accepted a malformed delta " + JSON.stringify(bad));
  }
}
if (delta.apply("a\nb\n", [[1, 1], "c", [0, 1]]) !== "b\nca\n") ++failures;
if (!Array.isArray(vectors.stale) || vectors.stale.length < 5) {
  ++failures;
  console.error("no staleness cases in the vectors");
}
const staleTypes = new Set();
for (const c of vectors.stale || []) {
  const first = delta.firstStaleFrame(c.message);
  staleTypes.add(c.message.type);
  if (first !== c.first) {
    ++failures;
    console.error(c.message.type + ": the page makes frames from " + first + " stale, the host from " + c.first);
  }
  const frames = new Map([0, 1, 2, 3, 4, 5, 6, 7].map((p) => [p, "frame " + p]));
  const dropped = delta.dropStaleFrames(frames, first);
  const kept = Array.from(frames.keys());
  const expected = [0, 1, 2, 3, 4, 5, 6, 7].filter((p) => c.first === null || p < c.first);
  if (JSON.stringify(kept) !== JSON.stringify(expected) || dropped.length + kept.length !== 8) {
    ++failures;
    console.error(c.message.type + ": kept " + JSON.stringify(kept) + ", expected " + JSON.stringify(expected));
  }
}
for (const type of ["welcome", "session", "step", "settings", "jump", "narration"]) {
  if (!staleTypes.has(type)) {
    ++failures;
    console.error("no staleness case for a " + type);
  }
}
if (failures) process.exit(1);
console.log(vectors.cases.length + " deltas rebuilt exactly, " + vectors.stale.length + " messages make the same frames stale");
