#!/usr/bin/env bash
# OpenCX widget v5 (pinned to 5.0.0): mint a contact token for one user. Run it on your server only.
# Sample values from the playground: send the signed-in user's data. Prints only the token (uses jq).
# language: fil is sent as tl, the API's code for Filipino.
set -euo pipefail
: "${OPENCX_API_KEY:?Set OPENCX_API_KEY to your org API key}"

curl --fail --silent --show-error \
  --request POST "${OPENCX_API_URL:-https://api.open.cx}/widget/authenticate-user" \
  --header "Authorization: Bearer ${OPENCX_API_KEY}" \
  --header 'Content-Type: application/json' \
  --data-raw '{
    "email": "o'\''brien+\"`$(id)`\"@example.com",
    "name": "Robert'\''); DROP TABLE users;-- \"\"\" '\'''\'''\''",
    "avatar_url": "https://example.com/a.png?q=$HOME&r=%s",
    "phone": "+1 (555) 010-9999 \u202eevil",
    "language": "tl",
    "customData": {
      "it'\''s": "O'\''Brien \\'\'' \\\" \\\\",
      "$HOME": "${HOME} $(whoami) `id`",
      "emoji 😀": "👩🏽‍💻 中文 \u2028 \u2029",
      "neg": -12.75,
      "off": false,
      "</script><!--": "{{ }} ]]> &amp; */ /* //"
    },
    "chat_context": "Line 1\nLine 2\r\nTab\there \"\"\" '\'''\'''\'' \\n (literal backslash-n) \u0000"
  }' \
  | jq -r '.token'
