// OpenCX widget v4 (pinned to 4.0.63): mint a contact token for the signed-in user.
// Server only (Node 18+): OPENCX_API_KEY comes from the environment and never reaches a browser.
import { pathToFileURL } from 'node:url';

const OPENCX_API_URL = process.env.OPENCX_API_URL || 'https://api.open.cx';

/**
 * Calls POST /widget/authenticate-user for the signed-in user and returns their contact token.
 * `email` is that user's email from your session, never one the browser sends.
 * Send only this token to that user's browser, where it becomes the widget's user.token.
 */
export async function getContactToken(email) {
  if (!email) throw new Error('getContactToken needs the email of the signed-in user');
  const apiKey = process.env.OPENCX_API_KEY;
  if (!apiKey) throw new Error('OPENCX_API_KEY is not set');

  // Sample values from the playground: build the rest of the body from the signed-in user's
  // data (your session), never from anything the browser sends.
  // language is left out: the API has no code for lb (Luxembourgish).
  const body = {
    email,
    name: 'Jean',
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

// Run directly, it prints that user's token: node server/opencx-contact-token.mjs <email>
// (a quick check of your key and the body, e.g. against the playground's sandbox).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = process.argv.slice(2);
  if (args.length !== 1 || !args[0]) {
    console.error('Usage: node server/opencx-contact-token.mjs <email>');
    process.exitCode = 1;
  } else {
    try {
      console.log(await getContactToken(args[0]));
    } catch (error) {
      console.error(String(error));
      process.exitCode = 1;
    }
  }
}
