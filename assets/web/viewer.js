// SPDX-License-Identifier: MIT
// The viewer: shows one position of a recording (frame, step list, code line, narration, refcount
// chart, outcome). Data comes from the page itself: a JSON blob (#msb-data) and one <template>
// per position holding that position's SVG frame, so an exported file works offline. A live
// source (the classroom's follow page, <body data-live>) feeds positions and frames through
// window.MSBViewer instead and leaves the address bar alone. Elements a page does not have (the
// follow page has no chart: the protocol carries no page counts) are skipped.
"use strict";
(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";
  const PLAY_MS = 700;
  const SERIES = ["#1a5fb4", "#c4581a", "#2a8c55", "#8a3ffc", "#b3261e", "#5e5c64"];

  const el = (id) => document.getElementById(id);
  const blob = el("msb-data");
  const data = blob ? JSON.parse(blob.textContent) : { positions: [], pages: [] };
  const live = document.body.hasAttribute("data-live");
  const frames = new Map(); // position -> <template> holding its SVG, or {text} from a host without a renderer
  for (const t of document.querySelectorAll("template.msb-frame"))
    frames.set(Number(t.dataset.position), t);

  let current = 0;
  let timer = null;
  let onShow = null;

  const last = () => Math.max(0, data.positions.length - 1);
  const clamp = (n) => Math.min(last(), Math.max(0, n));

  function positionFromHash() {
    const m = /(?:^#|&)step=(\d+)/.exec(location.hash);
    return m ? clamp(Number(m[1])) : null;
  }

  function buildStepList() {
    const list = el("steps");
    list.textContent = "";
    data.positions.forEach((p, i) => {
      const li = document.createElement("li");
      li.id = "step-" + i;
      li.dataset.position = String(i);
      li.tabIndex = -1;
      li.textContent = p.label;
      if (p.narration) {
        const note = document.createElement("span");
        note.className = "note";
        note.textContent = p.narration;
        li.appendChild(note);
      }
      li.addEventListener("click", () => show(i));
      list.appendChild(li);
    });
  }

  function drawChart() {
    const svg = el("chart");
    if (!svg) return;
    svg.textContent = "";
    const n = data.positions.length;
    if (!n) return;
    const W = 600, H = 160, left = 28, bottom = 14, top = 6;
    let max = 1;
    for (const p of data.positions) for (const c of p.pageCounts) max = Math.max(max, c);
    const x = (i) => left + (n > 1 ? (i * (W - left - 4)) / (n - 1) : 0);
    const y = (v) => top + (H - top - bottom) * (1 - v / max);
    const add = (name, attrs, text) => {
      const e = document.createElementNS(SVG_NS, name);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
      if (text !== undefined) e.textContent = text;
      svg.appendChild(e);
      return e;
    };
    add("line", { class: "axis", x1: left, y1: y(0), x2: W, y2: y(0) });
    for (let v = 0; v <= max; v += Math.max(1, Math.ceil(max / 4))) {
      add("line", { class: "axis", x1: left, y1: y(v), x2: W, y2: y(v), "stroke-opacity": 0.4 });
      add("text", { x: 2, y: y(v) + 4 }, String(v));
    }
    const legend = el("chart-legend");
    legend.textContent = "";
    data.pages.forEach((name, page) => {
      const colour = SERIES[page % SERIES.length];
      const points = data.positions.map((p, i) => x(i).toFixed(1) + "," + y(p.pageCounts[page]).toFixed(1));
      add("polyline", { points: points.join(" "), stroke: colour, "data-page": name });
      const key = document.createElement("span");
      key.style.color = colour;
      key.textContent = "\u25A0 " + name;
      legend.appendChild(key);
    });
    add("line", { id: "chart-marker", class: "marker", x1: x(current), y1: top, x2: x(current), y2: y(0) });
    svg.dataset.x0 = String(left);
    svg.dataset.dx = String(n > 1 ? (W - left - 4) / (n - 1) : 0);
  }

  function moveChartMarker() {
    const marker = el("chart-marker");
    const svg = el("chart");
    if (!marker || !svg) return;
    const xPos = Number(svg.dataset.x0) + current * Number(svg.dataset.dx);
    marker.setAttribute("x1", xPos.toFixed(1));
    marker.setAttribute("x2", xPos.toFixed(1));
  }

  function showFrame() {
    const stage = el("stage");
    stage.textContent = "";
    stage.dataset.position = String(current);
    const t = frames.get(current);
    if (t && t.content) {
      stage.appendChild(t.content.cloneNode(true));
      const svg = stage.querySelector("svg");
      if (svg) {
        svg.setAttribute("data-position", String(current));
        svg.setAttribute("role", "img");
        svg.setAttribute("aria-label", "Scene after " + data.positions[current].label);
      }
    } else if (t && typeof t.text === "string") {
      const pre = document.createElement("pre");
      pre.className = "text-frame";
      pre.dataset.position = String(current);
      pre.textContent = t.text; // a host without a renderer sends the state as text
      stage.appendChild(pre);
    } else if (live) {
      const wait = document.createElement("p");
      wait.className = "no-frame";
      wait.textContent = "The picture of this step is on its way…";
      stage.appendChild(wait);
    }
  }

  // Scrolls only the step list (scrollIntoView would also scroll the page away from the scene).
  function scrollListTo(li) {
    const list = el("steps");
    if (li.offsetTop < list.scrollTop || li.offsetTop + li.offsetHeight > list.scrollTop + list.clientHeight)
      list.scrollTop = li.offsetTop - (list.clientHeight - li.offsetHeight) / 2;
  }

  function show(n, options) {
    if (!data.positions.length) return;
    current = clamp(n);
    const p = data.positions[current];
    showFrame();
    if (el("code")) el("code").textContent = p.code || "";
    el("narration").textContent = p.narration || "";
    el("position").textContent = "Step " + current + " of " + last();
    const scrub = el("scrub");
    scrub.max = String(last());
    scrub.value = String(current);
    for (const li of el("steps").children) {
      if (Number(li.dataset.position) === current) {
        li.setAttribute("aria-current", "step");
        if (!(options && options.noScroll)) scrollListTo(li);
      } else {
        li.removeAttribute("aria-current");
      }
    }
    moveChartMarker();
    const hash = "#step=" + current;
    if (!live && location.hash !== hash) history.replaceState(null, "", hash);
    if (current === last()) stop();
    if (onShow) onShow(current);
  }

  function stop() {
    if (timer !== null) clearInterval(timer);
    timer = null;
    el("play").textContent = "\u25B6";
    el("play").setAttribute("aria-label", "Play (Space)");
  }

  function togglePlay() {
    if (timer !== null) return stop();
    if (current === last()) show(0);
    timer = setInterval(() => show(current + 1), PLAY_MS);
    el("play").textContent = "\u275A\u275A";
    el("play").setAttribute("aria-label", "Pause (Space)");
  }

  function showOutcome() {
    if (!el("outcome")) return;
    const o = data.outcome || {};
    el("outcome-title").textContent = o.title || "";
    el("outcome-text").textContent = o.text || "";
    el("outcome").classList.toggle("bad", !!o.bad);
    el("outcome").hidden = !o.title;
  }

  function onKey(event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const tag = event.target.tagName;
    const onControl = tag === "BUTTON" || tag === "INPUT" || tag === "TEXTAREA";
    switch (event.key) {
      case "ArrowLeft": show(current - 1); break;
      case "ArrowRight": show(current + 1); break;
      case "Home": show(0); break;
      case "End": show(last()); break;
      case " ":
        if (onControl && tag !== "INPUT") return; // a focused button is pressed with space
        togglePlay();
        break;
      default: return;
    }
    event.preventDefault();
  }

  function init() {
    if (data.title || !el("title").textContent) el("title").textContent = data.title || document.title;
    el("subtitle").textContent = data.subtitle || "";
    buildStepList();
    drawChart();
    showOutcome();
    el("first").addEventListener("click", () => show(0));
    el("prev").addEventListener("click", () => show(current - 1));
    el("next").addEventListener("click", () => show(current + 1));
    el("last").addEventListener("click", () => show(last()));
    el("play").addEventListener("click", togglePlay);
    el("scrub").addEventListener("input", (e) => show(Number(e.target.value)));
    document.addEventListener("keydown", onKey);
    if (live) return; // the live source shows its first position when it has one
    window.addEventListener("hashchange", () => {
      const n = positionFromHash();
      if (n !== null && n !== current) show(n);
    });
    const start = positionFromHash();
    show(start === null ? 0 : start, { noScroll: start === null });
  }

  // A frame from the network is markup only: scripts, foreign objects and event attributes go.
  function svgTemplate(svgText) {
    const t = document.createElement("template");
    t.innerHTML = svgText;
    for (const bad of t.content.querySelectorAll("script, foreignObject")) bad.remove();
    for (const e of t.content.querySelectorAll("*"))
      for (const attr of [...e.attributes]) if (/^on/i.test(attr.name)) e.removeAttribute(attr.name);
    return t;
  }

  // For a live source (the follow page).
  window.MSBViewer = {
    // Replaces every position ({label, code?, narration?}); shows `showing` (default: the same).
    setPositions(positions, showing) {
      data.positions = positions;
      buildStepList();
      drawChart();
      if (positions.length) show(showing === undefined ? current : showing, { noScroll: showing === undefined });
    },
    // A position's frame: {svg} or {text}; null forgets it. Redraws if it is on the stage.
    setFrame(index, frame) {
      if (!frame) frames.delete(index);
      else frames.set(index, frame.svg !== undefined ? svgTemplate(frame.svg) : { text: frame.text });
      if (index === current && data.positions.length) showFrame();
    },
    // A frame gone stale (the live page decides which: frame_delta.js); the stage is redrawn by
    // the source's next setPositions.
    forgetFrame(index) {
      frames.delete(index);
    },
    // fn(position) after every position shown (by the user or the source).
    set onShow(fn) { onShow = fn; },
    show,
    get position() { return current; },
    get count() { return data.positions.length; },
  };

  init();
})();
