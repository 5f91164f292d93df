"use client";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button-styles";
import { WIDGET_PINS } from "@/lib/config/versions";
import { undoable } from "@/lib/state/store";
import { useAnnounce } from "@/components/state/announcer";
import { usePlayground, usePlaygroundStore } from "@/components/state/store-provider";
import { focusVersionRadio } from "./version-switch";

/** Says what was wrong with the link the page was opened with; the rest of the state loaded. */
export function LinkNotice({ issues }: { issues: string[] }) {
  const [open, setOpen] = useState(issues.length > 0);
  if (!open) return null;
  return (
    <div
      role="alert"
      data-testid="link.notice"
      className="flex items-start gap-3 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <div className="flex-1">
        <p className="font-medium">This link could not be opened as it was.</p>
        <ul className="list-disc pl-5 text-xs">
          {issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      </div>
      <button type="button" onClick={() => setOpen(false)} className={buttonClass.notice}>
        Dismiss
      </button>
    </div>
  );
}

/**
 * The note on a link made before the version axis (link format 1): it was made for widget v4 and
 * opens as v4. A status, not an error: the link was read in full. "Switch to v5" keeps every
 * other setting and can be undone from the header; the note shows while v4 is chosen.
 */
export function MadeForV4Notice({ madeForV4 }: { madeForV4: boolean }) {
  const [dismissed, setDismissed] = useState(false);
  const onV4 = usePlayground((s) => s.config.widgetVersion === "v4");
  const store = usePlaygroundStore();
  const announce = useAnnounce();
  if (!madeForV4 || dismissed || !onV4) return null;
  const switchToV5 = () => {
    store.getState().switchVersion("v5");
    const step = undoable(store.getState());
    announce(
      `${step?.message ?? "Switched to widget v5."} Undo is at the end of the header; the browser's Back button also returns to v4.`,
    );
    // The note goes away with v4: focus lands on the header's v5 choice, which now holds.
    requestAnimationFrame(() => focusVersionRadio("v5"));
  };
  return (
    <div
      role="status"
      data-testid="link.v4Notice"
      className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-sky-200 bg-sky-50 px-4 py-2 text-sm text-sky-950 dark:border-sky-800 dark:bg-sky-950/50 dark:text-sky-100"
    >
      <p className="flex-1">
        This link was made for widget v4, so it opens as v4 ({WIDGET_PINS.v4}). Every setting is as
        it was shared.
      </p>
      <button
        type="button"
        onClick={switchToV5}
        className={buttonClass.secondary}
        data-testid="link.v4Notice.switch"
      >
        Switch to v5
      </button>
      <button
        type="button"
        onClick={() => setDismissed(true)}
        className={buttonClass.notice}
        data-testid="link.v4Notice.dismiss"
      >
        Dismiss
      </button>
    </div>
  );
}
