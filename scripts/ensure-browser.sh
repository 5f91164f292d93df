#!/usr/bin/env bash
# Makes sure the e2e suite has a Chromium: Debian's (apt-get) when none is found.
# On a laptop with Playwright's own browser (npx playwright install chromium) it does nothing.
set -euo pipefail
for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/lib/chromium/chromium; do
  if [ -n "$candidate" ] && [ -x "$candidate" ]; then exit 0; fi
done
if ls "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium* >/dev/null 2>&1; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "No Chromium found: installing Debian's chromium (about a minute)…"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium found. Install one: 'apt-get install chromium', or 'npx playwright install chromium'." >&2
exit 1
