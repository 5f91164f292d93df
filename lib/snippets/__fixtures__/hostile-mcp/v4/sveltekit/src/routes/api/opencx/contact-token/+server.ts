// OpenCX widget v4 (pinned to 4.0.63): the endpoint <OpenCxWidget /> calls for the contact token.
// POST /api/opencx/contact-token → { token } for the signed-in user, 401 otherwise.
// Server only: set OPENCX_API_KEY in the server environment (never with a PUBLIC_ prefix).
import { json } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { RequestHandler } from './$types';

const OPENCX_API_URL = env.OPENCX_API_URL || 'https://api.open.cx';

interface SignedInUser {
  email: string;
}

// TODO: implement with YOUR auth, e.g. `return locals.user ?? null;` with the user your
// src/hooks.server.ts puts in locals, or `(await locals.auth())?.user` with Auth.js.
// Return null when nobody is signed in.
async function getSignedInUser(locals: App.Locals): Promise<SignedInUser | null> {
  throw new Error('Implement getSignedInUser() with your auth library');
}

export const POST: RequestHandler = async ({ locals }) => {
  const user = await getSignedInUser(locals);
  if (!user) {
    return json({ error: 'Not signed in' }, { status: 401 });
  }

  const apiKey = env.OPENCX_API_KEY;
  if (!apiKey) throw new Error('OPENCX_API_KEY is not set');

  // Sample values from the playground: build the body from `user`,
  // never from anything the browser sends.
  const body = {
    email: 'o\'brien@example.com',
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
  return json({ token }, { headers: { 'Cache-Control': 'no-store' } });
};
