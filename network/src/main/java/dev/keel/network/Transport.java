package dev.keel.network;

import dev.keel.consensus.message.Message;
import java.util.Map;

/**
 * Validator-to-validator transport. Fire and forget: delivery is not guaranteed (the
 * protocol tolerates loss); each peer has a bounded outbound queue, and what does not fit
 * is dropped and counted rather than buffered without bound. Links reconnect with backoff.
 * {@link #send} and {@link #broadcast} never block and never throw for network reasons.
 */
public interface Transport extends AutoCloseable {
    /** To one validator. To ourselves, or to an index outside the validator set: nothing happens. */
    void send(int validator, Message message);

    /** To every validator except this one. */
    void broadcast(Message message);

    /** Validators with an authenticated link up right now. */
    int connectedPeers();

    /** Per-peer counters (bytes in/out, messages in/out, drops, rejections, connected), by validator index. */
    Map<Integer, PeerStats> stats();

    /** Stops accepting, closes every link; sends afterwards are ignored. Idempotent. */
    @Override
    void close();
}
