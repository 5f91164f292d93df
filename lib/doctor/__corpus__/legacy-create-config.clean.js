export const options = { token: 'wt_shop_123' };
window.initOpenScript(options);
