// OpenCX widget v4 (pinned to 4.0.63): mint a contact token for the signed-in user.
// Server only: OPENCX_API_KEY comes from the environment and never reaches a browser.
// Java 17, standard library only. Run it: java OpenCxContactToken.java <email>
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class OpenCxContactToken {
    /** OPENCX_API_URL, or https://api.open.cx when it is unset or empty. */
    private static final String OPENCX_API_URL = apiUrl();
    private static final HttpClient HTTP_CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private OpenCxContactToken() {}

    private static String apiUrl() {
        String url = System.getenv("OPENCX_API_URL");
        return url == null || url.isEmpty() ? "https://api.open.cx" : url;
    }

    /**
     * Calls POST /widget/authenticate-user for the signed-in user and returns their contact token.
     * Send only this token to that user's browser, where it becomes the widget's user.token.
     * email is that user's email from your session, never one the browser sends.
     */
    public static String contactToken(String email) throws IOException, InterruptedException {
        if (email == null || email.isEmpty()) {
            throw new IllegalArgumentException("contactToken needs the email of the signed-in user");
        }
        String apiKey = System.getenv("OPENCX_API_KEY");
        if (apiKey == null || apiKey.isEmpty()) {
            throw new IllegalStateException("OPENCX_API_KEY is not set");
        }

        // Sample values from the playground (the email is the argument): build the body from the
        // signed-in user's data (your session), never from anything the browser sends.
        Map<String, Object> body = object(
            "email", email);

        URI uri = URI.create(OPENCX_API_URL + "/widget/authenticate-user");
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        HttpResponse<String> response =
                HTTP_CLIENT.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() < 200 || response.statusCode() > 299) {
            throw new IOException("OpenCX authenticate-user failed: HTTP " + response.statusCode());
        }
        // The response also has contact.id; the browser needs only the token.
        if (Json.read(response.body()) instanceof Map<?, ?> result
                && result.get("token") instanceof String token) {
            return token;
        }
        throw new IOException("OpenCX authenticate-user answered without a token");
    }

    /**
     * POST /api/opencx/contact-token: {"token": ...} for the signed-in user, 401 when nobody is
     * signed in. Mount it on your com.sun.net.httpserver.HttpServer:
     * server.createContext("/api/opencx/contact-token", OpenCxContactToken::handleContactToken);
     * In Spring, the same route is a @PostMapping("/api/opencx/contact-token") method
     * returning Map.of("token", contactToken(user.getEmail())) for the signed-in user.
     */
    public static void handleContactToken(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, object("error", "Use POST"));
                return;
            }
            String email = signedInEmail(exchange);
            if (email == null) {
                respond(exchange, 401, object("error", "Not signed in"));
                return;
            }
            String token;
            try {
                token = contactToken(email);
            } catch (IOException
                    | InterruptedException
                    | IllegalStateException
                    | IllegalArgumentException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                System.err.println("OpenCX contact token: " + e.getMessage());
                respond(exchange, 502, object("error", "Could not get a contact token"));
                return;
            }
            respond(exchange, 200, object("token", token));
        }
    }

    /** The signed-in user's email for this request, or null when nobody is signed in. */
    static String signedInEmail(HttpExchange exchange) {
        // TODO: read the user from YOUR auth (session cookie, JWT, ...).
        return null;
    }

    private static void respond(HttpExchange exchange, int status, Map<String, Object> json)
            throws IOException {
        byte[] bytes = Json.write(json).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Prints that user's token: java OpenCxContactToken.java <email>
     * (a quick check of your key and the body, e.g. against the playground's sandbox).
     */
    public static void main(String[] args) {
        if (args.length != 1 || args[0].isEmpty()) {
            System.err.println("Usage: java OpenCxContactToken.java <email>");
            System.exit(1);
        }
        try {
            System.out.println(contactToken(args[0]));
        } catch (Exception e) {
            System.err.println(e);
            System.exit(1);
        }
    }

    /**
     * An object whose keys keep the order they are written in (a LinkedHashMap), from
     * alternating keys and values. Map.of would refuse more than ten entries or a null value,
     * and has no order.
     */
    static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * JSON for the request and the response. Java 17's standard library has no JSON encoder or
     * parser, so this file carries a small one rather than concatenating strings into JSON. An
     * app that already uses Jackson or Gson can use it instead, e.g. Jackson's
     * new ObjectMapper().writeValueAsString(body) and readTree(json).get("token").asText().
     */
    static final class Json {
        private Json() {}

        /** Maps, lists, strings, numbers, booleans and null; anything beyond ASCII escaped. */
        static String write(Object value) {
            StringBuilder out = new StringBuilder();
            write(out, value);
            return out.toString();
        }

        private static void write(StringBuilder out, Object value) {
            if (value == null
                    || value instanceof Boolean
                    || value instanceof Integer
                    || value instanceof Long) {
                out.append(value);
            } else if (value instanceof Double number) {
                if (number.isNaN() || number.isInfinite()) {
                    throw new IllegalArgumentException("JSON has no " + number);
                }
                out.append(number);
            } else if (value instanceof String text) {
                out.append('"');
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c == '"' || c == '\\') {
                        out.append('\\').append(c);
                    } else if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
                out.append('"');
            } else if (value instanceof Map<?, ?> map) {
                out.append('{');
                String separator = "";
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.append(separator);
                    write(out, (String) entry.getKey());
                    out.append(':');
                    write(out, entry.getValue());
                    separator = ",";
                }
                out.append('}');
            } else if (value instanceof List<?> list) {
                out.append('[');
                for (int i = 0; i < list.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(out, list.get(i));
                }
                out.append(']');
            } else {
                throw new IllegalArgumentException("Cannot write " + value.getClass() + " as JSON");
            }
        }

        /** One JSON document as maps, lists, strings, doubles, booleans and null. */
        static Object read(String json) {
            Reader reader = new Reader(json);
            Object value = reader.value();
            reader.skipSpace();
            if (reader.at != json.length()) {
                throw reader.error();
            }
            return value;
        }

        private static final class Reader {
            private static final Pattern NUMBER =
                    Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
            private static final String HEX = "0123456789abcdefABCDEF";
            private final String json;
            private int at;

            Reader(String json) {
                this.json = json;
            }

            Object value() {
                skipSpace();
                int c = peek();
                if (c == '{') {
                    return object();
                } else if (c == '[') {
                    return array();
                } else if (c == '"') {
                    return string();
                }
                for (String word : new String[] {"true", "false", "null"}) {
                    if (json.startsWith(word, at)) {
                        at += word.length();
                        return word.equals("null") ? null : Boolean.valueOf(word);
                    }
                }
                Matcher number = NUMBER.matcher(json).region(at, json.length());
                if (!number.lookingAt()) {
                    throw error();
                }
                at = number.end();
                return Double.valueOf(number.group());
            }

            private Map<String, Object> object() {
                Map<String, Object> map = new LinkedHashMap<>();
                at++;
                skipSpace();
                if (take('}')) {
                    return map;
                }
                do {
                    skipSpace();
                    if (peek() != '"') {
                        throw error();
                    }
                    String key = string();
                    skipSpace();
                    expect(':');
                    map.put(key, value());
                    skipSpace();
                } while (take(','));
                expect('}');
                return map;
            }

            private List<Object> array() {
                List<Object> list = new ArrayList<>();
                at++;
                skipSpace();
                if (take(']')) {
                    return list;
                }
                do {
                    list.add(value());
                    skipSpace();
                } while (take(','));
                expect(']');
                return list;
            }

            private String string() {
                StringBuilder out = new StringBuilder();
                at++;
                while (true) {
                    char c = next();
                    if (c == '"') {
                        return out.toString();
                    } else if (c < 0x20) {
                        throw error();
                    } else if (c != '\\') {
                        out.append(c);
                        continue;
                    }
                    char escape = next();
                    switch (escape) {
                        case '"', '\\', '/' -> out.append(escape);
                        case 'b' -> out.append('\b');
                        case 'f' -> out.append('\f');
                        case 'n' -> out.append('\n');
                        case 'r' -> out.append('\r');
                        case 't' -> out.append('\t');
                        case 'u' -> {
                            int unit = 0;
                            for (int i = 0; i < 4; i++) {
                                int digit = HEX.indexOf(next());
                                if (digit < 0) {
                                    throw error();
                                }
                                unit = unit * 16 + (digit < 16 ? digit : digit - 6);
                            }
                            out.append((char) unit);
                        }
                        default -> throw error();
                    }
                }
            }

            void skipSpace() {
                while (at < json.length() && " \t\n\r".indexOf(json.charAt(at)) >= 0) {
                    at++;
                }
            }

            private int peek() {
                return at < json.length() ? json.charAt(at) : -1;
            }

            private char next() {
                if (at >= json.length()) {
                    throw error();
                }
                return json.charAt(at++);
            }

            private boolean take(char c) {
                if (peek() != c) {
                    return false;
                }
                at++;
                return true;
            }

            private void expect(char c) {
                if (!take(c)) {
                    throw error();
                }
            }

            IllegalArgumentException error() {
                return new IllegalArgumentException("Not JSON at offset " + at);
            }
        }
    }
}
