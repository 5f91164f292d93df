const WIDGET_TOKEN = 'wt_shop_123';
window.initOpenScript({ token: WIDGET_TOKEN, user: { token: contactToken } });
