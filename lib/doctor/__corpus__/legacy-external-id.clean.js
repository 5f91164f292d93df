window.initOpenScript({
  token: 'wt_shop_123',
  user: { data: { email: account.email }, externalId: account.workspaceId },
});
