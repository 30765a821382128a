package dev.imagepipe.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaParseException;

/**
 * A STUB of the Confluent Schema Registry for unit tests: an in-memory {@link HttpServer} on 127.0.0.1 (free port)
 * that implements only the endpoints {@link RestSchemaRegistryClient} calls, with Confluent's response and error
 * bodies ({@code {"error_code":40403,"message":"Schema 7 not found"}}), plus hooks to inject failures, require basic
 * auth and count requests.
 *
 * <p>It is not the registry. Confluent's registry cannot run on this build machine (no Docker, and Confluent's jars
 * are not on Maven Central). The project's own registry server ({@code local} module) is exercised with this same
 * client in that module's tests and ITs; this stub remains for what a real registry cannot be made to do on demand:
 * injected failures, request counting and header capture. Compatibility here is always BACKWARD, checked with
 * Avro's {@link SchemaCompatibility}; Confluent's message texts are approximated.
 */
public final class StubSchemaRegistry implements AutoCloseable {

    private record Registered(int id, int version, String schema) {}

    private record Failure(int status, int errorCode, String message) {}

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final Map<Integer, String> schemasById = new LinkedHashMap<>();
    private final Map<String, List<Registered>> subjects = new LinkedHashMap<>();
    private final Deque<Failure> failures = new ArrayDeque<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> authorizationHeaders = new CopyOnWriteArrayList<>();
    private final List<String> contentTypes = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(1);
    private volatile String requiredAuthorization;

    private StubSchemaRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static StubSchemaRegistry start() throws IOException {
        return new StubSchemaRegistry();
    }

    /** The base URL, e.g. {@code http://127.0.0.1:40123}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The base URL with user info, e.g. {@code http://user:pw@127.0.0.1:40123}. */
    public String urlWithUserInfo(String user, String password) {
        return "http://" + user + ":" + password + "@127.0.0.1:"
                + server.getAddress().getPort();
    }

    /** The id the next newly registered schema gets. */
    public StubSchemaRegistry nextId(int id) {
        nextId.set(id);
        return this;
    }

    /** Registers {@code schema} directly, as another producer would have; returns its id. */
    public synchronized int preregister(String subject, Schema schema) {
        return registerSchema(subject, schema.toString()).id();
    }

    /** Answers the next {@code times} requests with {@code status} and a Confluent error body. */
    public synchronized StubSchemaRegistry failNext(int times, int status, int errorCode, String message) {
        for (int i = 0; i < times; i++) {
            failures.add(new Failure(status, errorCode, message));
        }
        return this;
    }

    /** Answers 401 unless requests carry basic auth for {@code user}/{@code password}. */
    public StubSchemaRegistry requireBasicAuth(String user, String password) {
        requiredAuthorization = new BasicCredentials(user, password).authorizationHeader();
        return this;
    }

