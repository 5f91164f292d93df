window.initOpenScript({ token: 'wt_shop_123', user: { token: '__FAKE_CONTACT_TOKEN__' } });
