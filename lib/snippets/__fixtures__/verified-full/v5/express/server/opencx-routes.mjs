// OpenCX widget v5 (pinned to 5.0.0): the endpoint your page calls for the contact token.
// POST /api/opencx/contact-token → { token } for the signed-in user, 401 otherwise.
// Server only: OPENCX_API_KEY comes from the environment and never reaches a browser.
// Mount it with app.use(opencxRouter), after your session middleware.
import { Router } from 'express';

const OPENCX_API_URL = process.env.OPENCX_API_URL || 'https://api.open.cx';

// TODO: return the signed-in user for this request from YOUR auth (e.g. Passport's req.user),
// or null when nobody is signed in.
async function getSignedInUser(req) {
  return req.user ?? null;
}

export const opencxRouter = Router();

opencxRouter.post('/api/opencx/contact-token', async (req, res, next) => {
  try {
    const user = await getSignedInUser(req);
    if (!user) {
      res.status(401).json({ error: 'Not signed in' });
      return;
    }

    const apiKey = process.env.OPENCX_API_KEY;
    if (!apiKey) throw new Error('OPENCX_API_KEY is not set');

    // Sample values from the playground: build the body from `user`,
    // never from anything the browser sends.
    // language: zh-cn is sent as zh, the API's code for Chinese (Simplified).
    const body = {
      email: 'jane@example.com',
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
    const { token } = await response.json();
    res.set('Cache-Control', 'no-store').json({ token });
  } catch (error) {
    next(error);
  }
});
