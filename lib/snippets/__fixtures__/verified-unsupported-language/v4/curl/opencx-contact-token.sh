#!/usr/bin/env bash
# OpenCX widget v4 (pinned to 4.0.63): mint a contact token for one user. Run it on your server only.
# Sample values from the playground: send the signed-in user's data. Prints only the token (uses jq).
# language is left out: the API has no code for lb (Luxembourgish).
set -euo pipefail
: "${OPENCX_API_KEY:?Set OPENCX_API_KEY to your org API key}"

curl --fail --silent --show-error \
  --request POST "${OPENCX_API_URL:-https://api.open.cx}/widget/authenticate-user" \
  --header "Authorization: Bearer ${OPENCX_API_KEY}" \
  --header 'Content-Type: application/json' \
  --data-raw '{
    "email": "jean@example.lu",
    "name": "Jean"
  }' \
  | jq -r '.token'
