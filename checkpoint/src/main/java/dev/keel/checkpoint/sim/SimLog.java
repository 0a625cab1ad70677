package dev.keel.checkpoint.sim;

import dev.keel.checkpoint.EthAddress;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.List;

/** An event a transaction emitted; block, transaction and index come from where it sits. */
public record SimLog(EthAddress address, List<Hash> topics, Bytes data) {
    public SimLog {
        topics = List.copyOf(topics);
        if (topics.size() > 4) {
            throw new IllegalArgumentException("a log has at most 4 topics, got " + topics.size());
        }
    }
}
