"use client";
import { usePlayground } from "@/components/state/store-provider";
import { checkboxClass } from "./field";

/** For the browser and server models: turn collectUserData on to see it being ignored or not. */
export function AlsoCollectToggle() {
  const checked = usePlayground((s) => s.config.collectUserData);
  const model = usePlayground((s) => s.config.model);
  const setOption = usePlayground((s) => s.setOption);
  return (
    <label className="flex items-start gap-2 text-sm text-neutral-800 dark:text-neutral-200">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => setOption("collectUserData", e.target.checked)}
        data-testid={`controls.${model}.collectUserData`}
        className={checkboxClass}
      />
      <span>
        Also set <code className="font-mono text-xs">collectUserData: true</code>
        <span className="block text-xs text-neutral-500 dark:text-neutral-400">
          {model === "server"
            ? "A verified token always wins: the form never shows."
            : "A browser email wins and the form is skipped; without an email the form runs as usual."}
        </span>
      </span>
    </label>
  );
}
