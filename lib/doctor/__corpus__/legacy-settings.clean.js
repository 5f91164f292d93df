window.initOpenScript({ token: 'wt_shop_123' });
