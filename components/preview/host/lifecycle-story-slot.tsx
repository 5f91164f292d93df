"use client";

/**
 * The "Shared computer story" on the preview's device panel: a disclosure button, and the
 * timeline (lifecycle-timeline.tsx) loaded when it is first opened, so the simulator and the
 * story are not part of the page's first load. While the story is open the preview frame shows
 * the story's page instead of the device on screen; closing it gives the frame back.
 */
import { useId, useRef, useState, type ReactNode } from "react";
import dynamic from "next/dynamic";
import type { DevicePage } from "@/lib/preview/devices";
import type { PreviewViewport } from "@/lib/preview/messages";
import { buttonClass } from "@/components/ui/button-styles";

const loadTimeline = () => import("./lifecycle-timeline");
const LifecycleTimeline = dynamic(() => loadTimeline().then((m) => m.LifecycleTimeline), {
  ssr: false,
  loading: () => (
    <p role="status" className="text-xs text-neutral-500 dark:text-neutral-400">
      Loading the story…
    </p>
  ),
});

export interface LifecycleStory {
  /** The page the preview frame shows while the story is open; `null`: the devices' own. */
  page: DevicePage | null;
  /** The disclosure and, when open, the timeline: one child of the device panel. */
  slot: ReactNode;
}

/** The story's state for the preview pane: what its frame shows, and the slot to mount. */
export function useLifecycleStory(viewport: PreviewViewport): LifecycleStory {
  const [page, setPage] = useState<DevicePage | null>(null);
  return { page, slot: <LifecycleStorySlot viewport={viewport} onPage={setPage} /> };
}

function LifecycleStorySlot({
  viewport,
  onPage,
}: {
  viewport: PreviewViewport;
  onPage: (page: DevicePage | null) => void;
}) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  const leave = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <>
      <button
        ref={toggle}
        type="button"
        className={`${buttonClass.secondary} aria-expanded:border-neutral-900 aria-expanded:bg-neutral-900 aria-expanded:text-white aria-expanded:hover:bg-neutral-700 dark:aria-expanded:border-neutral-100 dark:aria-expanded:bg-neutral-100 dark:aria-expanded:text-neutral-900 dark:aria-expanded:hover:bg-neutral-300`}
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
        onPointerEnter={() => void loadTimeline()}
        onFocus={() => void loadTimeline()}
        data-testid="preview.story.toggle"
        title="A and B take turns on one browser: who sees whose history"
      >
        Shared computer story
      </button>
      {/* A full row of the device panel (a wrapping flex row). */}
      <div id={id} className={open ? "basis-full" : "hidden"}>
        {open ? <LifecycleTimeline viewport={viewport} onPage={onPage} onClose={leave} /> : null}
      </div>
    </>
  );
}
