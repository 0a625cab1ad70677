package dev.keel.simulator.node;

import dev.keel.consensus.core.Recipient;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.Vote;
import dev.keel.simulator.EventQueue;
import dev.keel.simulator.Trace;
import java.util.SplittableRandom;

/** What a simulated node sees of the simulation around it. */
public interface World {
    EventQueue queue();

    SplittableRandom random();

    Trace trace();

    /** Sends through the simulated network (delay, loss, partitions apply). */
    void send(SimNode from, Recipient to, Message m);

    /** An honest node signed and is about to persist or send this vote (for the signing checker). */
    void signedVote(SimNode node, Vote vote);

    void signedTimeout(SimNode node, Timeout timeout);

    /** The node's application applied these committed blocks, oldest first. */
    void committed(SimNode node, java.util.List<dev.keel.consensus.types.Block> blocks);

    /**
     * The adversary's control of the network before GST (partial synchrony): drop whatever
     * {@code validator} sends for {@code micros}. Has no effect once the network healed.
     */
    void silence(int validator, long micros);

    /** A node crashed at a persistence point: schedule its restart. */
    void crashedAt(SimNode node);
}
