package dev.keel.network;

/**
 * Why the transport dropped a connection. Every rejection is counted by reason (and, once the
 * peer is authenticated, against that peer) and reported to {@link Inbound#onRejected}; none
 * of them is an exception that escapes the transport.
 */
public enum RejectReason {
    /** A handshake message that does not parse, or arrives out of order. */
    MALFORMED_HANDSHAKE,
    /** The peer speaks another protocol version. */
    WRONG_VERSION,
    /** The peer belongs to another chain (testnet vs mainnet, another L2). */
    WRONG_CHAIN,
    /** The claimed validator index is not in the genesis validator set. */
    UNKNOWN_VALIDATOR,
    /** The presented network key is not the one pinned for the claimed index. */
    UNKNOWN_KEY,
    /** The peer claims our own index, or not the index we dialed. */
    UNEXPECTED_PEER,
    /** The transcript signature does not verify with the pinned key (impostor or replay). */
    BAD_SIGNATURE,
    /** The ephemeral key is unusable (e.g. a small-order point giving an all-zero secret). */
    BAD_KEY_AGREEMENT,
    /** The handshake did not finish in time. */
    HANDSHAKE_TIMEOUT,
    /** A length prefix above the cap (checked before anything is allocated). */
    OVERSIZED_FRAME,
    /** A sealed frame failed authentication: tampered, replayed, reordered or forged. */
    TAMPERED_FRAME,
    /** An authenticated frame whose plaintext is not a valid message. */
    UNDECODABLE,
    /** Too many inbound connections open at once. */
    TOO_MANY_CONNECTIONS
}
