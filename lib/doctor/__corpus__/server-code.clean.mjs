export async function contactToken(user) {
  const res = await fetch('https://api.open.cx/widget/authenticate-user', {
    method: 'POST',
    headers: { Authorization: `Bearer ${process.env.OPENCX_API_KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: user.email }),
  });
  return (await res.json()).token;
}
