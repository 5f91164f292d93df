window.initOpenScript({
  token: 'wt_shop_123',
  contactToken: session.opencxToken,
});
