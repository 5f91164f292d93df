/*!
 * open.cx Identity Playground: host-page script for embeds (docs/embed.md).
 *
 * <iframe src="https://…/embed?…" data-opencx-playground data-min-height="400" data-max-height="2400" …></iframe>
 * <script src="https://…/embed.js" async></script>
 *
 * - Sets each such iframe's height to the height its embed reports
 *   ({ type: "opencx-playground:height", height }), clamped to
 *   data-min-height (default 400) and data-max-height (default 2400),
 *   without moving the page under the reader:
 *   · a height must stand for SETTLE_MS before it is applied (transient
 *     reports are ignored);
 *   · before an embed has reported, its frame takes the height the embed
 *     code reserved for its width (data-reserve="width:height …");
 *   · a change is applied at once when nothing the reader sees moves: the
 *     frame is off-screen, its bottom edge stays below the fold, or the reader
 *     is past its top (then the page is scrolled by the same amount, so the
 *     text after it stays put); and whenever the reader is using the embed
 *     (it has focus). The embed's first settled height is applied too (it
 *     corrects the reservation, by little when the embed code's is used).
 *     Any other change to a frame in view waits until the reader scrolls it
 *     away, so a frame the reader sees never shrinks under them.
 * - OpencxPlayground.setTheme("light" | "dark") tells every embed opened with
 *   theme=auto which theme the page uses, now and whenever one loads later;
 *   an embed that has not started loading gets it in its URL
 *   (#host-theme=dark), so its first paint has the page's theme. A page can
 *   say it before this script loads: window.OpencxPlayground = { theme: "dark" }.
 * - An embed that does not answer within 2 × FAIL_MS of its frame's load event
 *   (the server is down, the page refused to be framed) is replaced by a short
 *   message and a link to the full playground: the link inside the iframe
 *   element when the embed code has one (on the playground's origin), else
 *   the playground's home page.
 * Messages are taken only from an iframe marked data-opencx-playground, and
 * only when they come from the origin of that iframe's src. Nothing is sent
 * to the embeds but the theme and a hello. Safe to include more than once.
 */
