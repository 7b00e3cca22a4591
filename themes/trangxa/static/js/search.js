/* trangxa — the search page. Pagefind's index of this site (on the provincial index: its own index of every
   commune's documents and procedures), queried as the reader types, a page of results at a time. Words with đ have a folded twin in the index, marked
   with U+2060; twins are dropped from excerpts here, so excerpts show the Vietnamese as written. */
(function () {
  "use strict";
  var list = document.getElementById("ket-qua"), status = document.getElementById("trang-thai");
  var form = document.getElementById("tim-kiem");
  if (!list || !form) { return; }
  document.getElementById("can-javascript").hidden = true;
  var root = new URL(list.dataset.root, location.href);
  var messages = JSON.parse(list.dataset.messages);  // in the page's language
  var say = function (key, values) {
    return messages[key].replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  };
  var fields = { q: form.elements.q, "chuyen-muc": form.elements["chuyen-muc"], xa: form.elements.xa };
  var params = new URLSearchParams(location.search);
  Object.keys(fields).forEach(function (key) { if (fields[key] && params.get(key)) { fields[key].value = params.get(key); } });

  var clean = function (excerpt) {
    var marked = excerpt.replace(/(\S+) <mark>\u2060[^<\s]*<\/mark>/g, function (all, word) {
      return /^<mark>/.test(word) ? word : "<mark>" + word + "</mark>";  // the twin matched: mark the word it doubles
    });
    return marked.replace(/ ?(<mark>)?\u2060[^\s<]*(<\/mark>)?/g, "").replace(/<(?!\/?mark>)/g, "&lt;");
  };
  var fold = function (text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  };
  // Pagefind scores words one by one and folds accents; a page holding the words as typed, together, is what the
  // reader meant. Tiers, best first: the query with its exact accents (dương is not đường nor dưỡng), the query
  // folded as one phrase, the rest — each tier in Pagefind's order.
  var tier = function (query, content) {
    var text = content.replace(/ ?\u2060\S*/g, "").replace(/\s+/g, " ");
    if (text.toLowerCase().indexOf(query.toLowerCase()) >= 0) { return 2; }
    return fold(text).indexOf(fold(query)) >= 0 ? 1 : 0;
  };
  var vnDate = function (iso) { return iso ? iso.slice(8, 10) + "/" + iso.slice(5, 7) + "/" + iso.slice(0, 4) : ""; };
  var el = function (tag, props) { return Object.assign(document.createElement(tag), props || {}); };

  // Pagefind (its script, WebAssembly and index) loads when the reader starts to search — or at once for an address
  // that carries a query: a look at the page costs nothing more, and its first paint waits for nothing.
  var started = false;
  var start = function () {
    if (started) { return; }
    started = true;
    load();
  };
  var load = function () {
  import(new URL("pagefind/pagefind.js", root).href).then(async function (pagefind) {
    await pagefind.options({ baseUrl: root.pathname });
    // The provincial search has one index of its own (every commune's documents and procedures, the province's
    // pages); each commune's page keeps its full index, linked from here once the reader picks a commune.
    var communes = JSON.parse(list.dataset.indexes || "[]");
    var siteOf = function (data) { return (data.filters.xa || [])[0] || ""; };
    var linkOf = function (data) {  // a commune at its own domain (ten-mien): its result links there
      var found = communes.filter(function (c) { return c.name === siteOf(data); })[0];
      if (!found || !/^https?:/.test(found.base)) { return data.url; }
      return found.base + data.url.slice(root.pathname.length).split("/").slice(1).join("/");
    };
    var communeSearch = function (name) {
      var found = communes.filter(function (c) { return c.name === name; })[0];
      return found ? new URL(found.base + "tim-kiem/?q=" + encodeURIComponent(query), root).href : "";
    };
    var filters = await pagefind.filters();
    Object.keys(filters["chuyen-muc"] || {}).sort().forEach(function (name) {
      if (!Array.prototype.some.call(fields["chuyen-muc"].options, function (o) { return o.value === name; })) {
        fields["chuyen-muc"].append(el("option", { value: name, textContent: name }));
      }
    });
    if (params.get("chuyen-muc")) { fields["chuyen-muc"].value = params.get("chuyen-muc"); }

    // Documents and procedures first (the index marks them with the filter "uu-tien": the factor their score is
    // multiplied by): the same query narrowed to each factor, from the chunks already loaded.
    var boosts = Object.keys(filters["uu-tien"] || {});
    var boosted = async function (results, query, chosen) {
      var factor = {};
      for (var i = 0; i < boosts.length; i += 1) {
        var only = await pagefind.search(query, { filters: Object.assign({}, chosen, { "uu-tien": boosts[i] }) });
        only.results.forEach(function (r) { factor[r.id] = parseFloat(boosts[i]); });
      }
      return results.map(function (r) { return { result: r, score: r.score * (factor[r.id] || 1) }; })
        .sort(function (a, b) { return b.score - a.score; })
        .map(function (ranked) { ranked.result.score = ranked.score; return ranked.result; });
    };
    var PER_PAGE = 10;  // each result shown costs one fragment download: a page of ten keeps a query light
    var pager = document.querySelector(".results-pager"), pageLabel = pager.querySelector(".results-page");
    var latest = 0, found = [], query = "", pageNumber = Math.max(1, parseInt(params.get("trang") || "1", 10) || 1);
    // Only the newest search writes its results (the reader may type faster than it answers).
    var run = async function () {
      var mine = ++latest;
      var chosen = {};
      query = fields.q.value.trim();
      ["chuyen-muc", "xa"].forEach(function (key) { if (fields[key] && fields[key].value) { chosen[key] = fields[key].value; } });
      if (!query) { list.replaceChildren(); status.textContent = ""; pager.hidden = true; return; }
      status.textContent = say("searching", {});
      var search = await pagefind.search(query, { filters: chosen });
      if (mine !== latest) { return; }
      found = await boosted(search.results, query, chosen);
      if (mine !== latest) { return; }
      await show(mine);
      if (mine !== latest) { return; }
      status.textContent = say(found.length ? "found" : "none", { n: found.length, q: query });  // once shown
      var whole = chosen.xa && communeSearch(chosen.xa);
      if (whole) {  // news and every other page of that commune are in its own index
        status.append(" ", el("a", { href: whole, textContent: say("commune", { name: chosen.xa }) }));
      }
    };
    var show = async function (mine) {
      var count = Math.max(1, Math.ceil(found.length / PER_PAGE));
      pageNumber = Math.min(pageNumber, count);
      var top = found.slice((pageNumber - 1) * PER_PAGE, pageNumber * PER_PAGE);
      var results = (await Promise.all(top.map(function (r) { return r.data(); })))
        .map(function (data, i) { return { data: data, tier: tier(query, data.content), score: top[i].score }; })
        .sort(function (a, b) { return b.tier - a.tier || b.score - a.score; })
        .map(function (ranked) { return ranked.data; });
      if (mine !== latest) { return; }
      list.replaceChildren();
      list.start = (pageNumber - 1) * PER_PAGE + 1;
      results.forEach(function (data) {
        var item = el("li");
        var title = el("a", { href: linkOf(data), textContent: data.meta.title || data.url });
        var meta = el("p", { className: "meta", textContent: [siteOf(data), data.filters["chuyen-muc"], vnDate(data.meta.date)]
          .map(function (v) { return Array.isArray(v) ? v[0] : v; }).filter(Boolean).join(" · ") });
        var excerpt = el("p", { className: "excerpt" });
        excerpt.innerHTML = clean(data.excerpt);  // Pagefind escapes the page text; only <mark> stays a tag
        item.append(el("h2", {}), meta, excerpt);
        item.firstChild.append(title);
        list.append(item);
      });
      pager.hidden = count < 2;
      pageLabel.textContent = say("page", { n: pageNumber, c: count });
      pager.querySelector("[data-step='-1']").disabled = pageNumber <= 1;
      pager.querySelector("[data-step='1']").disabled = pageNumber >= count;
    };
    pager.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      pageNumber += parseInt(button.dataset.step, 10);
      var url = new URL(location.href);
      url.searchParams.set("trang", String(pageNumber));
      history.replaceState(null, "", url);
      show(++latest).then(function () { status.focus(); status.scrollIntoView({ block: "start" }); });
    });
    var timer;
    form.addEventListener("input", function () { clearTimeout(timer); pageNumber = 1; timer = setTimeout(run, 250); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      clearTimeout(timer);
      var url = new URL(location.href);
      Object.keys(fields).forEach(function (key) { if (fields[key]) { url.searchParams.set(key, fields[key].value); } });
      url.searchParams.delete("trang");
      pageNumber = 1;
      history.replaceState(null, "", url);
      run();
    });
    run();
  }).catch(function () {
    status.textContent = say("failed", {});
  });
  };
  if (params.get("q")) { start(); }
  ["focusin", "pointerdown", "input"].forEach(function (type) { form.addEventListener(type, start); });
})();
