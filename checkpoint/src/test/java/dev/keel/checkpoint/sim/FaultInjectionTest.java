package dev.keel.checkpoint.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.EthBlockNumber;
import org.web3j.protocol.exceptions.ClientConnectionException;

/** RPC outages, fee spikes, mining pauses and block time, through the Java API and the keel_* methods. */
class FaultInjectionTest {
    private final SimTestKit kit = SimTestKit.automine();

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void rpcErrorOutageThenRecovery() throws IOException {
        kit.sim.failRpc(Duration.ofHours(1), SimFault.OutageMode.RPC_ERROR);
        EthBlockNumber failed = kit.web3.ethBlockNumber().send();
        assertTrue(failed.hasError());
        assertEquals(-32000, failed.getError().getCode());
        assertEquals("l1 unavailable (injected)", failed.getError().getMessage());
        kit.sim.mine(1); // controls keep working during an outage
        assertTrue(kit.sim.stats().outageActive());
        Raw.call(kit.sim.url(), "keel_failRpc", "[0]");
        assertEquals(BigInteger.ONE, kit.web3.ethBlockNumber().send().getBlockNumber());
        assertEquals(1, kit.sim.stats().failedRequests());
    }

    @Test
    void http503OutageFailsTheTransport() throws IOException {
        Raw.call(kit.sim.url(), "keel_failRpc", "[{\"durationMs\": 3600000, \"mode\": \"http503\"}]");
        assertThrows(ClientConnectionException.class, () -> kit.web3.ethChainId().send());
        kit.sim.endRpcFailure();
        assertEquals(BigInteger.valueOf(31337), kit.web3.ethChainId().send().getChainId());
    }

    @Test
    void probabilisticOutageIsSeededAndPartial() {
        kit.sim.failRpcRandomly(0.5, Duration.ofHours(1), SimFault.OutageMode.RPC_ERROR);
        int failures = 0;
        for (int i = 0; i < 40; i++) {
            failures += tryBlockNumber() ? 0 : 1;
        }
        assertTrue(failures > 0 && failures < 40, "some but not all fail: " + failures);
        assertEquals(failures, kit.sim.stats().failedRequests());
    }

    @Test
    void feeSpikeMultipliesTheBaseFeeForSomeBlocks() throws IOException {
        Raw.call(kit.sim.url(), "keel_feeSpike", "[20, 2]");
        kit.sim.mine(1);
        assertEquals(SimL1Config.GWEI.multiply(BigInteger.valueOf(20)), latestBaseFee());
        kit.sim.mine(1);
        assertEquals(SimL1Config.GWEI.multiply(BigInteger.valueOf(20)), latestBaseFee());
        kit.sim.mine(1);
        assertEquals(SimL1Config.GWEI, latestBaseFee());
    }

    @Test
    void pausedMiningHoldsTransactionsUntilMined() {
        Raw.call(kit.sim.url(), "keel_pauseMining", "[]");
        String hash = kit.transact(SimTestKit.key("x", 0).address().hex(), "0x");
        assertEquals(0, kit.sim.head().number());
        assertEquals(1, kit.sim.stats().pendingTxs());
        Raw.call(kit.sim.url(), "keel_resumeMining", "[]");
        kit.sim.mine(1);
        assertTrue(kit.receipt(hash).isStatusOK());
    }

    @Test
    void intervalMiningProducesBlocksWithoutTransactions() throws InterruptedException {
        Raw.call(kit.sim.url(), "keel_setBlockTime", "[20]");
        // bounded wait, no timing assertion: only that blocks eventually come
        for (int i = 0; i < 500 && kit.sim.head().number() < 2; i++) {
            Thread.sleep(10);
        }
        assertTrue(kit.sim.head().number() >= 2);
        kit.sim.setBlockTime(Duration.ZERO);
        assertEquals(Duration.ZERO, kit.sim.stats().blockTime());
    }

    @Test
    void statusReportsCounters() {
        kit.sim.feeSpike(2, 1);
        String status = Raw.call(kit.sim.url(), "keel_status", "[]");
        assertTrue(status.contains("\"feeSpike\":1"), status);
        assertTrue(status.contains("\"keel_status\":1"), status);
        assertEquals(1, kit.sim.stats().requests().get("keel_status"));
    }

    @Test
    void everyFaultKindIsHandled() {
        Map<Class<?>, Supplier<SimFault>> samples = Map.of(
                SimFault.Reorg.class, () -> new SimFault.Reorg(1, false),
                SimFault.RpcOutage.class, () -> new SimFault.RpcOutage(Duration.ZERO, 1, SimFault.OutageMode.HTTP_503),
                SimFault.FeeSpike.class, () -> new SimFault.FeeSpike(1, 0),
                SimFault.MiningPause.class, () -> new SimFault.MiningPause(false),
                SimFault.BlockTime.class, () -> new SimFault.BlockTime(Duration.ZERO));
        Set<Class<?>> permitted = Stream.of(SimFault.class.getPermittedSubclasses()).collect(Collectors.toSet());
        assertEquals(permitted, samples.keySet());
        kit.sim.mine(1);
        samples.values().forEach(s -> kit.sim.inject(s.get()));
        assertEquals(5, kit.sim.stats().faultsInjected().size());
    }

    private boolean tryBlockNumber() {
        try {
            return !kit.web3.ethBlockNumber().send().hasError();
        } catch (IOException e) {
            return false;
        }
    }

    private BigInteger latestBaseFee() {
        try {
            return kit.web3.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send().getBlock()
                    .getBaseFeePerGas();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