(function () {
  "use strict";
  var early = window.OpencxPlayground;
  if (early && early.version) return;

  var PREFIX = "opencx-playground:";
  var SELECTOR = "iframe[data-opencx-playground]";
  var DEFAULT_MIN = 400;
  var DEFAULT_MAX = 2400;
  var SETTLE_MS = 150;
  var FAIL_MS = 3000;
  var theme = early && (early.theme === "light" || early.theme === "dark") ? early.theme : null;
  // Per frame: { wanted: px | null, fitted: bool, alive: bool, timer, failTimer, strikes, watched: bool }
  var states = new WeakMap();
  var pending = [];

  function stateOf(iframe) {
    var s = states.get(iframe);
    if (!s) {
      s = {
        wanted: null,
        fitted: false,
        alive: false,
        timer: 0,
        failTimer: 0,
        strikes: 0,
        watched: false,
      };
      states.set(iframe, s);
    }
    return s;
  }

  function originOf(iframe) {
    try {
      return new URL(iframe.src, document.baseURI).origin;
    } catch {
      return null;
    }
  }

  /** Whether the frame's first document has not committed yet (lazy and not loaded, or still loading). */
  function notStarted(iframe) {
    try {
      var win = iframe.contentWindow;
      return !win || win.location.href === "about:blank";
    } catch {
      return false; // another origin's document: it has loaded
    }
  }

  function send(iframe, message) {
    var origin = originOf(iframe);
    if (!origin || origin === "null" || !iframe.contentWindow) return;
    iframe.contentWindow.postMessage(message, origin);
  }

  function frames() {
    return document.querySelectorAll(SELECTOR);
  }

  function pixels(iframe, name, fallback) {
    var value = parseFloat(iframe.getAttribute(name));
    return isFinite(value) && value >= 0 ? value : fallback;
  }

  function clamp(iframe, height) {
    var min = pixels(iframe, "data-min-height", DEFAULT_MIN);
    var max = Math.max(min, pixels(iframe, "data-max-height", DEFAULT_MAX));
    return Math.round(Math.min(max, Math.max(min, height)));
  }

  /** data-reserve="0:2400 640:2100 1024:1500": the height for the widest step not wider than the frame. */
  function reserved(iframe) {
    var steps = (iframe.getAttribute("data-reserve") || "").split(/\s+/);
    var width = iframe.getBoundingClientRect().width;
    var best = null;
    var bestFrom = -1;
    for (var i = 0; i < steps.length; i++) {
      var pair = steps[i].split(":");
      var from = parseFloat(pair[0]);
      var height = parseFloat(pair[1]);
      if (pair.length !== 2 || !isFinite(from) || !isFinite(height) || height < 0) continue;
      if (from <= width && from > bestFrom) {
        best = height;
        bestFrom = from;
      }
    }
    return best === null ? null : clamp(iframe, best);
  }

  /**
   * Sets the frame's height so that what the reader sees stays where it is:
   * when the reader is past the frame's top, the page scrolls with its bottom edge.
   */
  function setHeight(iframe, height) {
    var before = iframe.getBoundingClientRect();
    iframe.style.height = height + "px";
    var after = iframe.getBoundingClientRect();
    var drift = before.top < 0 ? after.bottom - before.bottom : after.top - before.top;
    if (Math.abs(drift) >= 0.5) window.scrollBy(0, drift);
  }

  /** Whether changing the frame to `height` now would move nothing the reader sees. */
  function unseen(iframe, height) {
    var box = iframe.getBoundingClientRect();
    var fold = window.innerHeight || document.documentElement.clientHeight;
    if (box.top >= fold) return true; // below the fold
    if (box.top < 0) return true; // the reader is past its top: compensated by setHeight
    return box.bottom >= fold && box.top + height >= fold; // its bottom edge stays below the fold
  }

  function apply(iframe) {
    var s = stateOf(iframe);
    var height = s.wanted === null ? (s.fitted ? null : reserved(iframe)) : s.wanted;
    if (height === null) return true;
    // The height this script set last (borders and box-sizing aside), else the frame's own.
    var current = parseFloat(iframe.style.height);
    if (!isFinite(current)) current = iframe.getBoundingClientRect().height;
    var done = true;
    if (Math.abs(height - current) >= 1) {
      var firstFit = s.wanted !== null && !s.fitted;
      if (document.activeElement === iframe || firstFit || unseen(iframe, height))
        setHeight(iframe, height);
      else done = false;
    }
    if (done && s.wanted !== null) s.fitted = true;
    return done;
  }

  function retry() {
    var still = [];
    for (var i = 0; i < pending.length; i++) {
      if (pending[i].isConnected && !apply(pending[i])) still.push(pending[i]);
    }
    pending = still;
  }

  function schedule(iframe) {
    if (!apply(iframe) && pending.indexOf(iframe) < 0) pending.push(iframe);
  }

  var retryQueued = false;
  function queueRetry() {
    if (retryQueued || !pending.length) return;
    retryQueued = true;
    requestAnimationFrame(function () {
      retryQueued = false;
      retry();
    });
  }

  function withHostTheme(src, value) {
    var at = src.indexOf("#");
    var base = at < 0 ? src : src.slice(0, at);
    var hash = at < 0 ? "" : src.slice(at + 1);
    var parts = hash.split("&").filter(function (part) {
      return part !== "" && part.split("=")[0] !== "host-theme";
    });
    parts.push("host-theme=" + value);
    return base + "#" + parts.join("&");
  }

  /** The host's theme in the URL of every auto-theme frame that has not loaded yet. */
  function themeUnloaded() {
    if (!theme) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var iframe = list[i];
      var src = iframe.getAttribute("src");
      if (!src || /[?&]theme=(light|dark)(&|#|$)/i.test(src) || !notStarted(iframe)) continue;
      var next = withHostTheme(src, theme);
      if (next !== src) iframe.setAttribute("src", next);
    }
  }

  function fallbackHref(iframe) {
    var origin = originOf(iframe);
    try {
      var link = new DOMParser()
        .parseFromString(iframe.textContent || "", "text/html")
        .querySelector("a[href]");
      var url = link && new URL(link.getAttribute("href"), iframe.src);
      if (url && url.origin === origin && /^https?:$/.test(url.protocol)) return url.href;
    } catch {
      // No usable link in the embed code: the playground's home page.
    }
    return origin + "/";
  }

  function fail(iframe) {
    var box = document.createElement("div");
    box.setAttribute("data-opencx-playground-fallback", "");
    if (iframe.id) box.id = iframe.id;
    box.style.cssText =
      "box-sizing:border-box;padding:12px 16px;border:1px solid rgba(128,128,128,.5);border-radius:8px;font:inherit;";
    var text = document.createElement("p");
    text.style.margin = "0";
    text.textContent = "The Identity Playground could not be loaded here. ";
    var link = document.createElement("a");
    link.href = fallbackHref(iframe);
    link.target = "_blank";
    link.rel = "noopener";
    link.textContent = "Open the playground in a new tab";
    text.appendChild(link);
    box.appendChild(text);
    var before = iframe.getBoundingClientRect();
    iframe.replaceWith(box);
    if (before.top < 0) window.scrollBy(0, box.getBoundingClientRect().bottom - before.bottom);
  }

  /** Two silent FAIL_MS periods, with a hello between them, and the frame is given up. */
  function watchFailure(iframe, s) {
    clearTimeout(s.failTimer);
    s.strikes = 0;
    var check = function () {
      if (s.alive || !iframe.isConnected) return;
      if (++s.strikes >= 2) return fail(iframe);
      send(iframe, { type: PREFIX + "hello" });
      s.failTimer = setTimeout(check, FAIL_MS);
    };
    s.failTimer = setTimeout(check, FAIL_MS);
  }

  function watch(iframe) {
    var s = stateOf(iframe);
    if (s.watched) return;
    s.watched = true;
    iframe.addEventListener("load", function () {
      if (!s.alive && !notStarted(iframe)) watchFailure(iframe, s);
    });
    if (!notStarted(iframe)) watchFailure(iframe, s); // it loaded before this script ran
    schedule(iframe);
  }

  function scan() {
    themeUnloaded();
    var list = frames();
    for (var i = 0; i < list.length; i++) watch(list[i]);
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || typeof data.type !== "string") return;
    if (data.type.indexOf(PREFIX) !== 0) return;
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var iframe = list[i];
      if (iframe.contentWindow !== event.source) continue;
      if (event.origin !== originOf(iframe)) return;
      var s = stateOf(iframe);
      s.alive = true;
      clearTimeout(s.failTimer);
      if (data.type === PREFIX + "height") {
        if (typeof data.height === "number" && isFinite(data.height) && data.height >= 0) {
          s.wanted = clamp(iframe, data.height);
          clearTimeout(s.timer);
          s.timer = setTimeout(function () {
            schedule(iframe);
          }, SETTLE_MS);
        }
      } else if (data.type === PREFIX + "ready") {
        if (theme) send(iframe, { type: PREFIX + "theme", theme: theme });
      }
      return;
    }
  });

  window.addEventListener("scroll", queueRetry, { passive: true });
  window.addEventListener("resize", queueRetry);
  // Focus moving into an embed (the reader clicked in it) lets its pending change through.
  window.addEventListener("blur", function () {
    setTimeout(queueRetry, 0);
  });

  window.OpencxPlayground = {
    version: 2,
    setTheme: function (next) {
      if (next !== "light" && next !== "dark")
        throw new TypeError('OpencxPlayground.setTheme expects "light" or "dark"');
      theme = next;
      themeUnloaded();
      var list = frames();
      for (var i = 0; i < list.length; i++) send(list[i], { type: PREFIX + "theme", theme: theme });
    },
  };

  scan();
  if (typeof MutationObserver === "function") {
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        if (records[i].addedNodes.length) return scan();
      }
    }).observe(document.documentElement, { childList: true, subtree: true });
  }

  // Embeds that loaded before this script said "ready" to nobody: ask them again.
  var list = frames();
  for (var i = 0; i < list.length; i++) send(list[i], { type: PREFIX + "hello" });
})();
