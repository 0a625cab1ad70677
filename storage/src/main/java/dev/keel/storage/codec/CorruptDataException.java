package dev.keel.storage.codec;

/**
 * Stored bytes that do not decode: truncated, bit-flipped, of the wrong kind, or decoding
 * to values the protocol types reject. Checked, because every caller must decide what a
 * corrupt record means for it (the LMDB store turns it into a CORRUPTED storage error).
 */
public final class CorruptDataException extends Exception {
    public CorruptDataException(String message) {
        super(message);
    }

    public CorruptDataException(String message, Throwable cause) {
        super(message, cause);
    }
}
