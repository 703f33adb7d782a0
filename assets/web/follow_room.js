// SPDX-License-Identifier: MIT
// The room on the follow page: the student's answers to the teacher's checkpoints (sent to the
// host, one per student per question: a new choice replaces the old), the teacher's reveal (the
// model's answer and the room's tally) and the lesson page's own text. follow.js calls these.
"use strict";
(function () {
  const el = (id) => document.getElementById(id);

  // A random id kept across reloads and reconnects, so the host keeps one answer per student.
  function studentId() {
    let id = "";
    try {
      id = localStorage.getItem("msb-student") || "";
    } catch (error) {
      id = "";
    }
    if (!/^[A-Za-z0-9_-]{8,64}$/.test(id)) {
      const bytes = new Uint8Array(12);
      crypto.getRandomValues(bytes);
      id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      try {
        localStorage.setItem("msb-student", id);
      } catch (error) {
        // private mode: the id lives as long as the page
      }
    }
    return id;
  }

  function nickname() {
    const input = el("nickname");
    return input ? input.value.trim().slice(0, 32) : "";
  }

  /** The answer message for checkpoint c (its index in the session's checkpoints is asked - 1)
   *  and choice i: the choice's text, which the host prefers to any choice's number (with the
   *  choices "0".."4" the number of "3" would be "4"). */
  function answerMessage(asked, c, choice) {
    const answer = c.choices.length ? c.choices[choice] : String(choice);
    return JSON.stringify({ type: "answer", student: studentId(), checkpoint: asked - 1, answer, nickname: nickname() });
  }

  function percent(part, whole) {
    return whole ? Math.round((100 * part) / whole) + "%" : "0%";
  }

  function showReveal(m) {
    const box = el("reveal");
    if (!box) return;
    box.hidden = false;
    el("reveal-question").textContent = m.question;
    const list = el("reveal-tally");
    list.textContent = "";
    m.choices.forEach((choice, i) => {
      const item = document.createElement("li");
      item.textContent = choice + ": " + m.counts[i] + " (" + percent(m.counts[i], m.answered) + ")";
      if (i === m.answer) {
        item.className = "model-answer";
        item.textContent += " \u2190 the model's answer";
      }
      list.appendChild(item);
    });
    el("reveal-summary").textContent =
      m.answered + " of " + Math.max(m.followers, m.answered) + " answered" +
      (m.answer >= 0 ? "; " + percent(m.correct, m.answered) + " right" : "");
  }

  function showPage(m) {
    const box = el("page");
    if (!box) return;
    box.hidden = false;
    el("page-title").textContent = m.title;
    el("page-body").textContent = m.body;
    const notes = el("page-notes");
    notes.textContent = "";
    m.notes.forEach((note) => {
      const item = document.createElement("li");
      const id = document.createElement("b");
      id.textContent = note.id;
      item.append(id, " " + note.title);
      notes.appendChild(item);
    });
  }

  window.MSBRoom = { studentId, answerMessage, showReveal, showPage };
})();
