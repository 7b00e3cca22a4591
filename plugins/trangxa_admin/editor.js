/* trangxa's additions to the Decap CMS editor (admin/trangxa.js, after decap-cms.js; no inline script: the page's
   Content-Security-Policy forbids it). Decap has already started, but reads its phrases and preview settings only
   once config.yml has arrived, so what is registered here is in time. The lines above this comment give the data:
   window.TRANGXA_VI (vi.yml) and window.TRANGXA_COLLECTIONS (the collections' names). */
(function () {
  "use strict";
  var CMS = window.CMS;
  if (!CMS) { return; }

  /* Decap's "vi" is incomplete and falls back to English phrase by phrase ("Add tệp đính kèm"): register the
     English tree, overlaid with Decap's Vietnamese, overlaid with ours. */
  function merge(base, over) {
    var out = {};
    Object.keys(base || {}).forEach(function (key) { out[key] = base[key]; });
    Object.keys(over || {}).forEach(function (key) {
      var both = out[key] && typeof out[key] === "object" && typeof over[key] === "object";
      out[key] = both ? merge(out[key], over[key]) : over[key];
    });
    return out;
  }
  CMS.registerLocale("vi", merge(merge(CMS.getLocale("en"), CMS.getLocale("vi")), window.TRANGXA_VI));

  /* The preview pane in the site's own look: its stylesheet, and a page's frame (title, fields, text). */
  CMS.registerPreviewStyle("../theme/css/site.css");
  var h = window.h;
  var Preview = window.createClass({
    render: function () {
      var props = this.props, entry = props.entry;
      var title = props.collection.get("identifier_field"), body = null;
      var rows = [];
      props.collection.get("fields").forEach(function (field) {
        var name = field.get("name"), value = entry.getIn(["data", name]);
        if (name === "body") { body = props.widgetFor("body"); return; }
        if (name === title || value === undefined || value === null || value === "") { return; }
        rows.push(h("div", { key: name }, props.widgetFor(name)));  /* Decap's preview: label and value */
      });
      return h("main", { className: "wrap", id: "noi-dung" },
        h("article", {},
          h("h1", {}, entry.getIn(["data", title]) || ""),
          h("div", { className: "fields" }, rows),
          body && h("div", { className: "prose" }, body)));
    }
  });
  (window.TRANGXA_COLLECTIONS || []).forEach(function (name) { CMS.registerPreviewTemplate(name, Preview); });
})();
