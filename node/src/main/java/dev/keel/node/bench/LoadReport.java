package dev.keel.node.bench;

import dev.keel.node.config.Json;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The outcome of a load run, for people ({@link #text}) and machines ({@link #json}: one
 * object, snake_case fields). Everything covers the measured window only (after the warm-up).
 *
 * @param offeredRate the open loop's schedule in tx/s; null for a closed loop
 * @param clients the closed loop's clients; null for an open loop
 * @param latencyMs submit→commit: from the scheduled send (open loop) or the send (closed loop) to the block event
 */
public record LoadReport(String app, String mode, Integer offeredRate, Integer clients, int txSize, int validators,
                         double durationSeconds, double warmupSeconds, Throughput throughput, Latencies.Summary latencyMs,
                         Counts counts, Generator generator, Blocks blocks, List<NodeReport> nodes) {
    public LoadReport {
        nodes = List.copyOf(nodes);
    }

    /**
     * @param committedPerSecond our commits arriving in the window / its length
     * @param medianPerSecond median of the per-second commit counts
     * @param sentPerSecond distinct transactions sent / the window's length
     */
    public record Throughput(double committedPerSecond, double medianPerSecond, double sentPerSecond) {
    }

    /**
     * Measured transactions only.
     *
     * @param submitted distinct transactions sent (each once, however often retried)
     * @param busy busy answers (a 429, or "busy" in a batch), one per transaction per answer
     * @param retried re-sends after a busy answer or a failed request
     * @param httpErrors failed requests (no answer, 5xx, malformed reply) by cause, one per transaction
     * @param committedFailed committed, but the application's result was not {@code ok}, by code
     * @param timedOut not committed within the per-transaction timeout
     */
    public record Counts(long submitted, long accepted, long duplicate, Map<String, Long> rejected, long busy,
                         long retried, Map<String, Long> httpErrors, long committedOk, Map<String, Long> committedFailed,
                         long timedOut) {
        public Counts {
            rejected = sorted(rejected);
            httpErrors = sorted(httpErrors);
            committedFailed = sorted(committedFailed);
        }

        private static Map<String, Long> sorted(Map<String, Long> m) {
            return Collections.unmodifiableMap(new TreeMap<>(m));
        }

        public long committed() {
            return committedOk + committedFailed.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Whether the generator kept up. {@code behind} when the open loop sent late (p99 send lag over
     * {@value LoadGenerator#BEHIND_LAG_MILLIS} ms) or ran out of prepared transactions: then the
     * latencies still count from the schedule, but the offered rate was not really offered.
     *
     * @param txSource how transactions were made (e.g. "bank transfers signed by 4 producer threads into a queue of 65536")
     * @param unresolved measured transactions neither committed, rejected nor timed out when the run ended
     */
    public record Generator(boolean behind, double sendLagP99Ms, double sendLagMaxMs, long supplyStalls, String txSource,
                            long unresolved) {
    }

    public record Blocks(long count, double perSecond, double meanTxsPerBlock, long withoutResults, int streamReconnects) {
    }

    public String json() {
        return Json.write(this);
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "keel bench: %s app, %d validators, %s, %d-byte txs, %ss measured after %ss warm-up%n",
                app, validators, offeredRate != null ? "open loop at " + offeredRate + " tx/s" : "closed loop, " + clients + " clients",
                txSize, seconds(durationSeconds), seconds(warmupSeconds)));
        line(sb, "committed", String.format(Locale.ROOT, "%.1f tx/s overall, %.1f tx/s median per second (sent %.1f tx/s)",
                throughput.committedPerSecond(), throughput.medianPerSecond(), throughput.sentPerSecond()));
        line(sb, "latency", latencyMs.count() == 0 ? "n/a (nothing committed)" : String.format(Locale.ROOT,
                "p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (%d txs)", latencyMs.p50(), latencyMs.p90(),
                latencyMs.p99(), latencyMs.max(), latencyMs.count()));
        line(sb, "submitted", String.format(Locale.ROOT, "%d: accepted %d, duplicate %d, rejected %s", counts.submitted(),
                counts.accepted(), counts.duplicate(), byCode(counts.rejected())));
        line(sb, "busy / retried", counts.busy() + " busy answers, " + counts.retried() + " re-sends"
                + (counts.httpErrors().isEmpty() ? "" : ", request failures " + byCode(counts.httpErrors())));
        line(sb, "outcome", String.format(Locale.ROOT, "committed ok %d, committed not ok %s, timed out %d%s",
                counts.committedOk(), byCode(counts.committedFailed()), counts.timedOut(),
                generator.unresolved() > 0 ? ", unresolved " + generator.unresolved() : ""));
        line(sb, "blocks", String.format(Locale.ROOT, "%.2f blocks/s, %.1f txs per block%s", blocks.perSecond(),
                blocks.meanTxsPerBlock(), blocks.streamReconnects() > 0 ? " (block stream reconnected "
                        + blocks.streamReconnects() + "x)" : ""));
        line(sb, "generator", (generator.behind() ? "FELL BEHIND: " : "kept up: ") + String.format(Locale.ROOT,
                "send lag p99 %.1f ms, max %.1f ms, %d supply stalls; %s", generator.sendLagP99Ms(),
                generator.sendLagMaxMs(), generator.supplyStalls(), generator.txSource()));
        for (NodeReport n : nodes) {
            line(sb, n.url(), String.format(Locale.ROOT, "cpu %s, rss %s (max %s), heap %s (max %s), memory %s%s",
                    n.cpuPercentMedian() == null ? "n/a" : String.format(Locale.ROOT, "%.0f%%", n.cpuPercentMedian()),
                    mib(n.rssMedianBytes()), mib(n.rssMaxBytes()), mib(n.heapUsedMedianBytes()), mib(n.heapUsedMaxBytes()),
                    n.memory(), n.memoryGrowthPercent() == null ? "" : String.format(Locale.ROOT, " (%+.1f%%)",
                            n.memoryGrowthPercent())));
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "  %-22s %s%n", key, value));
    }

    private static String byCode(Map<String, Long> m) {
        if (m.isEmpty()) {
            return "0";
        }
        long total = m.values().stream().mapToLong(Long::longValue).sum();
        return total + " " + m;
    }

    private static String seconds(double s) {
        return s == Math.rint(s) ? Long.toString((long) s) : String.format(Locale.ROOT, "%.1f", s);
    }

    private static String mib(long bytes) {
        return bytes < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }
}
