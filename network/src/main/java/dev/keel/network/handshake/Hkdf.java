package dev.keel.network.handshake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF-SHA256 (RFC 5869) on the JDK's HMAC, limited to what the handshake needs: one extract and
 * 32-byte expands. Turns the raw X25519 secret (not uniformly random) into independent keys.
 */
final class Hkdf {
    private Hkdf() {
    }

    static byte[] extract(byte[] salt, byte[] inputKeyMaterial) {
        return hmac(salt, inputKeyMaterial);
    }

    /** The first output block, {@code T(1) = HMAC(prk, info || 0x01)}: exactly 32 bytes. */
    static byte[] expand32(byte[] prk, String info) {
        byte[] label = info.getBytes(StandardCharsets.UTF_8);
        byte[] in = new byte[label.length + 1];
        System.arraycopy(label, 0, in, 0, label.length);
        in[label.length] = 1;
        return hmac(prk, in);
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK ships HmacSHA256", e);
        }
    }
}
