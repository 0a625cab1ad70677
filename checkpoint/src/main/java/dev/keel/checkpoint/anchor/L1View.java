package dev.keel.checkpoint.anchor;

import java.util.List;

/**
 * One reading of the L1: its head, the line below which its blocks count as final, and the
 * contract's checkpoints as this node verified them against its own.
 *
 * @param settleLine     the newest L1 block that is final (by depth or the finalized tag)
 * @param l1Count        checkpoints the contract holds
 * @param anchoredCount  of those, how many from #1 on match this node's checkpoints, without a gap
 * @param anchoredHeight the L2 height the last of them covers (0 if none)
 * @param settledCount   of the anchored ones, how many sit at or below the settle line
 * @param settledHeight  the L2 height the last settled one covers
 * @param conflicts      contract checkpoints whose digest differs from this node's (must stay empty)
 */
public record L1View(long head, long settleLine, long l1Count, long anchoredCount, long anchoredHeight,
                     long settledCount, long settledHeight, List<Anchored> recent, List<Long> conflicts) {
    public L1View {
        recent = List.copyOf(recent);
        conflicts = List.copyOf(conflicts);
    }

    /** A contract checkpoint this node read, with where it landed. */
    public record Anchored(long number, long lastHeight, long l1Block, boolean settled) {
    }
}
