package dev.keel.node.http;

import static dev.keel.node.http.OpenApiDocument.CHECKER;
import static dev.keel.node.http.OpenApiDocument.DOC;
import static dev.keel.node.http.OpenApiDocument.documentedResponse;
import static dev.keel.node.http.OpenApiDocument.documentedResponses;
import static dev.keel.node.http.OpenApiDocument.resolveRef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.keel.app.QueryResult;
import dev.keel.app.TxResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.mempool.Admission;
import dev.keel.node.chain.TxStatus;
import dev.keel.node.checkpoint.FakeCheckpointView;
import dev.keel.node.config.Json;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * openapi.json against the running server: every documented (path, method, status) is produced
 * against the fakes and its body checked against the documented schema (plus error codes,
 * headers, content types, SSE event data). {@link OpenApiCoverageTest} checks the converse.
 */
class OpenApiConformanceTest extends SharedServerTest {
    private static final Bytes TX = TestBlocks.tx("conformance");
    private static final String TX_HASH = TestBlocks.hash(TX).toHex();
    /** What a request got back; {@code event} for event streams (their first event). */
    record Exchange(int status, String contentType, Map<String, String> headers, String body,
                    Optional<SseClient.Event> event) {
    }

    /** One documented response and how to make the server produce it. */
    record Case(String template, String method, int status, String what, Callable<Exchange> run) {
        String key() {
            return method + " " + template + " " + status;
        }
    }

    private static void reset() {
        FakeChain c = api.chain;
        c.submitted.clear();
        c.statuses.clear();
        c.stored.clear();
        TestBlocks.chain(3).forEach(c::store);
        c.admission.set(tx -> new Admission.Accepted(TestBlocks.hash(tx)));
        c.query.set((p, q) -> QueryResult.ok(Map.of("path", p)));
        api.view.ready.set(true);
        api.checkpoints.reset();
    }

    private static Exchange send(HttpRequest request) throws Exception {
        HttpResponse<String> r = api.send(request);
        Map<String, String> headers = new java.util.HashMap<>();
        r.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        return new Exchange(r.statusCode(), headers.getOrDefault("content-type", ""), headers, r.body(), Optional.empty());
    }

    private static Exchange get(String path) throws Exception {
        return send(api.request(path).GET().build());
    }

