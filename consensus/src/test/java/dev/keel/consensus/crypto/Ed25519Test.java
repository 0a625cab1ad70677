package dev.keel.consensus.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.PublicKey;
import dev.keel.consensus.types.Signature;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ed25519 against RFC 8032 section 7.1 and Keel's one strict validation rule: canonical S,
 * prime-order public keys, and never an exception on peer bytes (all validators must agree
 * on every signature, or honest nodes split).
 */
class Ed25519Test {
    private static final HexFormat HEX = HexFormat.of();
    private static final Ed25519 ED = new Ed25519();
    /** The prime subgroup order L = 2^252 + 27742317777372353535851937790883648493. */
    private static final BigInteger L =
            BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));

    private record Vector(String name, String secret, String publicKey, String message, String signature) {
    }

    private static final Vector TEST_1 = new Vector("TEST 1",
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    private static final Vector TEST_2 = new Vector("TEST 2",
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    private static final Vector TEST_3 = new Vector("TEST 3",
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a");

    private static Vector test1024() throws IOException {
        String message;
        try (InputStream in = Ed25519Test.class.getResourceAsStream("/vectors/rfc8032-test1024-message.hex")) {
            message = new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines()
                    .filter(l -> !l.startsWith("#")).map(String::strip).collect(Collectors.joining());
        }
        return new Vector("TEST 1024",
                "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
                "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
                message,
                "0aab4c900501b3e24d7cdf4663326a3a87df5e4843b2cbdb67cbf6e460fec350aa5371b1508f9f4528ecea23c436d94b5e8fcd4f681e30a6ac00a9704a188a03");
    }

    private static void checkVector(Vector v) {
        KeyPair kp = ED.keyPair(HEX.parseHex(v.secret()));
        byte[] msg = HEX.parseHex(v.message());
        assertEquals(v.publicKey(), kp.publicKey().bytes().toHex(), v.name() + " public key");
        Signature sig = ED.sign(kp.privateKey(), msg);
        assertEquals(v.signature(), sig.bytes().toHex(), v.name() + " signature");
        assertTrue(ED.verify(kp.publicKey(), msg, sig), v.name() + " verifies");
        assertTrue(ED.isValidPublicKey(kp.publicKey()));
    }

    @Test
    void rfc8032Test1EmptyMessage() {
        checkVector(TEST_1);
    }

    @Test
    void rfc8032Test2OneByteMessage() {
        checkVector(TEST_2);
    }

    @Test
    void rfc8032Test3TwoByteMessage() {
        checkVector(TEST_3);
    }

    @Test
    void rfc8032Test1024LongMessage() throws IOException {
        Vector v = test1024();
        assertEquals(1023, HEX.parseHex(v.message()).length);
        checkVector(v);
    }

    @Test
    void everySingleBitFlipOfTheSignatureIsRejected() {
        PublicKey pk = key(TEST_2.publicKey());
        byte[] msg = HEX.parseHex(TEST_2.message());
        byte[] sig = HEX.parseHex(TEST_2.signature());
        for (int bit = 0; bit < 512; bit++) {
            byte[] flipped = sig.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertFalse(ED.verify(pk, msg, new Signature(Bytes.wrap(flipped))), "bit " + bit);
        }
    }

    @Test
    void flippedMessageBitOrOtherKeyIsRejected() {
        Signature sig = new Signature(Bytes.fromHex(TEST_3.signature()));
        byte[] msg = HEX.parseHex(TEST_3.message());
        msg[1] ^= 0x01;
        assertFalse(ED.verify(key(TEST_3.publicKey()), msg, sig));
        assertFalse(ED.verify(key(TEST_2.publicKey()), HEX.parseHex(TEST_3.message()), sig));
    }

    /** Strict rule: S must be below L, or the signature is malleable (S and S + L both verify). */
    @Test
    void nonCanonicalSIsRejected() {
        byte[] sig = HEX.parseHex(TEST_1.signature());
        BigInteger s = littleEndian(sig, 32);
        byte[] malleated = sig.clone();
        writeLittleEndian(s.add(L), malleated, 32);
        assertFalse(ED.verify(key(TEST_1.publicKey()), new byte[0], new Signature(Bytes.wrap(malleated))));
        assertFalse(Ed25519.isCanonicalS(malleated));
        assertTrue(Ed25519.isCanonicalS(sig));
    }

    @Test
    void sEqualToLIsNotCanonicalButLMinusOneIs() {
        byte[] sig = new byte[64];
        writeLittleEndian(L, sig, 32);
        assertFalse(Ed25519.isCanonicalS(sig));
        writeLittleEndian(L.subtract(BigInteger.ONE), sig, 32);
        assertTrue(Ed25519.isCanonicalS(sig));
    }

    /**
     * Small-order keys (identity, order 2, order 4) make a signature verify for many messages,
     * so they are never valid validator keys and never verify anything.
     */
    @ParameterizedTest
    @ValueSource(strings = {
            "0100000000000000000000000000000000000000000000000000000000000000", // identity
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // order 2 (y = -1)
            "0000000000000000000000000000000000000000000000000000000000000000", // order 4 (y = 0)
            "0000000000000000000000000000000000000000000000000000000000000080", // order 4, x sign set
            "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", // order 8
            "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", // y = p: non-canonical
    })
    void smallOrderAndNonCanonicalKeysAreRejected(String hex) {
        PublicKey pk = key(hex);
        assertFalse(ED.isValidPublicKey(pk));
        // With the identity key, R = [S]B makes the cofactorless equation hold for any message:
        // R = B, S = 1 would "verify" everything. It must not.
        byte[] sig = new byte[64];
        System.arraycopy(HEX.parseHex("5866666666666666666666666666666666666666666666666666666666666666"), 0, sig, 0, 32);
        sig[32] = 1;
        assertFalse(ED.verify(pk, "anything".getBytes(StandardCharsets.UTF_8), new Signature(Bytes.wrap(sig))));
        assertFalse(ED.verify(pk, new byte[0], new Signature(Bytes.fromHex(TEST_1.signature()))));
    }

    /**
     * A mixed-order key: TEST 1's key plus the order-2 point (0, -1), i.e. (-x, -y). It decodes
     * to a curve point and is not itself of small order, but it lies outside the prime-order
     * subgroup, so full validation (the strict rule) must reject it.
     */
    @Test
    void mixedOrderKeyOutsideThePrimeSubgroupIsRejected() {
        BigInteger p = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));
        byte[] a = HEX.parseHex(TEST_1.publicKey());
        int sign = (a[31] >> 7) & 1;
        a[31] &= 0x7f;
        byte[] mixed = new byte[32];
        writeLittleEndian(p.subtract(littleEndian(a, 0)), mixed, 0); // y' = p - y
        mixed[31] |= (byte) ((sign ^ 1) << 7);                      // x' = -x flips the sign bit
        assertEquals("16a567fe7d4ef5482ab4012c369bf8c5f11e8d0c2559dcda50fde59708f8aee5", HEX.formatHex(mixed));
        PublicKey pk = new PublicKey(Bytes.wrap(mixed));
        assertFalse(ED.isValidPublicKey(pk));
        assertFalse(ED.verify(pk, new byte[0], new Signature(Bytes.fromHex(TEST_1.signature()))));
    }

    @Test
    void keyPairIsDeterministicAndRejectsWrongSeedLength() {
        byte[] seed = HEX.parseHex(TEST_1.secret());
        assertEquals(ED.keyPair(seed), ED.keyPair(seed.clone()));
        assertThrows(IllegalArgumentException.class, () -> ED.keyPair(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> ED.keyPair(new byte[33]));
    }

    @Test
    void privateKeyNeverPrints() {
        KeyPair kp = ED.keyPair(HEX.parseHex(TEST_1.secret()));
        assertFalse(kp.privateKey().toString().contains("9d61"));
        assertFalse(kp.toString().contains("9d61b1"));
    }

    /** Contract: verify never throws on peer-supplied bytes; random bytes never verify. */
    @Property(tries = 2000)
    void verifyNeverThrowsOnRandomBytes(@ForAll @Size(32) byte[] key, @ForAll @Size(64) byte[] sig,
                                        @ForAll @Size(max = 64) byte[] msg) {
        PublicKey pk = new PublicKey(Bytes.copyOf(key));
        assertFalse(ED.verify(pk, msg, new Signature(Bytes.copyOf(sig))));
        ED.isValidPublicKey(pk); // must not throw either way
    }

    /** Random signatures under a real, valid key: still false, never an exception. */
    @Property(tries = 2000)
    void randomSignatureUnderValidKeyNeverVerifies(@ForAll @Size(64) byte[] sig, @ForAll @Size(max = 64) byte[] msg) {
        assertFalse(ED.verify(key(TEST_1.publicKey()), msg, new Signature(Bytes.copyOf(sig))));
    }

    private static PublicKey key(String hex) {
        return new PublicKey(Bytes.fromHex(hex));
    }

    private static BigInteger littleEndian(byte[] b, int offset) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[i] = b[offset + 31 - i];
        }
        return new BigInteger(1, be);
    }

    private static void writeLittleEndian(BigInteger v, byte[] out, int offset) {
        byte[] be = v.toByteArray(); // big-endian, possibly with a leading sign byte
        for (int i = 0; i < 32; i++) {
            int src = be.length - 1 - i;
            out[offset + i] = src >= 0 ? be[src] : 0;
        }
        if (v.bitLength() > 256) {
            throw new IllegalArgumentException("does not fit 32 bytes");
        }
    }
}
