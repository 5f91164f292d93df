# OpenCX widget v4 (pinned to 4.0.63): mint a contact token for the signed-in user.
# Server only: OPENCX_API_KEY comes from the environment and never reaches a browser.
import os
import sys

import requests

OPENCX_API_URL = os.environ.get("OPENCX_API_URL") or "https://api.open.cx"


def get_contact_token(email: str) -> str:
    """Call POST /widget/authenticate-user for the signed-in user and return their contact token.

    email is that user's email from your session, never one the browser sends.
    Send only this token to that user's browser, where it becomes the widget's user.token.
    """
    if not email:
        raise ValueError("get_contact_token needs the email of the signed-in user")
    api_key = os.environ.get("OPENCX_API_KEY")
    if not api_key:
        raise RuntimeError("OPENCX_API_KEY is not set")

    # Sample values from the playground: build the rest of the body from the signed-in user's
    # data (your session), never from anything the browser sends.
    body = {
        "email": email,
    }

    response = requests.post(
        f"{OPENCX_API_URL}/widget/authenticate-user",
        headers={
            "Authorization": f"Bearer {api_key}",
            "Content-Type": "application/json",
        },
        json=body,
        timeout=10,
        # A redirect would turn this POST into a GET: treat it as the failure it is.
        allow_redirects=False,
    )
    if not 200 <= response.status_code < 300:
        raise RuntimeError(
            f"OpenCX authenticate-user failed: HTTP {response.status_code}"
        )
    # The response also has contact.id; the browser needs only the token.
    return response.json()["token"]


# Run directly, it prints that user's token: python3 opencx_contact_token.py <email>
# (a quick check of your key and the body, e.g. against the playground's sandbox).
if __name__ == "__main__":
    if len(sys.argv) != 2 or not sys.argv[1]:
        sys.exit("Usage: python3 opencx_contact_token.py <email>")
    try:
        print(get_contact_token(sys.argv[1]))
    except (RuntimeError, requests.RequestException) as error:
        sys.exit(str(error))
