// OpenCX widget v4 (pinned to 4.0.63): the endpoint your page calls for the contact token.
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
  const body = {
    email,
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
