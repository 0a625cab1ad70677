package dev.keel.node.checkpoint;

/**
 * How final a committed block (and every transaction in it) is, weakest first:
 * {@code COMMITTED} by the validators' quorum certificate; {@code ANCHORED} once the checkpoint
 * covering it is in the L1 contract; {@code SETTLED} once that L1 block is itself final (by
 * confirmation depth or the L1's finalized tag).
 */
public enum Finality {
    COMMITTED, ANCHORED, SETTLED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
