package dev.keel.node.testnet;

import java.util.Locale;
import java.util.Map;

/**
 * The checkpoint part of the testnet's status line, folded over the nodes' /status answers:
 * the highest anchored and settled heights any node reports (the L1 is shared, so the most
 * advanced node is the truth, and a lagging one shows in its own /status), and how many nodes
 * cannot reach their L1. Immutable; {@link #plus} returns the fold's next value.
 *
 * @param nodes   nodes whose /status had a {@code checkpoints} object with checkpoints enabled
 * @param l1Down  of those, nodes with an L1 configured that their last poll did not reach
 */
record Anchoring(int nodes, long anchoredHeight, long settledHeight, int l1Down) {
    static final Anchoring NONE = new Anchoring(0, 0, 0, 0);

    /** With one more node's /status; a status without checkpoints (an older node or genesis) adds nothing. */
    Anchoring plus(Map<?, ?> status) {
        if (!(status.get("checkpoints") instanceof Map<?, ?> c) || !Boolean.TRUE.equals(c.get("enabled"))) {
            return this;
        }
        boolean down = c.get("l1") instanceof Map<?, ?> l1 && Boolean.TRUE.equals(l1.get("configured"))
                && !Boolean.TRUE.equals(l1.get("reachable"));
        return new Anchoring(nodes + 1, Math.max(anchoredHeight, number(c, "anchored_height")),
                Math.max(settledHeight, number(c, "settled_height")), l1Down + (down ? 1 : 0));
    }

    /** {@code " | anchored 120 settled 100"}, then {@code " | l1 down (2/4)"} if any; empty without checkpoints. */
    String text() {
        if (nodes == 0) {
            return "";
        }
        String s = String.format(Locale.ROOT, " | anchored %d settled %d", anchoredHeight, settledHeight);
        return l1Down == 0 ? s : s + String.format(Locale.ROOT, " | l1 down (%d/%d)", l1Down, nodes);
    }

    private static long number(Map<?, ?> m, String key) {
        return m.get(key) instanceof Number n ? n.longValue() : 0;
    }
}
