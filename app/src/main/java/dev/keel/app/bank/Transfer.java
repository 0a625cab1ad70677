package dev.keel.app.bank;

import dev.keel.consensus.crypto.Ed25519;
import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.PublicKey;
import dev.keel.consensus.types.Signature;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bank's one transaction: move {@code amount} from {@code from} to {@code to}. Encoding:
 * <pre>
 *   from       32 bytes   Ed25519 public key of the payer
 *   to         32 bytes   public key of the payee (a new key opens an account)
 *   amount     u64 BE     1..2^63-1 (balances are signed longs; larger is malformed)
 *   nonce      u64 BE     any value
 *   memo_len   u16 BE     0..256
 *   memo       memo_len bytes, opaque (lets a load generator pad a transfer to a size)
 *   signature  64 bytes   Ed25519 over "keel/bank/transfer/v1" || every preceding byte
 * </pre>
 * The domain tag keeps a transfer signature from ever verifying as anything else signed with
 * the same key (DESIGN.md: domain separation).
 *
 * <p>Replay: the engine guarantees a committed transaction (by hash, which covers every byte
 * including the signature) is never executed twice, so the bank keeps no per-account sequence
 * number. The nonce exists only to make otherwise identical transfers distinct transactions:
 * paying the same amount to the same payee twice needs two different nonces.
 */
public record Transfer(PublicKey from, PublicKey to, long amount, long nonce, Bytes memo, Signature signature)
        implements TransferDecoded {
    public static final String DOMAIN = "keel/bank/transfer/v1";
    public static final int MAX_MEMO_BYTES = 256;
    public static final int MIN_BYTES = 32 + 32 + 8 + 8 + 2 + Signature.LENGTH;
    public static final int MAX_BYTES = MIN_BYTES + MAX_MEMO_BYTES;
    private static final int AMOUNT_AT = 64;
    private static final int NONCE_AT = 72;
    private static final int MEMO_LEN_AT = 80;
    private static final int MEMO_AT = 82;
    private static final byte[] DOMAIN_BYTES = DOMAIN.getBytes(StandardCharsets.UTF_8);
    /** Thread-safe; its cache of decoded keys is shared by every bank on this JVM. */
    static final Ed25519 ED25519 = new Ed25519();

    public Transfer {
        if (from == null || to == null || memo == null || signature == null) {
            throw new IllegalArgumentException("transfer fields are required");
        }
        if (amount <= 0) {
            throw new IllegalArgumentException("amount " + Long.toUnsignedString(amount) + " outside 1..2^63-1");
        }
        if (memo.length() > MAX_MEMO_BYTES) {
            throw new IllegalArgumentException("memo of " + memo.length() + " bytes exceeds " + MAX_MEMO_BYTES);
        }
    }

    /**
     * A signed transfer from {@code from}'s key. {@code padToBytes} 0 means no memo; otherwise a
     * zero memo pads the transaction to exactly that many bytes ({@value #MIN_BYTES}..{@value #MAX_BYTES}).
     *
     * @throws IllegalArgumentException for a non-positive amount or an impossible size
     */
    public static Bytes sign(KeyPair from, PublicKey to, long amount, long nonce, int padToBytes) {
        if (padToBytes != 0 && (padToBytes < MIN_BYTES || padToBytes > MAX_BYTES)) {
            throw new IllegalArgumentException("a transfer is " + MIN_BYTES + ".." + MAX_BYTES
                    + " bytes, asked for " + padToBytes);
        }
        int memoBytes = padToBytes == 0 ? 0 : padToBytes - MIN_BYTES;
        byte[] body = body(from.publicKey(), to, amount, nonce, Bytes.wrap(new byte[memoBytes]));
        Signature sig = ED25519.sign(from.privateKey(), signingMessage(body, body.length));
        return Bytes.wrap(concat(body, sig.bytes().unsafeArray()));
    }

    public Bytes encode() {
        return Bytes.wrap(concat(body(from, to, amount, nonce, memo), signature.bytes().unsafeArray()));
    }

    /** Decodes a transfer. Never throws: bad bytes give {@link TransferDecoded.Malformed}. */
    public static TransferDecoded decode(Bytes tx) {
        byte[] a = tx.unsafeArray();
        if (a.length < MIN_BYTES || a.length > MAX_BYTES) {
            return new Malformed("length " + a.length + " outside " + MIN_BYTES + ".." + MAX_BYTES);
        }
        int memoLen = ((a[MEMO_LEN_AT] & 0xff) << 8) | (a[MEMO_LEN_AT + 1] & 0xff);
        if (a.length != MIN_BYTES + memoLen) {
            return new Malformed("memo length " + memoLen + " does not match the transaction length " + a.length);
        }
        long amount = readLong(a, AMOUNT_AT);
        if (amount <= 0) {
            return new Malformed("amount " + Long.toUnsignedString(amount) + " outside 1..2^63-1");
        }
        return new Transfer(
                new PublicKey(Bytes.wrap(Arrays.copyOfRange(a, 0, 32))),
                new PublicKey(Bytes.wrap(Arrays.copyOfRange(a, 32, 64))),
                amount,
                readLong(a, NONCE_AT),
                Bytes.wrap(Arrays.copyOfRange(a, MEMO_AT, MEMO_AT + memoLen)),
                new Signature(Bytes.wrap(Arrays.copyOfRange(a, a.length - Signature.LENGTH, a.length))));
    }

    /**
     * Whether {@code tx}, which decoded to this transfer, carries {@code from}'s signature. Uses
     * the received bytes rather than re-encoding: decoding is strict, so they are the same.
     */
    boolean verify(Bytes tx) {
        byte[] a = tx.unsafeArray();
        return ED25519.verify(from, signingMessage(a, a.length - Signature.LENGTH), signature);
    }

    private static byte[] signingMessage(byte[] body, int bodyLength) {
        byte[] m = new byte[DOMAIN_BYTES.length + bodyLength];
        System.arraycopy(DOMAIN_BYTES, 0, m, 0, DOMAIN_BYTES.length);
        System.arraycopy(body, 0, m, DOMAIN_BYTES.length, bodyLength);
        return m;
    }

    private static byte[] body(PublicKey from, PublicKey to, long amount, long nonce, Bytes memo) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount " + amount + " must be positive");
        }
        byte[] b = new byte[MEMO_AT + memo.length()];
        System.arraycopy(from.bytes().unsafeArray(), 0, b, 0, 32);
        System.arraycopy(to.bytes().unsafeArray(), 0, b, 32, 32);
        writeLong(b, AMOUNT_AT, amount);
        writeLong(b, NONCE_AT, nonce);
        b[MEMO_LEN_AT] = (byte) (memo.length() >>> 8);
        b[MEMO_LEN_AT + 1] = (byte) memo.length();
        System.arraycopy(memo.unsafeArray(), 0, b, MEMO_AT, memo.length());
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static long readLong(byte[] a, int at) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (a[at + i] & 0xff);
        }
        return v;
    }

    private static void writeLong(byte[] a, int at, long v) {
        for (int i = 0; i < 8; i++) {
            a[at + i] = (byte) (v >>> (56 - 8 * i));
        }
    }
}
