package dev.keel.app.kv;

import dev.keel.consensus.types.Bytes;
import java.util.Arrays;

/**
 * The kv transaction format, its builders and its decoder. A transaction is
 * <pre>
 *   op       1 byte         1 = set, 2 = append, 3 = delete
 *   key_len  u16 big-endian 1..256
 *   key      key_len bytes  any bytes (UTF-8 not required)
 *   value    the rest       at most 64 KiB; must be empty for delete
 * </pre>
 * There is no trailing length or checksum: the value runs to the end of the transaction, so a
 * given (op, key, value) has exactly one encoding.
 */
public final class KvTx {
    public static final byte OP_SET = 1;
    public static final byte OP_APPEND = 2;
    public static final byte OP_DELETE = 3;
    public static final int HEADER_BYTES = 3;
    public static final int MAX_KEY_BYTES = 256;
    public static final int MAX_VALUE_BYTES = 64 * 1024;
    /** A {@link #setOfSize} value starts with the 8-byte uniquifier. */
    public static final int UNIQUIFIER_BYTES = 8;

    private KvTx() {
    }

    public static Bytes set(byte[] key, byte[] value) {
        return encode(OP_SET, key, value);
    }

    public static Bytes append(byte[] key, byte[] value) {
        return encode(OP_APPEND, key, value);
    }

    public static Bytes delete(byte[] key) {
        return encode(OP_DELETE, key, new byte[0]);
    }

    /**
     * A set whose encoding is exactly {@code totalTxBytes} long, for load generators. The value is
     * the big-endian {@code uniquifier} followed by zero padding, so distinct uniquifiers give
     * distinct transactions (and tx hashes).
     *
     * @throws IllegalArgumentException when the key is invalid or no value fits the size
     */
    public static Bytes setOfSize(byte[] key, int totalTxBytes, long uniquifier) {
        requireKey(key.length);
        int valueBytes = totalTxBytes - HEADER_BYTES - key.length;
        if (valueBytes < UNIQUIFIER_BYTES || valueBytes > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("a set with a " + key.length + "-byte key is "
                    + (HEADER_BYTES + key.length + UNIQUIFIER_BYTES) + ".."
                    + (HEADER_BYTES + key.length + MAX_VALUE_BYTES) + " bytes, asked for " + totalTxBytes);
        }
        byte[] value = new byte[valueBytes];
        for (int i = 0; i < UNIQUIFIER_BYTES; i++) {
            value[i] = (byte) (uniquifier >>> (56 - 8 * i));
        }
        return encode(OP_SET, key, value);
    }

    /** Decodes a transaction. Never throws: bad bytes give {@link KvDecoded.Malformed}. */
    public static KvDecoded decode(Bytes tx) {
        byte[] a = tx.unsafeArray();
        String error = formatError(a);
        if (error != null) {
            return new KvDecoded.Malformed(error);
        }
        int keyEnd = HEADER_BYTES + keyLength(a);
        Bytes key = Bytes.wrap(Arrays.copyOfRange(a, HEADER_BYTES, keyEnd));
        return switch (a[0]) {
            case OP_SET -> new KvOp.Set(key, Bytes.wrap(Arrays.copyOfRange(a, keyEnd, a.length)));
            case OP_APPEND -> new KvOp.Append(key, Bytes.wrap(Arrays.copyOfRange(a, keyEnd, a.length)));
            case OP_DELETE -> new KvOp.Delete(key);
            default -> throw new AssertionError("formatError admitted op " + a[0]);
        };
    }

    /**
     * Why {@code tx} is not a well-formed kv transaction, or null if it is. Allocation-free, so
     * the mempool's admission check costs no copies.
     */
    static String formatError(byte[] tx) {
        if (tx.length < HEADER_BYTES) {
            return "shorter than the 3-byte header";
        }
        byte op = tx[0];
        if (op != OP_SET && op != OP_APPEND && op != OP_DELETE) {
            return "unknown op " + (op & 0xff);
        }
        int keyLen = keyLength(tx);
        if (keyLen < 1 || keyLen > MAX_KEY_BYTES) {
            return "key length " + keyLen + " outside 1.." + MAX_KEY_BYTES;
        }
        int valueLen = tx.length - HEADER_BYTES - keyLen;
        if (valueLen < 0) {
            return "key runs past the end";
        }
        if (valueLen > MAX_VALUE_BYTES) {
            return "value of " + valueLen + " bytes exceeds " + MAX_VALUE_BYTES;
        }
        if (op == OP_DELETE && valueLen != 0) {
            return "delete carries a value";
        }
        return null;
    }

    static void requireKey(int length) {
        if (length < 1 || length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("key length " + length + " outside 1.." + MAX_KEY_BYTES);
        }
    }

    static void requireValue(int length) {
        if (length > MAX_VALUE_BYTES) {
            throw new IllegalArgumentException("value of " + length + " bytes exceeds " + MAX_VALUE_BYTES);
        }
    }

    private static int keyLength(byte[] tx) {
        return ((tx[1] & 0xff) << 8) | (tx[2] & 0xff);
    }

    private static Bytes encode(byte op, byte[] key, byte[] value) {
        requireKey(key.length);
        requireValue(value.length);
        byte[] tx = new byte[HEADER_BYTES + key.length + value.length];
        tx[0] = op;
        tx[1] = (byte) (key.length >>> 8);
        tx[2] = (byte) key.length;
        System.arraycopy(key, 0, tx, HEADER_BYTES, key.length);
        System.arraycopy(value, 0, tx, HEADER_BYTES + key.length, value.length);
        return Bytes.wrap(tx);
    }
}
