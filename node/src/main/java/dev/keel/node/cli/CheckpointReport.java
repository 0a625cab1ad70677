package dev.keel.node.cli;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code keel checkpoint status}'s text: the anchoring summary, then a table of the newest
 * checkpoints, from a {@code GET /v1/checkpoints} body parsed with our JSON parser. Reads
 * leniently (a missing or null field shows as "-"): it is a human's view of whatever version of
 * the node answered, not a validation of it; {@code --json} is there for exactness.
 */
final class CheckpointReport {
    private static final String ROW = "  %8s  %-15s  %-9s  %7s  %9s  %5s  %16s  %15s%n";

    private CheckpointReport() {
    }

    static String text(URI node, Map<?, ?> body) {
        StringBuilder sb = new StringBuilder();
        sb.append("keel checkpoint status: ").append(node).append(System.lineSeparator());
        Map<?, ?> s = body.get("summary") instanceof Map<?, ?> m ? m : Map.of();
        line(sb, "interval", value(s, "interval") + " blocks");
        line(sb, "built / formed", "#" + value(s, "latest_built") + " / #" + value(s, "latest_formed"));
        line(sb, "anchored height", value(s, "anchored_height"));
        line(sb, "settled height", value(s, "settled_height"));
        Map<?, ?> l1 = s.get("l1") instanceof Map<?, ?> m ? m : Map.of();
        line(sb, "l1", l1(l1));
        line(sb, "in-flight tx", l1.get("inflight_tx") instanceof String tx ? tx : "none");
        String conflicts = "conflicts " + value(s, "conflicts") + ", digest mismatches " + value(s, "digest_mismatches");
        // A conflict means the L1 holds a checkpoint this node disagrees with: a fork or a bug, never noise.
        line(sb, "disagreements", isPositive(s.get("conflicts"))
                ? conflicts + "  <- ALERT: the L1 holds checkpoints this node did not sign" : conflicts);
        List<?> checkpoints = body.get("checkpoints") instanceof List<?> l ? l : List.of();
        sb.append(System.lineSeparator());
        if (checkpoints.isEmpty()) {
            sb.append("  no checkpoint built yet").append(System.lineSeparator());
            return sb.toString();
        }
        sb.append(String.format(Locale.ROOT, ROW, "number", "heights", "stage", "sigs", "l1 block", "conf",
                "commit->anchored", "commit->settled"));
        for (Object c : checkpoints) {
            if (c instanceof Map<?, ?> cp) {
                row(sb, cp);
            }
        }
        return sb.toString();
    }

    private static String l1(Map<?, ?> l1) {
        if (!Boolean.TRUE.equals(l1.get("configured"))) {
            return "not configured (checkpoints are signed here but not anchored)";
        }
        String where = "head " + value(l1, "head") + ", contract " + value(l1, "contract") + ", " + value(l1, "url");
        return Boolean.TRUE.equals(l1.get("reachable")) ? "reachable, " + where
                : "UNREACHABLE (" + value(l1, "error") + "), last " + where;
    }

    private static void row(StringBuilder sb, Map<?, ?> c) {
        Map<?, ?> l1 = c.get("l1") instanceof Map<?, ?> m ? m : Map.of();
        sb.append(String.format(Locale.ROOT, ROW, "#" + value(c, "number"),
                value(c, "first_height") + "-" + value(c, "last_height"), value(c, "stage"),
                value(c, "signatures") + "/" + value(c, "threshold"), value(l1, "block"), value(l1, "confirmations"),
                millis(c.get("commit_to_anchored_ms")), millis(c.get("commit_to_settled_ms"))));
    }

    private static void line(StringBuilder sb, String key, String value) {
        sb.append(String.format(Locale.ROOT, "  %-16s %s%n", key, value));
    }

    /** A field as text: numbers plainly, strings as they are, absent or null as "-". */
    private static String value(Map<?, ?> m, String key) {
        Object v = m.get(key);
        if (v instanceof java.math.BigDecimal n) {
            return n.toPlainString();
        }
        return v instanceof String || v instanceof Boolean ? v.toString() : "-";
    }

    private static String millis(Object v) {
        return v instanceof java.math.BigDecimal n ? n.toPlainString() + " ms" : "-";
    }

    private static boolean isPositive(Object v) {
        return v instanceof java.math.BigDecimal n && n.signum() > 0;
    }
}
