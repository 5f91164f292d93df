#!/usr/bin/env bash
# OpenCX widget v4 (pinned to 4.0.63): mint a contact token for one user. Run it on your server only.
# Sample values from the playground: send the signed-in user's data. Prints only the token (uses jq).
# language: zh-cn is sent as zh, the API's code for Chinese (Simplified).
set -euo pipefail
: "${OPENCX_API_KEY:?Set OPENCX_API_KEY to your org API key}"

curl --fail --silent --show-error \
  --request POST "${OPENCX_API_URL:-https://api.open.cx}/widget/authenticate-user" \
  --header "Authorization: Bearer ${OPENCX_API_KEY}" \
  --header 'Content-Type: application/json' \
  --data-raw '{
    "email": "jane@example.com",
    "name": "Jane Doe",
    "avatar_url": "https://example.com/jane.png",
    "phone": "+1234567890",
    "language": "zh",
    "customData": {
      "plan": "enterprise",
      "seats": 25,
      "mrr": 1249.5,
      "vip": true,
      "org_id": "org_185938572649"
    },
    "chat_context": "Jane is an admin on the Enterprise plan.\nShe prefers short answers."
  }' \
  | jq -r '.token'
