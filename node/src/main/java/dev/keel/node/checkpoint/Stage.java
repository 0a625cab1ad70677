package dev.keel.node.checkpoint;

/**
 * Where one checkpoint is on this node: {@code BUILT} (this node signed it, waiting for a quorum),
 * {@code FORMED} (a quorum signed it), {@code SUBMITTED} (this node has an L1 transaction in
 * flight for it), {@code ANCHORED} (the contract holds it), {@code SETTLED} (and that L1 block is final).
 */
public enum Stage {
    BUILT, FORMED, SUBMITTED, ANCHORED, SETTLED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
