window.initOpenScript({
  token: 'wt_shop_123',
  user: { token: contactToken, data: { name: me.name, email: me.email } },
});
