package dev.keel.checkpoint.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlock;
import org.web3j.protocol.core.methods.response.EthFeeHistory;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Chain identity, block production and block tags, through web3j. */
class RpcBasicsTest {
    private final SimTestKit kit = SimTestKit.automine();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void identifiesTheChain() throws IOException {
        assertEquals(BigInteger.valueOf(31337), kit.web3.ethChainId().send().getChainId());
        assertEquals("31337", kit.web3.netVersion().send().getNetVersion());
        assertTrue(kit.web3.web3ClientVersion().send().getWeb3ClientVersion().startsWith("KeelL1Simulator"));
        assertEquals(BigInteger.ZERO, kit.web3.ethBlockNumber().send().getBlockNumber());
    }

    @Test
    void evmMineLinksBlocksWithRisingTimestamps() throws IOException {
        EthBlock.Block genesis = block(DefaultBlockParameterName.EARLIEST);
        kit.sim.mine(3);
        assertEquals(BigInteger.valueOf(3), kit.web3.ethBlockNumber().send().getBlockNumber());
        EthBlock.Block previous = genesis;
        for (long n = 1; n <= 3; n++) {
            EthBlock.Block b = block(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)));
            assertEquals(previous.getHash(), b.getParentHash());
            assertTrue(b.getTimestamp().compareTo(previous.getTimestamp()) > 0);
            assertEquals(BigInteger.valueOf(30_000_000), b.getGasLimit());
            assertEquals(b.getHash(), kit.web3.ethGetBlockByHash(b.getHash(), false).send().getBlock().getHash());
            previous = b;
        }
    }

    @Test
    void safeAndFinalizedTrailTheHead() throws IOException {
        kit.sim.mine(5);
        assertEquals(BigInteger.valueOf(5), block(DefaultBlockParameterName.LATEST).getNumber());
        assertEquals(BigInteger.valueOf(5), block(DefaultBlockParameterName.PENDING).getNumber());
        assertEquals(BigInteger.valueOf(4), block(DefaultBlockParameterName.SAFE).getNumber());
        assertEquals(BigInteger.valueOf(3), block(DefaultBlockParameterName.FINALIZED).getNumber());
        assertNull(kit.web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.TEN), false).send()
                .getBlock());
    }

    @Test
    void transferIsMinedAtOnceUnderAutomine() throws IOException {
        String to = SimTestKit.key("someone", 1).address().hex();
        String hash = kit.transact(to, "0x");
        TransactionReceipt r = kit.receipt(hash);
        assertTrue(r.isStatusOK());
        assertEquals(BigInteger.valueOf(21_000), r.getGasUsed());
        assertEquals(BigInteger.ONE, r.getBlockNumber());
        EthBlock.Block full = kit.web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.ONE), true).send()
                .getBlock();
        EthBlock.TransactionObject tx = (EthBlock.TransactionObject) full.getTransactions().get(0);
        assertEquals(hash, tx.getHash());
        assertEquals(kit.sender.address().hex(), tx.getFrom());
        assertEquals(BigInteger.ONE, kit.web3.ethGetTransactionCount(kit.sender.address().hex(),
                DefaultBlockParameterName.LATEST).send().getTransactionCount());
        assertEquals(hash, kit.web3.ethGetTransactionByHash(hash).send().getTransaction().orElseThrow().getHash());
        BigInteger balance = kit.web3.ethGetBalance(kit.sender.address().hex(), DefaultBlockParameterName.LATEST)
                .send().getBalance();
        assertTrue(balance.compareTo(WorldState.PREFUND) < 0, "the fee was paid");
        assertEquals("0x", kit.web3.ethGetCode(to, DefaultBlockParameterName.LATEST).send().getCode());
    }

    @Test
    void feeEndpointsAnswer() throws IOException {
        kit.sim.mine(3);
        assertEquals(SimL1Config.GWEI, kit.web3.ethMaxPriorityFeePerGas().send().getMaxPriorityFeePerGas());
        assertEquals(SimL1Config.GWEI.multiply(BigInteger.TWO), kit.web3.ethGasPrice().send().getGasPrice());
        EthFeeHistory.FeeHistory h = kit.web3.ethFeeHistory(2, DefaultBlockParameterName.LATEST, List.of(50.0))
                .send().getFeeHistory();
        assertEquals(BigInteger.TWO, h.getOldestBlock());
        assertEquals(3, h.getBaseFeePerGas().size());
        assertEquals(2, h.getGasUsedRatio().size());
        assertEquals(2, h.getReward().size());
        assertFalse(h.getBaseFeePerGas().contains(BigInteger.ZERO));
    }

    private EthBlock.Block block(DefaultBlockParameter p) throws IOException {
        return kit.web3.ethGetBlockByNumber(p, false).send().getBlock();
    }
}
