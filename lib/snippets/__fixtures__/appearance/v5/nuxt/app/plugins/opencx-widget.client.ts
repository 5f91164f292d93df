// OpenCX widget v5 (pinned to 5.0.0), from its embed script: there is no Vue package.
// Keep the exact pin. A client-only plugin (app/plugins/ in Nuxt 4, plugins/ in Nuxt 3): the
// .client suffix keeps it out of server rendering, and it starts the page's one widget once the
// app has mounted. Route changes keep the widget. One integration per page: not beside the HTML
// embed. For sign-out the plugin provides useNuxtApp().$restartOpenCxWidget(): see the end of
// this file.

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

const options = {
  token: 'wt_3f9a2c7e',
  language: 'ar',
  theme: { primaryColor: 'hsl(262 83% 58%)' },
};

// Loads the embed script, then starts the widget with the options above.
async function startOpenCxWidget() {
  await loadOpenCxScript();
  window.initOpenScript(options);
}

// Removes every key widget v5 keeps for this widget token: the visitor's contact token and
// device id, the open conversation and the companion layout. The widget has no sign-out of its
// own, so your page removes them when a person is done on a shared computer (your app's
// sign-out, a kiosk's Start over). Clear the keys before the new identity initialises,
// otherwise the widget reuses the old contact token: on a shared computer, the next person
// would continue as the previous visitor and see their conversations. restartOpenCxWidget()
// below does both: it clears the keys, then reloads.
function clearOpenCxWidgetStorage() {
  const prefix = 'opencx-widget:org-token-wt_3f9a2c7e:';
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

// When a person is done on a shared computer: clear the widget's keys, then reload, because v5
// would keep the previous contact for a visitor without a verified token, even with new
// options.
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
