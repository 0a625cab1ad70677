package dev.keel.consensus.core;

import dev.keel.consensus.message.BlockResponse;
import dev.keel.consensus.message.Proposal;
import dev.keel.consensus.message.TimeoutMsg;
import dev.keel.consensus.message.VoteMsg;
import dev.keel.consensus.types.Payload;
import dev.keel.consensus.types.SyncInfo;

/**
 * Everything that can happen to a replica. Messages arrive here only after the edge
 * ({@code MessageGate}) verified them. Time enters only as data (a proposal's timestamp).
 */
public sealed interface Event {
    /** The replica starts (fresh or recovered): enter the round its certificates justify. */
    record Start() implements Event {
    }

    record ProposalReceived(Proposal proposal) implements Event {
    }

    record VoteReceived(VoteMsg vote) implements Event {
    }

    record TimeoutReceived(TimeoutMsg timeout) implements Event {
    }

    /** Verified sync info ahead of this replica, possibly from a message otherwise dropped. */
    record SyncReceived(SyncInfo sync, int from) implements Event {
    }

    /** The timer set by a {@link TimerRequest} for {@code round} fired. */
    record TimerFired(long round) implements Event {
    }

    /** The payload asked for by a {@link PayloadRequest}. */
    record PayloadReady(long round, Payload payload, long timestampMillis) implements Event {
    }

    record BlocksFetched(BlockResponse response, int from) implements Event {
    }

    /**
     * The shell's link to {@code validator} went down or came back. A round led by an
     * unreachable validator is timed out quickly instead of waiting the full timeout: a
     * timeout is always safe, so a wrong belief costs one round at most.
     */
    record PeerReachability(int validator, boolean reachable) implements Event {
    }
}
