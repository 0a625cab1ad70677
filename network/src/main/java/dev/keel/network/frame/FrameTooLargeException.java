package dev.keel.network.frame;

/** A length prefix above the cap. Raised after reading only the 4-byte prefix, before any allocation. */
public final class FrameTooLargeException extends Exception {
    private final long length;

    public FrameTooLargeException(long length, int max) {
        super("frame of " + length + " bytes above the cap of " + max, null, false, false);
        this.length = length;
    }

    public long length() {
        return length;
    }
}
