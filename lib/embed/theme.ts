/**
 * The embed's first moments, before React runs (an inline script in the
 * embed's <head>), so the first paint has the right colours:
 *
 * - The theme: `theme` read the way `parseEmbedParams` does (first value,
 *   trimmed, case-insensitive; anything but light/dark means auto). For auto,
 *   the host page's theme when the frame's URL carries it (`#host-theme=dark`,
 *   written by `embed.js` before the frame loads; kept as
 *   `<html data-host-theme>` for `useHostBridge`), else the system preference.
 * - In a frame, it says `ready` to the parent at once and listens: a host's
 *   `theme` message is applied the moment it arrives (not after hydration),
 *   and a `hello` is answered with `ready`, so `embed.js` knows the embed
 *   is alive. It posts nothing else (see `lib/embed/messages.ts`).
 *
 * Later changes (a system switch) are applied by the page's `useHostBridge`.
 */
const HOST_THEME_HASH_KEY = "host-theme";

export const EMBED_THEME_BOOT_SCRIPT = [
  "(function(){try{",
  'var w=window,r=document.documentElement,P="opencx-playground:";',
  'var p=new URLSearchParams(location.search).get("theme");var t=p?p.trim().toLowerCase():"";',
  'var auto=t!=="light"&&t!=="dark";',
  `var h=/[#&]${HOST_THEME_HASH_KEY}=(light|dark)(?:&|$)/.exec(location.hash);`,
  "function set(v){r.dataset.theme=v;r.style.colorScheme=v;}",
  "if(auto&&h)r.dataset.hostTheme=h[1];",
  'set(!auto?t:h?h[1]:matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light");',
  "if(w.parent===w)return;",
  // Where to post: as parentTargetOrigin (lib/embed/messages.ts) decides.
  'var a=location.ancestorOrigins,o="*",c=[a&&a[0],document.referrer];',
  "for(var i=0;i<2;i++){if(!c[i])continue;try{var u=new URL(c[i]).origin;if(/^https?:\\/\\//.test(u)){o=u;break;}}catch(e){}}",
  'function ready(){w.parent.postMessage({type:P+"ready"},o);}',
  'w.addEventListener("message",function(e){if(e.source!==w.parent)return;var d=e.data;if(!d||typeof d!=="object")return;',
  'if(d.type===P+"hello")ready();',
  'else if(auto&&d.type===P+"theme"&&(d.theme==="light"||d.theme==="dark")){r.dataset.hostTheme=d.theme;set(d.theme);}});',
  "ready();",
  "}catch(e){}})();",
].join("");
