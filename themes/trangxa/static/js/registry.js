/* trangxa — filters that combine, over every record of a registry (its JSON), for readers whose browser runs
   script. Without script the registry is the server's table with a page per filter value. */
(function () {
  "use strict";
  var box = document.getElementById("cong-cu");
  if (!box || !window.fetch) { return; }
  var keys = JSON.parse(box.dataset.facets), labels = JSON.parse(box.dataset.labels);
  var numberKey = box.dataset.number, titleKey = box.dataset.title, dateKey = box.dataset.date;
  var fold = function (text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  };
  var valuesOf = function (row, key) {
    var value = row[key];
    if (value === undefined || value === null || value === "") { return []; }
    if (Array.isArray(value)) { return value.map(String); }
    return /^\d{4}-\d{2}-\d{2}$/.test(value) ? [value.slice(0, 4)] : [String(value)];
  };
  var vnDate = function (iso) { return iso ? iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4) : ""; };
  var el = function (tag, props, children) {
    var node = Object.assign(document.createElement(tag), props || {});
    (children || []).forEach(function (child) { node.append(child); });
    return node;
  };

  fetch(box.dataset.source).then(function (response) { return response.json(); }).then(function (rows) {
    var selects = keys.map(function (key, index) {
      var values = {};
      rows.forEach(function (row) { valuesOf(row, key).forEach(function (v) { values[v] = true; }); });
      var options = [el("option", { value: "", textContent: "Tất cả" })].concat(Object.keys(values).sort()
        .map(function (v) { return el("option", { value: v, textContent: v }); }));
      var select = el("select", { id: "loc-" + key, name: key }, options);
      return [key, el("div", { className: "js-filter" }, [el("label", { htmlFor: select.id, textContent: labels[index] }), select]), select];
    });
    var search = el("input", { type: "search", id: "loc-tu-khoa", placeholder: "Số, ký hiệu hoặc trích yếu" });
    var count = el("p", { className: "meta", role: "status" });
    var list = el("ul", { className: "list js-results" });
    var form = el("form", { className: "js-filters", role: "search", ariaLabel: "Lọc danh sách" },
      selects.map(function (s) { return s[1]; }).concat([el("div", { className: "js-filter" },
        [el("label", { htmlFor: search.id, textContent: "Từ khóa" }), search])]));
    var server = document.querySelectorAll(".table-wrap, .pager, .cards, main > .list");
    box.querySelector(".filters").hidden = true;  // the combined filters below replace the filter pages' links
    box.after(form, count, list);

    var render = function () {
      var words = fold(search.value).split(/\s+/).filter(Boolean);
      var chosen = selects.filter(function (s) { return s[2].value; });
      var changed = selects.some(function (s, i) { return s[2].value !== initial[i]; });
      var active = changed || words.length;
      server.forEach(function (node) { node.hidden = Boolean(active); });
      list.replaceChildren();
      if (!active) { count.textContent = ""; return; }
      var found = rows.filter(function (row) {
        var text = fold(row[numberKey] + " " + row[titleKey]);
        return chosen.every(function (s) { return valuesOf(row, s[0]).indexOf(s[2].value) >= 0; }) &&
          words.every(function (w) { return text.indexOf(w) >= 0; });
      });
      count.textContent = found.length + " kết quả";
      found.forEach(function (row) {
        var link = el("a", { href: box.dataset.base + row.url, textContent: row[numberKey] + ": " + row[titleKey] });
        list.append(el("li", {}, [link, el("span", { className: "meta", textContent: " " + vnDate(row[dateKey]) })]));
      });
    };
    var current = JSON.parse(box.dataset.current || "[]");  // a filter page: its value is already chosen
    selects.forEach(function (s) { if (s[0] === current[0]) { s[2].value = current[1]; } });
    var initial = selects.map(function (s) { return s[2].value; });
    form.addEventListener("input", render);
    form.addEventListener("submit", function (event) { event.preventDefault(); render(); });
  });
})();
