<?php
// OpenCX widget v5 (pinned to 5.0.0): mint a contact token for the signed-in user.
// Server only (PHP 8.2+, curl extension): OPENCX_API_KEY comes from the environment and never reaches a browser.
// Under PHP-FPM, pass it in the pool config (env[OPENCX_API_KEY] = …) or set clear_env = no.
declare(strict_types=1);

/**
 * Calls POST /widget/authenticate-user for the signed-in user and returns their contact token.
 * Send only this token to that user's browser, where it becomes the widget's user.token.
 * $email is that user's email from your session, never one the browser sends.
 */
function opencx_contact_token(string $email): string
{
    if ($email === '') {
        throw new \InvalidArgumentException('opencx_contact_token needs the email of the signed-in user');
    }
    $apiKey = getenv('OPENCX_API_KEY');
    if ($apiKey === false || $apiKey === '') {
        throw new \RuntimeException('OPENCX_API_KEY is not set');
    }
    $apiUrl = getenv('OPENCX_API_URL') ?: 'https://api.open.cx';

    // Sample values from the playground: build the rest of the body from the signed-in user's
    // data (your session), never from anything the browser sends.
    // language: zh-cn is sent as zh, the API's code for Chinese (Simplified).
    $body = [
        'email' => $email,
        'name' => 'Jane Doe',
        'avatar_url' => 'https://example.com/jane.png',
        'phone' => '+1234567890',
        'language' => 'zh',
        'customData' => [
            'plan' => 'enterprise',
            'seats' => 25,
            'mrr' => 1249.5,
            'vip' => true,
            'org_id' => 'org_185938572649',
        ],
        'chat_context' => "Jane is an admin on the Enterprise plan.\nShe prefers short answers.",
    ];

    $json = json_encode($body, JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
    $curl = curl_init($apiUrl . '/widget/authenticate-user');
    curl_setopt_array($curl, [
        CURLOPT_POST => true,
        CURLOPT_HTTPHEADER => [
            'Authorization: Bearer ' . $apiKey,
            'Content-Type: application/json',
        ],
        CURLOPT_POSTFIELDS => $json,
        CURLOPT_RETURNTRANSFER => true,
        CURLOPT_TIMEOUT => 10,
    ]);
    $response = curl_exec($curl);
    if ($response === false) {
        throw new \RuntimeException('OpenCX authenticate-user failed: ' . curl_error($curl));
    }
    $status = curl_getinfo($curl, CURLINFO_RESPONSE_CODE);
    if ($status < 200 || $status > 299) {
        throw new \RuntimeException('OpenCX authenticate-user failed: HTTP ' . $status);
    }
    // The response also has contact.id; the browser needs only the token.
    return json_decode($response, true, 512, JSON_THROW_ON_ERROR)['token'];
}

// Run directly, it prints that user's token: php opencx_contact_token.php <email>
// (a quick check of your key and the body, e.g. against the playground's sandbox).
// $_SERVER['argv'], not $argv: $argv exists only in the global scope, and Composer, artisan,
// PHPUnit and queue workers require files from inside a function.
$opencxArgs = PHP_SAPI === 'cli' ? ($_SERVER['argv'] ?? []) : [];
if (isset($opencxArgs[0]) && realpath($opencxArgs[0]) === __FILE__) {
    if (count($opencxArgs) !== 2 || $opencxArgs[1] === '') {
        fwrite(STDERR, 'Usage: php opencx_contact_token.php <email>' . PHP_EOL);
        exit(1);
    }
    try {
        echo opencx_contact_token($opencxArgs[1]), PHP_EOL;
    } catch (\Throwable $error) {
        fwrite(STDERR, $error->getMessage() . PHP_EOL);
        exit(1);
    }
}
