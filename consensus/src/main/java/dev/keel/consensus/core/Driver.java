package dev.keel.consensus.core;

import dev.keel.consensus.port.BlockStore;
import dev.keel.consensus.port.CommitListener;
import dev.keel.consensus.port.Outbox;
import dev.keel.consensus.port.PayloadSource;
import dev.keel.consensus.port.SafetyStore;
import dev.keel.consensus.port.Timers;

/**
 * Applies an {@link Actions} batch through the ports in the order its contract fixes. The
 * one place the ordering rule is written: both the Pekko actor and the simulator use it.
 * If a port throws (an I/O failure, or a simulated crash) nothing after it is applied —
 * in particular no message leaves when the safety record could not be saved.
 */
public final class Driver {
    /** The ports one replica's actions go through. */
    public record Ports(SafetyStore safety, BlockStore blocks, Outbox outbox, CommitListener commits,
                        PayloadSource payloads, Timers timers) {
    }

    private final Ports ports;

    public Driver(Ports ports) {
        this.ports = ports;
    }

    public void apply(Actions a) {
        a.qcs().forEach(ports.blocks()::saveQc);
        a.tcs().forEach(ports.blocks()::saveTc);
        a.safety().ifPresent(ports.safety()::saveSafety);
        a.blocks().forEach(ports.blocks()::saveBlock);
        a.messages().forEach(ports.outbox()::send);
        for (Commit c : a.commits()) {
            ports.blocks().commit(c);
            ports.commits().onCommit(c);
        }
        a.payload().ifPresent(ports.payloads()::request);
        a.timer().ifPresent(ports.timers()::set);
    }
}
