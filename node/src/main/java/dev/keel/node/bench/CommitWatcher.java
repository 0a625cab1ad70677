package dev.keel.node.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Detects commits: follows one validator's {@code GET /v1/blocks/stream} (Server-Sent Events)
 * and ends every transaction of ours that a block holds, with latency = the event's arrival
 * here − the transaction's scheduled send. If the stream breaks it moves on to the next
 * validator, resuming after the last height seen. One thread; its figures are read after
 * {@link #close}.
 */
final class CommitWatcher implements AutoCloseable {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final long RECONNECT_PAUSE_MILLIS = 200;

    private final HttpClient client;
    private final List<URI> nodes;
    private final Tracker tracker;
    private final Window window;
    private final Latencies latencies = new Latencies();
    private final ProgressHistogram progress;
    private final long[] perSecond;
    private final SseParser parser = new SseParser();
    private long lastHeight = -1;
    private long blocks;
    private long blockTxs;
    private long blocksWithoutResults;
    private long badEvents;
    private int reconnects;
    private volatile boolean stopping;
    private volatile InputStream current;
    private Thread thread;

    CommitWatcher(HttpClient client, List<URI> nodes, Tracker tracker, Window window, ProgressHistogram progress) {
        this.client = client;
        this.nodes = List.copyOf(nodes);
        this.tracker = tracker;
        this.window = window;
        this.progress = progress;
        this.perSecond = new long[window.seconds()];
    }

    /**
     * Starts following from the block after {@code fromHeight}; gives up at {@code deadlineNanos},
     * the latest the stream may run.
     */
    void start(long fromHeight, long deadlineNanos) {
        lastHeight = fromHeight;
        thread = new Thread(() -> follow(deadlineNanos), "bench-block-stream");
        thread.setDaemon(true);
        thread.start();
    }

    /** The head's height, from the first node whose {@code /status} answers. */
    static long currentHeight(HttpClient client, List<URI> nodes) {
        for (URI node : nodes) {
            Map<?, ?> s = NodeSampler.fetchStatus(client, node);
            if (s != null && s.get("height") instanceof Number h) {
                return h.longValue();
            }
        }
        throw new IllegalStateException("no validator answers GET /status at " + nodes);
    }

    private void follow(long deadlineNanos) {
        int node = 0;
        while (!stopping && System.nanoTime() < deadlineNanos) {
            try {
                stream(nodes.get(node), deadlineNanos);
            } catch (IOException | RuntimeException e) { // dropped, refused, or a bad stream: try the next node
                if (stopping) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            }
            if (!stopping) {
                reconnects++;
                node = (node + 1) % nodes.size();
                try {
                    Thread.sleep(RECONNECT_PAUSE_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private void stream(URI node, long deadlineNanos) throws IOException, InterruptedException {
        // The request timeout covers the wait for the response headers only, not the endless body.
        HttpRequest req = HttpRequest.newBuilder(node.resolve("/v1/blocks/stream?from=" + (lastHeight + 1)))
                .timeout(CONNECT_TIMEOUT).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> resp = client.send(req, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = resp.body()) {
            if (resp.statusCode() != 200) {
                throw new IOException(node + " answered " + resp.statusCode() + " to the block stream");
            }
            current = body;
            if (stopping) {
                return;
            }
            var reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8), 1 << 16);
            parser.readAll(reader, () -> stopping || System.nanoTime() > deadlineNanos, this::onEvent);
        } finally {
            current = null;
        }
    }

    private void onEvent(SseParser.Event e) {
        if (!"block".equals(e.type())) {
            return;
        }
        long now = System.nanoTime();
        BlockEvent b;
        try {
            b = BlockEvent.parse(e.data());
        } catch (IllegalArgumentException ex) {
            badEvents++;
            return;
        }
        onBlock(b, now);
    }

    /** Ends the block's transactions of ours as committed at {@code now}; a block seen before is ignored. */
    void onBlock(BlockEvent b, long now) {
        if (b.height() <= lastHeight) {
            return;
        }
        lastHeight = b.height();
        if (window.measures(now)) {
            blocks++;
            blockTxs += b.txHashes().size();
        }
        if (!b.hasResults()) {
            blocksWithoutResults++;
        }
        for (int i = 0; i < b.txHashes().size(); i++) {
            String code = b.resultCodes().isEmpty() ? "ok" : b.resultCodes().get(i);
            InFlight t = tracker.commit(b.txHashes().get(i), code);
            if (t == null) {
                continue; // not ours (another client's), or already ended
            }
            long latency = t.latencyNanos(now);
            progress.add(latency);
            if (t.measured) {
                latencies.add(latency);
            }
            int second = window.secondOf(now);
            if (second >= 0) {
                perSecond[second]++;
            }
        }
    }

    @Override
    public void close() {
        stopping = true;
        InputStream in = current;
        if (in != null) {
            try {
                in.close(); // unblocks the reader
            } catch (IOException e) { // closing anyway
            }
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * What the stream showed over the measured window; valid after {@link #close}.
     *
     * @param committed our transactions whose commit arrived inside the window
     * @param medianPerSecond median over the window's whole seconds of our commits per second
     */
    record Result(Latencies.Summary latency, long committed, double medianPerSecond, long blocks, long blockTxs,
                  long blocksWithoutResults, long badEvents, int reconnects) {
    }

    Result result() {
        long committed = 0;
        for (long n : perSecond) {
            committed += n;
        }
        return new Result(latencies.summarize(), committed, medianOfWholeSeconds(perSecond, window.measuredSeconds()),
                blocks, blockTxs, blocksWithoutResults, badEvents, reconnects);
    }

    /** The median of the per-second counts, leaving out a last partial second (a 2.5 s window has 2 whole). */
    static double medianOfWholeSeconds(long[] perSecond, double measuredSeconds) {
        int whole = (int) Math.max(1, Math.min(perSecond.length, Math.floor(measuredSeconds)));
        double[] rates = new double[whole];
        for (int i = 0; i < whole; i++) {
            rates[i] = perSecond[i];
        }
        return Percentiles.median(rates);
    }
}
