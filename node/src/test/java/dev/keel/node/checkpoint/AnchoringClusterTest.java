package dev.keel.node.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.MerkleRoot;
import dev.keel.checkpoint.anchor.Web3jL1;
import dev.keel.checkpoint.sim.SimFault;
import dev.keel.consensus.types.Hash;
import dev.keel.node.chain.BlockView;
import dev.keel.node.runtime.ValidatorNode;
import dev.keel.node.testnet.TestnetL1;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four validators in one JVM, anchoring to the embedded L1 simulator (1 s blocks, 3
 * confirmations) exactly as {@code keel testnet} sets it up: checkpoints land on the L1 and
 * match every validator's blocks; an L1 reorg that drops a checkpoint is re-anchored; an L1
 * outage does not stop the L2, and anchoring catches up afterwards.
 */
class AnchoringClusterTest {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private AnchoredCluster cluster;

    @TempDir
    Path dir;

    @AfterEach
    void stopAll() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void checkpointsAnchorSettleSurviveAReorgAndAnOutage() throws Exception {
        cluster = new AnchoredCluster(dir.resolve("net"), null);
        List<ValidatorNode> nodes = cluster.nodes;
        TestnetL1 l1 = cluster.l1;
        AnchoredCluster.await(WAIT, "every validator sees 3 checkpoints anchored and 2 settled",
                () -> nodes.stream().allMatch(n -> n.checkpoints().summary().anchoredHeight() >= 60
                        && n.checkpoints().summary().settledHeight() >= 40));

        try (Web3jL1 reader = new Web3jL1(l1.url(), l1.contract(), Duration.ofSeconds(5))) {
            long count = reader.latest().number();
            assertTrue(count >= 3, "the contract holds " + count);
            for (long k = 1; k <= 3; k++) {
                Hash onL1 = reader.anchor(k).digest();
                for (ValidatorNode n : nodes) {
                    Checkpoint cp = n.checkpoints().checkpoint(k).orElseThrow().checkpoint();
                    assertEquals(onL1, cp.digest(), "checkpoint " + k + " on the L1 is this validator's");
                    assertEquals(cp, rebuiltFromBlocks(n, cp), "checkpoint " + k + " commits to this validator's blocks");
                }
            }

            // Reorg: drop the last 3 L1 blocks with their transactions, then require re-anchoring.
            var sim = l1.simulator().orElseThrow();
            AnchoredCluster.await(WAIT, "a checkpoint in the newest L1 block", () -> {
                long latestBlock = reader.anchor(reader.latest().number()).l1Block();
                return reader.headNumber() - latestBlock < 2;
            });
            long before = reader.latest().number();
            sim.reorg(3, true);
            long after = reader.latest().number();
            assertTrue(after < before, "the reorg removed checkpoint(s): " + before + " -> " + after);
            AnchoredCluster.await(WAIT, "the dropped checkpoint is anchored again", () -> reader.latest().number() >= before + 1);
            for (long k = after + 1; k <= before; k++) {
                assertEquals(nodes.get(0).checkpoints().checkpoint(k).orElseThrow().digest(), reader.anchor(k).digest());
            }

            // Outage: the L2 keeps committing; anchoring catches up when the L1 is back.
            long l2Before = nodes.get(0).state().status().height();
            sim.failRpc(Duration.ofSeconds(20), SimFault.OutageMode.HTTP_503);
            AnchoredCluster.await(WAIT, "nodes report the L1 unreachable", () -> !nodes.get(0).checkpoints().summary().l1Reachable());
            long anchoredBefore = nodes.get(0).checkpoints().summary().anchoredHeight();
            AnchoredCluster.await(WAIT, "the L2 commits 40 blocks during the outage", () -> nodes.get(0).state().status().height() >= l2Before + 40);
            assertTrue(!nodes.get(0).checkpoints().summary().l1Reachable(), "still inside the outage");
            assertEquals(anchoredBefore, nodes.get(0).checkpoints().summary().anchoredHeight(), "nothing anchors while down");
            sim.endRpcFailure();
            AnchoredCluster.await(WAIT, "anchoring catches up past the outage",
                    () -> nodes.get(0).checkpoints().summary().anchoredHeight() >= l2Before + 40);
        }
        for (ValidatorNode n : nodes) {
            assertEquals(0, n.checkpoints().summary().conflicts());
            assertEquals(0, n.checkpoints().summary().digestMismatches());
        }
    }

    /** The checkpoint recomputed from the validator's own committed blocks. */
    private static Checkpoint rebuiltFromBlocks(ValidatorNode n, Checkpoint cp) {
        List<Hash> ids = new ArrayList<>();
        Hash stateRoot = null;
        for (long h = cp.firstHeight(); h <= cp.lastHeight(); h++) {
            BlockView b = n.chain().block(h).orElseThrow();
            ids.add(b.block().id());
            stateRoot = b.execution().orElseThrow().stateRoot();
        }
        return new Checkpoint(cp.number(), cp.chainId(), cp.epoch(), cp.firstHeight(), cp.lastHeight(),
                ids.get(ids.size() - 1), MerkleRoot.of(ids), stateRoot, cp.nextValidatorSetHash());
    }
}
