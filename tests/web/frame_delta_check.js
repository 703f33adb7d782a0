// SPDX-License-Identifier: MIT
// usage: node frame_delta_check.js FRAME_DELTA_JS VECTORS.json
// The page's frame_delta.js rebuilds every delta the host's C++ made (frame_delta_vectors) to
// exactly its target, and refuses malformed ones.
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
if (failures) process.exit(1);
console.log(vectors.cases.length + " deltas rebuilt exactly");
