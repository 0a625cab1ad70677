package dev.keel.simulator.scenario;

import dev.keel.simulator.net.LinkFilter;

/**
 * A {@link Cut} between validators applied to simulation nodes: a node has its validator's
 * links, so the two copies of a twin sit on the same side. Its text is the cut's description,
 * which goes into the trace (and so must be stable).
 */
public final class CutFilter implements LinkFilter {
    private final Cut cut;
    private final int[] validatorOfNode;

    public CutFilter(Cut cut, int[] validatorOfNode) {
        this.cut = cut;
        this.validatorOfNode = validatorOfNode.clone();
    }

    public Cut cut() {
        return cut;
    }

    @Override
    public boolean allows(int fromNode, int toNode, long round) {
        return !cut.isBlocked(validatorOfNode[fromNode], validatorOfNode[toNode]);
    }

    @Override
    public String toString() {
        return cut.description();
    }
}
