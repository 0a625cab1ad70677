package dev.keel.node.bench;

import dev.keel.consensus.types.Bytes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;

/**
 * Sends transactions to the validators in batches: per node, whatever the sender queued since
 * the last flush goes out as one {@code POST /v1/txs/batch} (at most one per
 * {@link #FLUSH_INTERVAL_NANOS}, made on the {@code senders} executor), with at most
 * {@value #CONNECTIONS_PER_NODE} requests in flight per node (so a few HTTP/1.1 connections
 * each; a slow node makes its next batch bigger, not its queue of requests longer). Busy
 * answers and failed requests put the transaction back for a retry after the node's
 * back-off hint; rejections end it. {@link #enqueue} and {@link #flush} are called by the
 * sender thread only; replies are handled on the HTTP client's threads.
 */
final class Submitter {
    static final int CONNECTIONS_PER_NODE = 4;
    /**
     * A node gets at most one new batch per interval (unless a full one is waiting): at thousands of
     * tx/s that is batches of tens rather than thousands of one-tx requests. The wait counts in the
     * latency (it runs from the scheduled time), and is small next to a commit.
     */
    static final long FLUSH_INTERVAL_NANOS = 5_000_000;
    /** Half the API's 16 MiB batch body limit: room for the length prefixes, far from the edge. */
    static final long MAX_BATCH_BYTES = 8L << 20;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    /** Back-off after a failed request, and the floor under a node's retry hint. */
    private static final long MIN_RETRY_NANOS = 50_000_000;
    private static final long ERROR_RETRY_NANOS = 200_000_000;

    private final HttpClient client;
    private final List<URI> batchUris = new ArrayList<>();
    private final List<Semaphore> permits = new ArrayList<>();
    private final List<ArrayDeque<InFlight>> pending = new ArrayList<>();
    private final List<ConcurrentLinkedQueue<InFlight>> retries = new ArrayList<>();
    private final long[] lastFlushNanos;
    private final Tracker tracker;
    private final Tally tally;
    private final Executor senders;

    /** {@code senders} runs the HTTP calls, so that the sender thread only paces and batches. */
    Submitter(HttpClient client, Executor senders, List<URI> nodes, Tracker tracker, Tally tally) {
        this.client = client;
        this.senders = senders;
        this.lastFlushNanos = new long[nodes.size()];
        this.tracker = tracker;
        this.tally = tally;
        for (URI base : nodes) {
            batchUris.add(base.resolve("/v1/txs/batch"));
            permits.add(new Semaphore(CONNECTIONS_PER_NODE));
            pending.add(new ArrayDeque<>());
            retries.add(new ConcurrentLinkedQueue<>());
        }
    }

    void enqueue(InFlight t) {
        pending.get(t.node).add(t);
    }

    /** Sends what is queued (and retries now due), as far as each node's free connections allow. */
    void flush(long nowNanos) {
        for (int node = 0; node < batchUris.size(); node++) {
            ArrayDeque<InFlight> queue = pending.get(node);
            if (queue.size() < BatchCodec.MAX_TXS && nowNanos - lastFlushNanos[node] < FLUSH_INTERVAL_NANOS) {
                continue;
            }
            collectRipeRetries(node, nowNanos);
            while (!queue.isEmpty() && permits.get(node).tryAcquire()) {
                lastFlushNanos[node] = nowNanos;
                List<InFlight> batch = new ArrayList<>(Math.min(queue.size(), BatchCodec.MAX_TXS));
                long bytes = 0;
                while (!queue.isEmpty() && batch.size() < BatchCodec.MAX_TXS
                        && (batch.isEmpty() || bytes + 4 + queue.peek().tx.bytes().length() <= MAX_BATCH_BYTES)) {
                    InFlight t = queue.poll();
                    if (tracker.isLive(t)) { // a retry may have committed meanwhile
                        t.attempts++;
                        tally.onSent(t);
                        batch.add(t);
                        bytes += 4 + t.tx.bytes().length();
                    }
                }
                if (batch.isEmpty()) {
                    permits.get(node).release();
                } else {
                    send(node, batch);
                }
            }
        }
    }

