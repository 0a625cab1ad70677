package dev.keel.consensus.port;

import dev.keel.consensus.core.Commit;

/** Told of commits after they are durable: the application, the mempool, metrics. */
public interface CommitListener {
    void onCommit(Commit commit);
}
