package dev.keel.checkpoint.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.ValidatorSetHash;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/** Reorgs and snapshots: what was mined can vanish or move, and the contract's view follows. */
class ReorgTest {
    private final SimTestKit kit = SimTestKit.automine();
    private final List<EthKey> keys = SimTestKit.validators(4);
    private final Hash setHash = ValidatorSetHash.of(SimTestKit.addresses(keys), 3);
    private String contract;
    private String submission;

    @BeforeEach
    void anchorOne() {
        contract = kit.deploy(keys, 3);
        Checkpoint cp = SimTestKit.checkpoint(1, 0, 1, 10, setHash);
        submission = kit.transact(contract, SimTestKit.submitData(cp, SimTestKit.sign(keys, cp.digest())));
        assertTrue(kit.receipt(submission).isStatusOK());
        kit.sim.mine(1);
    }

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void droppedTransactionsVanish() throws IOException {
        String oldHash = blockHash(2);
        kit.sim.reorg(2, true);
        assertEquals(3, kit.sim.head().number(), "a reorg keeps the height");
        assertNotEquals(oldHash, blockHash(2));
        assertTrue(kit.web3.ethGetTransactionReceipt(submission).send().getTransactionReceipt().isEmpty());
        assertTrue(kit.web3.ethGetTransactionByHash(submission).send().getTransaction().isEmpty());
        assertEquals(BigInteger.ZERO, count());
        assertEquals(1, kit.nonce(kit.sender), "the dropped tx's nonce is free again");
        assertEquals(1, kit.sim.stats().faultsInjected().get("reorg"));
    }

    @Test
    void keptTransactionsAreMinedAgainInTheNewBlocks() {
        TransactionReceipt before = kit.receipt(submission);
        kit.sim.reorg(2, false);
        TransactionReceipt after = kit.receipt(submission);
        assertTrue(after.isStatusOK());
        assertNotEquals(before.getBlockHash(), after.getBlockHash());
        assertEquals(BigInteger.ONE, count());
        String anchor = kit.call(contract, SimTestKit.callData(ContractAbi.ANCHOR, BigInteger.ONE)).getValue();
        assertTrue(anchor.endsWith(Bytes.wrap(ContractAbi.word32(after.getBlockNumber())).toHex()),
                "anchor() names the block the checkpoint landed in now");
    }

    @Test
    void reorgDeeperThanTheChainIsRefused() {
        RpcError e = org.junit.jupiter.api.Assertions.assertThrows(RpcError.class, () -> kit.sim.reorg(4, true));
        assertEquals(RpcError.INVALID_PARAMS, e.code());
    }

    @Test
    void evmRevertRollsBackToTheSnapshot() {
        long snap = kit.sim.snapshot();
        kit.transact(contract, "0x");
        kit.sim.mine(2);
        assertTrue(kit.sim.revert(snap));
        assertEquals(3, kit.sim.head().number());
        assertEquals(2, kit.nonce(kit.sender), "deploy + submission; the transfer after the snapshot is gone");
        assertFalse(kit.sim.revert(snap), "a snapshot is used up by reverting to it");
    }

    private BigInteger count() {
        return new BigInteger(kit.call(contract, SimTestKit.callData(ContractAbi.CHECKPOINT_COUNT)).getValue()
                .substring(2), 16);
    }

    private String blockHash(long n) throws IOException {
        return kit.web3.ethGetBlockByNumber(DefaultBlockParameter.valueOf(BigInteger.valueOf(n)), false).send()
                .getBlock().getHash();
    }
}
