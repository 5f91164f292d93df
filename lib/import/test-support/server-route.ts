/**
 * Test support: pasted server code that calls authenticate-user with `body` (source text), the
 * key from the environment, and `extra` source after the call (e.g. a renewal timer).
 */
export const authenticateRoute = (
  body: string,
  extra = "",
) => `const response = await fetch('https://api.open.cx/widget/authenticate-user', {
  method: 'POST',
  headers: { Authorization: \`Bearer \${process.env.OPENCX_API_KEY}\` },
  body: JSON.stringify(${body}),
});
${extra}`;
