/* Fahim: the review page («مراجعة») without reloads. Without this file every action is a normal
   form post that comes back to the page; with it:
   - approve / reject / back to review / new wrong options / edit are sent in place and the card is
     replaced by the server's new one (the bank's counts too);
   - the selected questions are approved, rejected or sent back together, also in place;
   - keyboard: J/K next and previous card, A approve, R reject, U back to review, E edit, X select;
     keys are read by position (event.code), so they work on an Arabic keyboard layout too;
   - the filters apply as soon as one changes;
   - every card's warnings about questions that give each other away are refreshed after each change.
   No inline script: the CSRF token travels inside each form, as without the script. */
(function () {
  "use strict";

  var list = document.querySelector(".review-list");
  if (!list) { return; }
  var announce = document.querySelector("[data-announce]");
  var current = null;
  var advance = false;  // after A, R or U from the keyboard, the next card gets the focus

  function say(text) { if (announce && text) { announce.textContent = text; } }

  function show(el, on) { el.hidden = !on; }
  document.querySelectorAll("[data-show-with-script]").forEach(function (el) { show(el, true); });
  document.querySelectorAll("[data-hide-with-script]").forEach(function (el) { show(el, false); });
  document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });

  function updateLeaks(leaks) {
    // One change can make or mend a leak with another card: every card's warnings are refreshed.
    if (!leaks) { return; }
    Object.keys(leaks).forEach(function (id) {
      var box = list.querySelector('[data-card="' + id + '"] [data-leaks]');
      if (!box) { return; }
      box.textContent = "";
      leaks[id].forEach(function (message) {
        var item = document.createElement("li");
        item.textContent = message;
        box.appendChild(item);
      });
      box.hidden = leaks[id].length === 0;
    });
  }

  function updateSummary(summary) {
    if (!summary) { return; }
    Object.keys(summary).forEach(function (status) {
      var el = document.querySelector('[data-count="' + status + '"]');
      if (el) { el.textContent = String(summary[status]); }
    });
  }

  function replaceCard(id, html) {
    var old = list.querySelector('[data-card="' + id + '"]');
    if (!old) { return null; }
    var box = document.createElement("div");
    box.innerHTML = html.trim();
    var card = box.firstElementChild;
    old.replaceWith(card);
    if (current === old) { focusCard(card); }
    return card;
  }

  function send(form, submitter) {
    var body = new FormData(form);
    if (submitter && submitter.name) { body.append(submitter.name, submitter.value); }
    form.setAttribute("aria-busy", "true");
    // getAttribute: a control named "action" would shadow the form's own action property.
    return fetch(form.getAttribute("action"), {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-Requested-With": "fetch", "Accept": "application/json" }
    }).then(function (response) {
      if (!response.ok && response.status !== 422) { throw new Error(String(response.status)); }
      return response.json();
    }).then(function (data) {
      form.removeAttribute("aria-busy");
      updateSummary(data.summary);
      updateLeaks(data.leaks);
      say(data.message);
      return data;
    });
  }

  function postPlainly(form, submitter) {
    // The in-place request failed (a network error, a server error): post the form as without the script.
    form.removeAttribute("aria-busy");
    if (submitter && submitter.name) {
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = submitter.name;
      field.value = submitter.value;
      form.appendChild(field);
    }
    form.submit();
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || event.defaultPrevented) { return; }
    if (form.hasAttribute("data-inplace")) {
      event.preventDefault();
      var card = form.closest("[data-card]");
      send(form, event.submitter).then(function (data) {
        var fresh = replaceCard(card.getAttribute("data-card"), data.card);
        if (advance && fresh) {
          advance = false;
          var all = cards();
          focusCard(all[Math.min(all.indexOf(fresh) + 1, all.length - 1)]);
        }
        if (fresh && fresh.querySelector("details.edit[open]")) {
          var first = fresh.querySelector("details.edit textarea, details.edit input:not([type=hidden])");
          if (first) { first.focus(); }
        }
      }).catch(function () { postPlainly(form, event.submitter); });
    } else if (form.hasAttribute("data-bulk")) {
      event.preventDefault();
      send(form, event.submitter).then(function (data) {
        Object.keys(data.cards || {}).forEach(function (id) { replaceCard(id, data.cards[id]); });
        countSelected();
      }).catch(function () { postPlainly(form, event.submitter); });
    }
  });

  /* ---- selection ---- */
  var selectAll = document.querySelector("[data-select-all]");
  var selectedCount = document.querySelector("[data-selected-count]");
  function picks() { return Array.prototype.slice.call(list.querySelectorAll("input.pick")); }
  function countSelected() {
    var n = picks().filter(function (box) { return box.checked; }).length;
    if (selectedCount) { selectedCount.textContent = n ? "المحدد: " + n : "حدّد أسئلة ثم:"; }
  }
  if (selectAll) {
    selectAll.addEventListener("change", function () {
      picks().forEach(function (box) { box.checked = selectAll.checked; });
      countSelected();
    });
  }
  list.addEventListener("change", function (event) {
    if (event.target instanceof HTMLInputElement && event.target.classList.contains("pick")) { countSelected(); }
  });

  /* ---- keyboard ---- */
  function cards() { return Array.prototype.slice.call(list.querySelectorAll("[data-card]")); }
  function focusCard(card) {
    if (!card) { return; }
    if (current) { current.classList.remove("current"); }
    current = card;
    card.classList.add("current");
    card.focus({ preventScroll: true });
    card.scrollIntoView({ block: "nearest" });
  }
  list.addEventListener("focusin", function (event) {
    var card = event.target instanceof Element ? event.target.closest("[data-card]") : null;
    if (card && card !== current) {
      if (current) { current.classList.remove("current"); }
      current = card;
      card.classList.add("current");
    }
  });

  function press(action) {
    if (!current) { return false; }
    if (action === "edit") {
      var details = current.querySelector("details.edit");
      details.open = true;
      var field = details.querySelector("textarea, input:not([type=hidden])");
      if (field) { field.focus(); }
      return true;
    }
    if (action === "select") {
      var box = current.querySelector("input.pick");
      box.checked = !box.checked;
      countSelected();
      return true;
    }
    var button = current.querySelector('[data-key-action="' + action + '"]');
    if (!button) { return false; }
    advance = true;
    button.form.requestSubmit(button);
    return true;
  }

  var KEYS = { KeyA: "approve", KeyR: "reject", KeyU: "restore", KeyE: "edit", KeyX: "select" };
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var t = event.target;
    if (t instanceof HTMLElement && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) {
      if (event.key === "Escape" && current) { current.querySelector("details.edit").open = false; focusCard(current); }
      return;
    }
    var all = cards();
    var i = all.indexOf(current);
    if (event.code === "KeyJ" || event.key === "ArrowDown" && !current) {
      focusCard(all[Math.min(i + 1, all.length - 1)]);
    } else if (event.code === "KeyK") {
      focusCard(all[Math.max(i - 1, 0)]);
    } else if (KEYS[event.code]) {
      if (!current) { focusCard(all[0]); }
      if (!press(KEYS[event.code])) { return; }
    } else {
      return;
    }
    event.preventDefault();
  });
})();
