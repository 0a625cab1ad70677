package dev.keel.storage.codec;

import dev.keel.consensus.types.Bytes;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Appends big-endian fixed-width integers and raw bytes, then seals the value with a
 * CRC32C trailer. Package-private: only {@link StorageCodec} decides layouts.
 */
final class StorageWriter {
    private byte[] buf;
    private int size;

    StorageWriter(int kind, int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
        u8(kind);
    }

    StorageWriter u8(int v) {
        ensure(1);
        buf[size++] = (byte) v;
        return this;
    }

    StorageWriter bool(boolean v) {
        return u8(v ? 1 : 0);
    }

    StorageWriter u32(int v) {
        if (v < 0) {
            // Counts, lengths and indices are never negative; writing one would be a bug here.
            throw new IllegalArgumentException("negative u32 field: " + v);
        }
        return i32(v);
    }

    StorageWriter i32(int v) {
        ensure(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    StorageWriter i64(long v) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[size++] = (byte) (v >>> shift);
        }
        return this;
    }

    /** A fixed-size field (hash, signature): the reader knows its length. */
    StorageWriter fixed(Bytes b) {
        return raw(b.unsafeArray());
    }

    /** A variable-length field: u32 length, then the bytes. */
    StorageWriter bytes(Bytes b) {
        u32(b.length());
        return raw(b.unsafeArray());
    }

    StorageWriter raw(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, buf, size, b.length);
        size += b.length;
        return this;
    }

    /** The finished value: everything written so far plus its CRC32C. */
    byte[] seal() {
        CRC32C crc = new CRC32C();
        crc.update(buf, 0, size);
        i32((int) crc.getValue());
        return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }

    private void ensure(int extra) {
        if (size + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
        }
    }
}
