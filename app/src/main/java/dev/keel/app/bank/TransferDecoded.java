package dev.keel.app.bank;

/** What {@link Transfer#decode} makes of some bytes: a transfer, or why they are not one. */
public sealed interface TransferDecoded permits Transfer, TransferDecoded.Malformed {

    /** A typed rejection: the bytes are not a transfer (result code {@code malformed}). */
    record Malformed(String reason) implements TransferDecoded {
        public Malformed {
            if (reason == null || reason.isEmpty()) {
                throw new IllegalArgumentException("a malformed verdict needs a reason");
            }
        }
    }
}
