/* Study page keys on a desktop: 1-4 rate the card shown (Again, Hard, Good, Easy), Space or Enter
   shows the answer. Keys go by position, so an Arabic layout (١-٤) works too. Without this file the
   buttons post as usual; answers are autosaved by app.js like a quiz's. */
(function () {
  "use strict";

  var DIGITS = { "1": 1, "2": 2, "3": 3, "4": 4, "١": 1, "٢": 2, "٣": 3, "٤": 4 };

  function typing(target) {
    return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) &&
      !(target instanceof HTMLInputElement && target.type === "radio");
  }

  function rating(event) {
    var m = /^(?:Digit|Numpad)([1-4])$/.exec(event.code || "");
    return m ? Number(m[1]) : DIGITS[event.key] || 0;
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
    var n = rating(event);
    if (n && !typing(event.target)) {
      var button = document.querySelector('.study-rate button[data-rating="' + n + '"]');
      if (button) { event.preventDefault(); button.click(); }
      return;
    }
    if ((event.key === " " || event.key === "Enter") && !typing(event.target) &&
        !(event.target instanceof HTMLButtonElement) && !(event.target instanceof HTMLAnchorElement)) {
      var reveal = document.querySelector("[data-study-reveal]");
      if (reveal) { event.preventDefault(); reveal.click(); }
    }
  });

  // One rating per card: a second press while the first is on its way sends nothing more.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.classList.contains("study-rate")) { return; }
    if (form.getAttribute("data-sent")) { event.preventDefault(); return; }
    form.setAttribute("data-sent", "1");
  });
})();
