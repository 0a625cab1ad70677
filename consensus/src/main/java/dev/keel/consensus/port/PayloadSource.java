package dev.keel.consensus.port;

import dev.keel.consensus.core.PayloadRequest;

/** The mempool: answers a request later with a {@code PayloadReady} event. */
public interface PayloadSource {
    void request(PayloadRequest request);
}
