package dev.keel.checkpoint;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * A 65-byte secp256k1 signature laid out as the contract reads it: r (32) || s (32) || v (1),
 * v in {27, 28}. {@link #recover} applies the contract's exact acceptance rules, so a signature
 * this side accepts is one the contract accepts.
 */
public record EthSignature(Bytes bytes) {
    public static final int LENGTH = 65;
    /** secp256k1n / 2: signatures with a larger s are rejected (malleability), as in the contract. */
    static final BigInteger HALF_N = Sign.CURVE_PARAMS.getN().shiftRight(1);

    public EthSignature {
        if (bytes.length() != LENGTH) {
            throw new IllegalArgumentException("a checkpoint signature is 65 bytes (r, s, v), got " + bytes.length());
        }
    }

    /** The signer's address, or empty when the contract would reject this signature outright. */
    public Optional<EthAddress> recover(Hash digest) {
        byte[] b = bytes.unsafeArray();
        byte v = b[64];
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(b, 32, 64));
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(b, 0, 32));
        if ((v != 27 && v != 28) || s.compareTo(HALF_N) > 0 || s.signum() == 0 || r.signum() == 0
                || r.compareTo(Sign.CURVE_PARAMS.getN()) >= 0) {
            return Optional.empty();
        }
        try {
            BigInteger pub = Sign.signedMessageHashToKey(digest.bytes().toArray(),
                    new Sign.SignatureData(v, Arrays.copyOfRange(b, 0, 32), Arrays.copyOfRange(b, 32, 64)));
            return Optional.of(EthAddress.parse(Keys.getAddress(pub)));
        } catch (RuntimeException | java.security.SignatureException notOnCurve) {
            return Optional.empty();
        }
    }
}
