package dev.keel.checkpoint.sim;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When blocks are made: on a timer every block time (interval mining, empty blocks included), or
 * right after each accepted transaction when the block time is zero (automine). Pausing stops
 * both; explicit mining (evm_mine, reorgs) is not affected.
 */
final class SimMiner implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimMiner.class);

    private final SimChain chain;
    private final ScheduledExecutorService timer;
    private volatile Duration blockTime;
    private volatile boolean paused;
    private ScheduledFuture<?> task;

    SimMiner(SimChain chain, Duration blockTime) {
        this.chain = chain;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keel-l1-sim-miner");
            t.setDaemon(true);
            return t;
        });
        setBlockTime(blockTime);
    }

    /** True when a transaction should be mined as soon as it is accepted. */
    boolean automine() {
        return blockTime.isZero() && !paused;
    }

    Duration blockTime() {
        return blockTime;
    }

    boolean paused() {
        return paused;
    }

    void setPaused(boolean p) {
        paused = p;
    }

    synchronized void setBlockTime(Duration d) {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
        blockTime = d;
        if (!d.isZero()) {
            long ms = d.toMillis();
            task = timer.scheduleAtFixedRate(this::tick, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void tick() {
        if (paused) {
            return;
        }
        try {
            chain.mine();
        } catch (RuntimeException e) {
            // an exception would cancel the schedule and silently stop the chain; log and keep ticking
            LOG.error("event=sim_mine_failed", e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
