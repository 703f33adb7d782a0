// SPDX-License-Identifier: MIT
// Frame deltas from the classroom host (app/classroom/frame_delta.h): a frame arrives as
// {"base": B, "delta": [...]}, where [start, count] copies count lines of frame B from line start
// and a string is literal text; a line runs up to and including its "\n" (the last may have none).
// follow.js keeps the frames it holds and rebuilds each delta with apply(), and forgets the ones
// a message makes stale by firstStaleFrame() (the host's rule, app/classroom/stale_frames.h); node
// runs the same file in the tests (tests/web/frame_delta_check.js) against the host's C++.
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

  // The first position whose frame the message makes stale (every frame from it on is), or null
  // when the frames stay: a step at index i changes the states past i; a new session, new settings
  // or a welcome (a new connection holds nothing yet) all of them.
  function firstStaleFrame(m) {
    switch (m && m.type) {
      case "welcome":
      case "session":
      case "settings":
        return 0;
      case "step":
        return Number.isInteger(m.index) ? m.index + 1 : null;
      default:
        return null;
    }
  }

  // Deletes the positions >= first (a number, or null for none) from a Map keyed by position;
  // returns the positions deleted.
  function dropStaleFrames(frames, first) {
    const dropped = [];
    if (first === null || first === undefined) return dropped;
    for (const position of Array.from(frames.keys())) {
      if (position >= first) {
        frames.delete(position);
        dropped.push(position);
      }
    }
    return dropped;
  }

  const api = { splitLines, apply, firstStaleFrame, dropStaleFrames };
  if (typeof module === "object" && module.exports) module.exports = api;
  else root.MSBFrameDelta = api;
})(typeof window !== "undefined" ? window : globalThis);
