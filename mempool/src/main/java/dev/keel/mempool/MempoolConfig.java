package dev.keel.mempool;

/**
 * Mempool limits (per validator, from the node config).
 *
 * @param maxTxBytes        largest transaction accepted
 * @param maxTxs            pending transactions held at most
 * @param maxBytes          pending bytes held at most
 * @param ttlMillis         a pending transaction not proposed-and-committed within this is dropped ({@code expired})
 * @param clientShare       fraction of {@code maxTxs} and of {@code maxBytes} one client source may hold
 * @param peerShare         the same for a peer validator's forwarded transactions (source {@code peer:<i>})
 * @param recentCommitted   committed hashes remembered for duplicate detection (beyond it, the node's tx index answers)
 * @param recentDropped     evicted / expired / recheck-failed hashes remembered so clients can learn why
 */
public record MempoolConfig(int maxTxBytes, int maxTxs, long maxBytes, long ttlMillis, double clientShare,
                            double peerShare, int recentCommitted, int recentDropped) {
    public static final MempoolConfig DEFAULT =
            new MempoolConfig(64 * 1024, 200_000, 256L << 20, 600_000, 0.25, 0.5, 500_000, 100_000);

    /** Sources starting with this are peer validators forwarding their clients' transactions. */
    public static final String PEER_PREFIX = "peer:";

    public MempoolConfig {
        if (maxTxBytes < 1 || maxTxs < 1 || maxBytes < maxTxBytes || ttlMillis < 1 || recentCommitted < 0
                || recentDropped < 0 || !(clientShare > 0 && clientShare <= 1) || !(peerShare > 0 && peerShare <= 1)) {
            // Built from the parameters: in a compact constructor the fields are not assigned yet,
            // so toString() would print zeros.
            throw new IllegalArgumentException("bad mempool limits: maxTxBytes=" + maxTxBytes + " maxTxs=" + maxTxs
                    + " maxBytes=" + maxBytes + " ttlMillis=" + ttlMillis + " clientShare=" + clientShare
                    + " peerShare=" + peerShare + " recentCommitted=" + recentCommitted
                    + " recentDropped=" + recentDropped);
        }
    }

    /** The fraction of the pool {@code source} may hold: {@link #peerShare} for peers, else {@link #clientShare}. */
    public double share(String source) {
        return source.startsWith(PEER_PREFIX) ? peerShare : clientShare;
    }

    /** Pending transactions {@code source} may hold; at least one, so a tiny share still admits something. */
    public int maxTxsPerSource(String source) {
        return (int) Math.max(1, Math.floor(share(source) * maxTxs));
    }

    /** Pending bytes {@code source} may hold; at least one largest transaction, for the same reason. */
    public long maxBytesPerSource(String source) {
        return Math.max(maxTxBytes, (long) Math.floor(share(source) * maxBytes));
    }
}
