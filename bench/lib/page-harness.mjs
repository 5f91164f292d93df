/**
 * Code that runs inside the playground page (passed to Playwright's `evaluate` /
 * `addInitScript`, so each function must be self-contained: no closures over this module).
 *
 * Clock: every time is `performance.now()` of the top document (same time origin as the
 * `timeStamp` of its events). The preview iframe is same-origin and runs on the same
 * thread, so its DOM is observed from the top document and timed on the same clock.
 */

/**
 * Installs `window.__bench` in the playground page: one armed interaction at a time.
 *
 * - `arm(eventType)`: snapshot the code panel and the preview, then take the `timeStamp` of
 *   the next `eventType` event (capture phase, on window) as the interaction's start.
 * - Every DOM mutation of the code panel or of the preview iframe's document is recorded
 *   with a snapshot (code text, "all blocks highlighted", preview text/style/inputs) and
 *   the frame it lands in: `raf` = the next requestAnimationFrame callback, `after` = a task
 *   posted from that callback, i.e. once the main thread has finished rendering that frame
 *   (style, layout, paint recording). Compositing and display are not included.
 * - `status()`: for the Node side to wait until quiet; `finish()`: the measured times.
 */
export function installInteractionHarness() {
  if (window.__bench) return;
  const codePanel = () => document.querySelector('[data-testid="code.panel"]');
  const frame = () => document.querySelector('iframe[title="Widget preview"]');

  function codeSnapshot() {
    const panel = document.querySelector('[role="tabpanel"][data-testid^="code.tabpanel."]');
    if (!panel) return { code: "", highlighted: false };
    const blocks = panel.querySelectorAll("pre[data-highlighted]");
    let highlighted = blocks.length > 0;
    for (const block of blocks)
      if (block.getAttribute("data-highlighted") !== "true") highlighted = false;
    return { code: `${panel.getAttribute("data-testid")}\n${panel.textContent}`, highlighted };
  }

  function previewSnapshot() {
    const doc = frame()?.contentDocument;
    const widget = doc?.querySelector('[data-testid="preview.widget"]');
    if (!widget) return "(no widget)";
    const container = doc.getElementById("opencx-widget");
    let text = `${widget.getAttribute("style") ?? ""}|${container?.getAttribute("data-screen") ?? "closed"}|${widget.textContent}`;
    for (const input of widget.querySelectorAll("input, textarea")) text += `|${input.value}`;
    return text;
  }

  const state = {
    armed: false,
    eventType: "",
    t0: null,
    handlerAt: null,
    initial: null,
    records: [],
    pendingFrame: null,
    lastMutation: 0,
    observedFrameDoc: null,
  };

  const channel = new MessageChannel();
  const framesWaiting = [];
  channel.port1.onmessage = () => {
    const f = framesWaiting.shift();
    if (f) f.after = performance.now();
  };

  function record() {
    if (!state.armed) return;
    const now = performance.now();
    state.lastMutation = now;
    const { code, highlighted } = codeSnapshot();
    if (!state.pendingFrame) {
      const f = { raf: null, after: null };
      state.pendingFrame = f;
      requestAnimationFrame(() => {
        f.raf = performance.now();
        if (state.pendingFrame === f) state.pendingFrame = null;
        framesWaiting.push(f);
        channel.port2.postMessage(0);
      });
    }
    state.records.push({
      at: now,
      code,
      highlighted,
      preview: previewSnapshot(),
      frame: state.pendingFrame,
    });
  }

  const options = { subtree: true, childList: true, characterData: true, attributes: true };
  const codeObserver = new MutationObserver(record);
  const previewObserver = new MutationObserver(record);

  function observe() {
    const panel = codePanel();
    if (panel) codeObserver.observe(panel, options);
    const doc = frame()?.contentDocument;
    if (doc && doc !== state.observedFrameDoc) {
      previewObserver.disconnect();
      previewObserver.observe(doc, options);
      state.observedFrameDoc = doc;
    }
  }

  for (const type of ["click", "keydown", "input", "change"]) {
    window.addEventListener(
      type,
      (event) => {
        if (state.armed && state.t0 === null && event.type === state.eventType) {
          state.t0 = event.timeStamp;
          state.handlerAt = performance.now();
        }
      },
      { capture: true },
    );
  }

  window.__bench = {
    arm(eventType) {
      observe();
      state.armed = true;
      state.eventType = eventType;
      state.t0 = null;
      state.handlerAt = null;
      state.records = [];
      state.pendingFrame = null;
      state.lastMutation = performance.now();
      const { code, highlighted } = codeSnapshot();
      state.initial = { code, highlighted, preview: previewSnapshot() };
    },
    status() {
      const { highlighted } = codeSnapshot();
      const lastFrame = state.records.at(-1)?.frame;
      return {
        started: state.t0 !== null,
        quietFor: performance.now() - state.lastMutation,
        highlighted,
        framesDone: !lastFrame || lastFrame.after !== null,
        mutations: state.records.length,
      };
    },
    finish() {
      state.armed = false;
      const { t0, records, initial } = state;
      const finalCode = codeSnapshot();
      const final = {
        code: finalCode.code,
        highlighted: finalCode.highlighted,
        preview: previewSnapshot(),
      };
      /** Index of the first record from which `matches` holds for every later record. */
      const settledFrom = (matches) => {
        let index = -1;
        for (let i = records.length - 1; i >= 0; i--) {
          if (matches(records[i])) index = i;
          else break;
        }
        return index;
      };
      const timing = (index) => {
        if (index < 0 || t0 === null) return null;
        const r = records[index];
        return {
          commit: r.at - t0,
          raf: r.frame.raf === null ? null : r.frame.raf - t0,
          after: r.frame.after === null ? null : r.frame.after - t0,
        };
      };
      const codeChanged = final.code !== initial.code;
      const previewChanged = final.preview !== initial.preview;
      const code = codeChanged ? timing(settledFrom((r) => r.code === final.code)) : null;
      const preview = previewChanged
        ? timing(settledFrom((r) => r.preview === final.preview))
        : null;
      const highlighted =
        codeChanged && final.highlighted
          ? timing(settledFrom((r) => r.code === final.code && r.highlighted))
          : null;
      const firstCode = codeChanged
        ? timing(records.findIndex((r) => r.code !== initial.code))
        : null;
      return {
        started: t0 !== null,
        dispatchDelay: t0 === null ? null : state.handlerAt - t0,
        mutations: records.length,
        codeChanged,
        previewChanged,
        finalHighlighted: final.highlighted,
        code,
        preview,
        highlighted,
        firstCode,
      };
    },
  };
}

