// OpenCX widget v5 (pinned to 5.0.0), from its embed script: there is no Angular package.
// Keep the exact pin. Render <app-opencx-widget /> once, in your root component's template
// (src/app/app.html) outside <router-outlet>, and add OpenCxWidget to that component's imports:
// it starts the page's one widget, which stays on the page when the component is destroyed. One
// integration per page: not beside the HTML embed. Your app imports restartOpenCxWidget
// (sign-out) and updateOpenCxWidgetUser (a user signs in without a page load) from this file:
// see below.
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
    token: 'wt_<\/script>',
    user: { token: contactToken, externalId: 'tenant\'"`\\${x}' },
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
export function clearOpenCxWidgetStorage() {
  const prefix = 'opencx-widget:org-token-wt_<\/script>:';
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
export function restartOpenCxWidget() {
  clearOpenCxWidgetStorage();
  window.location.reload();
}

// A user signed in without a page load, or another user replaced them: clear the keys, then
// pass the new token to the same widget. v5 resets itself in place for a new user: no reload.
export async function updateOpenCxWidgetUser() {
  clearOpenCxWidgetStorage();
  await startOpenCxWidget();
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
