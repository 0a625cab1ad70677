package dev.keel.simulator.byzantine;

import dev.keel.consensus.core.Outbound;
import dev.keel.simulator.node.Behavior;
import dev.keel.simulator.node.SimNode;

/**
 * One of two honest copies sharing a validator key (the Twins approach): each copy behaves
 * correctly, but together they equivocate whenever the network splits them.
 */
public final class Twin implements Behavior {
    @Override
    public String name() {
        return "twin";
    }

    @Override
    public boolean honest() {
        return false;
    }

    @Override
    public void onOutbound(SimNode node, Outbound out) {
        node.world().send(node, out.to(), out.message());
    }
}
