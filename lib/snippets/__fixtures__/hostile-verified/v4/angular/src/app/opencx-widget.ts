// OpenCX widget v4 (pinned to 4.0.63), from its embed script: there is no Angular package.
// Keep the pin: the latest release is v5. Render <app-opencx-widget /> once, in your root
// component's template (src/app/app.html) outside <router-outlet>, and add OpenCxWidget to that
// component's imports: it starts the page's one widget, which stays on the page when the
// component is destroyed. Your app imports restartOpenCxWidget (sign-out) from this file: see
// below.
import { afterNextRender, Component } from '@angular/core';

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
    token: 'wt_<\/script>',
    user: { token: contactToken, externalId: 'tenant\'"`\\${x}' },
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
export function clearOpenCxWidgetStorage() {
  const keys = [
    'opencx-widget:org-token-wt_<\/script>:contact-token',
    'opencx-widget:org-token-wt_<\/script>:external-contact-id',
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
export function restartOpenCxWidget() {
  clearOpenCxWidgetStorage();
  window.location.reload();
}

let openCxWidgetStarted = false;

@Component({
  selector: 'app-opencx-widget',
  standalone: true, // The default since Angular 19; needed on 17 and 18.
  // Nothing to render here: the embed script adds the widget to the page itself.
  template: '',
})
export class OpenCxWidget {
  constructor() {
    // The widget reads window and localStorage, so it starts in the browser only: afterNextRender
    // never runs during server-side rendering or prerendering. Once per page load, however often
    // this component is created (startOpenCxWidget is the page's, not the component's).
    afterNextRender(() => {
      if (openCxWidgetStarted) return;
      openCxWidgetStarted = true;
      startOpenCxWidget().catch((error: unknown) => {
        // Offline, or the script was blocked: the next component tries again.
        openCxWidgetStarted = false;
        console.error('The OpenCX widget could not start:', error);
      });
    });
  }
}
