package dev.keel.node.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.node.genesis.NodeSetup;
import dev.keel.node.testnet.TestnetLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four validators in one JVM over real loopback sockets and real LMDB: they commit; with
 * one stopped, the other three keep committing; restarted from its data directory, it
 * recovers and catches up from its peers; with two stopped the chain halts and resumes.
 */
class ClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private final List<ValidatorNode> nodes = new ArrayList<>();
    private TestnetLayout layout;

    @TempDir
    Path dir;

    @AfterEach
    void stopAll() {
        nodes.stream().filter(n -> n != null).forEach(ValidatorNode::close);
    }

    private ValidatorNode start(int i) throws Exception {
        return ValidatorNode.start(NodeSetup.load(layout.config(i)));
    }

    private long height(int i) {
        return nodes.get(i).state().status().height();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void commitsSurvivesAStoppedValidatorAndCatchesItUp() throws Exception {
        layout = TestnetLayout.prepare(dir.resolve("net"), 4);
        for (int i = 0; i < 4; i++) {
            nodes.add(start(i));
        }
        await("all four commit 20 blocks", () -> nodes.stream().allMatch(n -> n.state().status().height() >= 20));

        nodes.get(3).close();
        nodes.set(3, null);
        long atStop = height(0);
        await("three validators commit 30 more blocks", () -> height(0) >= atStop + 30 && height(1) >= atStop + 30);

        nodes.set(3, start(3));
        long target = height(0);
        assertTrue(height(3) >= 20, "restarted validator recovered its height from disk: " + height(3));
        await("the restarted validator catches up to " + target, () -> height(3) >= target);
        assertTrue(nodes.get(3).state().status().peersConnected() == 3);

        nodes.get(2).close();
        nodes.set(2, null);
        nodes.get(3).close();
        nodes.set(3, null);
        Thread.sleep(1500);
        long halted = height(0);
        Thread.sleep(2000);
        assertEquals(halted, height(0), "two of four down: no quorum, no commits");

        nodes.set(2, start(2));
        nodes.set(3, start(3));
        await("the chain resumes", () -> height(0) >= halted + 10);
    }
}
