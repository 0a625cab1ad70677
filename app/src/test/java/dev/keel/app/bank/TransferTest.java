package dev.keel.app.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.PublicKey;
import dev.keel.consensus.types.Signature;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** The transfer wire format and its signature are client-facing protocol: pin them. */
class TransferTest {
    private static final KeyPair ALICE = BankDemoAccounts.keyPair(0);
    private static final KeyPair BOB = BankDemoAccounts.keyPair(1);

    @Test
    void layoutIsFromToAmountNonceMemoSignature() {
        Bytes tx = Transfer.sign(ALICE, BOB.publicKey(), 0x0102, 0x0A0B, 0);
        byte[] a = tx.toArray();
        assertEquals(Transfer.MIN_BYTES, a.length);
        assertEquals(146, Transfer.MIN_BYTES);
        assertEquals(ALICE.publicKey().bytes(), Bytes.wrap(Arrays.copyOfRange(a, 0, 32)));
        assertEquals(BOB.publicKey().bytes(), Bytes.wrap(Arrays.copyOfRange(a, 32, 64)));
        assertEquals("0000000000000102" + "0000000000000a0b" + "0000", Bytes.wrap(Arrays.copyOfRange(a, 64, 82)).toHex());
        // The signature covers the domain tag and every preceding byte.
        byte[] message = concat("keel/bank/transfer/v1".getBytes(StandardCharsets.UTF_8), Arrays.copyOf(a, 82));
        Signature sig = new Signature(Bytes.wrap(Arrays.copyOfRange(a, 82, 146)));
        assertTrue(Transfer.ED25519.verify(ALICE.publicKey(), message, sig));
    }

    @Test
    void decodeInvertsSignAndEncodeInvertsDecode() {
        Bytes tx = Transfer.sign(ALICE, BOB.publicKey(), 5, 7, 300);
        Transfer t = assertInstanceOf(Transfer.class, Transfer.decode(tx));
        assertEquals(ALICE.publicKey(), t.from());
        assertEquals(BOB.publicKey(), t.to());
        assertEquals(5, t.amount());
        assertEquals(7, t.nonce());
        assertEquals(300 - Transfer.MIN_BYTES, t.memo().length());
        assertEquals(tx, t.encode());
        assertTrue(t.verify(tx));
    }

    @Property(tries = 50)
    void paddingHitsTheRequestedSizeExactly(@ForAll @IntRange(min = Transfer.MIN_BYTES, max = Transfer.MAX_BYTES) int size,
                                            @ForAll @LongRange(min = 1) long amount, @ForAll long nonce) {
        Bytes tx = Transfer.sign(ALICE, BOB.publicKey(), amount, nonce, size);
        assertEquals(size, tx.length());
        Transfer t = assertInstanceOf(Transfer.class, Transfer.decode(tx));
        assertEquals(amount, t.amount());
        assertEquals(nonce, t.nonce());
        assertTrue(t.verify(tx));
    }

    @Test
    void builderRejectsImpossibleSizesAndAmounts() {
        PublicKey bob = BOB.publicKey();
        assertThrows(IllegalArgumentException.class, () -> Transfer.sign(ALICE, bob, 1, 0, Transfer.MIN_BYTES - 1));
        assertThrows(IllegalArgumentException.class, () -> Transfer.sign(ALICE, bob, 1, 0, Transfer.MAX_BYTES + 1));
        assertThrows(IllegalArgumentException.class, () -> Transfer.sign(ALICE, bob, 0, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> Transfer.sign(ALICE, bob, -5, 0, 0));
    }

    @Test
    void malformedBytesDecodeToATypedRejection() {
        byte[] good = Transfer.sign(ALICE, BOB.publicKey(), 1, 0, 160).toArray();
        assertMalformed(new byte[0], "length 0 outside 146..402");
        assertMalformed(Arrays.copyOf(good, good.length - 1), "memo length 14 does not match the transaction length 159");
        assertMalformed(Arrays.copyOf(good, Transfer.MAX_BYTES + 1), "length 403 outside 146..402");
        byte[] zero = good.clone();
        Arrays.fill(zero, 64, 72, (byte) 0);
        assertMalformed(zero, "amount 0 outside 1..2^63-1");
        byte[] huge = good.clone();
        huge[64] = (byte) 0x80; // 2^63 and above do not fit a balance
        assertMalformed(huge, "amount 9223372036854775809 outside 1..2^63-1");
    }

    private static void assertMalformed(byte[] tx, String reason) {
        assertEquals(new TransferDecoded.Malformed(reason), Transfer.decode(Bytes.wrap(tx)));
    }

    @Test
    void aSignatureWithoutTheDomainTagDoesNotVerify() {
        byte[] a = Transfer.sign(ALICE, BOB.publicKey(), 1, 0, 0).toArray();
        Signature bare = Transfer.ED25519.sign(ALICE.privateKey(), Arrays.copyOf(a, 82));
        System.arraycopy(bare.bytes().unsafeArray(), 0, a, 82, 64);
        Bytes tx = Bytes.wrap(a);
        assertFalse(((Transfer) Transfer.decode(tx)).verify(tx));
    }

    @Test
    void recordRejectsBrokenInvariants() {
        Signature sig = new Signature(Bytes.wrap(new byte[64]));
        assertThrows(IllegalArgumentException.class,
                () -> new Transfer(ALICE.publicKey(), BOB.publicKey(), 0, 0, Bytes.EMPTY, sig));
        assertThrows(IllegalArgumentException.class,
                () -> new Transfer(ALICE.publicKey(), BOB.publicKey(), 1, 0, Bytes.wrap(new byte[257]), sig));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
