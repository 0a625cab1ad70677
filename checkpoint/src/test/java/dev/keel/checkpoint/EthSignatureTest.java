package dev.keel.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/** EthSignature.recover: round trips, and the contract's rejections (high s, bad v, zero r/s). */
class EthSignatureTest {
    private static final EthKey KEY = EthKey.fromHex("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
    private static final Hash DIGEST = new Hash(Bytes.wrap(Keccak.hash("digest")));

    @Property(tries = 100)
    void signThenRecoverGivesTheSigner(@ForAll @Size(32) byte[] secret, @ForAll @Size(32) byte[] digest) {
        EthKey key = EthKey.fromPrivate(Keccak.hash(secret)); // hashed: any 32 bytes become a valid scalar
        Hash d = new Hash(Bytes.wrap(digest));
        EthSignature sig = key.sign(d);
        assertEquals(Optional.of(key.address()), sig.recover(d));
        int v = sig.bytes().get(64);
        assertTrue(v == 27 || v == 28, "v is 27 or 28, got " + v);
        assertTrue(new BigInteger(1, Arrays.copyOfRange(sig.bytes().toArray(), 32, 64)).compareTo(EthSignature.HALF_N) <= 0,
                "signing produces low s");
    }

    @Test
    void knownAddress() {
        assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", KEY.address().hex());
    }

    @Test
    void otherDigestRecoversSomeoneElse() {
        EthSignature sig = KEY.sign(DIGEST);
        Hash other = new Hash(Bytes.wrap(Keccak.hash("other")));
        Optional<EthAddress> got = sig.recover(other);
        assertTrue(got.isPresent());
        assertNotEquals(KEY.address(), got.get());
    }

    /** The (r, n - s, v^1) twin is valid plain ECDSA for the same key, and still refused. */
    @Test
    void highSTwinRejected() throws Exception {
        byte[] b = KEY.sign(DIGEST).bytes().toArray();
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(b, 32, 64));
        System.arraycopy(Numeric.toBytesPadded(Sign.CURVE_PARAMS.getN().subtract(s), 32), 0, b, 32, 32);
        b[64] = (byte) (b[64] == 27 ? 28 : 27);
        BigInteger pub = Sign.signedMessageHashToKey(DIGEST.bytes().toArray(),
                new Sign.SignatureData(b[64], Arrays.copyOfRange(b, 0, 32), Arrays.copyOfRange(b, 32, 64)));
        assertEquals(KEY.address(), EthAddress.parse(Keys.getAddress(pub)), "the twin is a genuine signature");
        assertEquals(Optional.empty(), new EthSignature(Bytes.wrap(b)).recover(DIGEST));
    }

    @Test
    void badVRejected() {
        byte[] b = KEY.sign(DIGEST).bytes().toArray();
        for (int v : new int[] {0, 1, 26, 29, 35, 255}) {
            b[64] = (byte) v;
            assertEquals(Optional.empty(), new EthSignature(Bytes.wrap(b.clone())).recover(DIGEST), "v=" + v);
        }
    }

    @Test
    void zeroROrSRejected() {
        byte[] b = KEY.sign(DIGEST).bytes().toArray();
        byte[] zeroR = b.clone();
        Arrays.fill(zeroR, 0, 32, (byte) 0);
        byte[] zeroS = b.clone();
        Arrays.fill(zeroS, 32, 64, (byte) 0);
        assertEquals(Optional.empty(), new EthSignature(Bytes.wrap(zeroR)).recover(DIGEST));
        assertEquals(Optional.empty(), new EthSignature(Bytes.wrap(zeroS)).recover(DIGEST));
    }

    @Test
    void wrongLengthRejected() {
        assertThrows(IllegalArgumentException.class, () -> new EthSignature(Bytes.wrap(new byte[64])));
        assertThrows(IllegalArgumentException.class, () -> new EthSignature(Bytes.wrap(new byte[66])));
    }
}
