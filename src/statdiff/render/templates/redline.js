// Optional helpers: the page reads fully without them (views switch by radio buttons,
// sections collapse with <details>).
(function () {
  "use strict";
  var helpers = document.querySelector(".js-only");
  if (!helpers) { return; }
  helpers.hidden = false;
  function setOpen(open) {
    var sections = document.querySelectorAll("details.sec");
    for (var i = 0; i < sections.length; i += 1) { sections[i].open = open; }
  }
  document.getElementById("expand-all").addEventListener("click", function () { setOpen(true); });
  document.getElementById("collapse-all").addEventListener("click", function () { setOpen(false); });
})();
