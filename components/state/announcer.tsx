"use client";
import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";

type Announce = (message: string) => void;
/** Announces `message` unless the page announced something at or after `since` (`performance.now()`). */
type AnnounceUnlessSaid = (message: string, since: number) => void;
const AnnouncerContext = createContext<Announce>(() => {});
const UnlessSaidContext = createContext<AnnounceUnlessSaid>(() => {});

/** One polite live region for the whole page: copy results and other short confirmations. */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const lastAt = useRef(-Infinity);
  const say = useCallback((text: string) => {
    // Clear first so the same message twice is announced twice.
    setMessage("");
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setMessage(text), 50);
  }, []);
  const announce = useCallback<Announce>(
    (text) => {
      lastAt.current = performance.now();
      say(text);
    },
    [say],
  );
  // Its own messages do not count as "something was said": only the answers of actions do.
  const unlessSaid = useCallback<AnnounceUnlessSaid>(
    (text, since) => {
      if (lastAt.current < since) say(text);
    },
    [say],
  );
  return (
    <AnnouncerContext.Provider value={announce}>
      <UnlessSaidContext.Provider value={unlessSaid}>{children}</UnlessSaidContext.Provider>
      <div
        aria-live="polite"
        role="status"
        className="sr-only"
        aria-atomic="true"
        data-testid="live.region"
      >
        {message}
      </div>
    </AnnouncerContext.Provider>
  );
}

export function useAnnounce(): Announce {
  return useContext(AnnouncerContext);
}

/**
 * For messages that follow from an action rather than being its answer (the explained diff's
 * summary): said only when nothing else was announced since `since`, so an action that announces
 * itself ("Imported …", "Reset …") is not talked over.
 */
export function useAnnounceUnlessSaid(): AnnounceUnlessSaid {
  return useContext(UnlessSaidContext);
}

/**
 * A modal dialog's own status line: the page's live region is inert behind a modal dialog, so
 * the dialog shows (and announces) each message itself, and says it to the page's region too.
 * Cleared first so the same message twice is announced twice.
 */
export function useDialogStatus(): [status: string, say: Announce] {
  const announce = useAnnounce();
  const [status, setStatus] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const say = useCallback<Announce>(
    (text) => {
      setStatus("");
      clearTimeout(timer.current);
      timer.current = setTimeout(() => setStatus(text), 50);
      announce(text);
    },
    [announce],
  );
  return [status, say];
}
