package dev.keel.node.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.keel.consensus.types.Bytes;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Validators faked with the JDK's HTTP server, all sharing one chain: {@code POST /v1/txs/batch}
 * admits transactions (refusing one in {@value #BUSY_EVERY} new ones as busy the first time, and
 * rejecting those whose first byte is {@code 'R'}), a block every 20 ms holds what was admitted,
 * {@code GET /v1/blocks/stream} sends the blocks as SSE (data split over two lines, comments
 * between), and {@code GET /status} reports a height and constant memory. A transaction whose
 * first byte is {@code 'F'} commits with the result {@code insufficient_funds}.
 */
final class FakeValidators implements AutoCloseable {
    static final int BUSY_EVERY = 7;
    private static final long START_HEIGHT = 10;

    private final List<HttpServer> servers = new ArrayList<>();
    private final ExecutorService handlers = Executors.newCachedThreadPool(daemon("fake-http"));
    private final ScheduledExecutorService producer = Executors.newSingleThreadScheduledExecutor(daemon("fake-blocks"));
    private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
    private final Set<String> failing = ConcurrentHashMap.newKeySet();
    private final Set<String> admitted = ConcurrentHashMap.newKeySet();
    private final Set<String> refusedOnce = ConcurrentHashMap.newKeySet();
    private final AtomicInteger fresh = new AtomicInteger();
    private final AtomicIntegerArray batches;
    /** Event texts; block at height START_HEIGHT + 1 + i is at index i. */
    private final List<String> blocks = java.util.Collections.synchronizedList(new ArrayList<>());
    private final long startNanos = System.nanoTime();
    private volatile boolean closed;

    FakeValidators(int count) throws IOException {
        batches = new AtomicIntegerArray(count);
        for (int i = 0; i < count; i++) {
            int node = i;
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
            s.createContext("/v1/txs/batch", ex -> handle(ex, () -> batch(ex, node)));
            s.createContext("/v1/blocks/stream", ex -> handle(ex, () -> stream(ex)));
            s.createContext("/status", ex -> handle(ex, () -> status(ex)));
            s.setExecutor(handlers);
            s.start();
            servers.add(s);
        }
        producer.scheduleAtFixedRate(this::makeBlock, 20, 20, TimeUnit.MILLISECONDS);
    }

    List<URI> urls() {
        return servers.stream().map(s -> URI.create("http://127.0.0.1:" + s.getAddress().getPort())).toList();
    }

    int batches(int node) {
        return batches.get(node);
    }

    int admitted() {
        return admitted.size();
    }

    private interface Handler {
        void run() throws IOException;
    }

    private static void handle(HttpExchange ex, Handler h) throws IOException {
        try (ex) {
            h.run();
        }
    }

    private void batch(HttpExchange ex, int node) throws IOException {
        batches.incrementAndGet(node);
        List<Bytes> txs = BatchCodec.decode(ex.getRequestBody().readAllBytes());
        StringBuilder results = new StringBuilder();
        for (Bytes tx : txs) {
            String hash = PreparedTx.hashHex(tx);
            String item;
            if (tx.get(0) == 'R') {
                item = "{\"hash\":\"" + hash + "\",\"status\":\"rejected\",\"code\":\"bad_tx\"}";
            } else if (admitted.contains(hash)) {
                item = "{\"hash\":\"" + hash + "\",\"status\":\"duplicate\"}";
            } else if (fresh.incrementAndGet() % BUSY_EVERY == 0 && refusedOnce.add(hash)) {
                item = "{\"hash\":\"" + hash + "\",\"status\":\"busy\",\"code\":\"mempool_full\"}";
            } else {
                admitted.add(hash);
                if (tx.get(0) == 'F') {
                    failing.add(hash);
                }
                pending.add(hash);
                item = "{\"hash\":\"" + hash + "\",\"status\":\"accepted\"}";
            }
            results.append(results.length() == 0 ? "" : ",").append(item);
        }
        reply(ex, 200, "{\"retry_after_ms\":10,\"results\":[" + results + "]}");
    }

    private void makeBlock() {
        List<String> hashes = new ArrayList<>();
        while (hashes.size() < 1000) {
            String h = pending.poll();
            if (h == null) {
                break;
            }
            hashes.add(h);
        }
        long height = START_HEIGHT + 1 + blocks.size();
        StringBuilder ids = new StringBuilder();
        StringBuilder results = new StringBuilder();
        for (String h : hashes) {
            ids.append(ids.length() == 0 ? "" : ",").append('"').append(h).append('"');
            results.append(results.length() == 0 ? "" : ",")
                    .append(failing.contains(h) ? "{\"code\":\"insufficient_funds\",\"message\":\"\"}" : "{\"code\":\"ok\",\"message\":\"\"}");
        }
        // The JSON split over two data lines: the client must join them with a newline.
        blocks.add("event: block\nid: " + height + "\ndata: {\"height\":" + height + ",\"hash\":\"00\",\"timestamp_ms\":0,"
                + "\"tx_count\":" + hashes.size() + ",\ndata: \"tx_hashes\":[" + ids + "],\"results\":[" + results + "]}\n\n");
    }

    private void stream(HttpExchange ex) throws IOException {
        String query = ex.getRequestURI().getQuery();
        long from = query != null && query.startsWith("from=") ? Long.parseLong(query.substring(5)) : START_HEIGHT + 1;
        ex.getResponseHeaders().add("Content-Type", "text/event-stream");
        ex.sendResponseHeaders(200, 0);
        OutputStream out = ex.getResponseBody();
        int next = (int) Math.max(0, from - START_HEIGHT - 1);
        for (int i = 0; i < 3000 && !closed; i++) { // at most a minute
            while (next < blocks.size()) {
                out.write(blocks.get(next++).getBytes(StandardCharsets.UTF_8));
            }
            if (i % 10 == 0) {
                out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
            }
            out.flush(); // throws once the client has gone: the handler ends
            sleep(20);
        }
    }

    private void status(HttpExchange ex) throws IOException {
        double cpu = (System.nanoTime() - startNanos) / 1e9 * 0.25;
        reply(ex, 200, "{\"height\":" + (START_HEIGHT + blocks.size()) + ",\"process\":{\"cpu_seconds\":" + cpu
                + ",\"heap_used_bytes\":1000000,\"heap_committed_bytes\":2000000,\"rss_bytes\":50000000,"
                + "\"gc_seconds\":0,\"threads\":10}}");
    }

    private static void reply(HttpExchange ex, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, body.length);
        ex.getResponseBody().write(body);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        closed = true;
        producer.shutdownNow();
        for (HttpServer s : servers) {
            s.stop(0);
        }
        handlers.shutdownNow();
    }
}
