/* trangxa — the one small script every page loads (deferred; the pages work without it).
   - Text size and high contrast: the reader's choice, kept on their own device (localStorage) for the next pages.
   - Shortcut keys (TT 32/2017 Điều 18): Alt (Option on a Mac) with a digit follows the element whose accesskey it
     is — 1 home, 3 site map, 4 search, 0 accessibility statement — in browsers whose own accesskey combination
     differs (Firefox: Alt+Shift) or that leave it to the page.
   - Videos from YouTube: nothing is loaded from YouTube until the reader clicks; then the privacy-enhanced player
     (youtube-nocookie.com) replaces the link. */
(function () {
  "use strict";
  var root = document.documentElement, tools = document.querySelector(".reader-tools");
  var remember = function (key, value) { try { localStorage.setItem(key, value); } catch (e) { /* private mode */ } };
  var recall = function (key) { try { return localStorage.getItem(key); } catch (e) { return null; } };
  var size = Math.min(3, Math.max(0, parseInt(recall("trangxa-co-chu") || "0", 10) || 0));
  var contrast = recall("trangxa-tuong-phan") === "1";
  var apply = function () {
    root.classList.remove("text-1", "text-2", "text-3");
    if (size) { root.classList.add("text-" + size); }
    root.classList.toggle("contrast", contrast);
    if (tools) { tools.querySelector("[data-contrast]").setAttribute("aria-pressed", String(contrast)); }
  };
  apply();
  document.addEventListener("keydown", function (event) {
    if (!event.altKey || event.ctrlKey || event.metaKey || !/^Digit\d$/.test(event.code || "")) { return; }
    var target = document.querySelector('[accesskey="' + event.code.slice(5) + '"]');
    if (!target) { return; }
    event.preventDefault();
    if (target.tagName === "A") { location.href = target.href; } else { target.focus(); }
  });
  if (tools) {
    tools.hidden = false;
    tools.addEventListener("click", function (event) {
      var button = event.target.closest("button");
      if (!button) { return; }
      if (button.hasAttribute("data-contrast")) {
        contrast = !contrast;
        remember("trangxa-tuong-phan", contrast ? "1" : "0");
      } else {
        size = Math.min(3, Math.max(0, size + parseInt(button.dataset.text, 10)));
        remember("trangxa-co-chu", String(size));
      }
      apply();
    });
  }
  document.querySelectorAll(".video-facade").forEach(function (facade) {
    var link = facade.querySelector("a");
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = facade.dataset.embed;
      frame.title = facade.dataset.title;
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      facade.replaceChildren(frame);
      frame.focus();
    });
  });
})();
