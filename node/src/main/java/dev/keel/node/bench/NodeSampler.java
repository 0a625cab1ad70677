package dev.keel.node.bench;

import dev.keel.node.config.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Samples every validator's {@code GET /status} about once a second and keeps the
 * {@code process} figures taken inside the measured window. One thread; read after {@link #close}.
 */
final class NodeSampler implements AutoCloseable {
    private static final Duration STATUS_TIMEOUT = Duration.ofMillis(900);
    private static final long PERIOD_NANOS = 1_000_000_000L;

    private final HttpClient client;
    private final List<URI> nodes;
    private final Window window;
    private final List<List<NodeReport.Sample>> samples = new ArrayList<>();
    private volatile boolean stopping;
    private Thread thread;

    NodeSampler(HttpClient client, List<URI> nodes, Window window) {
        this.client = client;
        this.nodes = List.copyOf(nodes);
        this.window = window;
        for (int i = 0; i < nodes.size(); i++) {
            samples.add(new ArrayList<>());
        }
    }

    /** Samples until {@link #close}, or the end of the measured window plus one period. */
    void start() {
        thread = new Thread(this::run, "bench-status-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        long next = System.nanoTime();
        while (!stopping && next <= window.measureEndNanos() + PERIOD_NANOS) {
            for (int i = 0; i < nodes.size() && !stopping; i++) {
                sample(i);
            }
            next += PERIOD_NANOS;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void sample(int node) {
        Map<?, ?> status = fetchStatus(client, nodes.get(node));
        long now = System.nanoTime();
        if (status == null || !window.measures(now) || !(status.get("process") instanceof Map<?, ?> p)) {
            return;
        }
        samples.get(node).add(new NodeReport.Sample(now, number(p, "cpu_seconds"), (long) number(p, "rss_bytes"),
                (long) number(p, "heap_used_bytes")));
    }

    private static double number(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.doubleValue() : -1;
    }

    /** A node's {@code /status} as parsed JSON, or null if it does not answer 200 with an object in time. */
    static Map<?, ?> fetchStatus(HttpClient client, URI node) {
        try {
            HttpRequest req = HttpRequest.newBuilder(node.resolve("/status")).timeout(STATUS_TIMEOUT).GET().build();
            HttpResponse<String> resp = client.send(req, HttpResponse.BodyHandlers.ofString());
            return resp.statusCode() == 200 && Json.parse(resp.body()) instanceof Map<?, ?> m ? m : null;
        } catch (IOException | IllegalArgumentException e) { // down, slow, or not JSON: no sample this time
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    @Override
    public void close() {
        stopping = true;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    List<NodeReport> reports() {
        List<NodeReport> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            out.add(NodeReport.of(nodes.get(i).toString(), samples.get(i)));
        }
        return out;
    }
}
