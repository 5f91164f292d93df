// OpenCX widget v4 (pinned to 4.0.63), from its embed script: there is no Vue package.
// Keep the pin: the latest release is v5. A client-only plugin (app/plugins/ in Nuxt 4,
// plugins/ in Nuxt 3): the .client suffix keeps it out of server rendering, and it starts the
// page's one widget once the app has mounted. Route changes keep the widget. For sign-out the
// plugin provides useNuxtApp().$restartOpenCxWidget(): see the end of this file.

const OPENCX_SCRIPT_URL = 'https://unpkg.com/@opencx/widget@4.0.63/dist-embed/script.js';

// Defined by the embed script once it has run (it ships no types).
declare global {
  function initOpenScript(options: Record<string, unknown>): void;
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

// Fetches the signed-in user's token, then starts the widget: widget v4 starts once per page.
async function startOpenCxWidget() {
  // The signed-in user's contact token comes from YOUR backend (see the server snippets).
  // The org API key stays on the server: never put it in the browser.
  const response = await fetch('/api/opencx/contact-token', {
    method: 'POST',
    credentials: 'same-origin',
  });
  if (response.status === 401) return; // Not signed in: no verified widget on this page.
  if (!response.ok) throw new Error(`Contact token request failed (${response.status})`);
  const { token: contactToken } = (await response.json()) as { token: string };
  await loadOpenCxScript();

  const options = {
    token: 'wt_3f9a2c7e',
    language: 'fr',
    user: { token: contactToken, externalId: 'workspace_42' },
  };
  initOpenScript(options);
}

// Chat-only tokens do not expire: nothing to renew. If you rotate tokens yourself, reload the
// page to pass the new one (widget v4 reads its options once per page).

// Removes the two keys widget v4 keeps for this widget token: the visitor's contact token and
// device id. The widget has no sign-out of its own, so your page removes them when a user signs
// out, and before another user signs in on this browser. Clear the keys before the new identity
// initialises, otherwise the widget reuses the old contact token: on a shared computer, a
// contact token from an anonymous visit before sign-in would be picked up again after sign-out.
// restartOpenCxWidget() below does both: it clears the keys, then reloads.
function clearOpenCxWidgetStorage() {
  const keys = [
    'opencx-widget:org-token-wt_3f9a2c7e:contact-token',
    'opencx-widget:org-token-wt_3f9a2c7e:external-contact-id',
  ];
  try {
    for (const key of keys) localStorage.removeItem(key);
  } catch {
    // Storage is blocked in this browser, so the widget could not keep anything either.
  }
}

// Your app's sign-out, and another user signing in without a page load: clear the widget's
// keys, then reload, because widget v4 starts once per page (calling initOpenScript again is
// not supported). The next load fetches the signed-in user's token, or starts no widget when
// nobody is signed in.
function restartOpenCxWidget() {
  clearOpenCxWidgetStorage();
  window.location.reload();
}

export default defineNuxtPlugin((nuxtApp) => {
  // In the browser only, once per page load, after hydration: app:mounted never runs on the
  // server.
  nuxtApp.hook('app:mounted', () => {
    startOpenCxWidget().catch((error: unknown) => {
      console.error('The OpenCX widget could not start:', error);
    });
  });
  // Call useNuxtApp().$restartOpenCxWidget() in your sign-out handler.
  return {
    provide: { clearOpenCxWidgetStorage, restartOpenCxWidget },
  };
});
