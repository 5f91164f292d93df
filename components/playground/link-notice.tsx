"use client";
import { useState } from "react";
import { buttonClass } from "@/components/ui/button-styles";

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
