// OpenCX widget v5 (pinned to 5.0.0): the endpoint <OpenCxWidget /> calls for the contact token.
// POST /api/opencx/contact-token → { token } for the signed-in user, 401 otherwise.
// Server only: set OPENCX_API_KEY in the server environment (never with a PUBLIC_ prefix).
import { json } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { RequestHandler } from './$types';

const OPENCX_API_URL = env.OPENCX_API_URL || 'https://api.open.cx';

export const POST: RequestHandler = async ({ locals }) => {
  // TODO: the signed-in user from YOUR auth. This reads the locals.user your
  // src/hooks.server.ts sets from the session (declare it in App.Locals, src/app.d.ts);
  // with Auth.js use `(await locals.auth())?.user`.
  const user = locals.user;
  if (!user) {
    return json({ error: 'Not signed in' }, { status: 401 });
  }

  const email = user.email;
  const apiKey = env.OPENCX_API_KEY;
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
  return json({ token }, { headers: { 'Cache-Control': 'no-store' } });
};
