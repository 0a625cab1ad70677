package dev.keel.checkpoint.l1;

import static dev.keel.checkpoint.l1.ContractFixture.checkpoint;
import static dev.keel.checkpoint.l1.ContractFixture.keys;
import static dev.keel.checkpoint.l1.ContractFixture.sign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.checkpoint.Checkpoint;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * KEEL_L1_BLOCK_MS reaches Hardhat: with interval mining blocks appear without transactions,
 * and deploy/submit still work because they wait for receipts instead of assuming automine.
 */
class HardhatIntervalMiningTest {
    private static final int BLOCK_MS = 250;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static HardhatNode node;

    @BeforeAll
    static void startNode() {
        node = HardhatNode.start(BLOCK_MS);
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void blocksAreMinedWithoutTransactions() throws IOException {
        BigInteger start = node.web3().ethBlockNumber().send().getBlockNumber();
        long deadline = System.nanoTime() + WAIT.toNanos();
        BigInteger now = start;
        while (now.subtract(start).intValueExact() < 2 && System.nanoTime() - deadline < 0) {
            NodeProject.sleep(Duration.ofMillis(BLOCK_MS / 2));
            now = node.web3().ethBlockNumber().send().getBlockNumber();
        }
        assertTrue(now.subtract(start).intValueExact() >= 2, "interval mining made no blocks within " + WAIT);
    }

    @Test
    void deployAndSubmitWaitForTheirBlocks() {
        ContractFixture f = new ContractFixture(node.web3(), node.devKey(1));
        var d = f.deploy(keys("interval", 4), 3);
        Checkpoint cp = checkpoint(1, 0, 1, 10, d.setHash());
        TransactionReceipt r = f.accept(d.contract(), CheckpointContract.encodeSubmit(cp, sign(cp.digest(), d.keys())));
        assertEquals(new AnchorInfo(cp.digest(), 10, r.getBlockNumber().longValueExact()), d.contract().anchor(1));
    }
}
