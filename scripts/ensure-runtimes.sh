#!/usr/bin/env bash
# Installs the language runtimes the server snippets are proven with (Debian packages), when
# one is missing. CI then sets REQUIRE_RUNTIMES=1, so a runtime that is still missing fails its
# tests instead of skipping them (lib/snippets/test-support/runtimes.ts).
set -euo pipefail
missing=()
command -v php >/dev/null 2>&1 && php -r "exit(function_exists('curl_init') ? 0 : 3);" || missing+=(php-cli php-curl)
command -v ruby >/dev/null 2>&1 || missing+=(ruby)
command -v go >/dev/null 2>&1 || missing+=(golang-go)
command -v javac >/dev/null 2>&1 || missing+=(default-jdk-headless)
python3 -c "import requests" >/dev/null 2>&1 || missing+=(python3-requests)
python3 -c "import flask" >/dev/null 2>&1 || missing+=(python3-flask)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v jq >/dev/null 2>&1 || missing+=(jq)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installing ${missing[*]} (about 30 s)…"
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  exit 0
fi
echo "Missing: ${missing[*]}. Their snippet tests skip with a line naming them." >&2
