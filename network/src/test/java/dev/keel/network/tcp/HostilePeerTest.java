package dev.keel.network.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.types.PublicKey;
import dev.keel.network.MessageGen;
import dev.keel.network.RejectReason;
import dev.keel.network.TestKeys;
import dev.keel.network.codec.WireCodec;
import dev.keel.network.handshake.Handshake;
import dev.keel.network.handshake.HandshakeContext;
import dev.keel.network.handshake.Session;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One real node (validator 0 of 4; the others are not running) attacked over raw sockets. Every
 * attack must end with the connection closed, the rejection counted under the right reason, and
 * the node still serving a genuine peer afterwards.
 */
class HostilePeerTest {
    private static ActorSystem<Void> system;
    private final SecureRandom random = new SecureRandom();
    private Cluster cluster;
    private PekkoTransport node;
    private int port;

    @BeforeAll
    static void startSystem() {
        system = Cluster.actorSystem("hostile-test");
    }

    @AfterAll
    static void stopSystem() throws Exception {
        Cluster.terminate(system);
    }

    @BeforeEach
    void startNode() {
        cluster = new Cluster(system, 4, s -> s.withHandshakeTimeout(Duration.ofMillis(500)));
        node = cluster.start(0);
        port = cluster.addresses.get(0).port();
    }

    @AfterEach
    void stopNode() {
        cluster.close();
    }

    private HandshakeContext genuine(int self) {
        return new HandshakeContext(Cluster.CHAIN, self, cluster.keys.get(self),
                TestKeys.publicKeys(cluster.keys), TestKeys.ED25519);
    }

    private long rejected(RejectReason r) {
        return node.rejections().get(r);
    }

    private void awaitRejected(RejectReason r, long atLeast) {
        Cluster.await(() -> rejected(r) >= atLeast, () -> "rejections " + node.rejections());
    }

    /** A genuine validator can still connect and deliver: the node survived the attack. */
    private void assertStillServes(int as) throws Exception {
        Message m = MessageGen.proposal(new Random(as));
        try (RawPeer p = new RawPeer(port)) {
            Session s = p.handshake(Handshake.initiator(genuine(as), 0, random));
            p.writeFrame(s.seal(new WireCodec(cluster.settings(0).limits()).encode(m)));
            Cluster.await(() -> cluster.inbound[0].received(as, m), () -> "delivery from " + as);
        }
    }

    @Test
    void garbageIsRejectedAndTheNodeKeepsWorking() throws Exception {
        Random r = new Random(11);
        for (int k = 0; k < 5; k++) {
            byte[] junk = new byte[1 + r.nextInt(2000)];
            r.nextBytes(junk);
            try (RawPeer p = new RawPeer(port)) {
                p.writeRaw(junk);
                assertTrue(p.closedByNode(), "garbage connection " + k + " still open");
            }
        }
        long total = node.rejections().values().stream().mapToLong(Long::longValue).sum();
        Cluster.await(() -> node.rejections().values().stream().mapToLong(Long::longValue).sum() >= 5,
                () -> "rejections " + node.rejections() + " (had " + total + ")");
        assertTrue(cluster.inbound[0].rejections.stream().allMatch(x -> x.from() == -1), "anonymous");
        assertStillServes(1);
    }

    @Test
    void anOversizedLengthPrefixIsRejectedWithoutWaitingForTheBody() throws Exception {
        try (RawPeer p = new RawPeer(port)) {
            p.writeRaw(new byte[] {0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff});
            assertTrue(p.closedByNode());
        }
        awaitRejected(RejectReason.OVERSIZED_FRAME, 1);
        assertStillServes(2);
    }

    @Test
    void aWrongChainIsRejected() throws Exception {
        var other = new HandshakeContext("other-chain", 1, cluster.keys.get(1), TestKeys.publicKeys(cluster.keys),
                TestKeys.ED25519);
        try (RawPeer p = new RawPeer(port)) {
            p.writeFrame(Handshake.initiator(other, 0, random).hello());
            assertTrue(p.closedByNode());
        }
        awaitRejected(RejectReason.WRONG_CHAIN, 1);
        assertStillServes(1);
    }

