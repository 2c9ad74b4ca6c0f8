// jobmatch serve: progressive enhancement only; the form works without this script.
"use strict";
(function () {
  var form = document.getElementById("score-form");
  if (!form) { return; }
  var drop = document.getElementById("drop");
  var input = document.getElementById("resume");
  var hint = document.getElementById("resume-hint");
  var status = document.getElementById("status");
  var button = document.getElementById("submit");

  function showChosen() {
    if (input.files && input.files.length) {
      hint.textContent = "Chosen: " + input.files[0].name;
    }
  }
  input.addEventListener("change", showChosen);
  ["dragenter", "dragover"].forEach(function (name) {
    drop.addEventListener(name, function (event) {
      event.preventDefault();
      drop.classList.add("over");
    });
  });
  ["dragleave", "drop"].forEach(function (name) {
    drop.addEventListener(name, function (event) {
      event.preventDefault();
      drop.classList.remove("over");
    });
  });
  drop.addEventListener("drop", function (event) {
    if (event.dataTransfer && event.dataTransfer.files.length) {
      input.files = event.dataTransfer.files;
      showChosen();
    }
  });
  form.addEventListener("submit", function () {
    form.setAttribute("aria-busy", "true");
    button.disabled = true;
    status.textContent = "Scoring, please wait\u2026";
  });
  // coming back with the browser's Back button: the form is usable again
  window.addEventListener("pageshow", function () {
    form.removeAttribute("aria-busy");
    button.disabled = false;
  });
  // after a post, move focus to the report (or the error) so it is read out first
  var heading = document.getElementById("result-heading");
  if (heading) { heading.focus(); }
})();
