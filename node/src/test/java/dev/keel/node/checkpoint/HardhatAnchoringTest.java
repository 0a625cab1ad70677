package dev.keel.node.checkpoint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.checkpoint.anchor.Web3jL1;
import dev.keel.checkpoint.l1.HardhatNode;
import dev.keel.node.runtime.ValidatorNode;
import dev.keel.node.testnet.TestnetL1;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same anchoring as {@code keel testnet --l1 URL}, on a real EVM: a Hardhat dev node with
 * 1 s blocks, the compiled contract deployed by {@code TestnetL1}, four validators whose L1
 * accounts it funded. Checkpoints land and equal every validator's; a reorg made with
 * evm_snapshot/evm_revert drops an anchored checkpoint and Keel anchors it again. Writes the
 * commit→anchored and commit→settled figures to target/l1-logs/anchor-latency.txt.
 */
class HardhatAnchoringTest {
    private static final Duration WAIT = Duration.ofSeconds(120);
    private HardhatNode hardhat;
    private AnchoredCluster cluster;

    @TempDir
    Path dir;

    @AfterEach
    void stopAll() {
        if (cluster != null) {
            cluster.close();
        }
        if (hardhat != null) {
            hardhat.close();
        }
    }

    @Test
    void checkpointsLandOnHardhatAndAreReanchoredAfterARevert() throws Exception {
        hardhat = HardhatNode.start(1000);
        cluster = new AnchoredCluster(dir.resolve("net"), hardhat.url());
        List<ValidatorNode> nodes = cluster.nodes;
        TestnetL1 l1 = cluster.l1;
        try (Web3jL1 reader = new Web3jL1(hardhat.url(), l1.contract(), Duration.ofSeconds(5))) {
            AnchoredCluster.await(WAIT, "3 checkpoints anchored and 2 settled everywhere", () -> nodes.stream().allMatch(
                    n -> n.checkpoints().summary().anchoredHeight() >= 60 && n.checkpoints().summary().settledHeight() >= 40));
            for (long k = 1; k <= reader.latest().number(); k++) {
                for (ValidatorNode n : nodes) {
                    assertEquals(n.checkpoints().checkpoint(k).orElseThrow().digest(), reader.anchor(k).digest(),
                            "L1 checkpoint " + k + " is every validator's");
                }
            }

            String snapshot = hardhat.snapshot();
            long atSnapshot = reader.latest().number();
            AnchoredCluster.await(WAIT, "a checkpoint anchored after the snapshot", () -> reader.latest().number() > atSnapshot);
            long beforeRevert = reader.latest().number();
            hardhat.revert(snapshot);
            assertTrue(reader.latest().number() < beforeRevert, "evm_revert removed the newer checkpoint(s)");
            AnchoredCluster.await(WAIT, "Keel re-anchors what the revert dropped", () -> reader.latest().number() >= beforeRevert);
            for (long k = atSnapshot + 1; k <= beforeRevert; k++) {
                assertEquals(nodes.get(0).checkpoints().checkpoint(k).orElseThrow().digest(), reader.anchor(k).digest());
            }
            AnchoredCluster.await(WAIT, "settled again past the revert", () -> nodes.get(0).checkpoints().summary().settledHeight()
                    >= beforeRevert * 20);
        }
        for (ValidatorNode n : nodes) {
            assertEquals(0, n.checkpoints().summary().conflicts());
        }
        writeLatencies(nodes.get(0).checkpoints().recent(100));
    }

    private static void writeLatencies(List<CheckpointInfo> infos) throws Exception {
        List<Long> anchored = new ArrayList<>();
        List<Long> settled = new ArrayList<>();
        for (CheckpointInfo c : infos) {
            if (c.committedAtMillis().isPresent() && c.anchoredAtMillis().isPresent()) {
                anchored.add(c.anchoredAtMillis().getAsLong() - c.committedAtMillis().getAsLong());
            }
            if (c.committedAtMillis().isPresent() && c.settledAtMillis().isPresent()) {
                settled.add(c.settledAtMillis().getAsLong() - c.committedAtMillis().getAsLong());
            }
        }
        assertTrue(!anchored.isEmpty() && !settled.isEmpty(), "latencies were measured");
        String report = String.format(Locale.ROOT, "Hardhat 1 s blocks, 3 confirmations, 4 validators, interval 20 blocks%n"
                        + "commit of a checkpoint's last block -> anchored: median %d ms (n=%d, %s)%n"
                        + "commit of a checkpoint's last block -> settled:  median %d ms (n=%d, %s)%n",
                median(anchored), anchored.size(), anchored, median(settled), settled.size(), settled);
        Path out = Path.of("target", "l1-logs");
        Files.createDirectories(out);
        Files.writeString(out.resolve("anchor-latency.txt"), report);
        System.out.print(report);
    }

    private static long median(List<Long> v) {
        List<Long> s = new ArrayList<>(v);
        s.sort(null);
        return s.get(s.size() / 2);
    }
}
