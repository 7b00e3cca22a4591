/* trangxa — filters that combine, over every record of a registry (its JSON), for readers whose browser runs
   script. The form is in the page from the start (the server wrote its choices; CSS shows it only where script
   runs), so nothing moves when this script arrives; without script the registry is the server's table with a
   page per filter value. */
(function () {
  "use strict";
  var box = document.getElementById("cong-cu");
  if (!box || !window.fetch) { return; }
  var form = box.querySelector(".js-filters"), count = box.querySelector(".js-count"), list = box.querySelector(".js-results");
  var numberKey = box.dataset.number, titleKey = box.dataset.title, dateKey = box.dataset.date;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var search = form.querySelector("input[type=search]");
  var fold = function (text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  };
  var valuesOf = function (row, key) {
    var value = row[key];
    if (value === undefined || value === null || value === "") { return []; }
    if (Array.isArray(value)) { return value.map(String); }
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? [value.slice(0, 4)] : [String(value)];
  };
  var chosenByServer = function (select) {  // a filter page's own value: its table already shows that choice
    var option = Array.prototype.filter.call(select.options, function (o) { return o.defaultSelected; })[0];
    return option ? option.value : "";
  };
  var vnDate = function (iso) { return iso ? iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4) : ""; };
  var el = function (tag, props, children) {
    var node = Object.assign(document.createElement(tag), props || {});
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  };
  var server = document.querySelectorAll(".table-wrap, .pager, .cards, main > .list");
  var rows = null;

  var render = function () {
    if (!rows) { return; }
    var words = fold(search.value).split(/\s+/).filter(Boolean);
    var chosen = selects.filter(function (s) { return s.value; });
    var active = words.length || selects.some(function (s) { return s.value !== chosenByServer(s); });
    server.forEach(function (node) { node.hidden = Boolean(active); });
    list.replaceChildren();
    if (!active) { count.textContent = ""; return; }
    var found = rows.filter(function (row) {
      var text = fold(row[numberKey] + " " + row[titleKey]);
      return chosen.every(function (s) { return valuesOf(row, s.name).indexOf(s.value) >= 0; }) &&
        words.every(function (w) { return text.indexOf(w) >= 0; });
    });
    count.textContent = found.length + " kết quả";
    found.forEach(function (row) {
      var link = el("a", { href: box.dataset.base + row.url, textContent: row[numberKey] + ": " + row[titleKey] });
      list.append(el("li", {}, [link, el("span", { className: "meta", textContent: " " + vnDate(row[dateKey]) })]));
    });
  };
  form.addEventListener("input", render);
  form.addEventListener("submit", function (event) { event.preventDefault(); render(); });
  fetch(box.dataset.source).then(function (response) { return response.json(); }).then(function (data) {
    rows = data;
    render();  // what the reader chose while the records were on their way
  });
})();
