package dev.keel.network.handshake;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.PublicKey;
import dev.keel.network.RejectReason;
import dev.keel.network.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The handshake state machine, driven directly: who gets in, who is refused, and why. */
class HandshakeTest {
    private static final String CHAIN = "keel-test";
    private final SecureRandom random = new SecureRandom();
    private final List<KeyPair> keys = TestKeys.validators(4);
    private final List<PublicKey> pinned = TestKeys.publicKeys(keys);

    private HandshakeContext ctx(int self) {
        return new HandshakeContext(CHAIN, self, keys.get(self), pinned, TestKeys.ED25519);
    }

    /** Runs a full exchange; returns {initiator session, responder session}. */
    private static Session[] run(Handshake i, Handshake r) throws HandshakeException {
        byte[] authR = r.onPeerHello(i.hello());
        byte[] authI = i.onPeerHello(r.hello());
        Session si = i.onPeerAuth(authR);
        Session sr = r.onPeerAuth(authI);
        return new Session[] {si, sr};
    }

    @Test
    void twoKnownValidatorsEstablishAnEncryptedChannel() throws Exception {
        Session[] s = run(Handshake.initiator(ctx(0), 2, random), Handshake.responder(ctx(2), random));
        assertEquals(2, s[0].peer());
        assertEquals(0, s[1].peer());
        for (int k = 0; k < 3; k++) {
            byte[] msg = ("frame " + k).getBytes(StandardCharsets.UTF_8);
            assertArrayEquals(msg, s[1].open(s[0].seal(msg)));
            assertArrayEquals(msg, s[0].open(s[1].seal(msg)));
        }
    }

    @Test
    void tamperedReplayedOrReorderedFramesFailAuthentication() throws Exception {
        Session[] s = run(Handshake.initiator(ctx(0), 1, random), Handshake.responder(ctx(1), random));
        byte[] f0 = s[0].seal(new byte[] {1, 2, 3});
        byte[] tampered = f0.clone();
        tampered[1] ^= 1;
        assertThrows(TamperedFrameException.class, () -> s[1].open(tampered));

        Session[] t = run(Handshake.initiator(ctx(0), 1, random), Handshake.responder(ctx(1), random));
        t[0].seal(new byte[] {1}); // frame 0 is lost
        byte[] b = t[0].seal(new byte[] {2});
        assertThrows(TamperedFrameException.class, () -> t[1].open(b), "reordered");

        Session[] u = run(Handshake.initiator(ctx(0), 1, random), Handshake.responder(ctx(1), random));
        byte[] c = u[0].seal(new byte[] {1});
        u[1].open(c);
        assertThrows(TamperedFrameException.class, () -> u[1].open(c), "replayed");
        assertThrows(TamperedFrameException.class, () -> u[1].open(new byte[5]), "shorter than a tag");
    }

    @Test
    void sessionKeysDifferPerConnection() throws Exception {
        Session[] one = run(Handshake.initiator(ctx(0), 1, random), Handshake.responder(ctx(1), random));
        Session[] two = run(Handshake.initiator(ctx(0), 1, random), Handshake.responder(ctx(1), random));
        byte[] sealed = one[0].seal(new byte[] {9});
        assertThrows(TamperedFrameException.class, () -> two[1].open(sealed));
    }

    @Test
    void anUnknownKeyIsRejected() {
        // An outsider with its own key claims to be validator 1.
        KeyPair outsider = TestKeys.key(99);
        List<PublicKey> itsView = new ArrayList<>(pinned);
        itsView.set(1, outsider.publicKey());
        var impostor = new HandshakeContext(CHAIN, 1, outsider, itsView, TestKeys.ED25519);
        Handshake r = Handshake.responder(ctx(0), random);
        var e = assertThrows(HandshakeException.class,
                () -> r.onPeerHello(Handshake.initiator(impostor, 0, random).hello()));
        assertEquals(RejectReason.UNKNOWN_KEY, e.reason());
    }

