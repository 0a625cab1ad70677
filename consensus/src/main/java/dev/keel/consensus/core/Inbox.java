package dev.keel.consensus.core;

import dev.keel.consensus.message.BlockRequest;
import dev.keel.consensus.message.BlockResponse;
import dev.keel.consensus.message.CheckpointVote;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.TxBatch;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.verify.Rejection;
import dev.keel.consensus.verify.Verdict;
import java.util.Optional;

/**
 * What a shell does with the gate's verdict on one message — the one mapping both shells
 * (the Pekko actor and the simulator's node) use, so they cannot drift apart.
 */
public final class Inbox {
    private Inbox() {
    }

    /**
     * @param rejected the reason to count, if the message was dropped
     * @param event the event to step the replica with, if any
     * @param serve a block request the shell answers from storage (the core holds no history)
     * @param gossip forwarded client transactions, for the shell's mempool
     * @param checkpointVote a checkpoint signature, for the shell's checkpoint aggregator
     */
    public record Routed(Optional<Rejection> rejected, Optional<Event> event, Optional<BlockRequest> serve,
                         Optional<TxBatch> gossip, Optional<CheckpointVote> checkpointVote) {
    }

    public static Routed route(Verdict verdict, int from) {
        if (verdict instanceof Verdict.Reject r) {
            return new Routed(Optional.of(r.reason()), r.usefulSync().map(s -> new Event.SyncReceived(s, from)),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        Message m = ((Verdict.Accept) verdict).message();
        if (m instanceof BlockRequest req) {
            return new Routed(Optional.empty(), Optional.empty(), Optional.of(req), Optional.empty(), Optional.empty());
        }
        if (m instanceof TxBatch b) {
            return new Routed(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(b), Optional.empty());
        }
        if (m instanceof CheckpointVote v) {
            return new Routed(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(v));
        }
        return new Routed(Optional.empty(), Optional.of(eventFor(m, from)), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    private static Event eventFor(Message m, int from) {
        if (m instanceof Proposal p) {
            return new Event.ProposalReceived(p);
        } else if (m instanceof VoteMsg v) {
            return new Event.VoteReceived(v);
        } else if (m instanceof TimeoutMsg t) {
            return new Event.TimeoutReceived(t);
        } else if (m instanceof BlockResponse r) {
            return new Event.BlocksFetched(r, from);
        }
        throw new AssertionError("unhandled message " + m.getClass());
    }
}
