const { token } = await (await fetch('/api/opencx/contact-token', { method: 'POST' })).json();
window.initOpenScript({ token: 'wt_shop_123', user: { token } });
