package dev.keel.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.node.config.Json;
import dev.keel.node.metrics.NodeMetrics;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.http.javadsl.server.Directives;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real sockets: the server on a free port, each route fetched with the JDK client. */
class HttpServerTest {
    private static ActorSystem<Void> system;
    private static NodeMetrics metrics;
    private static FakeNodeView view;
    private static HttpServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        system = ActorSystem.create(Behaviors.empty(), "http-test");
        metrics = new NodeMetrics(4);
        view = new FakeNodeView();
        server = HttpServer.start(system, "127.0.0.1", 0, new NodeApi(view, metrics).routes())
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        metrics.close();
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> send(String method, String path) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + server.address().getPort() + path);
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return CLIENT.send(req, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send("GET", path);
    }

    private static Map<?, ?> json(HttpResponse<String> r) {
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow(), r.uri().toString());
        return (Map<?, ?>) Json.parse(r.body());
    }

    private static BigDecimal num(long v) {
        return BigDecimal.valueOf(v);
    }

    @Test
    void health() throws Exception {
        var r = get("/health");
        assertEquals(200, r.statusCode());
        assertEquals(Map.of("status", "up"), json(r));
    }

    @Test
    void readyFollowsTheView() throws Exception {
        view.ready.set(true);
        var up = get("/ready");
        assertEquals(200, up.statusCode());
        assertEquals(Map.of("ready", true, "status", "ready"), json(up));
        view.ready.set(false);
        try {
            var down = get("/ready");
            assertEquals(503, down.statusCode());
            assertEquals(Map.of("ready", false, "status", "not_ready"), json(down));
        } finally {
            view.ready.set(true);
        }
    }

    @Test
    void statusIsTheNodeStatusInSnakeCaseAndFreshPerRequest() throws Exception {
        var r = get("/status");
        assertEquals(200, r.statusCode());
        Map<?, ?> s = json(r);
        assertEquals("keel-test", s.get("chain_id"));
        assertEquals(num(1), s.get("validator"));
        assertEquals(num(57), s.get("round"));
        assertEquals(num(56), s.get("high_qc_round"));
        assertEquals(num(1_700_000_000_000L), s.get("last_commit_epoch_millis"));
        assertEquals(Json.NULL, s.get("halted"));
        assertEquals(false, ((Map<?, ?>) s.get("checkpoints")).get("enabled"), "NodeApi without a checkpoint view");
        assertEquals(Map.of("validator", num(0), "connected", true, "bytes_in", num(1000), "bytes_out", num(2000)),
                ((List<?>) s.get("peers")).get(0));
        long before = ((BigDecimal) s.get("height")).longValueExact();
        view.height.incrementAndGet();
        assertEquals(num(before + 1), json(get("/status")).get("height"));
    }

    @Test
    void why() throws Exception {
        var r = get("/v1/why");
        assertEquals(200, r.statusCode());
        Map<?, ?> w = json(r);
        assertEquals(num(3), w.get("leader"));
        assertEquals(false, w.get("leader_is_self"));
        assertEquals(List.of(num(0), num(3)), w.get("timeouts_missing"));
        assertEquals(List.of(), w.get("votes_missing"));
        assertEquals(num(12_000), w.get("millis_since_last_commit"));
        assertTrue(((String) w.get("summary")).startsWith("leader 3 silent"));
    }

    @Test
    void metricsInPrometheusTextFormat() throws Exception {
        metrics.onCommit(7);
        metrics.onRejected("bad_signature");
        var r = get("/metrics");
        assertEquals(200, r.statusCode());
        String type = r.headers().firstValue("Content-Type").orElseThrow().toLowerCase(java.util.Locale.ROOT);
        assertTrue(type.startsWith("text/plain") && type.contains("version=0.0.4") && type.contains("charset=utf-8"), type);
        assertTrue(r.body().contains("# TYPE keel_commits_total counter"), r.body());
        assertTrue(r.body().contains("keel_committed_height 7.0"), r.body());
        assertTrue(r.body().contains("keel_messages_rejected_total{reason=\"bad_signature\"} 1.0"), r.body());
        assertTrue(r.body().contains("jvm_memory_used_bytes"), "JVM metrics are registered");
    }

    @Test
    void unknownPathIsA404WithAJsonError() throws Exception {
        var r = get("/nope/deeper?x=1");
        assertEquals(404, r.statusCode());
        assertEquals(Map.of("code", "not_found", "message", "no such resource: /nope/deeper"), json(r));
        assertEquals(404, get("/").statusCode());
        assertEquals(404, get("/v1/whyy").statusCode());
        assertEquals(404, get("/status/extra").statusCode());
    }

    @Test
    void wrongMethodIsA405WithAJsonError() throws Exception {
        var r = send("POST", "/status");
        assertEquals(405, r.statusCode());
        assertEquals(Map.of("code", "method_not_allowed", "message", "allowed: GET"), json(r));
        assertEquals(405, send("DELETE", "/health").statusCode());
    }

    @Test
    void aFailingViewIsA500WithAStableCode() throws Exception {
        view.broken.set(true);
        try {
            var r = get("/status");
            assertEquals(500, r.statusCode());
            Map<?, ?> body = json(r);
            assertEquals("internal", body.get("code"));
            assertTrue(!((String) body.get("message")).contains("exploded"), "internals are logged, not served");
            assertEquals(200, get("/health").statusCode(), "health needs nothing from the view");
        } finally {
            view.broken.set(false);
        }
    }

    @Test
    void moreRoutesCanBeAddedAndStillGetJsonErrors() throws Exception {
        var extra = Directives.path("hello", () -> Directives.get(() -> Directives.complete("hi")));
        HttpServer second = HttpServer.start(system, "127.0.0.1", 0,
                Directives.concat(new NodeApi(view, metrics.registry()).routes(), extra)).toCompletableFuture().get(10, TimeUnit.SECONDS);
        try {
            String base = "http://127.0.0.1:" + second.address().getPort();
            var hi = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/hello")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("hi", hi.body());
            var missing = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/x")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, missing.statusCode());
            assertEquals("not_found", json(missing).get("code"));
        } finally {
            second.close();
        }
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            var stage = HttpServer.start(system, "127.0.0.1", port, new NodeApi(view, metrics).routes());
            var e = assertThrows(CompletionException.class, () -> stage.toCompletableFuture().join());
            HttpBindException bind = assertInstanceOf(HttpBindException.class, e.getCause());
            assertEquals("http: cannot listen on 127.0.0.1:" + port
                    + ": address already in use (another node or program has this port)", bind.getMessage());
        }
    }
}
