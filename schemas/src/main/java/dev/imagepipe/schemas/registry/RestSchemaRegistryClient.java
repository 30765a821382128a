package dev.imagepipe.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaParseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SchemaRegistryClient} over the Confluent Schema Registry REST API, on {@link HttpClient} and Jackson.
 *
 * <p>Each call tries the configured URLs in turn; a round in which every URL was unreachable or answered 5xx is
 * repeated after a backoff, up to {@link RetryPolicy#maxAttempts()}. A 4xx answer ends the call at once. Retrying
 * is safe for every call here: registering an already registered schema returns its id, and the rest only read.
 *
 * <p>Not cached: wrap it in {@link CachedSchemaRegistryClient}.
 */
public final class RestSchemaRegistryClient implements SchemaRegistryClient {

    /** Confluent's versioned media type for requests and preferred responses. */
    static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    /** What Confluent's own client accepts, most specific first. */
    static final String ACCEPT =
            "application/vnd.schemaregistry.v1+json, application/vnd.schemaregistry+json; qs=0.9, application/json; qs=0.5";

    /**
     * A registry is a few hops away on the same network; a connect that takes longer than this means the URL is
     * down, and the next URL should be tried instead of waiting for the OS's minute-long TCP timeout.
     */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /**
     * Every call here is a small lookup the registry answers from memory. The serializer blocks the producing or
     * stream thread while it waits, so this stays far below {@code max.poll.interval.ms} (5 min) and, with {@link
     * RetryPolicy#DEFAULT}, below a producer's {@code delivery.timeout.ms} (2 min).
     */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);

    /**
     * The largest answer read. Answers here hold one schema; the largest imagepipe schema is a few KB and
     * Confluent's registry stores schemas in Kafka records of at most 1 MB by default. A misdirected URL streaming
     * something huge must not exhaust the heap of a stream thread.
     */
    static final int MAX_RESPONSE_BYTES = 8 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(RestSchemaRegistryClient.class);

    private final List<RegistryEndpoint> endpoints;
    private final RetryPolicy retry;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    public RestSchemaRegistryClient(RegistryClientSettings settings) {
        this(settings, RetryPolicy.DEFAULT);
    }

    public RestSchemaRegistryClient(RegistryClientSettings settings, RetryPolicy retry) {
        this.endpoints = settings.endpoints();
        this.retry = retry;
        HttpClient.Builder builder = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                // The registry speaks HTTP/1.1; asking for h2c upgrades on plain http only adds a round of headers.
                .version(HttpClient.Version.HTTP_1_1)
                // Redirects could carry the Authorization header elsewhere; the registry API does not use them.
                .followRedirects(HttpClient.Redirect.NEVER);
        settings.trustStore().map(TlsContexts::trusting).ifPresent(builder::sslContext);
        this.http = builder.build();
    }

    @Override
    public int register(String subject, Schema schema) {
        JsonNode body = send("POST", "/subjects/" + encode(subject) + "/versions", schemaBody(schema));
        return requiredInt(body, "id");
    }

    @Override
    public int lookupId(String subject, Schema schema) {
        JsonNode body = send("POST", "/subjects/" + encode(subject), schemaBody(schema));
        return requiredInt(body, "id");
    }

    @Override
    public Schema schemaById(int id) {
        JsonNode body = send("GET", "/schemas/ids/" + id, null);
        return parseSchema(body, "schema " + id);
    }

    @Override
    public SchemaVersion version(String subject, String versionOrLatest) {
        JsonNode body = send("GET", "/subjects/" + encode(subject) + "/versions/" + encode(versionOrLatest), null);
        return new SchemaVersion(
                body.path("subject").asText(subject),
                requiredInt(body, "id"),
                requiredInt(body, "version"),
                parseSchema(body, "subject " + subject + " version " + versionOrLatest));
    }

    @Override
    public CompatibilityResult testCompatibility(String subject, String version, Schema schema) {
        String path = "/compatibility/subjects/" + encode(subject) + "/versions/" + encode(version) + "?verbose=true";
        JsonNode body = send("POST", path, schemaBody(schema));
        JsonNode compatible = body.get("is_compatible");
        if (compatible == null || !compatible.isBoolean()) {
            throw invalidResponse("compatibility answer without is_compatible");
        }
        List<String> messages = new ArrayList<>();
        body.path("messages").forEach(m -> messages.add(m.isTextual() ? m.asText() : m.toString()));
        return new CompatibilityResult(compatible.asBoolean(), messages);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "RestSchemaRegistryClient" + urls();
    }

    private List<URI> urls() {
        return endpoints.stream().map(RegistryEndpoint::baseUrl).toList();
    }

    private ObjectNode schemaBody(Schema schema) {
        // schemaType is omitted: Confluent's registry defaults it to AVRO.
        return json.createObjectNode().put("schema", schema.toString());
    }

    private JsonNode send(String method, String pathAndQuery, JsonNode body) {
        byte[] bytes = body == null ? null : body.toString().getBytes(StandardCharsets.UTF_8);
        SchemaRegistryException last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            for (RegistryEndpoint endpoint : endpoints) {
                try {
                    return sendOnce(endpoint, method, pathAndQuery, bytes);
                } catch (SchemaRegistryException e) {
                    if (!e.isTransient() || Thread.currentThread().isInterrupted()) {
                        throw e;
                    }
                    last = e;
                    log.warn(
                            "Schema registry call {} {} failed (attempt {}/{}): {}",
                            method,
                            pathAndQuery,
                            attempt,
                            retry.maxAttempts(),
                            e.getMessage());
                }
            }
            if (attempt < retry.maxAttempts()) {
                sleep(retry.backoffAfter(attempt));
            }
        }
        throw new SchemaRegistryException(
                last.status(),
                last.errorCode(),
                last.getMessage() + " (gave up after " + retry.maxAttempts() + " attempt(s) over " + urls() + ")",
                last);
    }

    private JsonNode sendOnce(RegistryEndpoint endpoint, String method, String pathAndQuery, byte[] body) {
        URI uri = URI.create(endpoint.baseUrl() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(REQUEST_TIMEOUT)
                .header("Accept", ACCEPT)
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
        if (body != null) {
            request.header("Content-Type", CONTENT_TYPE);
        }
        endpoint.credentials().ifPresent(c -> request.header("Authorization", c.authorizationHeader()));
        int status;
        byte[] responseBody;
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            try (InputStream in = response.body()) {
                responseBody = in.readNBytes(MAX_RESPONSE_BYTES + 1);
            }
        } catch (IOException e) {
            throw new SchemaRegistryException(
                    SchemaRegistryException.NO_STATUS,
                    SchemaRegistryException.NO_ERROR_CODE,
                    "Schema registry unreachable at " + endpoint.baseUrl() + ": "
                            + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(
                    SchemaRegistryException.NO_STATUS,
                    SchemaRegistryException.NO_ERROR_CODE,
                    "Interrupted while calling the schema registry at " + endpoint.baseUrl(),
                    e);
        }
        if (responseBody.length > MAX_RESPONSE_BYTES) {
            throw new SchemaRegistryException(
                    status,
                    SchemaRegistryException.NO_ERROR_CODE,
                    "Schema registry at " + endpoint.baseUrl() + " answered " + method + " " + pathAndQuery
                            + " with more than " + MAX_RESPONSE_BYTES + " bytes");
        }
        return readResponse(endpoint, method, pathAndQuery, status, responseBody);
    }

    private JsonNode readResponse(
            RegistryEndpoint endpoint, String method, String pathAndQuery, int status, byte[] responseBody) {
        JsonNode body = parseJson(responseBody);
        if (status >= 200 && status < 300) {
            if (body == null) {
                throw invalidResponse(
                        "unreadable JSON from " + endpoint.baseUrl() + " for " + method + " " + pathAndQuery);
            }
            return body;
        }
        int errorCode = body != null && body.path("error_code").isInt()
                ? body.get("error_code").asInt()
                : SchemaRegistryException.NO_ERROR_CODE;
        String message = body != null && body.path("message").isTextual()
                ? body.get("message").asText()
                : "no message";
        throw new SchemaRegistryException(
                status,
                errorCode,
                "Schema registry at " + endpoint.baseUrl() + " answered " + method + " " + pathAndQuery + " with HTTP "
                        + status
                        + (errorCode == SchemaRegistryException.NO_ERROR_CODE ? "" : " error code " + errorCode)
                        + ": " + message);
    }

    private JsonNode parseJson(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            JsonNode node = json.readTree(bytes);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    private Schema parseSchema(JsonNode body, String what) {
        String type = body.path("schemaType").asText("AVRO");
        if (!type.equals("AVRO")) {
            throw invalidResponse(what + " is a " + type + " schema, not Avro");
        }
        JsonNode text = body.get("schema");
        if (text == null || !text.isTextual()) {
            throw invalidResponse(what + ": answer without a schema");
        }
        try {
            return new Schema.Parser().parse(text.asText());
        } catch (SchemaParseException e) {
            throw new SchemaRegistryException(
                    200,
                    SchemaRegistryException.NO_ERROR_CODE,
                    what + " is not a valid Avro schema: " + e.getMessage(),
                    e);
        }
    }

    private static int requiredInt(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || !value.isInt()) {
            throw invalidResponse("answer without an integer \"" + field + "\"");
        }
        return value.asInt();
    }

    private static SchemaRegistryException invalidResponse(String detail) {
        return new SchemaRegistryException(
                200, SchemaRegistryException.NO_ERROR_CODE, "Invalid schema registry response: " + detail);
    }

    private static String encode(String pathSegment) {
        // URLEncoder is for forms: it writes spaces as '+', which a path segment reads literally.
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SchemaRegistryException(
                    SchemaRegistryException.NO_STATUS,
                    SchemaRegistryException.NO_ERROR_CODE,
                    "Interrupted while waiting to retry the schema registry",
                    e);
        }
    }
}
