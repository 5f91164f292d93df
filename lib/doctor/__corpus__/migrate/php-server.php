<?php
$ch = curl_init('https://api.open.cx/widget/authenticate-user');
curl_setopt($ch, CURLOPT_HTTPHEADER, ['Authorization: Bearer ' . getenv('OPENCX_API_KEY')]);
