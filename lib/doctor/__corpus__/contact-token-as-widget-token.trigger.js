window.initOpenScript({ token: '__FAKE_CONTACT_TOKEN__' });
