// warta web: article highlighting and the legend toggles. Shipped as a file (the CSP allows no inline script).
(function () {
  "use strict";

  function evidence(id) {
    var text = document.getElementById("text");
    if (!text) return [];
    return Array.prototype.filter.call(text.querySelectorAll("[data-ann]"), function (el) {
      return el.getAttribute("data-ann").split(" ").indexOf(id) !== -1;
    });
  }

  function clear() {
    document.querySelectorAll(".hl").forEach(function (el) { el.classList.remove("hl"); });
    document.querySelectorAll(".ann-link.on").forEach(function (el) { el.classList.remove("on"); });
  }

  function highlight(id, button) {
    clear();
    var spans = evidence(id);
    spans.forEach(function (el) { el.classList.add("hl"); });
    document.querySelectorAll('.ann-link[data-target="' + CSS.escape(id) + '"]').forEach(function (b) {
      b.classList.add("on");
    });
    if (button) button.classList.add("on");
    if (spans.length) spans[0].scrollIntoView({ behavior: "smooth", block: "center" });
    document.body.setAttribute("data-highlighted", id);
    return spans.length;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest(".ann-link");
    if (button) {
      event.preventDefault();
      highlight(button.getAttribute("data-target"), button);
      return;
    }
    var chip = event.target.closest(".chip[data-toggle]");
    if (chip) {
      var text = document.getElementById("text");
      chip.classList.toggle("off");
      if (text) text.classList.toggle("hide-" + chip.getAttribute("data-toggle"));
      return;
    }
    var span = event.target.closest("#text [data-ann]");
    if (span && !window.getSelection().toString()) {
      // a click in the text selects the innermost annotation's panel entry
      var ids = span.getAttribute("data-ann").split(" ");
      var id = ids[ids.length - 1];
      var entry = document.querySelector('.ann-link[data-target="' + CSS.escape(id) + '"]');
      highlight(id, entry);
      if (entry) entry.scrollIntoView({ block: "nearest" });
    }
  });

  // /articles/ID#q-START (from the speaker page): highlight that quote
  function fromHash() {
    var m = /^#q-(\d+)$/.exec(window.location.hash);
    if (!m) return;
    var button = document.querySelector('.quote-link[data-quote-start="' + m[1] + '"]');
    if (button) highlight(button.getAttribute("data-target"), button);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", fromHash);
  else fromHash();
  window.addEventListener("hashchange", fromHash);
})();
