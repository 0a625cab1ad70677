package dev.keel.network.tcp;

import dev.keel.network.Inbound;
import dev.keel.network.RejectReason;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts every rejection by reason and reports it to the node's {@link Inbound}. Rejections of
 * authenticated peers (or of a peer we dialed) are logged at WARN; those of anonymous connections
 * at DEBUG, since anyone on the network can provoke them at will and must not flood the log.
 */
final class RejectionLog {
    private static final Logger LOG = LoggerFactory.getLogger(RejectionLog.class);

    private final Map<RejectReason, AtomicLong> counts = new EnumMap<>(RejectReason.class);
    private final Inbound inbound;

    RejectionLog(Inbound inbound) {
        this.inbound = inbound;
        for (RejectReason r : RejectReason.values()) {
            counts.put(r, new AtomicLong());
        }
    }

    /** @param peer the validator it is accounted to, or -1 for a connection not (yet) authenticated */
    void record(RejectReason reason, int peer, String detail) {
        counts.get(reason).incrementAndGet();
        if (peer >= 0) {
            LOG.warn("peer rejected peer={} reason={} detail=\"{}\"", peer, reason, detail);
        } else {
            LOG.debug("connection rejected reason={} detail=\"{}\"", reason, detail);
        }
        try {
            inbound.onRejected(peer, reason + ": " + detail);
        } catch (RuntimeException e) {
            LOG.error("Inbound.onRejected failed", e);
        }
    }

    Map<RejectReason, Long> snapshot() {
        Map<RejectReason, Long> out = new EnumMap<>(RejectReason.class);
        counts.forEach((r, n) -> out.put(r, n.get()));
        return Collections.unmodifiableMap(out);
    }
}
