package dev.keel.node.checkpoint;

import dev.keel.node.genesis.GenesisFile;
import dev.keel.node.genesis.NodeSetup;
import dev.keel.node.runtime.ValidatorNode;
import dev.keel.node.testnet.TestnetL1;
import dev.keel.node.testnet.TestnetLayout;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Four in-process validators anchoring to an L1 exactly as {@code keel testnet} sets it up
 * ({@link TestnetL1}: contract deployed, and on a real L1 the validators funded).
 */
final class AnchoredCluster implements AutoCloseable {
    final List<ValidatorNode> nodes = new ArrayList<>();
    final TestnetL1 l1;

    /** @param l1Url a JSON-RPC endpoint, or null for the embedded simulator */
    AnchoredCluster(Path dir, String l1Url) throws Exception {
        TestnetLayout layout = TestnetLayout.prepare(dir, 4);
        l1 = TestnetL1.start(layout, GenesisFile.load(layout.dir().resolve("genesis.json")), l1Url, null);
        try {
            layout.writeConfigs(l1.configBlock());
            for (int i = 0; i < 4; i++) {
                nodes.add(ValidatorNode.start(NodeSetup.load(layout.config(i))));
            }
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    @Override
    public void close() {
        nodes.forEach(ValidatorNode::close);
        l1.close();
    }

    /**
     * Polls {@code condition} until it holds or {@code timeout} passes. A condition that throws
     * counts as not yet: tests poll an L1 that may be failing on purpose.
     */
    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException notYet) {
                // keep asking until the deadline
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what);
            }
            Thread.sleep(200);
        }
    }
}