    @Test
    void anUnknownNetworkKeyIsRefused() throws Exception {
        KeyPair outsider = TestKeys.key(77);
        List<PublicKey> itsView = new ArrayList<>(TestKeys.publicKeys(cluster.keys));
        itsView.set(3, outsider.publicKey());
        var impostor = new HandshakeContext(Cluster.CHAIN, 3, outsider, itsView, TestKeys.ED25519);
        try (RawPeer p = new RawPeer(port)) {
            p.writeFrame(Handshake.initiator(impostor, 0, random).hello());
            assertTrue(p.closedByNode());
        }
        awaitRejected(RejectReason.UNKNOWN_KEY, 1);
        assertEquals(0, node.stats().get(3).rejected(), "unauthenticated claims are not pinned on the claimed peer");
        assertTrue(cluster.inbound[0].rejections.stream().anyMatch(x -> x.from() == -1 && x.reason().startsWith("UNKNOWN_KEY")));
        assertStillServes(3);
    }

    @Test
    void aSilentConnectionTimesOut() throws Exception {
        try (RawPeer p = new RawPeer(port)) {
            assertTrue(p.closedByNode());
        }
        awaitRejected(RejectReason.HANDSHAKE_TIMEOUT, 1);
        assertStillServes(1);
    }

    @Test
    void tamperedCiphertextClosesTheLinkAndCountsAgainstThePeer() throws Exception {
        Message m = MessageGen.voteMsg(new Random(1));
        byte[] plain = new WireCodec(cluster.settings(0).limits()).encode(m);
        try (RawPeer p = new RawPeer(port)) {
            Session s = p.handshake(Handshake.initiator(genuine(1), 0, random));
            p.writeFrame(s.seal(plain));
            Cluster.await(() -> cluster.inbound[0].received(1, m), () -> "first frame");
            byte[] sealed = s.seal(plain);
            sealed[sealed.length / 2] ^= 0x40;
            p.writeFrame(sealed);
            assertTrue(p.closedByNode());
        }
        awaitRejected(RejectReason.TAMPERED_FRAME, 1);
        Cluster.await(() -> node.stats().get(1).rejected() == 1, () -> "" + node.stats().get(1));
        assertEquals(1, node.stats().get(1).messagesIn());
        assertStillServes(1);
    }

    @Test
    void anUndecodableMessageFromAnAuthenticatedPeerIsRejectedAndAttributed() throws Exception {
        try (RawPeer p = new RawPeer(port)) {
            Session s = p.handshake(Handshake.initiator(genuine(2), 0, random));
            p.writeFrame(s.seal(new byte[] {(byte) 100, 1, 2, 3}));
            assertTrue(p.closedByNode());
        }
        awaitRejected(RejectReason.UNDECODABLE, 1);
        Cluster.await(() -> cluster.inbound[0].rejections.stream()
                .anyMatch(x -> x.from() == 2 && x.reason().startsWith("UNDECODABLE")), () -> "report");
        assertEquals(1, node.stats().get(2).rejected());
        assertStillServes(2);
    }

    @Test
    void anOversizedFrameFromAnAuthenticatedPeerIsRejected() throws Exception {
        int cap = cluster.settings(0).limits().maxFrameBytes();
        try (RawPeer p = new RawPeer(port)) {
            p.handshake(Handshake.initiator(genuine(1), 0, random));
            p.writeRaw(java.nio.ByteBuffer.allocate(4).putInt(cap + 1).array());
            assertTrue(p.closedByNode());
        }
        awaitRejected(RejectReason.OVERSIZED_FRAME, 1);
        assertStillServes(1);
    }

    @Test
    void aReplayedHandshakeIsRejected() throws Exception {
        Handshake h = Handshake.initiator(genuine(1), 0, random);
        byte[] hello = h.hello();
        byte[] auth;
        try (RawPeer p = new RawPeer(port)) {
            p.writeFrame(hello);
            auth = h.onPeerHello(p.readFrame());
            p.writeFrame(auth);
            h.onPeerAuth(p.readFrame());
        }
        try (RawPeer p = new RawPeer(port)) {
            p.writeFrame(hello);
            p.writeFrame(auth);
            assertTrue(p.closedByNode());
        }
        awaitRejected(RejectReason.BAD_SIGNATURE, 1);
        assertFalse(cluster.inbound[0].messages.stream().anyMatch(x -> x.from() != 1));
        assertStillServes(1);
    }

    @Test
    void connectionsBeyondTheLimitAreRefused() throws Exception {
        cluster.close();
        cluster = new Cluster(system, 4, s -> s.withLimits(s.limits().withMaxInboundConnections(2)));
        node = cluster.start(0);
        port = cluster.addresses.get(0).port();
        try (RawPeer a = new RawPeer(port); RawPeer b = new RawPeer(port); RawPeer c = new RawPeer(port)) {
            assertTrue(a.isOpen() && b.isOpen(), "the first two hold both slots");
            assertTrue(c.closedByNode());
            awaitRejected(RejectReason.TOO_MANY_CONNECTIONS, 1);
        }
        assertStillServes(1);
    }
}
