"use client";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button-styles";

/** What the embed could not use from its address; the rest loaded as asked. */
export function EmbedNotice({ issues }: { issues: readonly string[] }) {
  const [open, setOpen] = useState(issues.length > 0);
  if (!open) return null;
  return (
    <div
      role="status"
      data-testid="embed.notice"
      className="flex items-start gap-3 border-b border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100"
    >
      <div className="flex-1">
        <p className="font-medium">Some of this embed&apos;s settings could not be used.</p>
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
