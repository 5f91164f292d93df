<?php
// OpenCX widget v4 (pinned to 4.0.63): the endpoint your page calls for the contact token.
// POST /api/opencx/contact-token → { token } for the signed-in user, 401 otherwise.
// Server only: OPENCX_API_KEY comes from the environment and never reaches a browser.
// Serve this file at that path (one rewrite rule, or a route in your router).
declare(strict_types=1);

require_once __DIR__ . '/../../opencx_contact_token.php';

// TODO: return the signed-in user's email from YOUR auth (here: what your login code put
// in $_SESSION['user_email']), or null when nobody is signed in.
function opencx_signed_in_email(): ?string
{
    if (session_status() !== PHP_SESSION_ACTIVE) {
        session_start();
    }
    $email = $_SESSION['user_email'] ?? null;
    return is_string($email) && $email !== '' ? $email : null;
}

header('Content-Type: application/json');
if (($_SERVER['REQUEST_METHOD'] ?? '') !== 'POST') {
    http_response_code(405);
    header('Allow: POST');
    echo json_encode(['error' => 'Use POST']);
    exit;
}
$email = opencx_signed_in_email();
// Set after session_start(), which sends cache headers of its own: no cache may keep the token.
header('Cache-Control: no-store');
if ($email === null) {
    http_response_code(401);
    echo json_encode(['error' => 'Not signed in']);
    exit;
}
try {
    $token = opencx_contact_token($email);
} catch (\Throwable $error) {
    error_log('OpenCX contact token: ' . $error->getMessage());
    http_response_code(502);
    echo json_encode(['error' => 'Could not get a contact token']);
    exit;
}
echo json_encode(['token' => $token], JSON_THROW_ON_ERROR | JSON_UNESCAPED_SLASHES);
