package dev.keel.simulator.check;

/** A broken invariant: which one, when (virtual micros), and what was seen. */
public record Violation(Kind kind, long atMicros, String detail) {
    public enum Kind {
        /** Two honest replicas committed different blocks at one height. */
        AGREEMENT,
        /** A replica's committed chain did not extend its previous head. */
        CHAIN_GROWTH,
        /** A committed transaction was never submitted, or was committed twice. */
        VALIDITY,
        /** An honest validator signed two different votes or timeouts for one round, or voted backwards. */
        DOUBLE_SIGN,
        /** After the last fault healed, an honest replica did not commit within the bound. */
        LIVENESS
    }

    @Override
    public String toString() {
        return kind + " at " + String.format("%.3fs", atMicros / 1e6) + ": " + detail;
    }
}