    /** Moves retries whose back-off has passed to the pending queue; at most a batch's worth per call. */
    private void collectRipeRetries(int node, long nowNanos) {
        ConcurrentLinkedQueue<InFlight> q = retries.get(node);
        List<InFlight> notYet = new ArrayList<>();
        for (int n = 0; n < BatchCodec.MAX_TXS; n++) {
            InFlight t = q.poll();
            if (t == null) {
                break;
            }
            if (t.notBeforeNanos <= nowNanos) {
                pending.get(node).add(t);
            } else {
                notYet.add(t);
            }
        }
        q.addAll(notYet);
    }

    private void send(int node, List<InFlight> batch) {
        List<Bytes> txs = new ArrayList<>(batch.size());
        for (InFlight t : batch) {
            txs.add(t.tx.bytes());
        }
        HttpRequest req = HttpRequest.newBuilder(batchUris.get(node)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", BatchCodec.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofByteArray(BatchCodec.encode(txs))).build();
        senders.execute(() -> client.sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((resp, err) -> {
            try {
                onReply(batch, resp, err);
            } finally {
                permits.get(node).release();
            }
        }));
    }

    void onReply(List<InFlight> batch, HttpResponse<String> resp, Throwable err) {
        if (err != null) {
            retryAll(batch, "no_answer", ERROR_RETRY_NANOS);
            return;
        }
        int status = resp.statusCode();
        if (status == 200) {
            onResults(batch, resp.body());
        } else if (status == 429) {
            long hint = retryAfterNanos(resp);
            for (InFlight t : batch) {
                tally.onBusy(t);
            }
            retry(batch, Math.max(MIN_RETRY_NANOS, hint));
        } else if (status >= 400 && status < 500) { // the batch itself is bad: retrying cannot help
            for (InFlight t : batch) {
                tracker.reject(t, "http_" + status);
            }
        } else {
            retryAll(batch, "http_" + status, ERROR_RETRY_NANOS);
        }
    }

    /** A 429's back-off: the body's {@code retry_after_ms} if it has one, else the Retry-After header (seconds). */
    private static long retryAfterNanos(HttpResponse<String> resp) {
        try {
            if (dev.keel.node.config.Json.parse(resp.body()) instanceof java.util.Map<?, ?> m
                    && m.get("retry_after_ms") instanceof Number ms) {
                return ms.longValue() * 1_000_000;
            }
        } catch (IllegalArgumentException e) { // not JSON: fall back to the header
        }
        try {
            return resp.headers().firstValueAsLong("Retry-After").orElse(0) * 1_000_000_000L;
        } catch (NumberFormatException e) { // an HTTP-date: use the floor
            return 0;
        }
    }

    private void onResults(List<InFlight> batch, String body) {
        BatchCodec.Reply reply;
        try {
            reply = BatchCodec.parseReply(body);
            if (reply.results().size() != batch.size()) {
                throw new IllegalArgumentException(reply.results().size() + " results for " + batch.size() + " txs");
            }
        } catch (IllegalArgumentException e) {
            retryAll(batch, "bad_reply", ERROR_RETRY_NANOS);
            return;
        }
        long retryNanos = Math.max(MIN_RETRY_NANOS, reply.retryAfterMillis() * 1_000_000);
        List<InFlight> busy = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            InFlight t = batch.get(i);
            BatchCodec.Outcome o = reply.results().get(i);
            switch (o.status()) {
                case ACCEPTED -> tally.onAccepted(t);
                case DUPLICATE -> tally.onDuplicate(t); // already pending or committed: its commit will show
                case REJECTED -> tracker.reject(t, o.code());
                case BUSY -> {
                    tally.onBusy(t);
                    busy.add(t);
                }
                default -> throw new AssertionError("unknown batch status " + o.status());
            }
        }
        retry(busy, retryNanos);
    }

    private void retryAll(List<InFlight> batch, String cause, long afterNanos) {
        for (InFlight t : batch) {
            tally.onHttpError(t, cause);
        }
        retry(batch, afterNanos);
    }

    private void retry(List<InFlight> txs, long afterNanos) {
        long notBefore = System.nanoTime() + afterNanos;
        for (InFlight t : txs) {
            if (tracker.isLive(t)) { // a time-out ends it; the sweep does that, not us
                t.notBeforeNanos = notBefore;
                retries.get(t.node).add(t);
            }
        }
    }
}
