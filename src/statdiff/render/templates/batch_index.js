// The batch index reads fully without this script; it only turns each column header
// into a button that sorts the table by that column (again: the other way round).
// Ties keep manifest order; "#" gives manifest order back.
(function () {
  "use strict";
  var table = document.getElementById("pairs");
  if (!table || !table.tHead || !table.tBodies.length) { return; }
  var body = table.tBodies[0];
  var headers = table.tHead.querySelectorAll("tr.sort-row th");

  function position(row) { return parseInt(row.getAttribute("data-position"), 10); }

  function key(row, column, numeric) {
    var cell = row.cells[column];
    var value = cell.getAttribute("data-value");
    if (value === null) { value = cell.textContent.trim(); }
    return numeric ? parseFloat(value) : value.toLowerCase();
  }

  function sortBy(column) {
    var header = headers[column];
    var numeric = header.getAttribute("data-type") === "number";
    var descending = header.getAttribute("aria-sort") === "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a, column, numeric);
      var y = key(b, column, numeric);
      var order = numeric ? x - y : x.localeCompare(y);
      if (order === 0) { return position(a) - position(b); }
      return descending ? -order : order;
    });
    for (var i = 0; i < headers.length; i += 1) { headers[i].removeAttribute("aria-sort"); }
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    for (var j = 0; j < rows.length; j += 1) { body.appendChild(rows[j]); }
  }

  Array.prototype.forEach.call(headers, function (header, column) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sort";
    button.title = "Sort by this column";
    while (header.firstChild) { button.appendChild(header.firstChild); }
    header.appendChild(button);
    button.addEventListener("click", function () { sortBy(column); });
  });
})();
