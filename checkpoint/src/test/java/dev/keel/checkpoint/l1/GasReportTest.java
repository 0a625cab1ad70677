package dev.keel.checkpoint.l1;

import static dev.keel.checkpoint.l1.ContractFixture.checkpoint;
import static dev.keel.checkpoint.l1.ContractFixture.keys;
import static dev.keel.checkpoint.l1.ContractFixture.sign;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthKey;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Gas of submitCheckpoint on Hardhat for 4, 7 and 21 validators, each signed by a quorum of
 * floor(2n/3)+1. Prints a table (also written to target/l1-logs/gas-report.txt); asserts only
 * facts that must hold on any EVM: cost grows with signers and stays far below a block.
 */
class GasReportTest {
    private static final long BLOCK_GAS_SANITY_LIMIT = 30_000_000;
    private static HardhatNode node;

    @BeforeAll
    static void startNode() {
        node = HardhatNode.start();
    }

    @AfterAll
    static void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    /** first = checkpoint #1 (fresh storage slots), steady = checkpoint #2 (slots already written). */
    record Row(int validators, int signatures, long deploy, long first, long steady) {
    }

    @Test
    void submitGasGrowsWithSignerCount() throws IOException {
        ContractFixture f = new ContractFixture(node.web3(), node.devKey(0));
        List<Row> rows = new ArrayList<>();
        for (int n : new int[] {4, 7, 21}) {
            rows.add(measure(f, n));
        }
        StringBuilder table = new StringBuilder(String.format("%n%-10s %-10s %12s %14s %14s %12s%n", "validators",
                "signatures", "deploy gas", "submit #1 gas", "submit #2 gas", "per sig (#2)"));
        for (Row r : rows) {
            table.append(String.format("%-10d %-10d %12d %14d %14d %12s%n", r.validators(), r.signatures(), r.deploy(),
                    r.first(), r.steady(), perSignature(rows.get(0), r)));
        }
        System.out.print(table);
        Files.writeString(NodeProject.logFile("gas-report.txt"), table.toString());
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).first() > rows.get(i - 1).first(), "gas grows with signers: " + table);
            assertTrue(rows.get(i).steady() > rows.get(i - 1).steady(), "gas grows with signers: " + table);
        }
        for (Row r : rows) {
            assertTrue(r.first() < BLOCK_GAS_SANITY_LIMIT && r.deploy() < BLOCK_GAS_SANITY_LIMIT, table.toString());
            assertTrue(r.steady() < r.first(), "rewriting warm slots is cheaper than the first write: " + table);
        }
    }

    private static Row measure(ContractFixture f, int n) {
        List<EthKey> set = keys("gas" + n, n);
        int quorum = 2 * n / 3 + 1;
        // Deployed through the sender, not CheckpointContract.deploy, to keep the receipt's gas.
        TransactionReceipt deployed = f.sender.sendAndWait(null, CheckpointContract.encodeDeploy(ContractFixture.L2_CHAIN,
                ContractFixture.addresses(set), quorum), TransactionSender.DEFAULT_RECEIPT_TIMEOUT);
        assertTrue(deployed.isStatusOK(), deployed.toString());
        var d = new ContractFixture.Deployment(new CheckpointContract(f.web3, deployed.getContractAddress()), set, quorum);
        Checkpoint one = checkpoint(1, 0, 1, 100, d.setHash());
        Checkpoint two = checkpoint(2, 0, 101, 200, d.setHash());
        TransactionReceipt r1 = f.accept(d.contract(),
                CheckpointContract.encodeSubmit(one, sign(one.digest(), set.subList(0, quorum))));
        TransactionReceipt r2 = f.accept(d.contract(),
                CheckpointContract.encodeSubmit(two, sign(two.digest(), set.subList(n - quorum, n))));
        return new Row(n, quorum, deployed.getGasUsed().longValueExact(), r1.getGasUsed().longValueExact(),
                r2.getGasUsed().longValueExact());
    }

    private static String perSignature(Row base, Row r) {
        if (r == base) {
            return "-";
        }
        return Long.toString((r.steady() - base.steady()) / (r.signatures() - base.signatures()));
    }
}
