package dev.keel.consensus.verify;

import dev.keel.consensus.message.Message;
import dev.keel.consensus.types.SyncInfo;
import java.util.Optional;

/**
 * The gate's answer for one message. Even a rejected message may carry verified sync info
 * that moves this replica forward (a far-future vote still proves its QC), so both kinds
 * keep it: a lagging replica catches up from messages it cannot otherwise use.
 */
public sealed interface Verdict permits Verdict.Accept, Verdict.Reject {
    Optional<SyncInfo> usefulSync();

    record Accept(Message message, Optional<SyncInfo> usefulSync) implements Verdict {
    }

    record Reject(Rejection reason, Optional<SyncInfo> usefulSync) implements Verdict {
    }
}
