#!/usr/bin/env bash
# OpenCX widget v5 (pinned to 5.0.0): mint a contact token for one user. Run it on your server only.
# Sample values from the playground: send the signed-in user's data. Prints only the token (uses jq).
# mcp_access turns on personal connections (widget v5): the user can connect their own accounts.
# A token minted with it expires after one hour, so the page fetches a new one before then.
# Leave mcp_access out for a chat-only token that does not expire. {} allows every per-user
# server enabled in your organisation; server_ids: [...] only those ([] none); account_id names
# the account or workspace the user is acting in, for products where users switch between them.
# Decide server_ids and account_id from your own server-side state, never from the browser.
set -euo pipefail
: "${OPENCX_API_KEY:?Set OPENCX_API_KEY to your org API key}"

curl --fail --silent --show-error \
  --request POST "${OPENCX_API_URL:-https://api.open.cx}/widget/authenticate-user" \
  --header "Authorization: Bearer ${OPENCX_API_KEY}" \
  --header 'Content-Type: application/json' \
  --data-raw '{
    "email": "jane@example.com",
    "name": "Jane Doe",
    "mcp_access": {}
  }' \
  | jq -r '.token'
