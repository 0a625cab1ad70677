package dev.keel.app.kv;

/** What {@link KvTx#decode} makes of some bytes: one operation, or why they are not one. */
public sealed interface KvDecoded permits KvOp, KvDecoded.Malformed {

    /** A typed rejection: the bytes are not a kv transaction (result code {@code malformed}). */
    record Malformed(String reason) implements KvDecoded {
        public Malformed {
            if (reason == null || reason.isEmpty()) {
                throw new IllegalArgumentException("a malformed verdict needs a reason");
            }
        }
    }
}
