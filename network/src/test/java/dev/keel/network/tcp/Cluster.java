package dev.keel.network.tcp;

import static org.junit.jupiter.api.Assertions.fail;

import com.typesafe.config.ConfigFactory;
import dev.keel.consensus.crypto.KeyPair;
import dev.keel.network.Backoff;
import dev.keel.network.NetworkSettings;
import dev.keel.network.PeerAddress;
import dev.keel.network.TestKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/** n validators on loopback with free ports, started and stopped individually. */
final class Cluster implements AutoCloseable {
    static final String CHAIN = "keel-test";
    static final Backoff FAST = new Backoff(Duration.ofMillis(20), Duration.ofMillis(300), 0.1);

    final List<KeyPair> keys;
    final List<PeerAddress> addresses = new ArrayList<>();
    final Recorder[] inbound;
    final PekkoTransport[] nodes;
    private final ActorSystem<?> system;
    private final UnaryOperator<NetworkSettings> tweak;

    Cluster(ActorSystem<?> system, int n, UnaryOperator<NetworkSettings> tweak) {
        this.system = system;
        this.tweak = tweak;
        this.keys = TestKeys.validators(n);
        for (int i = 0; i < n; i++) {
            addresses.add(new PeerAddress(i, "127.0.0.1", freePort(), keys.get(i).publicKey()));
        }
        this.inbound = new Recorder[n];
        this.nodes = new PekkoTransport[n];
    }

    static ActorSystem<Void> actorSystem(String name) {
        return ActorSystem.create(Behaviors.empty(), name, ConfigFactory.parseString(
                "pekko.loglevel = WARNING\npekko.stdout-loglevel = WARNING\npekko.log-dead-letters = off"));
    }

    static void terminate(ActorSystem<?> system) throws Exception {
        system.terminate();
        system.getWhenTerminated().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    NetworkSettings settings(int i) {
        return tweak.apply(NetworkSettings.of(CHAIN, i, keys.get(i), addresses).withBackoff(FAST).withQueueSize(64));
    }

    PekkoTransport start(int i) {
        inbound[i] = new Recorder();
        nodes[i] = PekkoTransport.start(system, settings(i), inbound[i]);
        return nodes[i];
    }

    void startAll() {
        for (int i = 0; i < nodes.length; i++) {
            start(i);
        }
    }

    void stop(int i) {
        nodes[i].close();
        nodes[i] = null;
    }

    void awaitFullyConnected() {
        for (int i = 0; i < nodes.length; i++) {
            int node = i;
            await(() -> nodes[node].connectedPeers() == nodes.length - 1, () -> "node " + node + " links: "
                    + nodes[node].stats());
        }
    }

    @Override
    public void close() {
        for (int i = 0; i < nodes.length; i++) {
            if (nodes[i] != null) {
                stop(i);
            }
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls until {@code condition} holds; fails after 10 s with {@code state}'s description. */
    static void await(BooleanSupplier condition, Supplier<String> state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out; state: " + state.get());
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted");
            }
        }
    }
}
