package dev.keel.storage.lmdb;

import java.nio.charset.StandardCharsets;

/**
 * Key encodings. Numeric keys are 8-byte big-endian so LMDB's default byte order (memcmp)
 * is numeric order: the last key of {@code heights} is the committed head.
 */
final class Keys {
    private Keys() {
    }

    static byte[] u64(long v) {
        byte[] b = new byte[8];
        for (int i = 7; i >= 0; i--) {
            b[i] = (byte) v;
            v >>>= 8;
        }
        return b;
    }

    static long readU64(byte[] b, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[offset + i] & 0xff);
        }
        return v;
    }

    static byte[] name(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
