package dev.keel.network.handshake;

import dev.keel.consensus.crypto.Sha256;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.PublicKey;
import dev.keel.consensus.types.Signature;
import dev.keel.network.RejectReason;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * The authenticated key exchange for one connection, a signed Diffie-Hellman in the spirit of
 * STS / SIGMA (and of TLS 1.3's CertificateVerify). A pure state machine over byte frames: the
 * stream stage feeds it frames and sends what it returns; tests drive it directly.
 *
 * <pre>
 *   both sides:   Hello{version, chain id, index, static key, ephemeral X25519 key, nonce}
 *   both sides:   Auth{Ed25519 signature by the static key over (role, hash(hello_I, hello_R))}
 *   then:         frames sealed with ChaCha20-Poly1305 under HKDF(X25519(e_I, e_R), transcript)
 * </pre>
 *
 * Why each step:
 * <ul>
 *   <li>The claimed index must exist and its static key must equal the key the genesis file pins
 *       for it: only validators may connect, and each only as itself.</li>
 *   <li>The signature covers both hellos, hence both fresh ephemeral keys and nonces: a recorded
 *       handshake replayed to us fails, because our new hello is not in the old transcript; and
 *       a man in the middle who swaps ephemeral keys breaks the transcript both sides sign.</li>
 *   <li>The signer's role is signed too, so a side's signature can never be reflected back to it
 *       as the other side's.</li>
 *   <li>Session keys come from the ephemeral secret (forward secrecy) salted with the transcript
 *       hash (keys bound to this exact handshake), one key per direction.</li>
 *   <li>The initiator also checks the responder is the validator it meant to dial.</li>
 * </ul>
 * Every failure is a {@link HandshakeException} with a {@link RejectReason}; nothing else escapes.
 */
public final class Handshake {
    public static final int VERSION = 1;
    /** Handshake frames are tiny: the frame cap stays this low until the peer is authenticated. */
    public static final int MAX_FRAME_BYTES = 256;
    private static final byte AUTH_TYPE = 2;
    private static final byte[] TRANSCRIPT_DOMAIN = "keel/net-handshake/v1".getBytes(StandardCharsets.UTF_8);
    private static final byte[] AUTH_DOMAIN = "keel/net-auth/v1".getBytes(StandardCharsets.UTF_8);

    public enum Role { INITIATOR, RESPONDER }

    private enum State { AWAIT_HELLO, AWAIT_AUTH, DONE }

    private final HandshakeContext ctx;
    private final Role role;
    /** The validator the initiator dialed; -1 for a responder, which learns it from the hello. */
    private final int expectedPeer;
    private final X25519.Ephemeral ephemeral;
    private final byte[] ownHello;
    private State state = State.AWAIT_HELLO;
    private int peer = -1;
    private byte[] transcript;
    private byte[] prk;

    private Handshake(HandshakeContext ctx, Role role, int expectedPeer, SecureRandom random) {
        this.ctx = ctx;
        this.role = role;
        this.expectedPeer = expectedPeer;
        this.ephemeral = X25519.generate(random);
        byte[] nonce = new byte[Hello.NONCE_BYTES];
        random.nextBytes(nonce);
        this.ownHello = new Hello(VERSION, ctx.chainId(), ctx.self(), ctx.networkKeys().publicKey(),
                ephemeral.publicKey(), Bytes.wrap(nonce)).encode();
    }

    /** We dialed validator {@code peer}. */
    public static Handshake initiator(HandshakeContext ctx, int peer, SecureRandom random) {
        return new Handshake(ctx, Role.INITIATOR, peer, random);
    }

    /** Someone dialed us; who it is comes from its hello, and is believed only after its Auth verifies. */
    public static Handshake responder(HandshakeContext ctx, SecureRandom random) {
        return new Handshake(ctx, Role.RESPONDER, -1, random);
    }

    public Role role() {
        return role;
    }

    /** Our hello, sent as soon as the connection is up. */
    public byte[] hello() {
        return ownHello.clone();
    }

    /** The index the peer claimed (not yet proven until {@link #onPeerAuth} returns), or -1. */
    public int claimedPeer() {
        return peer;
    }

    /** Checks the peer's hello and returns our Auth frame to send. */
    public byte[] onPeerHello(byte[] frame) throws HandshakeException {
        if (state != State.AWAIT_HELLO) {
            throw new HandshakeException(RejectReason.MALFORMED_HANDSHAKE, "unexpected hello");
        }
        Hello h = Hello.decode(frame);
        checkIdentity(h);
        byte[] secret = X25519.agree(ephemeral.privateKey(), h.ephemeral());
        peer = h.index();
        transcript = role == Role.INITIATOR ? transcriptHash(ownHello, frame) : transcriptHash(frame, ownHello);
        prk = Hkdf.extract(transcript, secret);
        state = State.AWAIT_AUTH;
        Signature sig = ctx.scheme().sign(ctx.networkKeys().privateKey(), authMessage(role));
        return ByteBuffer.allocate(1 + Signature.LENGTH).put(AUTH_TYPE).put(sig.bytes().unsafeArray()).array();
    }

    /** Verifies the peer's signature over the transcript; on success the channel is established. */
    public Session onPeerAuth(byte[] frame) throws HandshakeException {
        if (state != State.AWAIT_AUTH) {
            throw new HandshakeException(RejectReason.MALFORMED_HANDSHAKE, "unexpected auth");
        }
        if (frame.length != 1 + Signature.LENGTH || frame[0] != AUTH_TYPE) {
            throw new HandshakeException(RejectReason.MALFORMED_HANDSHAKE, "auth of " + frame.length + " bytes");
        }
        byte[] sig = new byte[Signature.LENGTH];
        System.arraycopy(frame, 1, sig, 0, Signature.LENGTH);
        Role peerRole = role == Role.INITIATOR ? Role.RESPONDER : Role.INITIATOR;
        PublicKey key = ctx.pinned().get(peer);
        if (!ctx.scheme().verify(key, authMessage(peerRole), new Signature(Bytes.wrap(sig)))) {
            throw new HandshakeException(RejectReason.BAD_SIGNATURE, "validator " + peer + " transcript signature");
        }
        state = State.DONE;
        byte[] i2r = Hkdf.expand32(prk, "keel/net-key/initiator-to-responder/v1");
        byte[] r2i = Hkdf.expand32(prk, "keel/net-key/responder-to-initiator/v1");
        return role == Role.INITIATOR
                ? new Session(peer, FrameCipher.sealing(i2r), FrameCipher.opening(r2i))
                : new Session(peer, FrameCipher.sealing(r2i), FrameCipher.opening(i2r));
    }

    private void checkIdentity(Hello h) throws HandshakeException {
        if (h.version() != VERSION) {
            throw new HandshakeException(RejectReason.WRONG_VERSION, "version " + h.version());
        }
        if (!h.chainId().equals(ctx.chainId())) {
            throw new HandshakeException(RejectReason.WRONG_CHAIN, "chain \"" + h.chainId() + "\"");
        }
        if (h.index() < 0 || h.index() >= ctx.pinned().size()) {
            throw new HandshakeException(RejectReason.UNKNOWN_VALIDATOR, "index " + Integer.toUnsignedString(h.index()));
        }
        if (h.index() == ctx.self() || (role == Role.INITIATOR && h.index() != expectedPeer)) {
            throw new HandshakeException(RejectReason.UNEXPECTED_PEER,
                    "claims " + h.index() + (role == Role.INITIATOR ? ", dialed " + expectedPeer : ", which is us"));
        }
        if (!h.staticKey().equals(ctx.pinned().get(h.index()))) {
            throw new HandshakeException(RejectReason.UNKNOWN_KEY,
                    "key " + h.staticKey() + " is not pinned for validator " + h.index());
        }
    }

    /** Both hellos, initiator's first, each length-prefixed so their boundary is unambiguous. */
    private static byte[] transcriptHash(byte[] initiatorHello, byte[] responderHello) {
        ByteBuffer b = ByteBuffer.allocate(TRANSCRIPT_DOMAIN.length + 8 + initiatorHello.length + responderHello.length);
        b.put(TRANSCRIPT_DOMAIN).putInt(initiatorHello.length).put(initiatorHello)
                .putInt(responderHello.length).put(responderHello);
        return Sha256.digest(b.array());
    }

    private byte[] authMessage(Role signer) {
        return ByteBuffer.allocate(AUTH_DOMAIN.length + 1 + transcript.length)
                .put(AUTH_DOMAIN).put((byte) signer.ordinal()).put(transcript).array();
    }
}
