// tacitus web: progressive enhancements only; every page works without this file.
"use strict";
(function () {
  // Filter forms: leave empty fields out of the URL.
  document.querySelectorAll("form.filters").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("input, select").forEach(function (field) {
        if (field.name && field.value === "") { field.disabled = true; }
      });
    });
  });
  // Article page: hovering or focusing an event's row outlines its spans in the text.
  var marks = Array.prototype.slice.call(document.querySelectorAll("#text mark[data-ev]"));
  function focus(index, on) {
    marks.forEach(function (mark) {
      if (mark.getAttribute("data-ev").split(" ").indexOf(index) >= 0) {
        mark.classList.toggle("focus", on);
      }
    });
  }
  document.querySelectorAll("tr.event-row").forEach(function (row) {
    var index = row.getAttribute("data-ev");
    ["mouseenter", "focus"].forEach(function (name) {
      row.addEventListener(name, function () { row.classList.add("focus"); focus(index, true); });
    });
    ["mouseleave", "blur"].forEach(function (name) {
      row.addEventListener(name, function () { row.classList.remove("focus"); focus(index, false); });
    });
  });
})();
// Coming back to a page from the history: the fields disabled on submit are usable again.
window.addEventListener("pageshow", function () {
  document.querySelectorAll("form.filters [disabled]").forEach(function (field) {
    field.disabled = false;
  });
});
