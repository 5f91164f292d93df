"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { PlaygroundConfig } from "@/lib/config/options";
import { toAuthenticateRequest } from "@/lib/config/widget-config";
import { explainDeviceHistory, type DeviceRole } from "@/lib/preview/explain";
import type {
  PreviewDevice,
  PreviewSession,
  PreviewToHostMessage,
  PreviewViewport,
} from "@/lib/preview/messages";
import { PreviewFrame } from "@/components/preview/host/preview-frame";
import { bootWidget } from "@/lib/preview/boot";
import { languageNote } from "@/lib/preview/language-note";
import { useAnnounce } from "@/components/state/announcer";
import { headerButton } from "@/components/ui/button-styles";
import { useUsableConfig } from "@/components/state/use-usable-config";
import { VerifiedFlow, type TokenState } from "./verified-flow";

type PreviewEventMessage = Extract<PreviewToHostMessage, { type: "preview:event" }>;

/** One browser profile: its localStorage, how many times the page loaded, who is signed in. */
interface DeviceState {
  storage: Record<string, string>;
  visit: number;
  /** Verified model: `null` = signed out; `undefined` = the configured server email. */
  signedInEmail: string | null | undefined;
  /** The storage was empty when the current visit began. */
  freshStorage: boolean;
}

const DEVICES: { id: DeviceRole; label: string }[] = [
  { id: "this-browser", label: "This browser" },
  { id: "another-device", label: "Another device" },
];

const freshDevice = (visit = 1): DeviceState => ({
  storage: {},
  visit,
  signedInEmail: undefined,
  freshStorage: true,
});

/** Settings whose change is a new identity set-up: every device starts fresh, as after a real reinstall. */
function identityKey(c: PlaygroundConfig): string {
  return JSON.stringify([c.model, c.widgetToken]);
}

const emailKey = (email: string) => email.trim().toLowerCase();

