package dev.keel.node.metrics;

import dev.keel.mempool.Admission;
import dev.keel.mempool.Mempool;
import dev.keel.storage.exec.ExecutionRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Transaction metrics: admissions by outcome and reason (client vs forwarded), mempool size,
 * commits, receipt→commit latency, execution results by code. Reason tags come from our own
 * code and the application's codes; past {@link NodeMetrics#MAX_REASONS} distinct ones they
 * are counted as "other" so a misbehaving application cannot explode the series.
 */
public final class TxMetrics {
    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Counter committed;
    private final Counter gossipDropped;
    private final DistributionSummary latency;
    private final AtomicLong executedHeight = new AtomicLong();

    public TxMetrics(MeterRegistry registry, Mempool mempool) {
        this.registry = registry;
        Gauge.builder("keel.mempool.size", mempool, Mempool::size).description("Pending transactions").register(registry);
        Gauge.builder("keel.mempool.bytes", mempool, Mempool::bytes).baseUnit("bytes").description("Pending bytes")
                .register(registry);
        Gauge.builder("keel.executed.height", executedHeight, AtomicLong::get).description("Last executed height")
                .register(registry);
        committed = Counter.builder("keel.txs.committed").description("Transactions in committed blocks").register(registry);
        gossipDropped = Counter.builder("keel.txs.gossip.dropped")
                .description("Forwarded transactions dropped because admission was saturated").register(registry);
        latency = DistributionSummary.builder("keel.tx.commit.latency").baseUnit("milliseconds")
                .description("Receipt here to commit here, for transactions clients sent to this validator")
                .publishPercentiles(0.5, 0.9, 0.99).register(registry);
    }

    public void onAdmission(Admission a, boolean fromPeer) {
        String outcome;
        String reason;
        if (a instanceof Admission.Accepted) {
            outcome = "accepted";
            reason = "none";
        } else if (a instanceof Admission.Duplicate d) {
            outcome = "duplicate";
            reason = d.committed() ? "committed" : "pending";
        } else if (a instanceof Admission.Rejected r) {
            outcome = "rejected";
            reason = r.code();
        } else if (a instanceof Admission.Busy b) {
            outcome = "busy";
            reason = b.code();
        } else {
            throw new AssertionError("unhandled admission " + a);
        }
        count("keel.txs.admission", outcome, reason, fromPeer ? "peer" : "client");
    }

    public void onCommittedTxs(int n) {
        committed.increment(n);
    }

    public void onCommitLatency(long millis) {
        latency.record(millis);
    }

    public void onGossipDropped(int n) {
        gossipDropped.increment(n);
    }

    public void onExecuted(ExecutionRecord r) {
        executedHeight.set(r.height());
        for (var o : r.outcomes()) {
            if (!"ok".equals(o.code())) {
                count("keel.txs.executed.rejected", "rejected", o.code(), "block");
            }
        }
    }

    private void count(String name, String outcome, String reason, String from) {
        String key = name + '|' + outcome + '|' + reason + '|' + from;
        Counter c = counters.get(key);
        if (c == null) {
            String r = counters.size() >= NodeMetrics.MAX_REASONS * 4 ? "other" : reason;
            c = counters.computeIfAbsent(key, k -> Counter.builder(name).tag("outcome", outcome).tag("reason", r)
                    .tag("from", from).register(registry));
        }
        c.increment();
    }
}
