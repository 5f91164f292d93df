// OpenCX widget v4 (pinned to 4.0.63): the endpoint the widget plugin calls for the contact token.
// POST /api/opencx/contact-token → { token } for the signed-in user, 401 otherwise.
// Server only: set OPENCX_API_KEY in the server environment (never in runtimeConfig.public).
import type { H3Event } from 'h3';

const OPENCX_API_URL = process.env.OPENCX_API_URL || 'https://api.open.cx';

interface SignedInUser {
  email: string;
}

// TODO: implement with YOUR auth, e.g. `(await getUserSession(event)).user` with
// nuxt-auth-utils (name the parameter event then). Return null when nobody is signed in.
async function getSignedInUser(_event: H3Event): Promise<SignedInUser | null> {
  throw new Error('Implement getSignedInUser() with your auth library');
}

export default defineEventHandler(async (event) => {
  const user = await getSignedInUser(event);
  if (!user) {
    throw createError({ statusCode: 401, statusMessage: 'Not signed in' });
  }

  const email = user.email;
  const apiKey = process.env.OPENCX_API_KEY;
  if (!apiKey) throw new Error('OPENCX_API_KEY is not set');

  // Sample values from the playground: build the rest of the body from the signed-in user's
  // data (your session), never from anything the browser sends.
  // language: zh-cn is sent as zh, the API's code for Chinese (Simplified).
  const body = {
    email,
    name: 'Jane Doe',
    avatar_url: 'https://example.com/jane.png',
    phone: '+1234567890',
    language: 'zh',
    customData: {
      plan: 'enterprise',
      seats: 25,
      mrr: 1249.5,
      vip: true,
      org_id: 'org_185938572649',
    },
    chat_context: 'Jane is an admin on the Enterprise plan.\nShe prefers short answers.',
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
  setResponseHeader(event, 'Cache-Control', 'no-store');
  return { token };
});
