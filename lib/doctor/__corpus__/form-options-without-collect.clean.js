window.initOpenScript({
  token: 'wt_shop_123',
  collectUserData: true,
  prefillUserData: { name: me.name, email: me.email },
  extraDataCollectionFields: ['Company'],
});