    /** Every request received, as {@code METHOD /path?query}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public List<String> authorizationHeaders() {
        return List.copyOf(authorizationHeaders);
    }

    public List<String> contentTypes() {
        return List.copyOf(contentTypes);
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            URI uri = exchange.getRequestURI();
            requests.add(method + " " + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            authorizationHeaders.add(authorization == null ? "" : authorization);
            String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
            contentTypes.add(contentType == null ? "" : contentType);
            byte[] requestBody = exchange.getRequestBody().readAllBytes();
            Response response = respond(method, uri.getRawPath(), authorization, requestBody);
            byte[] body = response.body.toString().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            exchange.sendResponseHeaders(response.status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private record Response(int status, JsonNode body) {}

    private synchronized Response respond(String method, String path, String authorization, byte[] body) {
        if (requiredAuthorization != null && !requiredAuthorization.equals(authorization)) {
            return error(401, 401, "Unauthorized");
        }
        Failure failure = failures.poll();
        if (failure != null) {
            return error(failure.status, failure.errorCode, failure.message);
        }
        Matcher m;
        if (method.equals("GET") && (m = match("/schemas/ids/(\\d+)", path)) != null) {
            return schemaById(Integer.parseInt(m.group(1)));
        }
        if (method.equals("POST") && (m = match("/subjects/([^/]+)/versions", path)) != null) {
            return register(decode(m.group(1)), body);
        }
        if (method.equals("POST") && (m = match("/subjects/([^/]+)", path)) != null) {
            return lookup(decode(m.group(1)), body);
        }
        if (method.equals("GET") && (m = match("/subjects/([^/]+)/versions/([^/]+)", path)) != null) {
            return version(decode(m.group(1)), decode(m.group(2)));
        }
        if (method.equals("POST") && (m = match("/compatibility/subjects/([^/]+)/versions/([^/]+)", path)) != null) {
            return compatibility(decode(m.group(1)), decode(m.group(2)), body);
        }
        return error(404, 404, "HTTP 404 Not Found");
    }

    private Response schemaById(int id) {
        String schema = schemasById.get(id);
        if (schema == null) {
            return error(404, 40403, "Schema " + id + " not found");
        }
        return ok(JSON.createObjectNode().put("schema", schema));
    }

    private Response register(String subject, byte[] body) {
        Schema schema;
        try {
            schema = parseBody(body);
        } catch (SchemaParseException | IOException e) {
            return error(422, 42201, "Invalid schema " + e.getMessage());
        }
        List<Registered> versions = subjects.getOrDefault(subject, List.of());
        if (!versions.isEmpty()) {
            Schema latest = new Schema.Parser().parse(versions.getLast().schema());
            List<String> problems = incompatibilities(schema, latest);
            if (!problems.isEmpty() && findIn(versions, schema) == null) {
                return error(
                        409,
                        409,
                        "Schema being registered is incompatible with an earlier schema for subject \"" + subject
                                + "\", details: " + problems);
            }
        }
        return ok(JSON.createObjectNode()
                .put("id", registerSchema(subject, schema.toString()).id()));
    }

    private Response lookup(String subject, byte[] body) {
        Schema schema;
        try {
            schema = parseBody(body);
        } catch (SchemaParseException | IOException e) {
            return error(422, 42201, "Invalid schema " + e.getMessage());
        }
        List<Registered> versions = subjects.get(subject);
        if (versions == null) {
            return error(404, 40401, "Subject '" + subject + "' not found.");
        }
        Registered found = findIn(versions, schema);
        if (found == null) {
            return error(404, 40403, "Schema not found");
        }
        return ok(versionBody(subject, found));
    }

    private Response version(String subject, String version) {
        List<Registered> versions = subjects.get(subject);
        if (versions == null) {
            return error(404, 40401, "Subject '" + subject + "' not found.");
        }
        Registered found = pick(versions, version);
        if (found == null) {
            return error(404, 40402, "Version " + version + " not found.");
        }
        return ok(versionBody(subject, found));
    }

    private Response compatibility(String subject, String version, byte[] body) {
        Schema schema;
        try {
            schema = parseBody(body);
        } catch (SchemaParseException | IOException e) {
            return error(422, 42201, "Invalid schema " + e.getMessage());
        }
        List<Registered> versions = subjects.get(subject);
        if (versions == null) {
            return error(404, 40401, "Subject '" + subject + "' not found.");
        }
        Registered against = pick(versions, version);
        if (against == null) {
            return error(404, 40402, "Version " + version + " not found.");
        }
        List<String> problems = incompatibilities(schema, new Schema.Parser().parse(against.schema()));
        ObjectNode answer = JSON.createObjectNode().put("is_compatible", problems.isEmpty());
        var messages = answer.putArray("messages");
        problems.forEach(messages::add);
        return ok(answer);
    }

    private Registered registerSchema(String subject, String schema) {
        List<Registered> versions = subjects.computeIfAbsent(subject, s -> new ArrayList<>());
        Schema parsed = new Schema.Parser().parse(schema);
        Registered existing = findIn(versions, parsed);
        if (existing != null) {
            return existing;
        }
        int id = schemasById.entrySet().stream()
                .filter(e -> new Schema.Parser().parse(e.getValue()).equals(parsed))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseGet(nextId::getAndIncrement);
        schemasById.put(id, schema);
        Registered registered = new Registered(id, versions.size() + 1, schema);
        versions.add(registered);
        return registered;
    }

    private static Registered findIn(List<Registered> versions, Schema schema) {
        return versions.stream()
                .filter(r -> new Schema.Parser().parse(r.schema()).equals(schema))
                .findFirst()
                .orElse(null);
    }

    private static Registered pick(List<Registered> versions, String version) {
        if (version.equals("latest")) {
            return versions.getLast();
        }
        try {
            int n = Integer.parseInt(version);
            return n >= 1 && n <= versions.size() ? versions.get(n - 1) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** BACKWARD: consumers on the new schema must read data written with the old one. */
    private static List<String> incompatibilities(Schema newSchema, Schema oldSchema) {
        return SchemaCompatibility.checkReaderWriterCompatibility(newSchema, oldSchema)
                .getResult()
                .getIncompatibilities()
                .stream()
                .map(i -> "{errorType:'" + i.getType() + "', description:'" + i.getMessage() + "', additionalInfo:'"
                        + i.getLocation() + "'}")
                .toList();
    }

    private static ObjectNode versionBody(String subject, Registered r) {
        return JSON.createObjectNode()
                .put("subject", subject)
                .put("version", r.version())
                .put("id", r.id())
                .put("schema", r.schema());
    }

    private static Schema parseBody(byte[] body) throws IOException {
        JsonNode request = JSON.readTree(body);
        return new Schema.Parser().parse(request.path("schema").asText());
    }

    private static Matcher match(String regex, String path) {
        Matcher m = Pattern.compile(regex).matcher(path);
        return m.matches() ? m : null;
    }

    private static String decode(String segment) {
        return URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }

    private static Response ok(JsonNode body) {
        return new Response(200, body);
    }

    private static Response error(int status, int errorCode, String message) {
        return new Response(
                status, JSON.createObjectNode().put("error_code", errorCode).put("message", message));
    }
}
