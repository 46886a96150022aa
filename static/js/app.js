/* Fahim: small progressive enhancements. Everything works without this file (forms post normally).
   - autosave: answers are sent as the student goes (fetch + X-CSRFToken); offline answers wait in
     localStorage and are sent when the connection returns or the page reloads;
   - countdown for timed attempts (the server enforces the deadline; this only shows it);
   - drag-to-reorder for ordering questions (the rank inputs stay the source of truth);
   - confirmation before submitting;
   - a pasted text too long to send is kept in its box with the reason instead of being sent;
   - times shown in the reader's zone, and quiz time inputs read in the teacher's zone.
   No inline scripts anywhere: data comes from data-* attributes, so a strict CSP can apply. */
(function () {
  "use strict";

  var meta = document.querySelector('meta[name="csrf-token"]');
  var CSRF = meta ? meta.getAttribute("content") : "";

  function onReady(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  /* ---- confirmation (before submitting an attempt: how many questions are still unanswered) ---- */
  function unansweredText() {
    // The page carries the counted phrase for every possible number (the server's Arabic agreement).
    var box = document.querySelector("[data-unanswered-texts]");
    var bar = document.querySelector("[data-progress]");
    if (!box || !bar) { return ""; }
    var texts = JSON.parse(box.getAttribute("data-unanswered-texts"));
    return texts[Math.max(0, Number(bar.max) - Number(bar.value))] || "";
  }

  document.addEventListener("click", function (event) {
    var target = event.target instanceof Element ? event.target.closest("[data-confirm]") : null;
    if (!target) { return; }
    var missing = target.hasAttribute("data-confirm-unanswered") ? unansweredText() : "";
    var text = (missing ? "لم تُجب عن " + missing + ". " : "") + target.getAttribute("data-confirm");
    if (!window.confirm(text)) { event.preventDefault(); }
  });

  /* ---- a text too long to send stays in its box, with the reason (the server would refuse it) ---- */
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement)) { return; }
    form.querySelectorAll("textarea[data-max-bytes]").forEach(function (box) {
      var tooLong = new Blob([box.value]).size > Number(box.getAttribute("data-max-bytes"));
      var note = form.querySelector('[data-too-long-for="' + box.id + '"]');
      if (note) { note.hidden = !tooLong; }
      if (tooLong) {
        event.preventDefault();
        box.setAttribute("aria-invalid", "true");
        box.focus();
      }
    });
  }, true);

  /* ---- autosave ---- */
  function Autosave(form) {
    this.form = form;
    this.url = form.getAttribute("data-autosave-url");
    this.key = "fahim-attempt-" + form.getAttribute("data-attempt");
    this.status = form.querySelector("[data-save-status]");
    this.timer = null;
    this.busy = false;
    this.dirty = false;
    this.pending = false;
    this.closed = false;
    var self = this;
    form.addEventListener("input", function (e) {
      if (e.target && e.target.type === "text") { self.later(700); } else { self.later(0); }
    });
    form.addEventListener("change", function () { self.later(0); });
    form.addEventListener("submit", function () { self.closed = true; });
    window.addEventListener("online", function () { self.later(0); });
    // Leaving with a change not yet sent (typing debounce, request in flight, offline): keep it
    // for the next visit, and try a beacon (it carries the csrf_token form field).
    window.addEventListener("pagehide", function () { self.flush(); });
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") { self.flush(); }
    });
    this.restore();
  }

  Autosave.prototype.say = function (text, state) {
    if (!this.status) { return; }
    this.status.textContent = text;
    this.status.setAttribute("data-state", state || "");
  };

  Autosave.prototype.fields = function () {
    var out = [];
    new FormData(this.form).forEach(function (value, name) {
      if (/^q-\d+/.test(name)) { out.push([name, String(value)]); }
    });
    // Radio groups with nothing chosen are absent from FormData; that is "no change", as intended.
    return out;
  };

  Autosave.prototype.flush = function () {
    if (this.closed || !this.pending) { return; }
    this.keep();
    if (navigator.sendBeacon && navigator.onLine !== false) {
      navigator.sendBeacon(this.url, new FormData(this.form));
    }
  };

  Autosave.prototype.later = function (ms) {
    var self = this;
    this.pending = true;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(function () { self.send(); }, ms);
  };

  Autosave.prototype.keep = function () {
    try {
      window.localStorage.setItem(this.key, JSON.stringify({ t: Date.now(), fields: this.fields() }));
    } catch (e) { /* storage full or disabled: the form post still saves */ }
  };

  Autosave.prototype.forget = function () {
    try { window.localStorage.removeItem(this.key); } catch (e) { /* ignore */ }
  };

  Autosave.prototype.restore = function () {
    var saved = null;
    try { saved = JSON.parse(window.localStorage.getItem(this.key) || "null"); } catch (e) { saved = null; }
    if (!saved || !saved.fields) { return; }
    var form = this.form;
    saved.fields.forEach(function (pair) {
      var els = form.querySelectorAll('[name="' + pair[0].replace(/"/g, "") + '"]');
      Array.prototype.forEach.call(els, function (el) {
        if (el.type === "radio") { el.checked = el.value === pair[1]; } else { el.value = pair[1]; }
      });
    });
    this.say("استُعيدت إجابات لم تكن قد حُفظت؛ جارٍ حفظها…", "saving");
    this.later(0);
  };

  Autosave.prototype.send = function () {
    if (this.closed) { return; }
    if (this.busy) { this.dirty = true; return; }
    var self = this;
    var body = new FormData(this.form);
    this.busy = true;
    this.dirty = false;
    this.say("جارٍ الحفظ…", "saving");
    fetch(this.url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRFToken": CSRF, "Accept": "application/json" }
    }).then(function (res) {
      return res.json().catch(function () { return {}; }).then(function (data) { return { res: res, data: data }; });
    }).then(function (r) {
      if (r.res.status === 409 && r.data.redirect) {
        self.forget();
        self.closed = true;
        window.location.assign(r.data.redirect);
        return;
      }
      if (!r.res.ok) { throw new Error("HTTP " + r.res.status); }
      if (!self.dirty) { self.pending = false; self.forget(); }
      self.say("حُفظت إجاباتك ✓", "saved");
      self.progress(r.data);
    }).catch(function () {
      self.keep();
      self.say("تعذّر الحفظ الآن؛ ستُحفظ إجاباتك عند عودة الاتصال.", "offline");
      window.setTimeout(function () { self.later(0); }, 8000);
    }).then(function () {
      self.busy = false;
      if (self.dirty) { self.later(0); }
    });
  };

  Autosave.prototype.progress = function (data) {
    if (typeof data.answered !== "number") { return; }
    var count = document.querySelector("[data-done-count]");
    var bar = document.querySelector("[data-progress]");
    if (count) { count.textContent = String(data.answered); }
    if (bar) { bar.value = data.answered; }
    var note = document.querySelector("[data-unanswered-note]");
    if (note) {
      var missing = unansweredText();
      note.hidden = !missing;
      note.textContent = missing ? "لم تُجب بعد عن " + missing + "." : "";
    }
    var answered = {};
    (data.answered_ids || []).forEach(function (id) { answered[String(id)] = true; });
    Array.prototype.forEach.call(document.querySelectorAll("[data-strip]"), function (dot) {
      dot.classList.toggle("answered", !!answered[dot.getAttribute("data-strip")]);
    });
  };

  /* ---- countdown ---- */
  function startTimer(box) {
    var deadline = Date.parse(box.getAttribute("data-deadline"));
    var serverNow = Date.parse(box.getAttribute("data-now"));
    if (isNaN(deadline)) { return; }
    var skew = isNaN(serverNow) ? 0 : serverNow - Date.now();
    var out = box.querySelector("[data-timer-value]");
    var url = box.getAttribute("data-expired-url");
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    function tick() {
      var left = Math.max(0, Math.round((deadline - (Date.now() + skew)) / 1000));
      var h = Math.floor(left / 3600), m = Math.floor((left % 3600) / 60), s = left % 60;
      out.textContent = (h ? h + ":" + pad(m) : pad(m)) + ":" + pad(s);
      box.classList.toggle("low", left <= 60);
      if (left <= 0) {
        window.clearInterval(handle);
        box.classList.add("expired");
        out.textContent = "00:00";
        // The server closes the attempt at the deadline; reloading shows the result.
        window.setTimeout(function () { window.location.assign(url); }, 1200);
      }
    }
    var handle = window.setInterval(tick, 1000);
    tick();
  }

  /* ---- ordering: drag to reorder, then renumber the rank inputs ---- */
  function enableOrdering(list) {
    var dragged = null;
    function renumber() {
      Array.prototype.forEach.call(list.querySelectorAll("input.rank"), function (input, i) {
        input.value = String(i + 1);
      });
      list.dispatchEvent(new Event("change", { bubbles: true }));
    }
    list.addEventListener("dragstart", function (e) {
      dragged = e.target instanceof Element ? e.target.closest("li") : null;
      if (!dragged) { return; }
      dragged.classList.add("dragging");
      if (e.dataTransfer) { e.dataTransfer.effectAllowed = "move"; e.dataTransfer.setData("text/plain", ""); }
    });
    list.addEventListener("dragover", function (e) {
      if (!dragged) { return; }
      e.preventDefault();
      var over = e.target instanceof Element ? e.target.closest("li") : null;
      if (!over || over === dragged || over.parentNode !== list) { return; }
      var box = over.getBoundingClientRect();
      list.insertBefore(dragged, e.clientY > box.top + box.height / 2 ? over.nextSibling : over);
    });
    list.addEventListener("drop", function (e) { e.preventDefault(); });
    list.addEventListener("dragend", function () {
      if (!dragged) { return; }
      dragged.classList.remove("dragging");
      dragged = null;
      renumber();
    });
    list.classList.add("drag-enabled");
  }

  /* ---- times: the server writes UTC; show them in the reader's zone, in Arabic ---- */
  function localTimes() {
    var lang = document.documentElement.lang || "ar";
    Array.prototype.forEach.call(document.querySelectorAll("time[data-local]"), function (el) {
      var d = new Date(el.getAttribute("datetime"));
      if (isNaN(d.getTime()) || !window.Intl) { return; }
      try {
        el.textContent = d.toLocaleString(lang, { dateStyle: "medium", timeStyle: "short" });
        el.setAttribute("dir", "auto");
        el.title = el.getAttribute("datetime");
      } catch (e) { /* keep the UTC text */ }
    });
  }

  /* ---- quiz times: a teacher types them in the browser's zone; the server stores UTC ---- */
  function fillTimezone() {
    // Only an empty field: a filled one names the zone the page's times are already shown in.
    var input = document.querySelector("input[data-timezone]");
    if (!input || input.value || !window.Intl) { return; }
    var zone = "";
    try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone || ""; } catch (e) { zone = ""; }
    if (!zone) { return; }
    input.value = zone;
    Array.prototype.forEach.call(document.querySelectorAll("[data-timezone-label]"), function (el) {
      el.textContent = zone;
    });
  }

  onReady(function () {
    localTimes();
    fillTimezone();
    var form = document.querySelector("form[data-autosave-url]");
    if (form && window.fetch && window.FormData) { new Autosave(form); }
    var timer = document.querySelector(".timer[data-deadline]");
    if (timer) { startTimer(timer); }
    if ("draggable" in document.createElement("li")) {
      Array.prototype.forEach.call(document.querySelectorAll("[data-ordering]"), enableOrdering);
    }
  });
})();
