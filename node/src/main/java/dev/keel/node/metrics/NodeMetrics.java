package dev.keel.node.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The node's meters, in one Prometheus registry together with JVM memory, GC, thread and
 * CPU metrics. Names as Prometheus shows them:
 *
 * <pre>
 * keel_round                              gauge    the replica's current round
 * keel_committed_height                   gauge    height of the last committed block
 * keel_commits_total                      counter  blocks committed
 * keel_timeouts_signed_total              counter  timeouts this validator signed (rounds it gave up on)
 * keel_votes_received_total{validator}    counter  verified votes, by author
 * keel_messages_rejected_total{reason}    counter  messages refused at the edge, by reason
 * keel_peer_received_bytes_total{peer}    counter  transport bytes received, by peer
 * keel_peer_sent_bytes_total{peer}        counter  transport bytes sent, by peer
 * keel_storage_write_seconds              timer    durable writes (the safety record before every vote)
 * </pre>
 *
 * Thread-safe; the {@code on*} methods are cheap enough for the consensus hot path (the
 * per-validator and per-reason counters are looked up in a map, never re-registered).
 */
public final class NodeMetrics implements AutoCloseable {
    /**
     * Rejection reasons are chosen by our code, but a bug passing peer data as a reason must
     * not create unbounded time series; past this many, new reasons are counted as "other".
     */
    static final int MAX_REASONS = 64;

    private final PrometheusMeterRegistry registry;
    private final JvmGcMetrics gc;
    private final AtomicLong round = new AtomicLong();
    private final AtomicLong committedHeight = new AtomicLong();
    private final Counter commits;
    private final Counter timeoutsSigned;
    private final Counter[] votesFrom;
    private final Map<String, Counter> rejections = new ConcurrentHashMap<>();
    private final Timer storageWrites;
    /** Micrometer holds function-counter sources weakly; these keep them alive as long as the metrics. */
    private final List<Object> peerSources = new CopyOnWriteArrayList<>();

    /** @param validators the size of the validator set; a vote counter is registered for each */
    public NodeMetrics(int validators) {
        if (validators < 1) {
            throw new IllegalArgumentException("validators must be at least 1, got " + validators);
        }
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        gc = new JvmGcMetrics();
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        Gauge.builder("keel.round", round, AtomicLong::get).description("The replica's current round").register(registry);
        Gauge.builder("keel.committed.height", committedHeight, AtomicLong::get)
                .description("Height of the last committed block").register(registry);
        commits = Counter.builder("keel.commits").description("Blocks committed").register(registry);
        timeoutsSigned = Counter.builder("keel.timeouts.signed").description("Timeouts this validator signed")
                .register(registry);
        votesFrom = new Counter[validators];
        for (int i = 0; i < validators; i++) {
            // Registered up front so a silent validator shows as a flat 0 rather than a missing series.
            votesFrom[i] = Counter.builder("keel.votes.received").tag("validator", Integer.toString(i))
                    .description("Verified votes received, by author").register(registry);
        }
        storageWrites = Timer.builder("keel.storage.write").description("Durable storage writes")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition (format 0.0.4), as /metrics serves it. */
    public String scrape() {
        return registry.scrape();
    }

    public void onRound(long newRound) {
        round.set(newRound);
    }

    /** A block at {@code height} committed. */
    public void onCommit(long height) {
        commits.increment();
        committedHeight.accumulateAndGet(height, Math::max);
    }

    public void onTimeoutSigned() {
        timeoutsSigned.increment();
    }

    /** A verified vote from {@code validator}; indices outside the set are ignored (they were never verified). */
    public void onVoteFrom(int validator) {
        if (validator >= 0 && validator < votesFrom.length) {
            votesFrom[validator].increment();
        }
    }

    /** A message refused at the edge; {@code reason} is a short stable word such as {@code bad_signature}. */
    public void onRejected(String reason) {
        Counter c = rejections.get(reason);
        if (c == null) {
            String tag = rejections.size() < MAX_REASONS ? reason : "other";
            c = rejections.computeIfAbsent(tag, r -> Counter.builder("keel.messages.rejected").tag("reason", r)
                    .description("Messages refused at the edge, by reason").register(registry));
        }
        c.increment();
    }

    public void timeStorage(Runnable write) {
        storageWrites.record(write);
    }

    public <T> T timeStorage(Supplier<T> write) {
        return storageWrites.record(write);
    }

    public void recordStorageWrite(Duration took) {
        storageWrites.record(took);
    }

    /**
     * Exposes one peer link's byte counters, read at scrape time from {@code source} (e.g. the
     * transport): {@code metrics.registerPeerBytes(2, transport, t -> t.stats().get(2).bytesIn(), ...)}.
     * The functions must be monotonic and cheap; one that throws reports its last value.
     */
    public <T> void registerPeerBytes(int peer, T source, ToDoubleFunction<T> bytesIn, ToDoubleFunction<T> bytesOut) {
        peerSources.add(source);
        String tag = Integer.toString(peer);
        FunctionCounter.builder("keel.peer.received", source, lastGood(bytesIn)).tag("peer", tag).baseUnit("bytes")
                .description("Transport bytes received, by peer").register(registry);
        FunctionCounter.builder("keel.peer.sent", source, lastGood(bytesOut)).tag("peer", tag).baseUnit("bytes")
                .description("Transport bytes sent, by peer").register(registry);
    }

    /**
     * A reading that never throws: a function failing at scrape time (say, a peer missing from a
     * stats snapshot) must not fail the whole /metrics response, so it reports its last value.
     */
    private static <T> ToDoubleFunction<T> lastGood(ToDoubleFunction<T> f) {
        AtomicLong last = new AtomicLong(Double.doubleToLongBits(0));
        return source -> {
            try {
                double v = f.applyAsDouble(source);
                last.set(Double.doubleToLongBits(v));
                return v;
            } catch (RuntimeException e) {
                return Double.longBitsToDouble(last.get());
            }
        };
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
