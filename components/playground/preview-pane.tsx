"use client";
import { useCallback, useMemo, useState } from "react";
import type { PlaygroundConfig } from "@/lib/config/options";
import type { PreviewDevice, PreviewSession, PreviewToHostMessage, PreviewViewport } from "@/lib/preview/messages";
import { PreviewFrame } from "@/components/preview/preview-frame";
import { headerButton } from "./header";
import { usePlayground } from "./store-provider";

/**
 * Stands in for the token your backend would get from authenticate-user: stable
 * per email (the same person is the same verified contact on every device).
 */
function simulatedVerifiedToken(config: PlaygroundConfig): string | undefined {
  if (config.model !== "server") return undefined;
  if (config.contactToken) return config.contactToken;
  const email = config.serverEmail.trim().toLowerCase();
  if (!email) return undefined;
  let h = 2166136261;
  for (const ch of email) h = Math.imul(h ^ ch.codePointAt(0)!, 16777619) >>> 0;
  return `sim-verified-${h.toString(16).padStart(8, "0")}`;
}

type PreviewEventMessage = Extract<PreviewToHostMessage, { type: "preview:event" }>;

/** Settings whose change is a new identity set-up: the widget starts fresh, as a real reinstall would. */
function identityKey(c: PlaygroundConfig): string {
  return JSON.stringify([c.model, c.widgetToken]);
}

export function PreviewPane() {
  const config = usePlayground((s) => s.config);
  const [viewport, setViewport] = useState<PreviewViewport>("desktop");
  const [storage, setStorage] = useState<Record<string, string>>({});
  const [visit, setVisit] = useState(1);
  const [sessions, setSessions] = useState<PreviewSession[]>([]);
  const [identity, setIdentity] = useState(() => identityKey(config));

  // A new identity model or widget token: clear the widget's keys (domain.md §15.13).
  const currentIdentity = identityKey(config);
  if (currentIdentity !== identity) {
    setIdentity(currentIdentity);
    setStorage({});
    setVisit((v) => v + 1);
  }

  const contactToken = simulatedVerifiedToken(config);
  const device = useMemo<PreviewDevice>(
    () => ({ deviceId: "this-browser", storage, visit, viewport, sessions, ...(contactToken ? { contactToken } : {}) }),
    // Storage written by the widget itself must not re-send the config (it would remount it).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [visit, viewport, sessions, contactToken],
  );

  const onEvent = useCallback((message: PreviewEventMessage) => {
    const { event } = message;
    if (event.kind === "storage-changed") setStorage(event.storage);
    if (event.kind === "session-updated") {
      setSessions((all) => {
        const i = all.findIndex((s) => s.id === event.session.id);
        return i === -1 ? [...all, event.session] : all.map((s, j) => (j === i ? event.session : s));
      });
    }
  }, []);

  const frameSize = viewport === "desktop" ? "h-[780px] w-full lg:min-w-[580px]" : "h-[740px] w-[390px] shrink-0";

  return (
    <div className="flex h-full min-h-[820px] flex-col gap-2 p-4">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="mr-auto text-sm font-semibold">Live preview</h2>
        <div role="group" aria-label="Preview size" className="flex overflow-hidden rounded-md border border-neutral-300 dark:border-neutral-700">
          {(["desktop", "mobile"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={viewport === v}
              onClick={() => setViewport(v)}
              data-testid={`preview.viewport.${v}`}
              className="px-2.5 py-1 text-xs font-medium capitalize text-neutral-700 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 aria-pressed:bg-neutral-900 aria-pressed:text-white dark:text-neutral-300 dark:aria-pressed:bg-neutral-100 dark:aria-pressed:text-neutral-900"
            >
              {v}
            </button>
          ))}
        </div>
        <button type="button" className={headerButton} onClick={() => setVisit((v) => v + 1)} data-testid="preview.reload" title="A return visit: the widget reads what it saved in localStorage">
          Reload page
        </button>
        <button
          type="button"
          className={headerButton}
          onClick={() => {
            setStorage({});
            setVisit((v) => v + 1);
          }}
          data-testid="preview.clearSiteData"
          title="Forget the widget's localStorage keys, then reload"
        >
          Clear site data
        </button>
      </div>
      <p className="text-xs text-neutral-500 dark:text-neutral-400" data-testid="preview.note">
        A replica of widget v4 driven by the same rules as the real one; nothing is sent to open.cx.
        {config.model === "server" && !contactToken ? " Enter the server email to simulate a verified contact token." : ""}
      </p>
      <div className="flex min-h-0 flex-1 justify-center overflow-auto">
        <PreviewFrame
          config={config}
          device={device}
          onEvent={onEvent}
          title="Widget preview"
          className={`${frameSize} rounded-lg border border-neutral-300 bg-white shadow-sm dark:border-neutral-700`}
        />
      </div>
    </div>
  );
}
