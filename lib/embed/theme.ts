/**
 * The embed's colour theme before React runs, so the first paint has the
 * right colours. It reads `theme` the way `parseEmbedParams` does (first value,
 * trimmed, case-insensitive; anything but light/dark means auto) and, for auto,
 * the system preference. Later changes (a host's `opencx-playground:theme`
 * message, a system switch) are applied by the page's `useEmbedTheme`.
 */
export const EMBED_THEME_BOOT_SCRIPT =
  '(function(){try{var p=new URLSearchParams(location.search).get("theme");var t=p?p.trim().toLowerCase():"";' +
  'var d=t==="dark"||(t!=="light"&&matchMedia("(prefers-color-scheme: dark)").matches);' +
  'var r=document.documentElement;r.dataset.theme=d?"dark":"light";r.style.colorScheme=d?"dark":"light";}catch(e){}})();';

