window.initOpenScript({
  token: 'wt_shop_123',
  user: { data: { email: account.email }, external_id: account.workspaceId },
});
