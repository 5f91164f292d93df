// OpenCX widget v5 (pinned to 5.0.0), from its embed script: there is no Angular package.
// Keep the exact pin. Render <app-opencx-widget /> once, in your root component's template
// (src/app/app.html) outside <router-outlet>, and add OpenCxWidget to that component's imports:
// it starts the page's one widget, which stays on the page when the component is destroyed. One
// integration per page: not beside the HTML embed. Your app imports restartOpenCxWidget
// (sign-out) from this file: see below.
import { afterNextRender, Component } from '@angular/core';

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
  streaming: true,
  capabilities: { connections: true },
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
export function clearOpenCxWidgetStorage() {
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