    private static Exchange post(String path, String type, byte[] body) throws Exception {
        return send(api.request(path).header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private static Exchange postJson(String path, String json) throws Exception {
        return post(path, "application/json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static Exchange raw(String request) throws Exception {
        try (RawHttp raw = new RawHttp(api.server.address().getPort())) {
            raw.write(request);
            RawHttp.Response r = raw.read();
            return new Exchange(r.status(), r.headers().getOrDefault("content-type", ""), r.headers(), r.body(),
                    Optional.empty());
        }
    }

    private static Exchange stalled(String path) throws Exception {
        return raw("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: 100\r\n\r\n0123");
    }

    private static Exchange declaredTooLarge(String path, long length) throws Exception {
        return raw("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: " + length + "\r\n\r\n");
    }

    private static Exchange firstEvent(String path) throws Exception {
        try (SseClient sse = new SseClient(api, path, Map.of())) {
            SseClient.Event e = sse.next();
            return new Exchange(sse.response.statusCode(), sse.response.headers().firstValue("Content-Type").orElse(""),
                    Map.of(), e.data(), Optional.of(e));
        }
    }

    private static Exchange submitWith(java.util.function.Function<Bytes, Admission> verdict) throws Exception {
        api.chain.admission.set(verdict);
        return post("/v1/txs", "application/octet-stream", TX.toArray());
    }

    private static Exchange batchWith(java.util.function.Function<Bytes, Admission> verdict, String... txs) throws Exception {
        api.chain.admission.set(verdict);
        return post("/v1/txs/batch", BatchFormat.MEDIA_TYPE,
                BatchFormat.encode(List.of(txs).stream().map(TestBlocks::tx).toList()));
    }

    private static Exchange txWithStatus(TxStatus status) throws Exception {
        api.chain.statuses.put(TestBlocks.hash(TX), status);
        return get("/v1/txs/" + TX_HASH);
    }

    private static Exchange queryWith(QueryResult result) throws Exception {
        api.chain.query.set((p, q) -> result);
        return get("/v1/query/balance/alice?at=2");
    }

    static List<Case> cases() {
        String block2 = TestBlocks.chain(2).get(1).block().id().toHex();
        List<Case> c = new ArrayList<>();
        c.add(new Case("/health", "get", 200, "up", () -> get("/health")));
        c.add(new Case("/ready", "get", 200, "ready", () -> get("/ready")));
        c.add(new Case("/ready", "get", 503, "not ready", () -> {
            api.view.ready.set(false);
            return get("/ready");
        }));
        c.add(new Case("/status", "get", 200, "status", () -> get("/status")));
        c.add(new Case("/status", "get", 200, "l1 down, tx in flight", () -> {
            api.checkpoints.summary.set(FakeCheckpointView.summary(false, Optional.of("timeout"), Optional.of("0xab")));
            return get("/status");
        }));
        c.add(new Case("/status", "get", 200, "checkpoints disabled", () -> withoutCheckpoints("/status")));
        c.add(new Case("/metrics", "get", 200, "metrics", () -> get("/metrics")));
        c.add(new Case("/v1/why", "get", 200, "why", () -> get("/v1/why")));
        c.add(new Case("/v1/evidence", "get", 200, "evidence", () -> get("/v1/evidence")));

        c.add(new Case("/v1/txs", "post", 202, "accepted", () -> submitWith(tx -> new Admission.Accepted(TestBlocks.hash(tx)))));
        c.add(new Case("/v1/txs", "post", 200, "duplicate", () -> submitWith(tx -> new Admission.Duplicate(TestBlocks.hash(tx), true))));
        c.add(new Case("/v1/txs", "post", 400, "rejected", () ->
                submitWith(tx -> new Admission.Rejected(TestBlocks.hash(tx), "empty_tx", "empty"))));
        c.add(new Case("/v1/txs", "post", 400, "bad json", () -> postJson("/v1/txs", "{\"tx\":\"zz\"}")));
        c.add(new Case("/v1/txs", "post", 408, "stalled body", () -> stalled("/v1/txs")));
        c.add(new Case("/v1/txs", "post", 413, "tx too large", () ->
                submitWith(tx -> new Admission.Rejected(TestBlocks.hash(tx), "tx_too_large", "big"))));
        c.add(new Case("/v1/txs", "post", 413, "body too large", () -> declaredTooLarge("/v1/txs", 1 << 20)));
        c.add(new Case("/v1/txs", "post", 415, "text", () -> post("/v1/txs", "text/plain", new byte[] {1})));
        c.add(new Case("/v1/txs", "post", 429, "busy", () ->
                submitWith(tx -> new Admission.Busy(TestBlocks.hash(tx), "source_quota", "share", 1500))));

        c.add(new Case("/v1/txs/batch", "post", 200, "mixed", () -> batchWith(tx -> tx.length() == 1
                ? new Admission.Busy(TestBlocks.hash(tx), "mempool_full", "full", 10)
                : tx.length() == 2 ? new Admission.Rejected(TestBlocks.hash(tx), "bad_nonce", "n")
                : new Admission.Accepted(TestBlocks.hash(tx)), "a", "bb", "ccc")));
        c.add(new Case("/v1/txs/batch", "post", 400, "truncated", () ->
                post("/v1/txs/batch", BatchFormat.MEDIA_TYPE, new byte[] {0, 0, 0})));
        c.add(new Case("/v1/txs/batch", "post", 408, "stalled body", () -> stalled("/v1/txs/batch")));
        c.add(new Case("/v1/txs/batch", "post", 413, "too many", () -> {
            byte[] body = BatchFormat.encode(java.util.Collections.nCopies(ChainApiLimits.MAX_BATCH_TXS + 1, Bytes.EMPTY));
            return post("/v1/txs/batch", BatchFormat.MEDIA_TYPE, body);
        }));
        c.add(new Case("/v1/txs/batch", "post", 413, "body too large", () ->
                declaredTooLarge("/v1/txs/batch", ChainApiLimits.MAX_BATCH_BYTES + 1)));
        c.add(new Case("/v1/txs/batch", "post", 415, "octet-stream", () ->
                post("/v1/txs/batch", "application/octet-stream", new byte[] {1})));
        c.add(new Case("/v1/txs/batch", "post", 429, "all busy", () ->
                batchWith(tx -> new Admission.Busy(TestBlocks.hash(tx), "mempool_full", "full", 2500), "a", "b")));

        c.add(new Case("/v1/txs/{hash}", "get", 200, "pending", () -> txWithStatus(new TxStatus.Pending(1_700_000_000_000L))));
        c.add(new Case("/v1/txs/{hash}", "get", 200, "committed", () -> txWithStatus(new TxStatus.Committed(2, 1,
                Hash.of(new byte[] {2}), TxResult.rejected("bad_nonce", "n"), OptionalLong.of(40)))));
        c.add(new Case("/v1/txs/{hash}", "get", 200, "committed, latency unknown", () -> txWithStatus(
                new TxStatus.Committed(2, 0, Hash.of(new byte[] {2}), TxResult.ok(), OptionalLong.empty()))));
        c.add(new Case("/v1/txs/{hash}", "get", 200, "rejected", () -> txWithStatus(new TxStatus.Rejected("evicted", "e"))));
        c.add(new Case("/v1/txs/{hash}", "get", 400, "bad hash", () -> get("/v1/txs/xyz")));
        c.add(new Case("/v1/txs/{hash}", "get", 404, "unknown", () -> get("/v1/txs/" + TX_HASH)));

        c.add(new Case("/v1/blocks/latest", "get", 200, "latest", () -> get("/v1/blocks/latest")));
        c.add(new Case("/v1/blocks/latest", "get", 200, "latest with txs", () -> get("/v1/blocks/latest?txs=true")));
        c.add(new Case("/v1/blocks/latest", "get", 400, "bad txs", () -> get("/v1/blocks/latest?txs=maybe")));
        c.add(new Case("/v1/blocks/latest", "get", 404, "none yet", () -> {
            api.chain.stored.clear();
            return get("/v1/blocks/latest");
        }));
        c.add(new Case("/v1/blocks/{id}", "get", 200, "by height", () -> get("/v1/blocks/2?txs=true")));
        c.add(new Case("/v1/blocks/{id}", "get", 200, "by hash", () -> get("/v1/blocks/" + block2)));
        c.add(new Case("/v1/blocks/{id}", "get", 200, "unexecuted", () -> {
            api.chain.store(TestBlocks.child(api.chain.stored.get(2).block(), 2, false));
            return get("/v1/blocks/4");
        }));
        c.add(new Case("/v1/blocks/{id}", "get", 400, "bad id", () -> get("/v1/blocks/zero")));
        c.add(new Case("/v1/blocks/{id}", "get", 400, "bad txs", () -> get("/v1/blocks/1?txs=2")));
        c.add(new Case("/v1/blocks/{id}", "get", 404, "missing", () -> get("/v1/blocks/99")));
        c.add(new Case("/v1/blocks/stream", "get", 200, "replay", () -> firstEvent("/v1/blocks/stream?from=1")));
        c.add(new Case("/v1/blocks/stream", "get", 400, "bad from", () -> get("/v1/blocks/stream?from=0")));

        c.addAll(checkpointCases());

        c.add(new Case("/v1/query/{path}", "get", 200, "object", () -> queryWith(QueryResult.ok(Map.of("balance", 5)))));
        c.add(new Case("/v1/query/{path}", "get", 200, "null", () -> queryWith(QueryResult.ok(null))));
        c.add(new Case("/v1/query/{path}", "get", 400, "bad query", () -> queryWith(QueryResult.badRequest("what"))));
        c.add(new Case("/v1/query/{path}", "get", 404, "no such key", () -> queryWith(QueryResult.notFound("none"))));
        c.add(new Case("/v1/openapi.json", "get", 200, "document", () -> get("/v1/openapi.json")));
        return c;
    }

    private static Exchange withoutCheckpoints(String path) throws Exception {
        api.checkpoints.enabled.set(false);
        return get(path);
    }

    private static List<Case> checkpointCases() {
        List<Case> c = new ArrayList<>();
        c.add(new Case("/v1/checkpoints", "get", 200, "list", () -> get("/v1/checkpoints")));
        c.add(new Case("/v1/checkpoints", "get", 200, "none yet", () -> {
            api.checkpoints.checkpoints.clear();
            return get("/v1/checkpoints?limit=5");
        }));
        c.add(new Case("/v1/checkpoints", "get", 400, "bad limit", () -> get("/v1/checkpoints?limit=101")));
        c.add(new Case("/v1/checkpoints", "get", 404, "disabled", () -> withoutCheckpoints("/v1/checkpoints")));
        c.add(new Case("/v1/checkpoints/latest", "get", 200, "latest", () -> get("/v1/checkpoints/latest")));
        c.add(new Case("/v1/checkpoints/latest", "get", 404, "none yet", () -> {
            api.checkpoints.checkpoints.clear();
            return get("/v1/checkpoints/latest");
        }));
        c.add(new Case("/v1/checkpoints/latest", "get", 404, "disabled", () -> withoutCheckpoints("/v1/checkpoints/latest")));
        for (int n = 1; n <= 3; n++) { // settled, anchored, built
            String path = "/v1/checkpoints/" + n;
            c.add(new Case("/v1/checkpoints/{number}", "get", 200, "checkpoint " + n, () -> get(path)));
        }
        c.add(new Case("/v1/checkpoints/{number}", "get", 400, "bad number", () -> get("/v1/checkpoints/0")));
        c.add(new Case("/v1/checkpoints/{number}", "get", 404, "unknown", () -> get("/v1/checkpoints/9")));
        c.add(new Case("/v1/checkpoints/{number}", "get", 404, "disabled", () -> withoutCheckpoints("/v1/checkpoints/1")));
        return c;
    }

    @Test
    void everyDocumentedResponseIsProducedAndMatchesItsSchema() throws Exception {
        Set<String> exercised = new TreeSet<>();
        List<String> failures = new ArrayList<>();
        for (Case c : cases()) {
            reset();
            Exchange x = c.run().call();
            String label = c.key() + " (" + c.what() + ")";
            if (x.status() != c.status()) {
                failures.add(label + ": got " + x.status() + " " + x.body());
                continue;
            }
            Map<?, ?> response = documentedResponse(c.template(), c.method(), c.status());
            if (response == null) {
                failures.add(label + ": not documented");
                continue;
            }
            failures.addAll(conformance(label, response, x));
            exercised.add(c.key());
        }
        reset();
        assertEquals(List.of(), failures);
        assertEquals(documentedResponses(), exercised, "every documented response must have a case, and only those");
    }

    /** Problems with {@code x} as an instance of the documented {@code response}. */
    private static List<String> conformance(String label, Map<?, ?> response, Exchange x) {
        List<String> out = new ArrayList<>();
        Map<?, ?> content = (Map<?, ?>) response.get("content");
        String mediaType = x.contentType().split(";")[0].trim().toLowerCase(Locale.ROOT);
        if (!(content.get(mediaType) instanceof Map<?, ?> media)) {
            out.add(label + ": Content-Type " + x.contentType() + " is not among " + content.keySet());
            return out;
        }
        Object schema = media.get("schema");
        if (mediaType.equals("application/json")) {
            Object body = Json.parse(x.body());
            CHECKER.problems(schema, body).forEach(p -> out.add(label + ": " + p + " in " + x.body()));
            if (response.get("x-error-codes") instanceof List<?> codes && !codes.contains(((Map<?, ?>) body).get("code"))) {
                out.add(label + ": code " + ((Map<?, ?>) body).get("code") + " is not among the documented " + codes);
            }
        } else if (mediaType.equals("text/event-stream")) {
            Map<?, ?> event = (Map<?, ?>) media.get("x-event");
            SseClient.Event e = x.event().orElseThrow();
            if (!event.get("event").equals(e.event())) {
                out.add(label + ": event type " + e.event());
            }
            CHECKER.problems(event.get("data"), Json.parse(e.data())).forEach(p -> out.add(label + ": event data " + p));
        } else {
            CHECKER.problems(schema, x.body()).forEach(p -> out.add(label + ": " + p));
        }
        if (response.get("headers") instanceof Map<?, ?> headers) {
            headers.forEach((name, h) -> {
                Map<?, ?> header = (Map<?, ?>) resolveRef(h);
                String value = x.headers().get(((String) name).toLowerCase(Locale.ROOT));
                if (value == null) {
                    out.add(label + ": header " + name + " missing");
                } else {
                    Object typed = value.matches("-?[0-9]+") ? new BigDecimal(value) : value;
                    CHECKER.problems(header.get("schema"), typed).forEach(p -> out.add(label + ": header " + name + " " + p));
                }
            });
        }
        return out;
    }

    @Test
    void theDocumentIsOpenApi303AndDescribesTheErrorShape() {
        assertEquals("3.0.3", DOC.get("openapi"));
        Map<?, ?> error = (Map<?, ?>) CHECKER.resolve("#/components/schemas/Error");
        assertEquals(List.of("code", "message"), error.get("required"));
        assertNotNull(CHECKER.resolve("#/components/headers/RetryAfter"));
        for (String status : List.of("400", "404")) {
            assertTrue(documentedResponse("/v1/txs/{hash}", "get", Integer.parseInt(status)) != null, status);
        }
        if (documentedResponse("/v1/txs", "post", 429).get("headers") == null) {
            fail("429 must document Retry-After");
        }
    }
}
