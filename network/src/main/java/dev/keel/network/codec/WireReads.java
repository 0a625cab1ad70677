package dev.keel.network.codec;

import com.esotericsoftware.kryo.io.Input;
import dev.keel.network.codec.DecodeException.Reason;

/**
 * Bounded reads. Every length or count a peer sends is checked against a protocol maximum and
 * against the bytes actually remaining in the frame <em>before</em> anything is allocated, so
 * a 10-byte frame can never make the node allocate a gigabyte (Kryo's own {@code readBytes(n)}
 * allocates {@code n} first and checks afterwards).
 */
final class WireReads {
    private WireReads() {
    }

    static int remaining(Input in) {
        return in.limit() - in.position();
    }

    static byte[] fixed(Input in, int n, String what) {
        if (n > remaining(in)) {
            throw new WireViolation(Reason.TRUNCATED, what + " needs " + n + " bytes, " + remaining(in) + " left");
        }
        return in.readBytes(n);
    }

    /** A length-prefixed byte string of at most {@code max} bytes. */
    static byte[] bytes(Input in, int max, String what) {
        int n = count(in, max, 1, what);
        return in.readBytes(n);
    }

    /**
     * A list length: at most {@code max}, and small enough that {@code n} elements of at least
     * {@code minBytesEach} bytes fit in what remains.
     */
    static int count(Input in, int max, int minBytesEach, String what) {
        int n = in.readVarInt(true);
        if (n < 0 || n > max) {
            throw new WireViolation(Reason.OVER_LIMIT, what + " count " + Integer.toUnsignedString(n) + " above " + max);
        }
        if ((long) n * minBytesEach > remaining(in)) {
            throw new WireViolation(Reason.TRUNCATED, n + " " + what + " cannot fit in " + remaining(in) + " bytes");
        }
        return n;
    }

    /** A non-negative varint-encoded long (rounds, heights, epochs). */
    static long uLong(Input in, String what) {
        long v = in.readVarLong(true);
        if (v < 0) {
            throw new WireViolation(Reason.INVALID_VALUE, "negative " + what);
        }
        return v;
    }

    /** A non-negative varint-encoded int (validator indices, counts the records check). */
    static int uInt(Input in, String what) {
        int v = in.readVarInt(true);
        if (v < 0) {
            throw new WireViolation(Reason.INVALID_VALUE, "negative " + what);
        }
        return v;
    }

    /** Exactly 0 or 1, so every value has one encoding. */
    static boolean flag(Input in, String what) {
        byte b = in.readByte();
        if (b != 0 && b != 1) {
            throw new WireViolation(Reason.INVALID_VALUE, what + " flag " + b);
        }
        return b == 1;
    }
}
