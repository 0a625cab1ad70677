package dev.keel.node.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import dev.keel.node.checkpoint.FakeCheckpointView;
import dev.keel.node.config.Json;
import dev.keel.node.metrics.NodeMetrics;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The node's whole API (NodeApi and ChainApi over fakes, checkpoints included) on a real socket at 127.0.0.1:0, and a
 * JDK HTTP client for it. The actor system enables the remote-address attribute, as the node's
 * configuration must, so submissions carry the client's address.
 */
final class TestServer implements AutoCloseable {
    static final String CONFIG = "pekko.http.server.remote-address-attribute = on\n"
            + "pekko.loglevel = WARNING\n";

    final FakeChain chain = new FakeChain();
    final FakeNodeView view = new FakeNodeView();
    final FakeCheckpointView checkpoints = new FakeCheckpointView();
    final ActorSystem<Void> system;
    final HttpServer server;
    private final NodeMetrics metrics;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    TestServer(ChainApiLimits limits) throws Exception {
        system = ActorSystem.create(Behaviors.empty(), "chain-api-test", ConfigFactory.parseString(CONFIG)
                .withFallback(ConfigFactory.load()));
        metrics = new NodeMetrics(4);
        server = HttpServer.start(system, "127.0.0.1", 0,
                        ApiRoutes.combine(new NodeApi(view, metrics.registry(), checkpoints),
                                new ChainApi(chain, limits, checkpoints)))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    TestServer() throws Exception {
        this(limits());
    }

    /** Small limits so tests can exceed them cheaply: 1 KiB single bodies, a 3 s body timeout, 4-block pages. */
    static ChainApiLimits limits() {
        return new ChainApiLimits(1024, ChainApiLimits.MAX_BATCH_BYTES, ChainApiLimits.MAX_BATCH_TXS,
                Duration.ofSeconds(3), 4, Duration.ofSeconds(15), false);
    }

    URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.address().getPort() + pathAndQuery);
    }

    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery)).timeout(Duration.ofSeconds(20));
    }

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return send(request(pathAndQuery).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, byte[] body) throws IOException, InterruptedException {
        return send(request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    HttpResponse<String> postJson(String path, String json) throws IOException, InterruptedException {
        return post(path, "application/json", json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    HttpResponse<String> method(String method, String path) throws IOException, InterruptedException {
        return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()).build());
    }

    /** The body as a JSON object, after checking the response says it is JSON. */
    static Map<?, ?> json(HttpResponse<String> r) {
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElse("(none)"),
                r.uri() + " -> " + r.statusCode() + " " + r.body());
        return (Map<?, ?>) Json.parse(r.body());
    }

    /** Asserts an error response: status, JSON error shape, code. */
    static Map<?, ?> error(HttpResponse<String> r, int status, String code) {
        assertEquals(status, r.statusCode(), r.uri() + " body " + r.body());
        Map<?, ?> body = json(r);
        assertEquals(code, body.get("code"), r.body());
        assertEquals(String.class, body.get("message").getClass(), r.body());
        return body;
    }

    @Override
    public void close() throws Exception {
        server.close();
        metrics.close();
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
