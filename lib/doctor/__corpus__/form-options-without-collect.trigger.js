window.initOpenScript({
  token: 'wt_shop_123',
  prefillUserData: { name: me.name, email: me.email },
  extraDataCollectionFields: ['Company'],
});
