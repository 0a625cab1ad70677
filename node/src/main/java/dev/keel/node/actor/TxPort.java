package dev.keel.node.actor;

import dev.keel.consensus.core.Commit;
import dev.keel.consensus.core.PayloadRequest;
import dev.keel.consensus.message.TxBatch;
import dev.keel.consensus.types.Payload;
import java.util.Optional;

/** What the consensus actor needs from the transaction side (mempool, execution). All calls are quick. */
public interface TxPort {
    /**
     * Transactions for the block {@code request} asks for; empty when there is nothing to propose
     * and {@code force} is false (the actor then waits for transactions or a deadline).
     */
    Optional<Payload> payload(PayloadRequest request, boolean force);

    /** Blocks just became final (durable): drop their transactions from the mempool, start execution. */
    void onCommitted(Commit commit);

    /** Transactions a peer forwarded; admitted off the consensus thread. */
    void onGossip(int fromValidator, TxBatch batch);

    /** Runs {@code wake} once, on some thread, as soon as a new transaction is admitted (or at once if any is pending). */
    void wakeOnArrival(Runnable wake);
}
