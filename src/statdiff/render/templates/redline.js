// Optional helpers: the page reads fully without them (views switch by radio buttons,
// sections and runs fold with <details>, filters are check boxes, every change is a link).
// With them: `n` / `p` (and the buttons) move to the next / previous change shown by the
// filters and set the URL hash (#c2); a link to a change reaches it in either view; a
// mini-map marks every change down the right edge; expand / collapse all.
(function () {
  "use strict";
  var doc = document;
  var helpers = doc.querySelectorAll(".js-only");
  for (var h = 0; h < helpers.length; h += 1) { helpers[h].hidden = false; }

  function setOpen(open) {
    var folded = doc.querySelectorAll("details.sec, details.run");
    for (var i = 0; i < folded.length; i += 1) { folded[i].open = open; }
  }
  var expand = doc.getElementById("expand-all");
  var collapse = doc.getElementById("collapse-all");
  if (expand) { expand.addEventListener("click", function () { setOpen(true); }); }
  if (collapse) { collapse.addEventListener("click", function () { setOpen(false); }); }

  var items = Array.prototype.slice.call(doc.querySelectorAll(".change-item"));
  if (!items.length) { return; }
  var position = doc.getElementById("change-position");
  var current = null;  // the anchor of the change last moved to

  function shown(element) {
    return element.getClientRects().length > 0 && getComputedStyle(element).visibility !== "hidden";
  }
  // The anchors the filters leave, in reading order.
  function selected() {
    var anchors = [];
    for (var i = 0; i < items.length; i += 1) {
      if (getComputedStyle(items[i]).display !== "none") { anchors.push(items[i].getAttribute("data-anchor")); }
    }
    return anchors;
  }
  // Open the folded runs and sections holding an element.
  function unfold(element) {
    for (var node = element.parentElement; node; node = node.parentElement) {
      if (node.tagName === "DETAILS" && !node.open && !node.classList.contains("jump")) { node.open = true; }
    }
  }
  // The element that shows a change in the current view: the change itself (inline), or
  // the side-by-side span or cell that carries its anchor.
  function target(anchor) {
    var element = doc.getElementById(anchor);
    if (!element) { return null; }
    unfold(element);
    if (shown(element)) { return element; }
    var copies = doc.querySelectorAll("[data-change='" + anchor + "']");
    for (var i = 0; i < copies.length; i += 1) {
      if (shown(copies[i])) { return copies[i]; }
    }
    var row = element.closest(".row");
    return row || element;
  }
  function mark(anchor, element) {
    var old = doc.querySelectorAll(".current");
    for (var i = 0; i < old.length; i += 1) { old[i].classList.remove("current"); }
    current = anchor;
    if (element && element.id !== anchor) { element.classList.add("current"); }
    var anchors = selected();
    var index = anchors.indexOf(anchor);
    if (position) { position.textContent = (index < 0 ? "\u2013" : index + 1) + " / " + anchors.length; }
    for (var j = 0; j < items.length; j += 1) {
      var here = items[j].getAttribute("data-anchor") === anchor;
      items[j].classList.toggle("current", here);
      if (here) { items[j].querySelector("a").setAttribute("aria-current", "location"); }
      else { items[j].querySelector("a").removeAttribute("aria-current"); }
    }
    drawMap();
  }
  function reveal(anchor) {
    var element = target(anchor);
    if (!element) { return; }
    element.scrollIntoView({block: "center"});
    mark(anchor, element);
  }
  function go(step) {
    var anchors = selected();
    if (!anchors.length) { return; }
    var index = anchors.indexOf(current);
    if (index < 0) {
      // From where the reader is: the first change below the top of the window (or above, for p).
      index = step > 0 ? -1 : anchors.length;
      for (var i = 0; i < anchors.length; i += 1) {
        var element = target(anchors[i]);
        if (element && element.getBoundingClientRect().top > 0) { index = step > 0 ? i - 1 : i; break; }
      }
    }
    var next = Math.min(Math.max(index + step, 0), anchors.length - 1);
    var anchor = anchors[next];
    if (location.hash === "#" + anchor) { reveal(anchor); } else { location.hash = anchor; }
  }

  window.addEventListener("hashchange", function () {
    var anchor = decodeURIComponent(location.hash.slice(1));
    var element = anchor && doc.getElementById(anchor);
    if (!element) { return; }
    if (element.classList.contains("change")) { reveal(anchor); return; }
    unfold(element);
    element.scrollIntoView({block: "start"});
  });
  doc.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) { return; }
    var tag = (event.target && event.target.tagName) || "";
    if (tag === "INPUT" && event.target.type === "text" || tag === "TEXTAREA" || tag === "SELECT" ||
        (event.target && event.target.isContentEditable)) { return; }
    if (event.key === "n") { event.preventDefault(); go(1); }
    else if (event.key === "p") { event.preventDefault(); go(-1); }
  });
  doc.getElementById("next-change").addEventListener("click", function () { go(1); });
  doc.getElementById("prev-change").addEventListener("click", function () { go(-1); });
  // A link in the change list: close the list once it has taken the reader there.
  var jump = doc.querySelector(".jump");
  if (jump) {
    jump.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest(".change-list a")) { jump.open = false; }
    });
  }

  // The mini-map: one tick per change, at its height on the page; a box for the window.
  var map = doc.createElement("div");
  map.className = "minimap";
  map.setAttribute("aria-hidden", "true");
  var windowBox = doc.createElement("div");
  windowBox.className = "viewport";
  map.appendChild(windowBox);
  var ticks = [];
  for (var t = 0; t < items.length; t += 1) {
    var link = items[t].querySelector("a");
    var tick = doc.createElement("a");
    tick.href = link.getAttribute("href");
    tick.title = link.textContent;
    tick.tabIndex = -1;
    tick.className = items[t].className.replace("change-item", "").replace("current", "");
    if (doc.getElementById(items[t].getAttribute("data-anchor")).classList.contains("attributed")) {
      tick.classList.add("attributed");
    }
    tick.setAttribute("data-anchor", items[t].getAttribute("data-anchor"));
    map.appendChild(tick);
    ticks.push(tick);
  }
  doc.querySelector(".controls").appendChild(map);
  var pending = false;
  function drawMap() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      var height = doc.documentElement.scrollHeight || 1;
      for (var i = 0; i < ticks.length; i += 1) {
        var anchor = ticks[i].getAttribute("data-anchor");
        var element = doc.getElementById(anchor);
        if (element && !shown(element)) {
          var copy = doc.querySelector("[data-change='" + anchor + "']");
          element = copy && shown(copy) ? copy : element.closest(".row") || element;
        }
        var top = element ? element.getBoundingClientRect().top + window.scrollY : 0;
        ticks[i].style.top = (100 * top / height).toFixed(3) + "%";
        ticks[i].classList.toggle("current", anchor === current);
      }
      drawWindow();
    });
  }
  function drawWindow() {
    var height = doc.documentElement.scrollHeight || 1;
    windowBox.style.top = (100 * window.scrollY / height).toFixed(3) + "%";
    windowBox.style.height = (100 * window.innerHeight / height).toFixed(3) + "%";
  }
  window.addEventListener("resize", drawMap);
  window.addEventListener("scroll", drawWindow, {passive: true});
  doc.addEventListener("toggle", drawMap, true);
  doc.addEventListener("change", drawMap);

  var start = decodeURIComponent(location.hash.slice(1));
  if (start && doc.getElementById(start) && doc.getElementById(start).classList.contains("change")) { reveal(start); }
  else { mark(null, null); }
})();