    @Test
    void aPeerClaimingAnothersIndexAndKeyFailsTheSignature() throws Exception {
        // It copies validator 1's public key into its hello but can only sign with its own key.
        KeyPair outsider = TestKeys.key(99);
        KeyPair forged = new KeyPair(outsider.privateKey(), pinned.get(1));
        var impostor = new HandshakeContext(CHAIN, 1, forged, pinned, TestKeys.ED25519);
        Handshake i = Handshake.initiator(impostor, 0, random);
        Handshake r = Handshake.responder(ctx(0), random);
        r.onPeerHello(i.hello());
        byte[] authI = i.onPeerHello(r.hello());
        var e = assertThrows(HandshakeException.class, () -> r.onPeerAuth(authI));
        assertEquals(RejectReason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void aWrongChainIsRejected() {
        var other = new HandshakeContext("other-chain", 1, keys.get(1), pinned, TestKeys.ED25519);
        Handshake r = Handshake.responder(ctx(0), random);
        var e = assertThrows(HandshakeException.class, () -> r.onPeerHello(Handshake.initiator(other, 0, random).hello()));
        assertEquals(RejectReason.WRONG_CHAIN, e.reason());
    }

    @Test
    void anIndexOutsideTheSetIsRejected() {
        List<KeyPair> five = TestKeys.validators(5);
        var outsider = new HandshakeContext(CHAIN, 4, five.get(4), TestKeys.publicKeys(five), TestKeys.ED25519);
        Handshake r = Handshake.responder(ctx(0), random);
        var e = assertThrows(HandshakeException.class,
                () -> r.onPeerHello(Handshake.initiator(outsider, 0, random).hello()));
        assertEquals(RejectReason.UNKNOWN_VALIDATOR, e.reason());
    }

    @Test
    void theInitiatorRejectsAResponderThatIsNotWhomItDialed() {
        Handshake i = Handshake.initiator(ctx(0), 1, random);
        var e = assertThrows(HandshakeException.class, () -> i.onPeerHello(Handshake.responder(ctx(2), random).hello()));
        assertEquals(RejectReason.UNEXPECTED_PEER, e.reason());
    }

    @Test
    void aPeerClaimingOurOwnIndexIsRejected() {
        Handshake r = Handshake.responder(ctx(0), random);
        var e = assertThrows(HandshakeException.class, () -> r.onPeerHello(Handshake.initiator(ctx(0), 1, random).hello()));
        assertEquals(RejectReason.UNEXPECTED_PEER, e.reason());
    }

    @Test
    void aReplayedHandshakeIsRejected() throws Exception {
        // Record a genuine initiator's hello and auth, then replay them to a fresh responder.
        Handshake i = Handshake.initiator(ctx(0), 1, random);
        Handshake r1 = Handshake.responder(ctx(1), random);
        byte[] helloI = i.hello();
        r1.onPeerHello(helloI);
        byte[] authI = i.onPeerHello(r1.hello());
        r1.onPeerAuth(authI);

        Handshake r2 = Handshake.responder(ctx(1), random);
        r2.onPeerHello(helloI);
        var e = assertThrows(HandshakeException.class, () -> r2.onPeerAuth(authI));
        assertEquals(RejectReason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void aReflectedSignatureIsRejected() throws Exception {
        Handshake i = Handshake.initiator(ctx(0), 1, random);
        Handshake r = Handshake.responder(ctx(1), random);
        byte[] authR = r.onPeerHello(i.hello());
        i.onPeerHello(r.hello());
        // Send the responder its own Auth back: same transcript, but signed in the other role and key.
        var e = assertThrows(HandshakeException.class, () -> r.onPeerAuth(authR));
        assertEquals(RejectReason.BAD_SIGNATURE, e.reason());
    }

    @Test
    void aSmallOrderEphemeralKeyIsRejected() {
        Handshake i = Handshake.initiator(ctx(0), 1, random);
        Hello genuine = decode(i.hello());
        Hello zero = new Hello(genuine.version(), genuine.chainId(), genuine.index(), genuine.staticKey(),
                Bytes.wrap(new byte[32]), genuine.nonce());
        var e = assertThrows(HandshakeException.class, () -> Handshake.responder(ctx(1), random).onPeerHello(zero.encode()));
        assertEquals(RejectReason.BAD_KEY_AGREEMENT, e.reason());
    }

    @Test
    void malformedAndOutOfOrderFramesAreRejected() {
        Handshake r = Handshake.responder(ctx(1), random);
        assertEquals(RejectReason.MALFORMED_HANDSHAKE,
                assertThrows(HandshakeException.class, () -> r.onPeerHello(new byte[0])).reason());
        byte[] hello = Handshake.initiator(ctx(0), 1, random).hello();
        for (int len = 0; len < hello.length; len++) {
            byte[] cut = java.util.Arrays.copyOf(hello, len);
            assertThrows(HandshakeException.class, () -> Handshake.responder(ctx(1), random).onPeerHello(cut));
        }
        Handshake fresh = Handshake.responder(ctx(1), random);
        assertEquals(RejectReason.MALFORMED_HANDSHAKE,
                assertThrows(HandshakeException.class, () -> fresh.onPeerAuth(new byte[65])).reason());
    }

    @Test
    void randomHelloBytesOnlyFailTyped() {
        var rnd = new java.util.Random(1);
        for (int k = 0; k < 2000; k++) {
            byte[] junk = new byte[rnd.nextInt(Hello.MAX_BYTES + 8)];
            rnd.nextBytes(junk);
            if (junk.length > 0 && rnd.nextBoolean()) {
                junk[0] = 1;
            }
            assertThrows(HandshakeException.class, () -> Handshake.responder(ctx(1), random).onPeerHello(junk));
        }
    }

    private static Hello decode(byte[] b) {
        try {
            return Hello.decode(b);
        } catch (HandshakeException e) {
            throw new AssertionError(e);
        }
    }
}
