package dev.keel.network.handshake;

import dev.keel.consensus.types.Bytes;
import dev.keel.network.RejectReason;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/**
 * Ephemeral X25519 (RFC 7748) through the JDK's XDH provider. A fresh key pair per connection
 * gives forward secrecy: stealing a network key later does not decrypt recorded traffic.
 * Public keys travel as the raw 32-byte little-endian u-coordinate.
 */
final class X25519 {
    /** One connection's ephemeral key pair; the private half never leaves this process. */
    record Ephemeral(PrivateKey privateKey, Bytes publicKey) {
    }

    private X25519() {
    }

    static Ephemeral generate(SecureRandom random) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("X25519");
            g.initialize(NamedParameterSpec.X25519, random);
            KeyPair kp = g.generateKeyPair();
            return new Ephemeral(kp.getPrivate(), Bytes.wrap(encodeU(((XECPublicKey) kp.getPublic()).getU())));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK lacks X25519 (JDK 11+ has it)", e);
        }
    }

    /**
     * The shared secret with the peer's ephemeral public key.
     *
     * @throws HandshakeException if the key is unusable: a small-order point would make the
     *                            secret all zeros, i.e. known to anyone (RFC 7748 §6.1)
     */
    static byte[] agree(PrivateKey own, Bytes peerPublic) throws HandshakeException {
        try {
            var spec = new XECPublicKeySpec(NamedParameterSpec.X25519, decodeU(peerPublic.unsafeArray()));
            KeyAgreement ka = KeyAgreement.getInstance("XDH");
            ka.init(own);
            ka.doPhase(KeyFactory.getInstance("XDH").generatePublic(spec), true);
            byte[] secret = ka.generateSecret();
            if (isAllZero(secret)) {
                throw new HandshakeException(RejectReason.BAD_KEY_AGREEMENT, "all-zero shared secret");
            }
            return secret;
        } catch (GeneralSecurityException | RuntimeException e) {
            // The JDK rejects small-order points itself, with an exception rather than zeros.
            throw new HandshakeException(RejectReason.BAD_KEY_AGREEMENT, String.valueOf(e.getMessage()));
        }
    }

    static byte[] encodeU(BigInteger u) {
        byte[] be = u.toByteArray();
        byte[] le = new byte[32];
        for (int i = 0; i < 32 && i < be.length; i++) {
            le[i] = be[be.length - 1 - i];
        }
        return le;
    }

    static BigInteger decodeU(byte[] le) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = le[31 - i];
        }
        be[0] &= 0x7f; // RFC 7748 §5: the top bit of the u-coordinate is ignored
        return new BigInteger(1, be);
    }

    private static boolean isAllZero(byte[] b) {
        int acc = 0;
        for (byte x : b) {
            acc |= x;
        }
        return acc == 0;
    }
}
