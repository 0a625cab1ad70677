package dev.keel.consensus.codec;

import dev.keel.consensus.types.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Appends primitives in the canonical form: integers big-endian and fixed-width, variable
 * byte strings and lists prefixed by a u32 count. One value has exactly one encoding.
 */
public final class CanonicalWriter {
    private byte[] buf;
    private int size;

    public CanonicalWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    public CanonicalWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    public CanonicalWriter u32(long v) {
        if (v < 0 || v > 0xffff_ffffL) {
            throw new IllegalArgumentException("u32 out of range: " + v);
        }
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    public CanonicalWriter u64(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("u64 field is negative: " + v);
        }
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    /** Raw bytes of a fixed-size field (hash, key, signature): no length prefix. */
    public CanonicalWriter fixed(Bytes b) {
        return raw(b.unsafeArray());
    }

    /** A variable-length byte string: u32 length, then the bytes. */
    public CanonicalWriter bytes(Bytes b) {
        u32(b.length());
        return raw(b.unsafeArray());
    }

    public CanonicalWriter string(String s) {
        return bytes(Bytes.wrap(s.getBytes(StandardCharsets.UTF_8)));
    }

    public CanonicalWriter raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }
}
