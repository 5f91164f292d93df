# OpenCX widget v5 (pinned to 5.0.0): the endpoint your page calls for the contact token.
# POST /api/opencx/contact-token → { token } for the signed-in user, 401 otherwise.
# Server only: OPENCX_API_KEY comes from the environment and never reaches a browser.
# Register it with app.register_blueprint(opencx_routes), next to your login setup.
from flask import Blueprint, jsonify, session

from opencx_contact_token import get_contact_token

opencx_routes = Blueprint("opencx", __name__)


# TODO: return the signed-in user's email from YOUR auth (here: what your login code put in
# session["user_email"]; with Flask-Login, current_user.email when
# current_user.is_authenticated), or None when nobody is signed in.
def get_signed_in_email():
    return session.get("user_email")


@opencx_routes.post("/api/opencx/contact-token")
def contact_token():
    email = get_signed_in_email()
    if not email:
        return jsonify(error="Not signed in"), 401
    response = jsonify(token=get_contact_token(email))
    response.headers["Cache-Control"] = "no-store"
    return response
