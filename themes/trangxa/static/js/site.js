/* trangxa — the one small script every page loads (deferred; the pages work without it).
   Videos from YouTube: nothing is loaded from YouTube until the reader clicks; then the privacy-enhanced player
   (youtube-nocookie.com) replaces the link. */
(function () {
  "use strict";
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
