package dev.keel.checkpoint.sim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An Ethereum L1 in this process, reached over plain JSON-RPC at {@link #url()}: the default L1
 * of {@code keel testnet} and of tests. Validators talk to it with the same web3j code they use
 * for a real node; it runs KeelCheckpoints' rules in Java ({@link SimulatedContract}) and can be
 * told to misbehave ({@link #inject}). Known differences from a real node are listed in the
 * package documentation.
 */
public final class L1Simulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(L1Simulator.class);
    /** HTTP worker threads; requests beyond them queue (bounded), then run on the accepting thread. */
    private static final int WORKERS = 4;
    private static final int QUEUE = 256;

    static {
        // The JDK server writes headers and body as two segments; with Nagle on, the client's delayed
        // ACK stalls every call ~40 ms. The flag is read once, when the first HttpServer is created.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SimL1Config config;
    private final SimChain chain;
    private final SimMiner miner;
    private final SimFaults faults;
    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    private L1Simulator(SimL1Config config) throws IOException {
        this.config = config;
        this.chain = new SimChain(config, ContractCode.load());
        this.faults = new SimFaults(config.clock(), config.faultSeed());
        this.miner = new SimMiner(chain, config.blockTime());
        RpcMethods methods = new RpcMethods(config, chain, miner, faults, new RpcControls(chain, this));
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(WORKERS, WORKERS, 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(QUEUE), r -> {
                    Thread t = new Thread(r, "keel-l1-sim-http-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 64);
        // strict: "{...} trailing junk" is a parse error, not a silently truncated request
        ObjectMapper json = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        server.createContext("/", new RpcHttpHandler(json, methods, faults));
        server.setExecutor(executor);
    }

    /** Binds 127.0.0.1:{@code config.port()} and starts serving and mining. */
    public static L1Simulator start(SimL1Config config) throws IOException {
        L1Simulator sim = new L1Simulator(config);
        sim.server.start();
        LOG.info("event=l1_sim_started url={} chainId={} blockTimeMs={}", sim.url(), config.chainId(),
                config.blockTime().toMillis());
        return sim;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public SimL1Config config() {
        return config;
    }

    /** The newest block. */
    public SimBlock head() {
        return chain.head();
    }

    /** Mines {@code blocks} blocks now (at most {@link RpcParams#MAX_COUNT}), paused or not. */
    public void mine(int blocks) {
        if (blocks < 0 || blocks > RpcParams.MAX_COUNT) {
            throw new IllegalArgumentException("mine 0.." + RpcParams.MAX_COUNT + " blocks, got " + blocks);
        }
        for (int i = 0; i < blocks; i++) {
            chain.mine();
        }
    }

    /** evm_snapshot: an id to {@link #revert} to. */
    public long snapshot() {
        return chain.snapshot();
    }

    /** evm_revert: false if the id is unknown, used up, or its block was reorged away. */
    public boolean revert(long snapshotId) {
        return chain.revert(snapshotId);
    }

    /** Applies a fault or knob; counted in {@link #stats()}. */
    public void inject(SimFault fault) {
        if (fault instanceof SimFault.Reorg r) {
            chain.reorg(r.depth(), r.dropTxs());
            LOG.info("event=l1_sim_reorg depth={} dropTxs={} head={}", r.depth(), r.dropTxs(), chain.head().number());
            faults.countFault("reorg");
        } else if (fault instanceof SimFault.RpcOutage o) {
            faults.startOutage(o);
            LOG.info("event=l1_sim_outage durationMs={} probability={} mode={}", o.duration().toMillis(),
                    o.probability(), o.mode());
            faults.countFault("rpcOutage");
        } else if (fault instanceof SimFault.FeeSpike s) {
            chain.feeSpike(s.multiplier(), s.blocks());
            LOG.info("event=l1_sim_fee_spike multiplier={} blocks={}", s.multiplier(), s.blocks());
            faults.countFault("feeSpike");
        } else if (fault instanceof SimFault.MiningPause p) {
            miner.setPaused(p.paused());
            LOG.info("event=l1_sim_mining paused={}", p.paused());
            faults.countFault("miningPause");
        } else if (fault instanceof SimFault.BlockTime t) {
            miner.setBlockTime(t.blockTime());
            LOG.info("event=l1_sim_block_time ms={}", t.blockTime().toMillis());
            faults.countFault("blockTime");
        } else {
            throw new AssertionError("unhandled fault " + fault);
        }
    }

    public void reorg(int depth, boolean dropTxs) {
        inject(new SimFault.Reorg(depth, dropTxs));
    }

    /** Every non-control request fails for {@code duration}. */
    public void failRpc(Duration duration, SimFault.OutageMode mode) {
        inject(new SimFault.RpcOutage(duration, 1.0, mode));
    }

    /** Each non-control request fails with {@code probability} for {@code duration} (seeded, deterministic). */
    public void failRpcRandomly(double probability, Duration duration, SimFault.OutageMode mode) {
        inject(new SimFault.RpcOutage(duration, probability, mode));
    }

    public void endRpcFailure() {
        inject(new SimFault.RpcOutage(Duration.ZERO, 1.0, SimFault.OutageMode.RPC_ERROR));
    }

    public void feeSpike(long multiplier, int blocks) {
        inject(new SimFault.FeeSpike(multiplier, blocks));
    }

    public void pauseMining() {
        inject(new SimFault.MiningPause(true));
    }

    public void resumeMining() {
        inject(new SimFault.MiningPause(false));
    }

    public void setBlockTime(Duration blockTime) {
        inject(new SimFault.BlockTime(blockTime));
    }

    public SimStats stats() {
        long head = chain.head().number();
        BigInteger nextBaseFee = chain.nextBaseFee();
        return new SimStats(head, Math.max(0, head - config.safeDepth()), Math.max(0, head - config.finalizedDepth()),
                chain.pendingCount(), nextBaseFee, miner.paused(), miner.blockTime(), faults.outageActive(),
                faults.txsAccepted(), faults.txsRejected(), faults.requests(), faults.badRequests(),
                faults.faultsInjected(), faults.failedRequests());
    }

    @Override
    public void close() {
        miner.close();
        server.stop(0);
        executor.shutdownNow();
        LOG.info("event=l1_sim_stopped url={}", url());
    }
}
