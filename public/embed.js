/*!
 * open.cx Identity Playground: host-page script for embeds (docs/embed.md).
 *
 * <iframe src="https://…/embed?…" data-opencx-playground data-min-height="400" data-max-height="2400" …></iframe>
 * <script src="https://…/embed.js" async></script>
 *
 * - Sets each such iframe's height to the height its embed reports
 *   ({ type: "opencx-playground:height", height }), clamped to
 *   data-min-height (default 400) and data-max-height (default 2400).
 * - OpencxPlayground.setTheme("light" | "dark") tells every embed opened with
 *   theme=auto which theme the page uses, now and whenever one loads later.
 * Messages are taken only from an iframe marked data-opencx-playground, and
 * only when they come from the origin of that iframe's src. Nothing is sent
 * to the embeds but the theme and a hello. Safe to include more than once.
 */
(function () {
  "use strict";
  if (window.OpencxPlayground) return;

  var PREFIX = "opencx-playground:";
  var SELECTOR = "iframe[data-opencx-playground]";
  var DEFAULT_MIN = 400;
  var DEFAULT_MAX = 2400;
  var theme = null;

  function originOf(iframe) {
    try {
      return new URL(iframe.src, document.baseURI).origin;
    } catch {
      return null;
    }
  }

  function send(iframe, message) {
    var origin = originOf(iframe);
    if (!origin || origin === "null" || !iframe.contentWindow) return;
    iframe.contentWindow.postMessage(message, origin);
  }

  function sendAll(message) {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) send(frames[i], message);
  }

  function pixels(iframe, name, fallback) {
    var value = parseFloat(iframe.getAttribute(name));
    return isFinite(value) && value >= 0 ? value : fallback;
  }

  function resize(iframe, height) {
    var min = pixels(iframe, "data-min-height", DEFAULT_MIN);
    var max = Math.max(min, pixels(iframe, "data-max-height", DEFAULT_MAX));
    iframe.style.height = Math.round(Math.min(max, Math.max(min, height))) + "px";
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || typeof data.type !== "string") return;
    if (data.type.indexOf(PREFIX) !== 0) return;
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      var iframe = frames[i];
      if (iframe.contentWindow !== event.source) continue;
      if (event.origin !== originOf(iframe)) return;
      if (data.type === PREFIX + "height") {
        if (typeof data.height === "number" && isFinite(data.height) && data.height >= 0) resize(iframe, data.height);
      } else if (data.type === PREFIX + "ready") {
        if (theme) send(iframe, { type: PREFIX + "theme", theme: theme });
      }
      return;
    }
  });

  window.OpencxPlayground = {
    version: 1,
    setTheme: function (next) {
      if (next !== "light" && next !== "dark") throw new TypeError('OpencxPlayground.setTheme expects "light" or "dark"');
      theme = next;
      sendAll({ type: PREFIX + "theme", theme: theme });
    },
  };

  // Embeds that loaded before this script said "ready" to nobody: ask them again.
  sendAll({ type: PREFIX + "hello" });
})();
