package dev.keel.storage.codec;

import dev.keel.consensus.types.Bytes;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Reads a value written by {@link StorageWriter}. The constructor checks the CRC32C and the
 * kind tag before anything is parsed, so field readers only ever see bytes that were
 * written whole; they still check every length against what remains (defence in depth,
 * and so a length can never trigger an allocation larger than the value itself).
 */
final class StorageReader {
    private static final int TRAILER = 4;

    private final byte[] buf;
    private final int end;
    private int pos;

    StorageReader(byte[] value, int expectedKind, String what) throws CorruptDataException {
        if (value.length < 1 + TRAILER) {
            throw new CorruptDataException(what + ": " + value.length + " bytes is too short to be a stored value");
        }
        this.buf = value;
        this.end = value.length - TRAILER;
        CRC32C crc = new CRC32C();
        crc.update(value, 0, end);
        int stored = readInt(end);
        if ((int) crc.getValue() != stored) {
            throw new CorruptDataException(what + ": checksum mismatch (bytes changed or truncated)");
        }
        int kind = value[0] & 0xff;
        if (kind != expectedKind) {
            throw new CorruptDataException(what + ": stored kind " + kind + ", expected " + expectedKind);
        }
        pos = 1;
    }

    int u8() throws CorruptDataException {
        need(1);
        return buf[pos++] & 0xff;
    }

    boolean bool() throws CorruptDataException {
        int b = u8();
        if (b > 1) {
            throw new CorruptDataException("boolean byte " + b + " at offset " + (pos - 1));
        }
        return b == 1;
    }

    int i32() throws CorruptDataException {
        need(4);
        int v = readInt(pos);
        pos += 4;
        return v;
    }

    /** A count or length: non-negative, and at most what the remaining bytes can hold. */
    int count(int minBytesEach) throws CorruptDataException {
        int n = i32();
        if (n < 0 || (long) n * minBytesEach > end - pos) {
            throw new CorruptDataException("count " + n + " exceeds the " + (end - pos) + " bytes left");
        }
        return n;
    }

    long i64() throws CorruptDataException {
        need(8);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xff);
        }
        return v;
    }

    Bytes fixed(int length) throws CorruptDataException {
        need(length);
        Bytes b = Bytes.wrap(Arrays.copyOfRange(buf, pos, pos + length));
        pos += length;
        return b;
    }

    Bytes bytes() throws CorruptDataException {
        return fixed(count(1));
    }

    /** Fails unless every byte was consumed: trailing garbage means a different layout. */
    void finish() throws CorruptDataException {
        if (pos != end) {
            throw new CorruptDataException((end - pos) + " unexpected trailing bytes");
        }
    }

    private void need(int n) throws CorruptDataException {
        if (n > end - pos) {
            throw new CorruptDataException("needs " + n + " bytes at offset " + pos + ", only " + (end - pos) + " left");
        }
    }

    private int readInt(int at) {
        return ((buf[at] & 0xff) << 24) | ((buf[at + 1] & 0xff) << 16) | ((buf[at + 2] & 0xff) << 8) | (buf[at + 3] & 0xff);
    }
}
