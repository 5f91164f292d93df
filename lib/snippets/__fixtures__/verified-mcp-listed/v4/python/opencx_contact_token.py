# OpenCX widget v4 (pinned to 4.0.63): mint a contact token for the signed-in user.
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
    body = {
        "email": "jane@example.com",
        "customData": {"plan": "enterprise"},
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
