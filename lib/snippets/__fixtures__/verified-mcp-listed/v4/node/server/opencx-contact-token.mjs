// OpenCX widget v4 (pinned to 4.0.63): mint a contact token for the signed-in user.
// Server only (Node 18+): OPENCX_API_KEY comes from the environment and never reaches a browser.
const OPENCX_API_URL = process.env.OPENCX_API_URL || 'https://api.open.cx';

/**
 * Calls POST /widget/authenticate-user for the signed-in user and returns their contact token.
 * Send only this token to that user's browser, where it becomes the widget's user.token.
 */
export async function getContactToken() {
  const apiKey = process.env.OPENCX_API_KEY;
  if (!apiKey) throw new Error('OPENCX_API_KEY is not set');

  // Sample values from the playground: build the body from the signed-in user's data (your session),
  // never from anything the browser sends.
  const body = {
    email: 'jane@example.com',
    customData: { plan: 'enterprise' },
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
  return token;
}
