package dev.keel.node.http;

import static dev.keel.node.http.OpenApiDocument.documentedResponse;
import static dev.keel.node.http.OpenApiDocument.paths;
import static dev.keel.node.http.OpenApiDocument.template;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.keel.app.QueryResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.node.config.Json;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The converse of {@link OpenApiConformanceTest}: sample requests (every documented path and its
 * near misses, with four methods) against the server; whatever it serves must be documented, and
 * every documented operation must be served. A generic 404 {@code not_found} means "no route";
 * 405 means a documented path that lacks that method.
 */
class OpenApiCoverageTest extends SharedServerTest {
    private static final Bytes TX = TestBlocks.tx("coverage");
    private static final String TX_HASH = TestBlocks.hash(TX).toHex();
    @BeforeAll
    static void seed() {
        TestBlocks.chain(3).forEach(api.chain::store);
        // Queries answer 200 here: the application's own 404 uses the code not_found, like "no route".
        api.chain.query.set((p, q) -> QueryResult.ok(Map.of()));
    }

    @Test
    void theTemplateMatcherPrefersLiteralsAndLetsPathTakeTheRest() {
        assertEquals(Optional.of("/v1/blocks/latest"), template("/v1/blocks/latest"));
        assertEquals(Optional.of("/v1/blocks/{id}"), template("/v1/blocks/7"));
        assertEquals(Optional.of("/v1/txs/batch"), template("/v1/txs/batch"));
        assertEquals(Optional.of("/v1/query/{path}"), template("/v1/query/a/b/c"));
        assertEquals(Optional.of("/v1/checkpoints/latest"), template("/v1/checkpoints/latest"));
        assertEquals(Optional.of("/v1/checkpoints/{number}"), template("/v1/checkpoints/7"));
        assertEquals(Optional.empty(), template("/v1/blocks/7/x"));
        assertEquals(Optional.empty(), template("/v1/query"));
    }

    private static final List<String> SAMPLE_PATHS = List.of("/", "/health", "/health/x", "/ready", "/status", "/metrics",
            "/v1", "/v1/", "/v1/why", "/v1/why/x", "/v1/evidence", "/v1/nope", "/v1/txs", "/v1/txs/", "/v1/txs/batch", "/v1/txs/batch/x",
            "/v1/txs/" + TX_HASH, "/v1/txs/abc", "/v1/txs/" + TX_HASH + "/x", "/v1/blocks", "/v1/blocks/latest",
            "/v1/blocks/stream", "/v1/blocks/1", "/v1/blocks/abc", "/v1/blocks/1/txs", "/v1/query", "/v1/query/k",
            "/v1/query/a/b", "/v1/checkpoints", "/v1/checkpoints/", "/v1/checkpoints/latest", "/v1/checkpoints/1",
            "/v1/checkpoints/abc", "/v1/checkpoints/1/x", "/v1/openapi.json", "/v1/openapi", "/openapi.json", "/v2/txs");
    private static final List<String> SAMPLE_METHODS = List.of("GET", "POST", "PUT", "DELETE");

    @Test
    void everyRouteTheServerAnswersIsDocumentedAndEveryDocumentedOperationIsServed() throws Exception {
        List<String> failures = new ArrayList<>();
        Set<String> served = new TreeSet<>();
        for (String path : SAMPLE_PATHS) {
            for (String method : SAMPLE_METHODS) {
                HttpResponse<InputStream> r = api.client.send(api.request(path).header("Content-Type", "application/octet-stream")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(TX.toArray())).build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                String type = r.headers().firstValue("Content-Type").orElse("");
                String body;
                try (InputStream in = r.body()) {
                    body = type.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
                String code = type.startsWith("application/json") && Json.parse(body) instanceof Map<?, ?> m
                        && m.get("code") instanceof String s ? s : "";
                Optional<String> template = template(path);
                String op = method.toLowerCase(Locale.ROOT);
                boolean documentedOp = template.isPresent() && ((Map<?, ?>) paths().get(template.get())).containsKey(op);
                String label = method + " " + path + " -> " + r.statusCode() + " " + code;
                if (r.statusCode() == 404 && code.equals("not_found")) {
                    if (documentedOp) {
                        failures.add(label + ": documented as " + template.get() + " but not served");
                    }
                } else if (r.statusCode() == 405) {
                    if (template.isEmpty() || documentedOp) {
                        failures.add(label + ": 405 should mean a documented path with other methods only");
                    }
                } else if (!documentedOp) {
                    failures.add(label + ": served but not documented");
                } else if (documentedResponse(template.get(), op, r.statusCode()) == null) {
                    failures.add(label + ": status not documented for " + template.get());
                } else {
                    served.add(op + " " + template.get());
                }
            }
        }
        assertEquals(List.of(), failures);
        Set<String> operations = new TreeSet<>();
        paths().forEach((t, item) -> ((Map<?, ?>) item).keySet().forEach(m -> operations.add(m + " " + t)));
        assertEquals(operations, served, "the samples must reach every documented operation");
    }
}
