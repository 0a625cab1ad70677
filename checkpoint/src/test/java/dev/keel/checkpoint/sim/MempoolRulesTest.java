package dev.keel.checkpoint.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.checkpoint.EthKey;
import java.io.IOException;
import java.math.BigInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.TransactionEncoder;
import org.web3j.protocol.core.methods.response.EthSendTransaction;

/** Nonce, replacement and fee rules of the mempool, as a client sees them over JSON-RPC. */
class MempoolRulesTest {
    private static final BigInteger GWEI = SimTestKit.GWEI;
    private final SimTestKit kit = SimTestKit.automine();
    private final String to = SimTestKit.key("recipient", 0).address().hex();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void nonceBelowTheAccountsIsRefused() {
        kit.transact(to, "0x");
        EthSendTransaction again = kit.send(kit.sender, 0, to, "0x", GWEI.multiply(BigInteger.TEN), GWEI);
        assertTrue(again.hasError());
        assertTrue(again.getError().getMessage().startsWith("nonce too low"), again.getError().getMessage());
    }

    @Test
    void replacementNeedsTenPercentMoreOnBothFees() throws IOException {
        kit.sim.pauseMining();
        BigInteger fee = GWEI.multiply(BigInteger.TEN);
        String first = kit.send(kit.sender, 0, to, "0x", fee, GWEI).getTransactionHash();
        EthSendTransaction cheap = kit.send(kit.sender, 0, to, "0x01", fee.add(GWEI.divide(BigInteger.TWO)), GWEI);
        assertEquals("replacement transaction underpriced", cheap.getError().getMessage());
        EthSendTransaction tipOnly = kit.send(kit.sender, 0, to, "0x01", fee.multiply(BigInteger.TWO), GWEI);
        assertEquals("replacement transaction underpriced", tipOnly.getError().getMessage());
        EthSendTransaction bumped = kit.send(kit.sender, 0, to, "0x02", fee.multiply(BigInteger.TWO),
                GWEI.multiply(BigInteger.TWO));
        assertFalse(bumped.hasError(), () -> bumped.getError().getMessage());
        assertTrue(kit.web3.ethGetTransactionByHash(first).send().getTransaction().isEmpty(), "replaced tx is gone");
        kit.sim.mine(1);
        assertTrue(kit.receipt(bumped.getTransactionHash()).isStatusOK());
        assertTrue(kit.web3.ethGetTransactionReceipt(first).send().getTransactionReceipt().isEmpty());
    }

    @Test
    void pendingNonceCountsThePoolAndAGapWaits() throws IOException {
        kit.sim.pauseMining();
        BigInteger fee = GWEI.multiply(BigInteger.TEN);
        kit.send(kit.sender, 0, to, "0x", fee, GWEI);
        String gapped = kit.send(kit.sender, 2, to, "0x", fee, GWEI).getTransactionHash();
        assertEquals(1, kit.nonce(kit.sender), "pending nonce stops at the gap");
        kit.sim.mine(1);
        assertTrue(kit.web3.ethGetTransactionReceipt(gapped).send().getTransactionReceipt().isEmpty());
        kit.send(kit.sender, 1, to, "0x", fee, GWEI);
        kit.sim.mine(1);
        assertTrue(kit.receipt(gapped).isStatusOK(), "filling the gap releases the waiting tx");
        assertEquals(kit.receipt(gapped).getBlockNumber(), BigInteger.TWO);
        assertEquals(3, kit.nonce(kit.sender));
    }

    @Test
    void feeCapBelowTheBaseFeeWaitsForIt() throws IOException {
        kit.sim.feeSpike(10, 2);
        assertEquals(GWEI.multiply(BigInteger.TEN), kit.sim.stats().nextBaseFee());
        String hash = kit.send(kit.sender, 0, to, "0x", GWEI.multiply(BigInteger.valueOf(5)), GWEI)
                .getTransactionHash();
        assertEquals(1, kit.sim.stats().pendingTxs(), "automine made a block, but the tx waits");
        assertTrue(kit.web3.ethGetTransactionReceipt(hash).send().getTransactionReceipt().isEmpty());
        kit.sim.mine(1);
        assertEquals(GWEI, kit.sim.stats().nextBaseFee(), "spike over");
        kit.sim.mine(1);
        assertTrue(kit.receipt(hash).isStatusOK());
        // base fee 1 gwei + tip min(1 gwei, 5 gwei - base fee)
        assertEquals("0x" + GWEI.multiply(BigInteger.TWO).toString(16), kit.receipt(hash).getEffectiveGasPrice());
    }

    @Test
    void legacyEip155TransactionsWork() {
        RawTransaction tx = RawTransaction.createTransaction(BigInteger.ZERO, GWEI.multiply(BigInteger.TEN),
                BigInteger.valueOf(21_000), to, BigInteger.ONE, "");
        EthSendTransaction r = kit.sendSigned(TransactionEncoder.signMessage(tx, 31337L,
                Credentials.create(kit.sender.web3jKeyPair())));
        assertFalse(r.hasError(), () -> r.getError().getMessage());
        assertTrue(kit.receipt(r.getTransactionHash()).isStatusOK());
    }

    @Test
    void transactionsTheNodeMustRefuse() {
        EthKey k = kit.sender;
        RawTransaction wrongChain = RawTransaction.createTransaction(1L, BigInteger.ZERO, BigInteger.valueOf(21_000),
                to, BigInteger.ZERO, "", GWEI, GWEI.multiply(BigInteger.TEN));
        assertTrue(kit.sendSigned(TransactionEncoder.signMessage(wrongChain, 1L,
                Credentials.create(k.web3jKeyPair()))).getError().getMessage().startsWith("invalid chain id"));
        RawTransaction preEip155 = RawTransaction.createTransaction(BigInteger.ZERO, GWEI, BigInteger.valueOf(21_000),
                to, BigInteger.ZERO, "");
        assertTrue(kit.sendSigned(TransactionEncoder.signMessage(preEip155, Credentials.create(k.web3jKeyPair())))
                .getError().getMessage().contains("EIP-155"));
        RawTransaction tooLittleGas = RawTransaction.createTransaction(31337L, BigInteger.ZERO,
                BigInteger.valueOf(20_000), to, BigInteger.ZERO, "", GWEI, GWEI.multiply(BigInteger.TEN));
        assertTrue(kit.sendSigned(TransactionEncoder.signMessage(tooLittleGas, 31337L,
                Credentials.create(k.web3jKeyPair()))).getError().getMessage().startsWith("intrinsic gas too low"));
        RawTransaction aboveBlock = RawTransaction.createTransaction(31337L, BigInteger.ZERO,
                BigInteger.valueOf(30_000_001), to, BigInteger.ZERO, "", GWEI, GWEI.multiply(BigInteger.TEN));
        assertEquals("exceeds block gas limit", kit.sendSigned(TransactionEncoder.signMessage(aboveBlock, 31337L,
                Credentials.create(k.web3jKeyPair()))).getError().getMessage());
        assertEquals(0, kit.sim.stats().txsAccepted());
        assertEquals(4, kit.sim.stats().txsRejected());
    }
}
