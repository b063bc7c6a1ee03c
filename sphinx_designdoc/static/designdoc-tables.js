/* sphinx-designdoc: sort and filter design-index tables.
 *
 * Progressive enhancement: without this script every table is there in full. With it,
 * each column header holds a button that sorts the rows (again: the other way), with
 * aria-sort on the header, and a table of more than 10 rows gets a filter box that
 * hides the rows not containing every word typed. No dependencies, no network.
 * The words shown come from the page (window.DESIGNDOC_TABLES), translated.
 */
(function () {
  "use strict";

  var FILTER_ROWS = 10;
  var words = window.DESIGNDOC_TABLES || {};
  var collator = new Intl.Collator(document.documentElement.lang || undefined, {
    numeric: true,
    sensitivity: "base",
  });
  var NUMBER = /^[-+]?(\d+([.,]\d+)*|\d*\.\d+)\s*%?$/;

  function cellText(row, column) {
    var cell = row.cells[column];
    return cell ? cell.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function toNumber(text) {
    return parseFloat(text.replace(/,/g, "").replace("%", ""));
  }

  // Numbers compare as numbers when every value of the column is one; ISO dates and
  // everything else as text, digits inside it by value ("v2" before "v10").
  function comparer(rows, column) {
    var values = rows.map(function (row) { return cellText(row, column); });
    var filled = values.filter(function (v) { return v !== ""; });
    var numeric = filled.length > 0 && filled.every(function (v) { return NUMBER.test(v); });
    return {
      values: values,
      compare: numeric
        ? function (a, b) { return toNumber(a) - toNumber(b); }
        : collator.compare,
    };
  }

  function restripe(body) {
    var shown = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      if (row.hidden) return;
      row.classList.toggle("row-even", shown % 2 === 0);
      row.classList.toggle("row-odd", shown % 2 === 1);
      shown += 1;
    });
    return shown;
  }

  function sortBy(table, headers, column) {
    var body = table.tBodies[0];
    var header = headers[column];
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    var how = comparer(rows, column);
    var order = rows.map(function (row, index) { return index; });
    order.sort(function (i, j) {
      var a = how.values[i], b = how.values[j];
      if (a === "" || b === "") return (a === "") - (b === "") || i - j; // empty last
      var result = how.compare(a, b);
      return (ascending ? result : -result) || i - j; // stable
    });
    var fragment = document.createDocumentFragment();
    order.forEach(function (index) { fragment.appendChild(rows[index]); });
    body.appendChild(fragment);
    headers.forEach(function (th) { th.removeAttribute("aria-sort"); });
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    restripe(body);
  }

  function addSorting(table) {
    var head = table.tHead;
    if (!head || !head.rows.length) return;
    var headers = Array.prototype.slice.call(head.rows[0].cells);
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "designdoc-sort";
      button.textContent = th.textContent.replace(/\s+/g, " ").trim();
      if (words.sort) button.title = words.sort;
      button.addEventListener("click", function () { sortBy(table, headers, column); });
      th.textContent = "";
      th.appendChild(button);
    });
  }

  function addFilter(table, number) {
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var total = rows.length;
    var box = document.createElement("div");
    box.className = "designdoc-filter";
    var label = document.createElement("label");
    var input = document.createElement("input");
    var status = document.createElement("span");
    input.type = "search";
    input.id = "designdoc-filter-" + number;
    input.autocomplete = "off";
    input.setAttribute("aria-controls", table.id || "");
    label.htmlFor = input.id;
    label.textContent = words.filter || "Filter rows";
    status.className = "designdoc-filter-count";
    status.setAttribute("aria-live", "polite");
    box.appendChild(label);
    box.appendChild(input);
    box.appendChild(status);
    var texts = null; // each row's text, lowercased, read on first use
    input.addEventListener("input", function () {
      var wanted = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      if (texts === null) {
        texts = new Map(rows.map(function (r) { return [r, r.textContent.toLowerCase()]; }));
      }
      rows.forEach(function (row) {
        var text = texts.get(row);
        row.hidden = !wanted.every(function (w) { return text.indexOf(w) !== -1; });
      });
      var shown = restripe(body);
      status.textContent = wanted.length
        ? (words.count || "{shown} of {total} rows")
            .replace("{shown}", shown).replace("{total}", total)
        : "";
    });
    // furo wraps the table in a scrolling div: the box goes before that
    var wrapper = table.parentElement.classList.contains("table-wrapper")
      ? table.parentElement
      : table;
    wrapper.parentElement.insertBefore(box, wrapper);
  }

  function enhance() {
    var tables = document.querySelectorAll("table.designdoc-index");
    Array.prototype.forEach.call(tables, function (table, number) {
      if (!table.tBodies.length || table.classList.contains("designdoc-interactive")) return;
      if (!table.id) table.id = "designdoc-table-" + number;
      addSorting(table);
      if (table.tBodies[0].rows.length > FILTER_ROWS) addFilter(table, number);
      table.classList.add("designdoc-interactive");
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhance);
  } else {
    enhance();
  }
})();
