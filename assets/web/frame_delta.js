// SPDX-License-Identifier: MIT
// Frame deltas from the classroom host (app/classroom/frame_delta.h): a frame arrives as
// {"base": B, "delta": [...]}, where [start, count] copies count lines of frame B from line start
// and a string is literal text; a line runs up to and including its "\n" (the last may have none).
// follow.js keeps the frames it holds and rebuilds each delta with apply(); node runs the same
// file in the tests (tests/web/frame_delta_check.js).
"use strict";
(function (root) {
  function splitLines(text) {
    const lines = [];
    let start = 0;
    while (start < text.length) {
      const end = text.indexOf("\n", start);
      const next = end < 0 ? text.length : end + 1;
      lines.push(text.slice(start, next));
      start = next;
    }
    return lines;
  }

  // The rebuilt text, or null if an op is malformed or names lines the base does not have.
  function apply(base, delta) {
    if (typeof base !== "string" || !Array.isArray(delta)) return null;
    const lines = splitLines(base);
    const out = [];
    for (const op of delta) {
      if (typeof op === "string") {
        out.push(op);
        continue;
      }
      if (!Array.isArray(op) || op.length !== 2 || !Number.isInteger(op[0]) || !Number.isInteger(op[1])
        || op[0] < 0 || op[1] < 0 || op[0] + op[1] > lines.length) return null;
      for (let i = op[0]; i < op[0] + op[1]; ++i) out.push(lines[i]);
    }
    return out.join("");
  }

  const api = { splitLines, apply };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.MSBFrameDelta = api;
})(typeof window !== "undefined" ? window : globalThis);
