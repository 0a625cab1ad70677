package dev.keel.checkpoint;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;

/**
 * A validator's secp256k1 (Ethereum) key: it signs checkpoints, and on a real L1 it is also the
 * account that pays for submitting them. Distinct from the Ed25519 consensus key on purpose:
 * the L1 only understands ecrecover.
 */
public final class EthKey {
    private final ECKeyPair pair;
    private final EthAddress address;

    private EthKey(ECKeyPair pair) {
        this.pair = pair;
        this.address = EthAddress.parse(Keys.getAddress(pair.getPublicKey()));
    }

    public static EthKey fromPrivate(byte[] privateKey32) {
        if (privateKey32.length != 32) {
            throw new IllegalArgumentException("a secp256k1 private key is 32 bytes, got " + privateKey32.length);
        }
        BigInteger d = new BigInteger(1, privateKey32);
        if (d.signum() == 0 || d.compareTo(Sign.CURVE_PARAMS.getN()) >= 0) {
            throw new IllegalArgumentException("not a valid secp256k1 private key (0 or >= n)");
        }
        return new EthKey(ECKeyPair.create(d));
    }

    public static EthKey fromHex(String hex) {
        String t = hex.strip();
        return fromPrivate(java.util.HexFormat.of().parseHex(t.startsWith("0x") ? t.substring(2) : t));
    }

    public static EthKey generate(SecureRandom random) {
        byte[] d = new byte[32];
        while (true) {
            random.nextBytes(d);
            try {
                return fromPrivate(d);
            } catch (IllegalArgumentException outOfRange) {
                // 0 or >= n: astronomically rare, draw again
            }
        }
    }

    public EthAddress address() {
        return address;
    }

    /** The raw 32-byte private key, for key files only. */
    public byte[] privateKey() {
        return Bytes.wrap(org.web3j.utils.Numeric.toBytesPadded(pair.getPrivateKey(), 32)).toArray();
    }

    /** web3j's view of this key, for signing L1 transactions. */
    public ECKeyPair web3jKeyPair() {
        return pair;
    }

    /** Signs a 32-byte digest as is (no "Ethereum Signed Message" prefix): what ecrecover checks. */
    public EthSignature sign(Hash digest) {
        Sign.SignatureData s = Sign.signMessage(digest.bytes().toArray(), pair, false);
        byte[] out = new byte[65];
        System.arraycopy(s.getR(), 0, out, 0, 32);
        System.arraycopy(s.getS(), 0, out, 32, 32);
        out[64] = s.getV()[0];
        return new EthSignature(Bytes.wrap(out));
    }

    @Override
    public String toString() {
        return "EthKey(" + address + ")";
    }
}
