package dev.imagepipe.local.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches requests to handlers by method and path pattern, and turns {@link RegistryError}s into Confluent's
 * error bodies. Path patterns use {@code {}} for one path segment, matched on the raw path and then decoded, so a
 * subject may contain an encoded {@code /}.
 */
final class Router implements HttpHandler {

    /** Confluent's versioned media type; every answer carries it. */
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    /** Request body types accepted, as by Confluent's registry. */
    static final Set<String> ACCEPTED_BODY_TYPES =
            Set.of(CONTENT_TYPE, "application/vnd.schemaregistry+json", "application/json", "application/octet-stream");

    /**
     * The largest request body read. A request carries one schema; Confluent keeps schemas in Kafka records of at
     * most 1 MB by default, so anything far beyond that is a mistake and must not fill the heap.
     */
    static final int MAX_REQUEST_BYTES = 2 * 1024 * 1024;

    @FunctionalInterface
    interface Handler {
        Response handle(Request request);
    }

    private record Route(String method, Pattern pattern, Handler handler) {}

    private static final Logger log = LoggerFactory.getLogger(Router.class);

    private final List<Route> routes = new ArrayList<>();

    Router route(String method, String path, Handler handler) {
        String regex = Pattern.quote(path).replace("{}", "\\E([^/]+)\\Q");
        routes.add(new Route(method, Pattern.compile(regex), handler));
        return this;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Response response;
            try {
                response = dispatch(exchange);
            } catch (RegistryError e) {
                response = Response.error(e);
            } catch (RuntimeException e) {
                log.error(
                        "schema registry request {} {} failed",
                        exchange.getRequestMethod(),
                        exchange.getRequestURI(),
                        e);
                response = Response.error(
                        500, 500, "Internal server error: " + e.getClass().getSimpleName());
            }
            byte[] body = response.json().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(response.status(), body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Response dispatch(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = stripTrailingSlash(exchange.getRequestURI().getRawPath());
        boolean pathKnown = false;
        for (Route route : routes) {
            Matcher m = route.pattern().matcher(path);
            if (!m.matches()) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(method)) {
                byte[] body = readBody(exchange);
                return route.handler().handle(new Request(params(m), query(exchange), body));
            }
        }
        return pathKnown
                ? Response.error(405, 405, "HTTP 405 Method Not Allowed")
                : Response.error(404, 404, "HTTP 404 Not Found");
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_REQUEST_BYTES + 1);
        }
        if (body.length > MAX_REQUEST_BYTES) {
            throw new RegistryError(413, 413, "Request body larger than " + MAX_REQUEST_BYTES + " bytes");
        }
        if (body.length > 0 && contentType != null && !ACCEPTED_BODY_TYPES.contains(mediaType(contentType))) {
            throw new RegistryError(415, 415, "HTTP 415 Unsupported Media Type: " + mediaType(contentType));
        }
        return body;
    }

    private static String mediaType(String contentType) {
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return type.strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> params(Matcher m) {
        List<String> params = new ArrayList<>();
        for (int i = 1; i <= m.groupCount(); i++) {
            params.add(decode(m.group(i)));
        }
        return params;
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> query = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            query.putIfAbsent(name, value);
        }
        return query;
    }

    private static String stripTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
