window.initOpenScript({
  token: 'wt_shop_123',
  user: { token: session.opencxToken },
});
