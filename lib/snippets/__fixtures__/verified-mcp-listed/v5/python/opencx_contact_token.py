# OpenCX widget v5 (pinned to 5.0.0): mint a contact token for the signed-in user.
# Server only: OPENCX_API_KEY comes from the environment and never reaches a browser.
import os

import requests

OPENCX_API_URL = os.environ.get("OPENCX_API_URL") or "https://api.open.cx"


def get_contact_token() -> str:
    """Call POST /widget/authenticate-user for the signed-in user and return their contact token.

    Send only this token to that user's browser, where it becomes the widget's user.token.
    """
    api_key = os.environ["OPENCX_API_KEY"]

    # Sample values from the playground: build the body from the signed-in user's data
    # (your session), never from anything the browser sends.
    # mcp_access turns on personal connections (widget v5): the user can connect their own accounts.
    # A token minted with it expires after one hour, so the page fetches a new one before then.
    # Leave mcp_access out for a chat-only token that does not expire. {} allows every per-user
    # server enabled in your organisation; server_ids: [...] only those ([] none); account_id names
    # the account or workspace the user is acting in, for products where users switch between them.
    # Decide server_ids and account_id from your own server-side state, never from the browser.
    body = {
        "email": "jane@example.com",
        "customData": {"plan": "enterprise"},
        "mcp_access": {
            "server_ids": ["github", "srv_calendar"],
            "account_id": "acct_42",
        },
    }

    response = requests.post(
        f"{OPENCX_API_URL}/widget/authenticate-user",
        headers={
            "Authorization": f"Bearer {api_key}",
            "Content-Type": "application/json",
        },
        json=body,
        timeout=10,
    )
    response.raise_for_status()
    # The response also has contact.id; the browser needs only the token.
    return response.json()["token"]
