package dev.keel.consensus.message;

import dev.keel.consensus.types.SyncInfo;
import dev.keel.consensus.types.Timeout;

/** A signed timeout, broadcast to every validator. */
public record TimeoutMsg(Timeout timeout, SyncInfo sync) implements Message {
    @Override
    public long round() {
        return timeout.round();
    }
}