/** "Your backend": a route of this app that calls the sandbox's authenticate-user server-side. */
const DEMO_BACKEND = "/api/demo-backend/contact-token";

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
  const [viewport, setViewport] = useState<PreviewViewport>("desktop");
  const [active, setActive] = useState<DeviceRole>("this-browser");
  const [devices, setDevices] = useState<Record<DeviceRole, DeviceState>>(() => ({
    "this-browser": freshDevice(),
    "another-device": freshDevice(),
  }));
  const [sessions, setSessions] = useState<PreviewSession[]>([]);
  const [tokens, setTokens] = useState<Record<string, TokenState>>({});
  const [identity, setIdentity] = useState(() => identityKey(config));
  const [switchEmail, setSwitchEmail] = useState("");

  // A new identity model or widget token: clear the widget's keys everywhere (domain.md §15.13).
  const currentIdentity = identityKey(config);
  if (currentIdentity !== identity) {
    setIdentity(currentIdentity);
    setDevices((d) => ({
      "this-browser": freshDevice(d["this-browser"].visit + 1),
      "another-device": freshDevice(d["another-device"].visit + 1),
    }));
  }

  const updateDevice = (id: DeviceRole, change: (d: DeviceState) => DeviceState) =>
    setDevices((all) => ({ ...all, [id]: change(all[id]) }));

  const verified = config.model === "server";
  const emailOf = useCallback(
    (d: DeviceState): string | null => {
      if (!verified || d.signedInEmail === null) return null;
      const email = (d.signedInEmail ?? config.serverEmail).trim();
      return email === "" ? null : email;
    },
    [verified, config.serverEmail],
  );

  // Fetch a contact token for every signed-in email that has none yet, as the customer's page would.
  const neededEmails = DEVICES.map((d) => emailOf(devices[d.id])).filter(
    (e): e is string => e !== null,
  );
  const neededKey = neededEmails.map(emailKey).sort().join("\n");
  useEffect(() => {
    if (!verified) return;
    for (const email of neededEmails) {
      const key = emailKey(email);
      if (tokens[key]) continue;
      setTokens((t) => ({ ...t, [key]: { status: "loading", email } }));
      const body = toAuthenticateRequest({ ...config, serverEmail: email });
      fetch(DEMO_BACKEND, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      })
        .then(async (res) => {
          const data = (await res.json().catch(() => null)) as {
            token?: string;
            contact?: { id?: string };
            error?: { message?: string };
          } | null;
          if (res.ok && data?.token) {
            setTokens((t) => ({
              ...t,
              [key]: { status: "ok", email, token: data.token!, contactId: data.contact?.id ?? "" },
            }));
          } else {
            const message = data?.error?.message ?? `HTTP ${res.status}`;
            setTokens((t) => ({ ...t, [key]: { status: "error", email, message } }));
          }
        })
        .catch(() =>
          setTokens((t) => ({
            ...t,
            [key]: { status: "error", email, message: "The demo backend could not be reached." },
          })),
        );
    }
    // Only a new set of emails triggers requests; the config's other fields travel in the body.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [verified, neededKey]);

  const deviceConfig = useCallback(
    (d: DeviceState): PlaygroundConfig =>
      verified ? { ...config, serverEmail: emailOf(d) ?? "" } : config,
    [config, verified, emailOf],
  );
  const tokenFor = useCallback(
    (d: DeviceState): string | undefined => {
      const email = emailOf(d);
      const state = email ? tokens[emailKey(email)] : undefined;
      return state?.status === "ok" ? state.token : undefined;
    },
    [emailOf, tokens],
  );

  const frames = useMemo(
    () =>
      DEVICES.map(({ id }) => {
        const d = devices[id];
        const contactToken = tokenFor(d);
        const device: PreviewDevice = {
          deviceId: id,
          storage: d.storage,
          visit: d.visit,
          viewport,
          sessions,
          ...(contactToken ? { contactToken } : {}),
        };
        return { id, device, config: deviceConfig(d) };
      }),
    // Storage the widget writes itself must not re-send the config: it is read once per visit.
    // prettier-ignore
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [devices["this-browser"].visit, devices["another-device"].visit, viewport, sessions, deviceConfig, tokenFor],
  );

  const onEvent = useCallback((message: PreviewEventMessage) => {
    const { event, deviceId } = message;
    if (
      event.kind === "storage-changed" &&
      (deviceId === "this-browser" || deviceId === "another-device")
    ) {
      setDevices((all) => ({ ...all, [deviceId]: { ...all[deviceId], storage: event.storage } }));
    }
    if (event.kind === "session-updated") {
      setSessions((all) => {
        const i = all.findIndex((s) => s.id === event.session.id);
        return i === -1
          ? [...all, event.session]
          : all.map((s, j) => (j === i ? event.session : s));
      });
    }
  }, []);

  const activeFrame = frames.find((f) => f.id === active)!;
  const activeState = devices[active];
  const boot = bootWidget(activeFrame.config, activeFrame.device);
  const explanation = explainDeviceHistory({
    device: active,
    contact: boot.load.contact,
    visible: boot.sessions.length,
    total: sessions.length,
    totalVerified: sessions.filter((s) => s.verified).length,
    signedOut: verified && activeState.signedInEmail === null,
    freshStorage: activeState.freshStorage,
  });

  const reload = () =>
    updateDevice(active, (d) => ({
      ...d,
      visit: d.visit + 1,
      freshStorage: Object.keys(d.storage).length === 0,
    }));
  const clearSiteData = () =>
    updateDevice(active, (d) => ({ ...d, storage: {}, visit: d.visit + 1, freshStorage: true }));
  const signOut = () =>
    updateDevice(active, (d) => ({ ...d, signedInEmail: null, visit: d.visit + 1 }));
  const signIn = (email: string | undefined) =>
    updateDevice(active, (d) => ({ ...d, signedInEmail: email, visit: d.visit + 1 }));

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
  const activeEmail = emailOf(activeState);
  // Domain §3.2 row B: collectUserData is on, but a contact token stored by an earlier visit is
  // reused, so the welcome form is skipped; it only shows to a visitor with no stored contact.
  const storedContactSkipsForm = boot.load.row === "B" && boot.load.contact !== null;
  const announce = useAnnounce();
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
        <h2 className="mr-auto text-sm font-semibold">Live preview</h2>
        <div
          role="group"
          aria-label="Preview size"
          className="flex overflow-hidden rounded-md border border-neutral-300 dark:border-neutral-700"
        >
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
      </div>

      <div className="flex flex-wrap items-center gap-2 rounded-md border border-neutral-200 bg-white p-2 dark:border-neutral-800 dark:bg-neutral-950">
        <div
          role="group"
          aria-label="Device"
          className="flex overflow-hidden rounded-md border border-neutral-300 dark:border-neutral-700"
        >
          {DEVICES.map((d) => (
            <button
              key={d.id}
              type="button"
              aria-pressed={active === d.id}
              onClick={() => {
                if (d.id === active) return;
                // Opening the site on that device is a page load: it lists what the backend holds now.
                updateDevice(d.id, (s) => ({
                  ...s,
                  visit: s.visit + 1,
                  freshStorage: Object.keys(s.storage).length === 0,
                }));
                setActive(d.id);
              }}
              data-testid={`preview.device.${d.id}`}
              className="px-2.5 py-1 text-xs font-medium text-neutral-700 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-600 aria-pressed:bg-neutral-900 aria-pressed:text-white dark:text-neutral-300 dark:aria-pressed:bg-neutral-100 dark:aria-pressed:text-neutral-900"
            >
              {d.label}
            </button>
          ))}
        </div>
        <button
          type="button"
          className={headerButton}
          onClick={reload}
          data-testid="preview.reload"
          title="A return visit: the widget reads what it saved in localStorage"
        >
          Reload page
        </button>
        <button
          type="button"
          className={headerButton}
          onClick={clearSiteData}
          data-testid="preview.clearSiteData"
          title="Forget the widget's localStorage keys, then reload"
        >
          Clear site data
        </button>
        {verified ? (
          activeEmail ? (
            <button
              type="button"
              className={headerButton}
              onClick={signOut}
              data-testid="preview.signOut"
            >
              Sign out {activeEmail}
            </button>
          ) : (
            <form
              className="flex items-center gap-1"
              onSubmit={(e) => {
                e.preventDefault();
                signIn(switchEmail.trim() === "" ? undefined : switchEmail.trim());
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
              <button type="submit" className={headerButton} data-testid="preview.signIn">
                Sign in
              </button>
            </form>
          )
        ) : null}
      </div>

      <p
        className="rounded-md bg-white px-2.5 py-1.5 text-xs text-neutral-700 dark:bg-neutral-950 dark:text-neutral-300"
        data-testid="preview.history"
        aria-live="polite"
      >
        <span className="font-semibold">{DEVICES.find((d) => d.id === active)!.label}:</span>{" "}
        {explanation}
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

      {storedContactSkipsForm ? (
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
            className={headerButton}
            onClick={showFreshVisitor}
            data-testid="preview.freshVisitor"
          >
            Show a first-time visitor
          </button>
        </div>
      ) : null}

      {verified ? (
        <VerifiedFlow
          email={activeEmail}
          token={activeEmail ? tokens[emailKey(activeEmail)] : undefined}
        />
      ) : null}

      <p className="text-xs text-neutral-600 dark:text-neutral-400" data-testid="preview.note">
        A replica of widget v4 driven by the same rules as the real one; nothing is sent to open.cx.
        Each device keeps its own localStorage; conversations live in a simulated backend.
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
          key={activeFrame.id}
          config={activeFrame.config}
          device={activeFrame.device}
          onEvent={onEvent}
          title={
            activeFrame.id === "this-browser" ? "Widget preview" : "Widget preview (another device)"
          }
          className={`${frameSize} rounded-lg border border-neutral-300 bg-white shadow-sm dark:border-neutral-700`}
        />
      </div>
    </div>
  );
}
