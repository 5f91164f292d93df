"use client";
import { useCallback, useEffect, useMemo, useReducer, useState } from "react";
import type { DeviceRole } from "@/lib/preview/explain";
import {
  actionForPreviewEvent,
  devicesReducer,
  initialDevices,
  missingTokens,
  summarizeActiveDevice,
} from "@/lib/preview/devices";
import type { PreviewToHostMessage } from "@/lib/preview/messages";
import { PreviewFrame } from "@/components/preview/host/preview-frame";
import { languageNote } from "@/lib/preview/language-note";
import { previewUnknownNote, previewVersionLabel } from "@/lib/preview/version";
import { visitorKeys } from "@/lib/identity";
import { WIDGET_TOKEN_PLACEHOLDER } from "@/lib/config/widget-config";
import { useAnnounce } from "@/components/state/announcer";
import { buttonClass, toggleGroupClass } from "@/components/ui/button-styles";
import { useUsableConfig } from "@/components/state/use-usable-config";
import { requestContactToken } from "./request-contact-token";
import { TokenClockSlot } from "./token-clock-slot";
import { VerifiedFlow } from "./verified-flow";
import { useLifecycleStory } from "./lifecycle-story-slot";

type PreviewEventMessage = Extract<PreviewToHostMessage, { type: "preview:event" }>;

const DEVICES: { id: DeviceRole; label: string }[] = [
  { id: "this-browser", label: "This browser" },
  { id: "another-device", label: "Another device" },
];

export interface PreviewPaneProps {
  /**
   * Fill the pane's height (the playground): the frame takes the room left on screen, so the
   * launcher is always in view. Without it (the docs embed, which sizes itself to its content)
   * the frame keeps a fixed height.
   */
  fill?: boolean;
}