/**
 * Init script for the cold-load runs (top document and both preview iframes).
 *
 * Top document: a minimal React DevTools hook (the interface React calls on every commit)
 * tells when React first commits, i.e. hydration is done. In the next task the probe clicks
 * the "Collect" identity radio and times the first code-panel commit that follows, plus the
 * frame after it: "controls interactive". If that click is lost (no code change in 250 ms),
 * it tries the next model's radio, up to three times.
 * "This browser" iframe: times the first appearance of `#opencx-widget`.
 * Times are absolute (`performance.timeOrigin + now`) so the two documents compare.
 */
export function loadProbeInitScript() {
  const abs = () => performance.timeOrigin + performance.now();
  if (window.top !== window) {
    let title = "";
    try {
      title = window.frameElement?.getAttribute("title") ?? "";
    } catch {
      return;
    }
    if (title !== "Widget preview") return;
    const check = () => {
      if (!document.getElementById("opencx-widget")) return false;
      try {
        window.top.__loadProbe.previewAt ??= abs();
      } catch {
        /* top not reachable: nothing to record */
      }
      return true;
    };
    const observer = new MutationObserver(() => {
      if (check()) observer.disconnect();
    });
    observer.observe(document, { subtree: true, childList: true });
    return;
  }
  const probe = {
    previewAt: null,
    hydratedAt: null,
    clickedAt: null,
    attempts: 0,
    respondedAt: null,
    respondedFrameAt: null,
  };
  window.__loadProbe = probe;
  const RADIOS = ["collect", "browser", "server"];

  const attempt = () => {
    if (probe.respondedAt !== null || probe.attempts >= RADIOS.length) return;
    const radio = document.querySelector(
      `[data-testid="controls.identity.model.${RADIOS[probe.attempts]}"]`,
    );
    const panel = document.querySelector('[data-testid="code.panel"]');
    if (!radio || !panel) {
      setTimeout(attempt, 10);
      return;
    }
    probe.attempts += 1;
    const before = panel.textContent;
    const observer = new MutationObserver(() => {
      if (probe.respondedAt !== null || panel.textContent === before) return;
      probe.respondedAt = abs();
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          probe.respondedFrameAt = abs();
        };
        channel.port2.postMessage(0);
      });
    });
    observer.observe(panel, { subtree: true, childList: true, characterData: true });
    probe.clickedAt = abs();
    radio.click();
    setTimeout(() => {
      if (probe.respondedAt === null) {
        observer.disconnect();
        attempt();
      }
    }, 250);
  };

  const renderers = new Map();
  const hook = {
    renderers,
    supportsFiber: true,
    inject(renderer) {
      const id = renderers.size + 1;
      renderers.set(id, renderer);
      return id;
    },
    onCommitFiberRoot() {
      if (probe.hydratedAt !== null) return;
      probe.hydratedAt = abs();
      setTimeout(attempt, 0);
    },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    checkDCE() {},
  };
  Object.defineProperty(window, "__REACT_DEVTOOLS_GLOBAL_HOOK__", {
    value: hook,
    configurable: true,
    writable: true,
  });
}
