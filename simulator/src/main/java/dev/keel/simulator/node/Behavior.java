package dev.keel.simulator.node;

import dev.keel.consensus.core.Outbound;
import dev.keel.consensus.message.Message;

/**
 * How a node treats what its replica wants to send, and what it sees arriving. Honest nodes
 * send as told; byzantine behaviors wrap an honest replica and lie on the wire, as in the
 * Twins approach (correct code, malicious I/O).
 */
public interface Behavior {
    String name();

    boolean honest();

    void onOutbound(SimNode node, Outbound out);

    /** Sees every message delivered to the node, before the gate. */
    default void onInbound(SimNode node, Message m, int from) {
    }

    Behavior HONEST = new Behavior() {
        @Override
        public String name() {
            return "honest";
        }

        @Override
        public boolean honest() {
            return true;
        }

        @Override
        public void onOutbound(SimNode node, Outbound out) {
            node.world().send(node, out.to(), out.message());
        }
    };
}
