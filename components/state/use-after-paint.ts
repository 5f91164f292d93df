"use client";
import { startTransition, useEffect, useState } from "react";

/** How long a change may wait for a frame (none come in a hidden tab or an off-screen frame). */
const FRAME_FALLBACK_MS = 200;

/**
 * `value`, but a change shows only after the browser has painted the frame that shows the
 * change itself: for work nobody is looking at while typing (the advisories, the trust summary).
 * React's `useDeferredValue` renders the deferred value in the very next task, before that frame
 * (measured: it made the frame later); this waits for the frame (`requestAnimationFrame`, then a
 * task) and renders in a transition. Fast typing only renders the last value. The first render
 * (server and hydration) shows `value` itself.
 */
export function useAfterPaint<T>(value: T): T {
  const [shown, setShown] = useState(value);
  useEffect(() => {
    if (Object.is(shown, value)) return;
    let done = false;
    let task: ReturnType<typeof setTimeout> | undefined;
    const show = () => {
      if (done) return;
      done = true;
      startTransition(() => setShown(value));
    };
    const frame = requestAnimationFrame(() => {
      task = setTimeout(show, 0);
    });
    const fallback = setTimeout(show, FRAME_FALLBACK_MS);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(task);
      clearTimeout(fallback);
    };
  }, [value, shown]);
  return shown;
}
