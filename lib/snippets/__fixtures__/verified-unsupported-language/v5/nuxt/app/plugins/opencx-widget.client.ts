// OpenCX widget v5 (pinned to 5.0.0), from its embed script: there is no Vue package.
// Keep the exact pin. A client-only plugin (app/plugins/ in Nuxt 4, plugins/ in Nuxt 3): the
// .client suffix keeps it out of server rendering, and it starts the page's one widget once the
// app has mounted. Route changes keep the widget. One integration per page: not beside the HTML
// embed. For sign-out the plugin provides useNuxtApp().$restartOpenCxWidget() and
// $updateOpenCxWidgetUser(): see the end of this file.

const OPENCX_SCRIPT_URL = 'https://unpkg.com/@opencx/widget@5.0.0/dist-embed/script.js';

// Defined by the embed script once it has run (it ships no types).
declare global {
  interface Window {
    initOpenScript(options: Record<string, unknown>): void;
  }
}

// Adds the pinned embed script to the page once and resolves when it has run. A failed load is
// forgotten, so a later start tries again.
let openCxScript: Promise<void> | undefined;
function loadOpenCxScript(): Promise<void> {
  openCxScript ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = OPENCX_SCRIPT_URL;
    script.onload = () => resolve();
    script.onerror = () => {
      openCxScript = undefined;
      reject(new Error('The OpenCX widget script did not load'));
    };
    document.head.append(script);
  });
  return openCxScript;
}

/** Asks YOUR backend for the signed-in user's contact token; null when nobody is signed in. */
async function fetchOpenCxContactToken(): Promise<string | null> {
  const response = await fetch('/api/opencx/contact-token', {
    method: 'POST',
    credentials: 'same-origin',
  });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`Contact token request failed (${response.status})`);
  const data = (await response.json()) as { token: string };
  return data.token;
}

// The first call starts the widget; a later call updates the same widget (v5): the same user's
// renewed token keeps the conversation, another user's resets it in place.
function showOpenCxWidget(contactToken: string) {
  const options = {
    token: 'YOUR_WIDGET_TOKEN',
    language: 'lb',
    user: { token: contactToken },
  };
  window.initOpenScript(options);
}

// This token is minted without mcp_access (chat-only), so it does not expire: nothing to renew.

// Starts are numbered: if another user signs in while a start waits on your backend or the
// script, the later start wins, whichever answer comes first.
let latestOpenCxStart = 0;
// Fetches the signed-in user's token, loads the embed script, then passes the token to the widget.
async function startOpenCxWidget() {
  const thisStart = ++latestOpenCxStart;
  const contactToken = await fetchOpenCxContactToken();
  if (thisStart !== latestOpenCxStart) return; // Superseded while the backend answered.
  if (contactToken === null) return; // Nobody is signed in: no verified widget.
  await loadOpenCxScript();
  if (thisStart !== latestOpenCxStart) return; // Superseded while the script loaded.
  showOpenCxWidget(contactToken);
}

// Removes every key widget v5 keeps for this widget token: the visitor's contact token and
// device id, the open conversation and the companion layout. The widget has no sign-out of its
// own, so your page removes them when a user signs out, and before another user signs in on
// this browser. Clear the keys before the new identity initialises, otherwise the widget reuses
// the old contact token: on a shared computer, a contact token from an anonymous visit before
// sign-in would be picked up again after sign-out. restartOpenCxWidget() (sign-out) and
// updateOpenCxWidgetUser() (a user signs in without a page load) below call it first.
function clearOpenCxWidgetStorage() {
  const prefix = 'opencx-widget:org-token-YOUR_WIDGET_TOKEN:';
  try {
    // Collect the keys first: removing while reading by index would skip some.
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i));
    for (const key of keys) {
      if (key?.startsWith(prefix)) localStorage.removeItem(key);
    }
  } catch {
    // Storage is blocked in this browser, so the widget could not keep anything either.
  }
}

// Your app's sign-out: clear the widget's keys, then reload, because a signed-out page starts
// no verified widget.
function restartOpenCxWidget() {
  clearOpenCxWidgetStorage();
  window.location.reload();
}

// A user signed in without a page load, or another user replaced them: clear the keys, then
// pass the new token to the same widget. v5 resets itself in place for a new user: no reload.
async function updateOpenCxWidgetUser() {
  clearOpenCxWidgetStorage();
  await startOpenCxWidget();
}

export default defineNuxtPlugin((nuxtApp) => {
  // In the browser only, once per page load, after hydration: app:mounted never runs on the
  // server.
  nuxtApp.hook('app:mounted', () => {
    startOpenCxWidget().catch((error: unknown) => {
      console.error('The OpenCX widget could not start:', error);
    });
  });
  // Call useNuxtApp().$restartOpenCxWidget() in your sign-out handler, and
  // $updateOpenCxWidgetUser() when a user signs in without a page load.
  return {
    provide: { clearOpenCxWidgetStorage, restartOpenCxWidget, updateOpenCxWidgetUser },
  };
});
