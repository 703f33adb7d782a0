// SPDX-License-Identifier: MIT
// The follow page's connection: joins the teacher's host over a WebSocket (/ws on the page's own
// host and port) with the classroom protocol's hello, folds the session events into a mirror of
// the teacher's session (app/classroom/session_state.cpp does the same for the app's followers)
// and hands positions and frames to the viewer (viewer.js). Nothing it sends changes the class:
// hello, ping, resync and the student's checkpoint answers (follow_room.js). Students may scrub back through what the teacher showed; "Back to the
// teacher" (or T) follows the teacher again.
"use strict";
(function () {
  const PROTOCOL = "migration-sandbox-classroom";
  const VERSION = 1;
  const PING_MS = 10000;
  const RETRY_MS = [1000, 2000, 5000, 10000];
  const STEPS = window.MSB_STEPS || {};

  const el = (id) => document.getElementById(id);
  const viewer = window.MSBViewer;

  // The teacher's session as received.
  const session = {
    scenario: null, // the scenario document (threads[].name ...)
    steps: [],      // {index, thread, step, hash}, a redo tail past `position` included
    position: 0,    // the teacher's position
    narration: new Map(), // position -> text
    checkpoint: null,     // the latest question {index, question, choices, answer}
    asked: 0,             // checkpoints in the session (an answer names the latest as asked - 1)
    ended: false,
  };
  let code = "";
  let socket = null;
  let pingTimer = null;
  let retries = 0;
  let retryTimer = null;
  let refused = false;
  let following = true; // the view moves with the teacher
  let shownTeacher = -1;
  // The frames held, position -> {svg} or {text}: a delta from the host names one as its base
  // (frame_delta.js), and the host keeps track of them by the same staleness rule as this page.
  const heldFrames = new Map();
  const answered = new Map(); // checkpoint key -> the feedback already given
  let layout = "landscape"; // the frames' layout this page asked for (hello, then layout messages)
  let resizeTimer = null;

  function setStatus(state, text) {
    const status = el("status");
    status.dataset.state = state;
    status.textContent = text;
  }

  function normalizeCode(text) {
    return text.trim().toUpperCase(); // as the host does (normalizeJoinCode)
  }

  // --- What the viewer shows -------------------------------------------------------------------

  function stepLabel(step) {
    const threads = (session.scenario && session.scenario.threads) || [];
    const thread = threads[step.thread] ? threads[step.thread].name : "T" + (step.thread + 1);
    const info = STEPS[step.step];
    return thread + " " + step.step + (info ? ": " + info.text : "");
  }

  function stepCode(step) {
    const info = STEPS[step.step];
    if (!info) return "";
    return step.step + "  " + info.text + "\n" + info.function + "()  " + info.file + "   kernel notes " + info.fact;
  }

  // Positions 0..teacher position: what the teacher has shown (a redo tail is not shown early,
  // so a lesson's question about the next step is not answered by the step list).
  function positions() {
    const out = [{ label: "Start", narration: session.narration.get(0) }];
    for (let i = 0; i < session.position && i < session.steps.length; ++i) {
      const s = session.steps[i];
      out.push({ label: stepLabel(s), code: stepCode(s), narration: session.narration.get(i + 1) });
    }
    return out;
  }

  function refresh() {
    const list = positions();
    const teacher = list.length - 1;
    const target = following ? teacher : Math.min(viewer.position, teacher);
    shownTeacher = teacher;
    viewer.setPositions(list, target);
    el("steps").dataset.teacher = String(teacher);
    markTeacherStep();
    updateBackButton();
  }

  function markTeacherStep() {
    for (const li of el("steps").children)
      li.classList.toggle("teacher-here", Number(li.dataset.position) === shownTeacher);
  }

  function updateBackButton() {
    const away = !following && viewer.count > 0 && viewer.position !== shownTeacher;
    el("back-to-teacher").hidden = !away;
    document.body.classList.toggle("away", away);
  }

  function backToTeacher() {
    following = true;
    if (viewer.count) viewer.show(shownTeacher);
    updateBackButton();
  }

  // --- Checkpoints, graded here as in the app ---------------------------------------------------

  function checkpointKey(c) {
    return c.index + "\u0000" + c.question;
  }

  function showCheckpoint() {
    const c = session.checkpoint;
    const box = el("checkpoint");
    box.hidden = !c;
    if (!c) return;
    el("checkpoint-question").textContent = c.question;
    const choices = el("checkpoint-choices");
    choices.textContent = "";
    if (c.choices.length) {
      c.choices.forEach((choice, i) => {
        const label = document.createElement("label");
        const radio = document.createElement("input");
        radio.type = "radio";
        radio.name = "choice";
        radio.value = String(i);
        label.append(radio, " " + choice);
        choices.appendChild(label);
      });
    } else {
      const input = document.createElement("input");
      input.type = "text";
      input.id = "checkpoint-open";
      input.setAttribute("aria-label", "Your answer");
      choices.appendChild(input);
    }
    const feedback = el("checkpoint-feedback");
    const given = answered.get(checkpointKey(c));
    feedback.className = "feedback" + (given ? " " + given.kind : "");
    feedback.textContent = given ? given.text : "";
  }

  function grade(event) {
    event.preventDefault();
    const c = session.checkpoint;
    if (!c) return;
    let result;
    if (c.choices.length) {
      const picked = el("checkpoint-choices").querySelector("input:checked");
      if (!picked) {
        result = { kind: "", text: "Pick an answer first." };
      } else if (c.answer < 0) {
        result = { kind: "noted", text: "Noted. The answer to this one is in your teacher's lesson." };
      } else if (Number(picked.value) === c.answer) {
        result = { kind: "right", text: "Right." };
      } else {
        result = { kind: "wrong", text: "Not quite. (The answer: " + c.choices[c.answer] + ".)" };
      }
    } else {
      result = { kind: "noted", text: "Noted. The answer to this one is in your teacher's lesson." };
    }
    if (result.kind) answered.set(checkpointKey(c), result);
    const chosen = el("checkpoint-choices").querySelector("input:checked");
    if (chosen && socket && socket.readyState === WebSocket.OPEN && session.asked > 0)
      socket.send(window.MSBRoom.answerMessage(session.asked, c, Number(chosen.value))); // follow_room.js
    const feedback = el("checkpoint-feedback");
    feedback.className = "feedback " + result.kind;
    feedback.textContent = result.text;
  }

  // --- Frames ---------------------------------------------------------------------------------------

  // A phone held upright gets the scene in one column, drawn 390 px wide so that page_count and the
  // PTE read at 16 px without zoom: the same rule as the scene's isPortraitViewport
  // (scenes/race_layout.cpp), in CSS px: at most 600 wide and 1.4 times as tall.
  function wantedLayout() {
    const w = window.innerWidth;
    const h = window.innerHeight;
    return w <= 600 && h >= 1.4 * w ? "portrait" : "landscape";
  }

  function showLayout() {
    document.body.dataset.layout = layout;
    if (layout === "portrait" && el("stage").classList.contains("zoomed")) toggleZoom(); // readable as it is
  }

  // The phone turned: ask for the other layout (the host sends its frames from scratch).
  function onResize() {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      const wanted = wantedLayout();
      if (wanted === layout) return;
      layout = wanted;
      showLayout();
      if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({ type: "layout", layout }));
    }, 250);
  }

  // The frames a message makes stale (the host's rule: frame_delta.js) go from here and the viewer.
  function forgetStaleFrames(m) {
    const stale = window.MSBFrameDelta.dropStaleFrames(heldFrames, window.MSBFrameDelta.firstStaleFrame(m));
    for (const position of stale) viewer.forgetFrame(position);
  }

  // A whole frame ({svg} or {text}) or a delta against a frame held; null if it cannot be rebuilt.
  function frameFrom(m) {
    if (m.svg !== undefined) return { svg: m.svg };
    if (m.text !== undefined) return { text: m.text };
    const base = heldFrames.get(m.base);
    if (!base) return null;
    const rebuilt = window.MSBFrameDelta.apply(base.svg !== undefined ? base.svg : base.text, m.delta);
    if (rebuilt === null) return null;
    return base.svg !== undefined ? { svg: rebuilt } : { text: rebuilt };
  }

  function receiveFrame(m) {
    const frame = frameFrom(m);
    if (!frame) {
      // The host only sends a delta against a frame this page holds: a bug, not a network error.
      console.warn("frame " + m.position + ": no base " + m.base + " to apply its delta to");
      return;
    }
    heldFrames.set(m.position, frame);
    viewer.setFrame(m.position, frame);
  }

  // --- The session events (one JSON per WebSocket message) ---------------------------------------

  function resetFrom(snapshot) {
    session.scenario = snapshot.scenario;
    session.steps = snapshot.steps.slice();
    session.position = snapshot.position;
    session.narration = new Map(snapshot.narration.filter((n) => n.text).map((n) => [n.index, n.text]));
    session.checkpoint = snapshot.checkpoints.length ? snapshot.checkpoints[snapshot.checkpoints.length - 1] : null;
    session.asked = snapshot.checkpoints.length;
    session.ended = snapshot.ended;
    el("subtitle").textContent = snapshot.scenario
      ? snapshot.scenario.name + ": " + (snapshot.scenario.title || "")
      : "Waiting for the teacher to open a scenario\u2026";
    showCheckpoint();
    refresh();
  }

  function handle(m) {
    switch (m.type) {
      case "welcome":
        retries = 0;
        setStatus("live", "Following the teacher \u00B7 code " + code);
        el("join").hidden = true;
        el("viewer").hidden = false;
        forgetStaleFrames(m);
        resetFrom(m.snapshot);
        if (m.snapshot.ended) ended();
        break;
      case "snapshot":
        resetFrom(m.snapshot);
        break;
      case "refused":
        refused = true;
        refusedWith(m.why, m.reason);
        break;
      case "session":
        session.scenario = m.scenario;
        session.steps = [];
        session.position = 0;
        session.narration = new Map();
        session.checkpoint = null;
        session.asked = 0;
        forgetStaleFrames(m);
        el("subtitle").textContent = m.scenario.name + ": " + (m.scenario.title || "");
        showCheckpoint();
        refresh();
        break;
      case "step":
        // A step at index i replaces everything from i on (the teacher undid and stepped anew).
        if (m.index > session.steps.length) break; // past the schedule: does not fit (as in the app)
        session.steps.length = m.index;
        session.steps.push({ index: m.index, thread: m.thread, step: m.step, hash: m.hash });
        session.position = m.index + 1;
        forgetStaleFrames(m);
        refresh();
        break;
      case "jump":
        session.position = Math.min(m.position, session.steps.length);
        refresh();
        break;
      case "settings":
        forgetStaleFrames(m); // the new settings' frames follow
        refresh();
        break;
      case "narration":
        if (m.text) session.narration.set(m.index, m.text);
        else session.narration.delete(m.index);
        refresh();
        break;
      case "checkpoint":
        session.checkpoint = { index: m.index, question: m.question, choices: m.choices, answer: m.answer };
        session.asked += 1;
        showCheckpoint();
        break;
      case "reveal":
        window.MSBRoom.showReveal(m);
        break;
      case "page":
        window.MSBRoom.showPage(m);
        break;
      case "frame":
        receiveFrame(m);
        break;
      case "end":
        ended();
        break;
      case "ping":
        break;
      default:
        break; // a newer host's message: nothing to do with it here
    }
  }

  function ended() {
    session.ended = true;
    setStatus("ended", "The teacher ended the class. What you saw stays here.");
    stopSocket();
  }

  function refusedWith(why, reason) {
    const text = {
      code: "The teacher's app refused the join code. Check the code on the teacher's screen.",
      version: "The teacher's app speaks another version of the classroom protocol: " + reason,
      full: "The class is full. Ask the teacher.",
    }[why] || "The teacher's app refused this page: " + reason;
    setStatus("error", text);
    el("join").hidden = false;
    el("join-error").textContent = text;
    el("code-input").focus();
  }

  // --- The connection ------------------------------------------------------------------------------

  function stopSocket() {
    if (pingTimer !== null) clearInterval(pingTimer);
    pingTimer = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
    socket = null;
  }

  function connect() {
    stopSocket();
    clearTimeout(retryTimer);
    refused = false;
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    setStatus("connecting", "Connecting to the teacher\u2026");
    let opened = false;
    try {
      socket = new WebSocket(scheme + location.host + "/ws");
    } catch (error) {
      setStatus("error", "Cannot connect: " + error.message);
      return;
    }
    socket.onopen = () => {
      opened = true;
      // frames: "delta": this page rebuilds frames from deltas against the ones it holds.
      layout = wantedLayout();
      showLayout();
      socket.send(JSON.stringify({ type: "hello", protocol: PROTOCOL, version: VERSION, code, role: "web",
        frames: "delta", layout }));
      pingTimer = setInterval(() => {
        if (socket && socket.readyState === WebSocket.OPEN) socket.send('{"type":"ping"}');
      }, PING_MS);
    };
    socket.onmessage = (event) => {
      let message;
      try {
        message = JSON.parse(event.data);
      } catch (error) {
        return; // not ours
      }
      handle(message);
    };
    socket.onclose = () => {
      stopSocket();
      if (refused || session.ended) return;
      const wait = RETRY_MS[Math.min(retries, RETRY_MS.length - 1)];
      ++retries;
      setStatus("lost", (opened ? "Lost the teacher's app" : "Cannot reach the teacher's app")
        + " \u00B7 trying again in " + Math.round(wait / 1000) + " s");
      retryTimer = setTimeout(connect, wait);
    };
  }

  function join(text) {
    code = normalizeCode(text);
    el("code-input").value = code;
    el("join-error").textContent = "";
    if (!code) {
      el("join-error").textContent = "Type the join code from the teacher's screen.";
      return;
    }
    session.ended = false;
    retries = 0;
    connect();
  }

  function toggleZoom() {
    const zoomed = el("stage").classList.toggle("zoomed");
    el("zoom").setAttribute("aria-pressed", String(zoomed));
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const tag = event.target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA") return;
    if (event.key === "t" || event.key === "T") backToTeacher();
    else if (event.key === "z" || event.key === "Z") toggleZoom();
    else return;
    event.preventDefault();
  }

  function init() {
    viewer.onShow = (position) => {
      following = position === shownTeacher; // scrubbing away stops following, reaching the teacher resumes it
      updateBackButton();
    };
    el("join").addEventListener("submit", (event) => {
      event.preventDefault();
      join(el("code-input").value);
    });
    el("back-to-teacher").addEventListener("click", backToTeacher);
    el("zoom").addEventListener("click", toggleZoom);
    el("checkpoint-form").addEventListener("submit", grade);
    document.addEventListener("keydown", onKey);
    window.addEventListener("resize", onResize);
    layout = wantedLayout();
    showLayout();
    const fromUrl = new URLSearchParams(location.search).get("code");
    if (fromUrl) join(fromUrl);
    else el("code-input").focus();
  }

  init();
})();
