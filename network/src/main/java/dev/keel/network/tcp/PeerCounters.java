package dev.keel.network.tcp;

import dev.keel.network.PeerStats;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Live counters of one peer, updated from stream threads and the sender's thread, read by {@link #snapshot()}. */
final class PeerCounters {
    final int validator;
    final AtomicBoolean connected = new AtomicBoolean();
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();
    final AtomicLong messagesIn = new AtomicLong();
    final AtomicLong messagesOut = new AtomicLong();
    final AtomicLong dropped = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong reconnects = new AtomicLong();

    PeerCounters(int validator) {
        this.validator = validator;
    }

    PeerStats snapshot() {
        return new PeerStats(validator, connected.get(), bytesIn.get(), bytesOut.get(), messagesIn.get(),
                messagesOut.get(), dropped.get(), rejected.get(), reconnects.get());
    }
}