export function PreviewPane({ fill = false }: PreviewPaneProps = {}) {
  // What the widget would be given: values that look like secrets or that the schema refuses are left out.
  const config = useUsableConfig();
  // The pane owns the devices (lib/preview/devices.ts); the frame renders the page it is sent.
  const [state, dispatch] = useReducer(devicesReducer, config, initialDevices);
  // A new config is folded in before anything is sent, so no frame ever gets a stale page.
  if (state.config !== config) dispatch({ type: "config-changed", config });
  const { viewport, active, devices, tokens } = state;
  const [switchEmail, setSwitchEmail] = useState("");
  // The shared-computer story: while open, the frame shows its page and ignores its events.
  const story = useLifecycleStory(viewport);

  // Fetch a contact token for every signed-in email that has none yet, as the customer's page would.
  const missing = useMemo(
    () => missingTokens({ config: state.config, devices, tokens }),
    [state.config, devices, tokens],
  );
  useEffect(() => {
    for (const email of missing) {
      dispatch({ type: "token-updated", token: { status: "loading", email } });
      void requestContactToken(state.config, email).then((token) =>
        dispatch({ type: "token-updated", token }),
      );
    }
  }, [missing, state.config]);

  const onEvent = useCallback((message: PreviewEventMessage) => {
    const action = actionForPreviewEvent(message);
    if (action) dispatch(action);
  }, []);

  const page = story.page ?? state.pages[active];
  const summary = summarizeActiveDevice(state);
  const verified = config.model === "server";
  const reload = () => dispatch({ type: "page-reloaded" });
  const clearSiteData = () => dispatch({ type: "site-data-cleared" });

  // The frame fills the room left on screen, so the widget's bottom-right anchor (and the launcher
  // after closing it) is always in view; the replica sizes itself to the frame as the widget does
  // to a browser window. The mobile size is a phone's width (narrower where the pane is narrower).
  const frameSize = fill
    ? viewport === "desktop"
      ? "w-full"
      : "max-h-[844px] w-[390px] max-w-full shrink-0"
    : viewport === "desktop"
      ? "h-[780px] w-full lg:min-w-[580px]"
      : "h-[740px] w-[390px] shrink-0";
  const activeEmail = summary.email;
  const announce = useAnnounce();
  const major = config.widgetVersion;
  const versionLabel = previewVersionLabel(major);
  const [renewing, setRenewing] = useState(false);
  const renewToken = async () => {
    if (!activeEmail || renewing) return;
    setRenewing(true);
    const token = await requestContactToken(state.config, activeEmail);
    // A failed renewal keeps the token in force, as a page would.
    if (token.status === "ok") dispatch({ type: "token-updated", token });
    setRenewing(false);
    announce(
      token.status === "ok"
        ? `Renewed the contact token for ${activeEmail}.`
        : `The renewal failed: ${token.status === "error" ? token.message : "no answer"}`,
    );
  };
  const resetVisitor = () => {
    const removed = visitorKeys(
      devices[active].storage,
      config.widgetToken || WIDGET_TOKEN_PLACEHOLDER,
      major,
    );
    dispatch({ type: "visitor-reset" });
    announce(
      `Visitor reset on ${major}: removed ${removed.length} widget key${removed.length === 1 ? "" : "s"} and reloaded the page.`,
    );
  };
  const rejectToken = () => {
    dispatch({ type: "token-rejected" });
    announce("open.cx now refuses the contact token in force on this device.");
  };
  const showFreshVisitor = () => {
    clearSiteData();
    announce(
      "Showing a first-time visitor: this browser's site data is cleared and the page reloaded.",
    );
  };

  return (
    <div
      className={
        fill ? "flex flex-col gap-2 p-4 lg:h-full" : "flex h-full min-h-[820px] flex-col gap-2 p-4"
      }
    >
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-sm font-semibold">Live preview</h2>
        <span
          data-testid="preview.version"
          className="mr-auto rounded-full border border-neutral-300 px-2 py-0.5 text-xs font-medium text-neutral-700 dark:border-neutral-700 dark:text-neutral-300"
        >
          {versionLabel}
        </span>
        <div role="group" aria-label="Preview size" className={toggleGroupClass}>
          {(["desktop", "mobile"] as const).map((v) => (
            <button
              key={v}
              type="button"
              aria-pressed={viewport === v}
              onClick={() => dispatch({ type: "viewport-chosen", viewport: v })}
              data-testid={`preview.viewport.${v}`}
              className={`${buttonClass.toggle} capitalize`}
            >
              {v}
            </button>
          ))}
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-2 rounded-md border border-neutral-200 bg-white p-2 dark:border-neutral-800 dark:bg-neutral-950">
        <div role="group" aria-label="Device" className={toggleGroupClass}>
          {DEVICES.map((d) => (
            <button
              key={d.id}
              type="button"
              aria-pressed={active === d.id}
              onClick={() => dispatch({ type: "device-opened", device: d.id })}
              data-testid={`preview.device.${d.id}`}
              className={buttonClass.toggle}
            >
              {d.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={reload}
          data-testid="preview.reload"
          title="A return visit: the widget reads what it saved in localStorage"
        >
          Reload page
        </button>
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={clearSiteData}
          data-testid="preview.clearSiteData"
          title="Forget the widget's localStorage keys, then reload"
        >
          Clear site data
        </button>
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={resetVisitor}
          data-testid="preview.resetVisitor"
          title={
            major === "v5"
              ? "What your page does on sign-out: remove every opencx-widget:org-token-<TOKEN>: key (v5), then reload"
              : "What your page does on sign-out: remove the contact-token and external-contact-id keys (v4), then reload"
          }
        >
          Reset visitor
        </button>
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={rejectToken}
          disabled={summary.tokenInForce === null}
          data-testid="preview.rejectToken"
          title={
            summary.tokenInForce === null
              ? "No contact token is in force on this device yet"
              : "open.cx starts answering 401 to the contact token in force here"
          }
        >
          The stored token is rejected
        </button>
        {verified ? (
          activeEmail ? (
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => dispatch({ type: "signed-out" })}
              data-testid="preview.signOut"
            >
              Sign out {activeEmail}
            </button>
          ) : (
            <form
              className="flex items-center gap-1"
              onSubmit={(e) => {
                e.preventDefault();
                const email = switchEmail.trim();
                dispatch({ type: "signed-in", email: email === "" ? undefined : email });
              }}
            >
              <input
                value={switchEmail}
                onChange={(e) => setSwitchEmail(e.target.value)}
                placeholder={config.serverEmail || "email"}
                aria-label="Sign in as (email)"
                data-testid="preview.signInEmail"
                className="w-40 rounded-md border border-neutral-300 bg-white px-2 py-1 text-xs focus-visible:outline-2 focus-visible:outline-blue-600 dark:border-neutral-700 dark:bg-neutral-900"
              />
              <button type="submit" className={buttonClass.secondary} data-testid="preview.signIn">
                Sign in
              </button>
            </form>
          )
        ) : null}
        {story.slot}
      </div>

      <p
        className="rounded-md bg-white px-2.5 py-1.5 text-xs text-neutral-700 dark:bg-neutral-950 dark:text-neutral-300"
        data-testid="preview.history"
        aria-live="polite"
      >
        <span className="font-semibold">{DEVICES.find((d) => d.id === active)!.label}:</span>{" "}
        {summary.history}
      </p>

      {/* The replica shows English strings; on a phone-sized preview the open widget covers the
          note inside the frame, so the pane says it too. */}
      {viewport === "mobile" && languageNote(config.language) ? (
        <p
          className="text-xs text-neutral-700 dark:text-neutral-300"
          data-testid="preview.languageNote"
        >
          {languageNote(config.language)}
        </p>
      ) : null}

      {summary.storedContactSkipsForm ? (
        <div
          className="flex flex-wrap items-center gap-x-3 gap-y-1.5 rounded-md border border-amber-300 bg-amber-50 px-2.5 py-1.5 text-xs text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-50"
          data-testid="preview.storedContact"
        >
          <p className="min-w-0 flex-1 basis-64">
            <span className="font-semibold">No welcome form here:</span> this browser already stores
            a contact token from an earlier visit. With collectUserData the real widget reuses it
            and skips the welcome form, which only shows to a visitor with no stored contact.
          </p>
          <button
            type="button"
            className={buttonClass.secondary}
            onClick={showFreshVisitor}
            data-testid="preview.freshVisitor"
          >
            Show a first-time visitor
          </button>
        </div>
      ) : null}

      {summary.rejection ? (
        <p
          className="rounded-md border border-red-300 bg-red-50 px-2.5 py-1.5 text-xs text-red-950 dark:border-red-800 dark:bg-red-950/40 dark:text-red-50"
          data-testid="preview.rejection"
        >
          <span className="font-semibold">The stored token is rejected:</span> {summary.rejection}
        </p>
      ) : null}

      {verified ? (
        <VerifiedFlow
          email={activeEmail}
          token={summary.token}
          major={major}
          renewing={renewing}
          onRenew={() => void renewToken()}
        />
      ) : null}
      <TokenClockSlot
        config={state.config}
        email={activeEmail}
        token={summary.token}
        dispatch={dispatch}
      />

      <p className="text-xs text-neutral-600 dark:text-neutral-400" data-testid="preview.note">
        A replica of {versionLabel} driven by the same rules as the real one; nothing is sent to
        open.cx. Each device keeps its own localStorage; conversations live in a simulated backend.
        {previewUnknownNote(major) ? ` ${previewUnknownNote(major)}` : null}
      </p>
      {/* Filling: no scrolling box, the frame stretches to fit (below lg: the window's height under the tab bar). */}
      <div
        className={
          fill
            ? "flex h-[calc(100dvh-3.5rem)] min-h-[480px] justify-center lg:h-auto lg:flex-1"
            : "flex min-h-0 flex-1 justify-center overflow-auto"
        }
      >
        {/* Only the device on screen is mounted: switching device is a page load on that device anyway. */}
        <PreviewFrame
          key={active}
          config={page.config}
          device={page.device}
          onEvent={story.page ? undefined : onEvent}
          title={active === "this-browser" ? "Widget preview" : "Widget preview (another device)"}
          className={`${frameSize} rounded-lg border border-neutral-300 bg-white shadow-sm dark:border-neutral-700`}
        />
      </div>
    </div>
  );
}
