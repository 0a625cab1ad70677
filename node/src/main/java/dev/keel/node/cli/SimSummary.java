package dev.keel.node.cli;

import dev.keel.simulator.Fault;
import dev.keel.simulator.SimOptions;
import dev.keel.simulator.check.Violation;
import dev.keel.simulator.run.SeedResult;
import dev.keel.simulator.run.SimReport;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders a simulation report for people (text) and for machines (one JSON object). */
final class SimSummary {
    private SimSummary() {
    }

    static String text(SimReport r, SimOptions o) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "keel simulate: %d validators, faults %s, byzantine %d%s%n", o.validators(),
                faultsOf(o), o.byzantineCount(), o.sabotage().isEmpty() ? "" : ", SABOTAGE " + sabotageOf(o)));
        line(sb, "seeds run", String.valueOf(r.seeds()));
        line(sb, "committed blocks", String.valueOf(r.committedBlocks()));
        line(sb, "committed txs", String.valueOf(r.committedTxs()));
        line(sb, "view changes", r.viewChanges() + " (rounds ended by timeout)");
        line(sb, "crash-restarts", String.valueOf(r.crashes()));
        line(sb, "virtual time", String.format(Locale.ROOT, "%.1f s", r.virtualMicros() / 1e6));
        line(sb, "wall time", String.format(Locale.ROOT, "%.2f s (%.1f seeds/s, %d events)", r.wallMillis() / 1e3,
                r.seedsPerSecond(), r.events()));
        line(sb, "recovery after heal", r.worstRecoveryMicros() < 0 ? "n/a"
                : String.format(Locale.ROOT, "worst %.2f s (bound %d s)", r.worstRecoveryMicros() / 1e6,
                o.livenessBound().toSeconds()));
        line(sb, "rejected messages", r.rejections().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
        line(sb, "safety violations", String.valueOf(r.safetyViolations()));
        line(sb, "liveness failures", String.valueOf(r.notLive().size()));
        if (r.seeds() == 1) {
            line(sb, "trace digest", r.results().get(0).traceDigest());
        } else {
            line(sb, "combined digest", r.combinedDigest());
        }
        List<SeedResult> bad = r.results().stream().filter(x -> !x.safe() || !x.live()).toList();
        if (bad.isEmpty()) {
            sb.append("RESULT: OK — no safety or liveness violation");
        } else {
            SeedResult first = bad.get(0);
            sb.append("RESULT: VIOLATION — failing seed ").append(first.seed()).append(" (byzantine: ")
                    .append(first.byzantine()).append(")\n");
            for (Violation v : first.violations().subList(0, Math.min(5, first.violations().size()))) {
                sb.append("  ").append(v).append('\n');
            }
            sb.append("  failing seeds: ").append(bad.stream().map(x -> String.valueOf(x.seed())).collect(Collectors.joining(" ")))
                    .append('\n');
            sb.append("  replay: ./keel simulate --validators ").append(o.validators()).append(" --seed ").append(first.seed())
                    .append(" --faults ").append(faultsOf(o)).append(o.sabotage().isEmpty() ? "" : " --sabotage " + sabotageOf(o))
                    .append(" --trace");
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "  %-22s %s%n", key, value));
    }

    private static String faultsOf(SimOptions o) {
        if (o.faults().size() == Fault.values().length) {
            return "all";
        }
        return o.faults().isEmpty() ? "none" : o.faults().stream().map(Fault::flag).sorted().collect(Collectors.joining(","));
    }

    private static String sabotageOf(SimOptions o) {
        return o.sabotage().stream().map(s -> s.flag()).collect(Collectors.joining(","));
    }

    static String json(SimReport r, SimOptions o) {
        Json j = new Json();
        j.num("validators", o.validators()).str("faults", faultsOf(o)).num("byzantine", o.byzantineCount())
                .str("sabotage", o.sabotage().isEmpty() ? null : sabotageOf(o))
                .num("seeds", r.seeds()).num("violations", r.safetyViolations())
                .num("liveness_failures", r.notLive().size()).num("committed_blocks", r.committedBlocks())
                .num("committed_txs", r.committedTxs()).num("view_changes", r.viewChanges())
                .num("crash_restarts", r.crashes())
                .dbl("virtual_time_s", r.virtualMicros() / 1e6).dbl("wall_time_s", r.wallMillis() / 1e3)
                .dbl("seeds_per_second", r.seedsPerSecond())
                .dbl("worst_recovery_s", r.worstRecoveryMicros() / 1e6)
                .num("liveness_bound_s", o.livenessBound().toSeconds())
                .str("combined_digest", r.combinedDigest());
        j.raw("failing_seeds", r.results().stream().filter(x -> !x.safe() || !x.live())
                .map(x -> String.valueOf(x.seed())).collect(Collectors.joining(",", "[", "]")));
        j.raw("violation_details", r.results().stream().flatMap(x -> x.violations().stream()
                        .map(v -> "{\"seed\":" + x.seed() + ",\"kind\":" + Json.quote(v.kind().name().toLowerCase(Locale.ROOT))
                                + ",\"detail\":" + Json.quote(v.detail()) + "}"))
                .limit(50).collect(Collectors.joining(",", "[", "]")));
        j.raw("trace_digests", r.results().stream().map(x -> Json.quote(String.valueOf(x.seed())) + ":" + Json.quote(x.traceDigest()))
                .collect(Collectors.joining(",", "{", "}")));
        j.raw("rejections", r.rejections().entrySet().stream().map(e -> Json.quote(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}")));
        return j.toString();
    }

    /** A minimal JSON object writer: enough for flat summaries, with correct string escaping. */
    static final class Json {
        private final StringBuilder sb = new StringBuilder("{");

        Json num(String k, long v) {
            return raw(k, String.valueOf(v));
        }

        Json dbl(String k, double v) {
            return raw(k, String.format(Locale.ROOT, "%.3f", v));
        }

        Json str(String k, String v) {
            return raw(k, v == null ? "null" : quote(v));
        }

        Json raw(String k, String json) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(quote(k)).append(':').append(json);
            return this;
        }

        static String quote(String s) {
            StringBuilder q = new StringBuilder("\"");
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> q.append("\\\"");
                    case '\\' -> q.append("\\\\");
                    case '\n' -> q.append("\\n");
                    case '\r' -> q.append("\\r");
                    case '\t' -> q.append("\\t");
                    default -> {
                        if (c < 0x20) {
                            q.append(String.format("\\u%04x", (int) c));
                        } else {
                            q.append(c);
                        }
                    }
                }
            }
            return q.append('"').toString();
        }

        @Override
        public String toString() {
            return sb + "}";
        }

    }
}
