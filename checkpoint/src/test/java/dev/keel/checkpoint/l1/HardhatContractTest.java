package dev.keel.checkpoint.l1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.keel.checkpoint.EthKey;
import java.io.IOException;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;

/** The conformance table on a real EVM (Hardhat, automine), plus checks of the fixture itself. */
class HardhatContractTest extends ContractConformanceSuite {
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

    @Override
    protected String rpcUrl() {
        return node.url();
    }

    @Override
    protected EthKey funder() {
        return node.devKey(0);
    }

    @Test
    void devKeysAreTheFundedAccounts() throws IOException {
        assertEquals("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266", node.devKey(0).address().hex());
        for (EthKey k : node.devKeys()) {
            BigInteger balance = node.web3().ethGetBalance(k.address().hex(), DefaultBlockParameterName.LATEST).send()
                    .getBalance();
            assertNotEquals(BigInteger.ZERO, balance, k + " is funded");
        }
    }

    /** fund sets a balance; snapshot/revert restores it; mine adds exactly one block. */
    @Test
    void fundSnapshotRevertAndMine() throws IOException {
        var web3 = node.web3();
        EthKey fresh = ContractFixture.keys("fund", 1).get(0);
        String snap = node.snapshot();
        node.fund(fresh.address(), BigInteger.valueOf(123_456_789));
        assertEquals(BigInteger.valueOf(123_456_789),
                web3.ethGetBalance(fresh.address().hex(), DefaultBlockParameterName.LATEST).send().getBalance());
        BigInteger before = web3.ethBlockNumber().send().getBlockNumber();
        node.mine();
        assertEquals(before.add(BigInteger.ONE), web3.ethBlockNumber().send().getBlockNumber());
        node.revert(snap);
        assertEquals(BigInteger.ZERO,
                web3.ethGetBalance(fresh.address().hex(), DefaultBlockParameterName.LATEST).send().getBalance());
    }
}
