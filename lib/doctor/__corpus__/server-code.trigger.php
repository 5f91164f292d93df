<?php
$ch = curl_init(getenv('OPENCX_API_URL') ?: 'https://api.open.cx' . '/widget/authenticate-user');
curl_setopt_array($ch, [
    CURLOPT_POST => true,
    CURLOPT_HTTPHEADER => ['Authorization: Bearer ' . getenv('OPENCX_API_KEY'), 'Content-Type: application/json'],
    CURLOPT_POSTFIELDS => json_encode(['email' => $user->email, 'custom_data' => ['plan' => $user->plan]]),
    CURLOPT_RETURNTRANSFER => true,
]);
$token = json_decode(curl_exec($ch), true)['token'];
