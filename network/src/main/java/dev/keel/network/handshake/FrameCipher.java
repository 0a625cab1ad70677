package dev.keel.network.handshake;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One direction of an established session: ChaCha20-Poly1305 (RFC 8439) with a 96-bit nonce of
 * four zero bytes and a 64-bit big-endian frame counter. Each direction has its own key, so the
 * two counters can never produce the same (key, nonce) pair; because the receiver's counter must
 * match the sender's, a replayed, dropped or reordered frame fails authentication like a
 * tampered one, and the link is closed.
 *
 * <p>Not thread-safe: each instance belongs to one connection's stream stage.
 */
public final class FrameCipher {
    public static final int TAG_BYTES = 16;
    private static final String ALGORITHM = "ChaCha20-Poly1305";

    private final SecretKeySpec key;
    private final boolean sealing;
    private final Cipher cipher;
    private long counter;

    private FrameCipher(byte[] key, boolean sealing) {
        this.key = new SecretKeySpec(key, "ChaCha20");
        this.sealing = sealing;
        try {
            this.cipher = Cipher.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks ChaCha20-Poly1305 (JDK 11+ has it)", e);
        }
    }

    static FrameCipher sealing(byte[] key) {
        return new FrameCipher(key, true);
    }

    static FrameCipher opening(byte[] key) {
        return new FrameCipher(key, false);
    }

    /** Encrypts and authenticates one frame: {@code plaintext.length + 16} bytes out. */
    public byte[] seal(byte[] plaintext) {
        if (!sealing) {
            throw new IllegalStateException("an opening cipher cannot seal");
        }
        try {
            cipher.init(Cipher.ENCRYPT_MODE, key, nextNonce());
            return cipher.doFinal(plaintext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing failed", e);
        }
    }

    /** Authenticates and decrypts the next frame from the peer. */
    public byte[] open(byte[] sealed) throws TamperedFrameException {
        if (sealing) {
            throw new IllegalStateException("a sealing cipher cannot open");
        }
        if (sealed.length < TAG_BYTES) {
            throw new TamperedFrameException("frame of " + sealed.length + " bytes is shorter than a tag");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, key, nextNonce());
            return cipher.doFinal(sealed);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TamperedFrameException("frame " + (counter - 1) + " failed authentication");
        }
    }

    private IvParameterSpec nextNonce() {
        if (counter == -1L) {
            // 2^64 frames: unreachable in practice, but a wrapped counter would reuse nonces.
            throw new IllegalStateException("nonce counter exhausted; reconnect");
        }
        long n = counter++;
        byte[] iv = new byte[12];
        for (int i = 0; i < 8; i++) {
            iv[11 - i] = (byte) (n >>> (8 * i));
        }
        return new IvParameterSpec(iv);
    }
}
