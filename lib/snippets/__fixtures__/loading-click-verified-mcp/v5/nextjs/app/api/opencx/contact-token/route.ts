// OpenCX widget v5 (pinned to 5.0.0): the endpoint your page calls for the contact token.
// POST /api/opencx/contact-token → { token } for the signed-in user, 401 otherwise.
// Server only: set OPENCX_API_KEY in the server environment (never with a NEXT_PUBLIC_ prefix).
const OPENCX_API_URL = process.env.OPENCX_API_URL || 'https://api.open.cx';

interface SignedInUser {
  email: string;
}

// TODO: implement with YOUR auth, e.g. `(await auth())?.user` with Auth.js or
// `await currentUser()` with Clerk. Return null when nobody is signed in.
async function getSignedInUser(): Promise<SignedInUser | null> {
  throw new Error('Implement getSignedInUser() with your auth library');
}

/**
 * Calls POST /widget/authenticate-user for the signed-in user and returns their contact token.
 * `email` is that user's email from your session, never one the browser sends.
 * Send only this token to that user's browser, where it becomes the widget's user.token.
 */
async function getContactToken(email: string): Promise<string> {
  if (!email) throw new Error('getContactToken needs the email of the signed-in user');
  const apiKey = process.env.OPENCX_API_KEY;
  if (!apiKey) throw new Error('OPENCX_API_KEY is not set');

  // Sample values from the playground: build the rest of the body from the signed-in user's
  // data (your session), never from anything the browser sends.
  // mcp_access turns on personal connections (widget v5): the user can connect their own accounts.
  // A token minted with it expires after one hour, so the page fetches a new one before then.
  // Leave mcp_access out for a chat-only token that does not expire. {} allows every per-user
  // server enabled in your organisation; server_ids: [...] only those ([] none); account_id names
  // the account or workspace the user is acting in, for products where users switch between them.
  // Decide server_ids and account_id from your own server-side state, never from the browser.
  const body = {
    email,
    mcp_access: {},
  };

  const response = await fetch(`${OPENCX_API_URL}/widget/authenticate-user`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${apiKey}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) {
    throw new Error(`OpenCX authenticate-user failed: HTTP ${response.status}`);
  }
  // The response also has contact.id; the browser needs only the token.
  const { token } = (await response.json()) as { token: string };
  return token;
}

export async function POST() {
  const user = await getSignedInUser();
  if (!user) {
    return Response.json({ error: 'Not signed in' }, { status: 401 });
  }
  const token = await getContactToken(user.email);
  return Response.json({ token }, { headers: { 'Cache-Control': 'no-store' } });
}
