package dev.keel.network.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.crypto.KeyPair;
import dev.keel.consensus.message.Message;
import dev.keel.network.MessageGen;
import dev.keel.network.NetworkSettings;
import dev.keel.network.PeerAddress;
import dev.keel.network.PeerStats;
import dev.keel.network.RejectReason;
import dev.keel.network.TestKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.ActorSystem;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real transports on loopback sockets in one JVM. */
class PekkoTransportTest {
    private static ActorSystem<Void> system;

    @BeforeAll
    static void startSystem() {
        system = Cluster.actorSystem("transport-test");
    }

    @AfterAll
    static void stopSystem() throws Exception {
        Cluster.terminate(system);
    }

    @Test
    void fourValidatorsExchangeEveryMessageKind() {
        try (Cluster c = new Cluster(system, 4, UnaryOperator.identity())) {
            c.startAll();
            c.awaitFullyConnected();
            Random r = new Random(42);
            List<List<Message>> broadcasts = new ArrayList<>();
            List<Message> direct = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                List<Message> mine = new ArrayList<>();
                for (Class<?> kind : Message.class.getPermittedSubclasses()) {
                    Message m = MessageGen.of(kind, r);
                    mine.add(m);
                    c.nodes[i].broadcast(m);
                }
                broadcasts.add(mine);
                Message d = MessageGen.message(r);
                direct.add(d);
                c.nodes[i].send((i + 1) % 4, d);
            }
            for (int j = 0; j < 4; j++) {
                int to = j;
                for (int i = 0; i < 4; i++) {
                    int from = i;
                    if (i != j) {
                        Cluster.await(() -> c.inbound[to].from(from).containsAll(broadcasts.get(from)),
                                () -> "node " + to + " got from " + from + ": " + c.inbound[to].from(from).size());
                    }
                }
                int sender = (j + 3) % 4;
                Cluster.await(() -> c.inbound[to].received(sender, direct.get(sender)), () -> "direct message to " + to);
            }
            for (int i = 0; i < 4; i++) {
                for (PeerStats s : c.nodes[i].stats().values()) {
                    assertTrue(s.connected() && s.messagesOut() >= 5 && s.bytesOut() > 0, s.toString());
                    assertEquals(0, s.rejected(), s.toString());
                    assertEquals(0, s.dropped(), s.toString());
                }
                assertTrue(c.inbound[i].rejections.isEmpty(), c.inbound[i].rejections.toString());
            }
            Cluster.await(() -> c.nodes[0].stats().get(1).messagesIn() >= 5, () -> "" + c.nodes[0].stats());
        }
    }

    @Test
    void aValidatorListeningOnAllInterfacesIsReachedAtItsPublishedAddress() {
        // A container or a host behind NAT listens on 0.0.0.0 while peers dial the genesis address.
        try (Cluster c = new Cluster(system, 3, s -> s.self() == 0 ? s.withBindHost("0.0.0.0") : s)) {
            c.startAll();
            c.awaitFullyConnected();
            assertEquals("0.0.0.0", c.settings(0).listenHost());
            assertEquals("127.0.0.1", c.settings(1).listenHost());
        }
    }

    @Test
    void aStoppedPeerCountsDropsAndIsRedialedWhenItComesBack() {
        try (Cluster c = new Cluster(system, 3, s -> s.withQueueSize(8))) {
            c.startAll();
            c.awaitFullyConnected();
            c.stop(2);
            Cluster.await(() -> !c.nodes[0].stats().get(2).connected(), () -> "" + c.nodes[0].stats());
            assertEquals(1, c.nodes[0].connectedPeers());

            Random r = new Random(3);
            for (int k = 0; k < 40; k++) {
                c.nodes[0].send(2, MessageGen.blockRequest(r));
            }
            // The queue holds 8 (plus at most a couple in flight); the rest is dropped, counted.
            assertTrue(c.nodes[0].stats().get(2).dropped() >= 40 - 8 - 4, "" + c.nodes[0].stats().get(2));

            c.start(2);
            Cluster.await(() -> c.nodes[0].stats().get(2).connected() && c.nodes[1].stats().get(2).connected(),
                    () -> c.nodes[0].stats() + " / " + c.nodes[1].stats());
            assertTrue(c.nodes[0].stats().get(2).reconnects() >= 1);
            Message after = MessageGen.proposal(r);
            // Delivery is fire-and-forget by contract, and a message written in the instant the
            // reconnected link settles was once seen lost in CI (noted for follow-up): re-send every
            // 500 ms; the test still fails if the restarted link never delivers.
            long[] lastSend = {0};
            Cluster.await(() -> {
                if (System.nanoTime() - lastSend[0] > 500_000_000L) {
                    lastSend[0] = System.nanoTime();
                    c.nodes[0].send(2, after);
                    c.nodes[1].broadcast(after);
                }
                return c.inbound[2].received(0, after) && c.inbound[2].received(1, after);
            }, () -> "restarted node got " + c.inbound[2].messages.size());
            c.awaitFullyConnected();
        }
    }

    @Test
    void aTransportWithAnUnpinnedNetworkKeyIsRefusedBothWays() {
        try (Cluster c = new Cluster(system, 3, UnaryOperator.identity())) {
            c.start(0);
            c.start(1);
            // An impostor takes validator 2's address; its own config pins its own key for index 2.
            KeyPair outsider = TestKeys.key(66);
            List<PeerAddress> itsView = new ArrayList<>(c.addresses);
            PeerAddress two = c.addresses.get(2);
            itsView.set(2, new PeerAddress(2, two.host(), two.port(), outsider.publicKey()));
            Recorder heard = new Recorder();
            var settings = NetworkSettings.of(Cluster.CHAIN, 2, outsider, itsView).withBackoff(Cluster.FAST);
            try (PekkoTransport impostor = PekkoTransport.start(system, settings, heard)) {
                for (int i = 0; i < 2; i++) {
                    PekkoTransport n = c.nodes[i];
                    // Refused when it dials us, and when we dial it (accounted to validator 2 then).
                    Cluster.await(() -> n.rejections().get(RejectReason.UNKNOWN_KEY) >= 4
                            && n.stats().get(2).rejected() >= 2, () -> "" + n.rejections());
                }
                impostor.broadcast(MessageGen.proposal(new Random(9)));
                c.nodes[0].send(1, MessageGen.blockRequest(new Random(9)));
                Cluster.await(() -> !c.inbound[1].from(0).isEmpty(), () -> "0 -> 1 still works");
                assertEquals(0, impostor.connectedPeers());
                assertEquals(1, c.nodes[0].connectedPeers());
                assertFalse(c.nodes[0].stats().get(2).connected());
                assertTrue(c.inbound[0].from(2).isEmpty() && c.inbound[1].from(2).isEmpty());
                assertTrue(heard.messages.isEmpty());
            }
        }
    }

    @Test
    void sendingToSelfOrAnUnknownIndexDoesNothing() {
        try (Cluster c = new Cluster(system, 2, UnaryOperator.identity())) {
            c.startAll();
            c.awaitFullyConnected();
            Random r = new Random(5);
            c.nodes[0].send(0, MessageGen.voteMsg(r));
            c.nodes[0].send(7, MessageGen.voteMsg(r));
            c.nodes[0].send(-1, MessageGen.voteMsg(r));
            Message m = MessageGen.voteMsg(r);
            c.nodes[0].send(1, m);
            Cluster.await(() -> c.inbound[1].received(0, m), () -> "delivery");
            assertTrue(c.inbound[0].messages.isEmpty());
            assertEquals(1, c.nodes[0].stats().get(1).messagesOut());
        }
    }

    @Test
    void aTakenPortFailsStartNamingTheAddress() {
        try (Cluster c = new Cluster(system, 2, UnaryOperator.identity())) {
            c.start(0);
            var e = assertThrows(IllegalStateException.class,
                    () -> PekkoTransport.start(system, c.settings(0), new Recorder()));
            String where = "127.0.0.1:" + c.addresses.get(0).port();
            assertTrue(e.getMessage().contains(where), e.getMessage());
        }
    }

    @Test
    void closeIsIdempotentAndSendsAfterCloseAreIgnored() {
        try (Cluster c = new Cluster(system, 2, UnaryOperator.identity())) {
            c.startAll();
            PekkoTransport t = c.nodes[0];
            c.stop(0);
            t.close();
            t.send(1, MessageGen.voteMsg(new Random(1)));
            t.broadcast(MessageGen.voteMsg(new Random(1)));
            Cluster.await(() -> t.connectedPeers() == 0, () -> "" + t.stats());
        }
    }
}
