package dev.keel.node.execution;

import dev.keel.app.Application;
import dev.keel.app.BlockInfo;
import dev.keel.app.BlockResult;
import dev.keel.app.TxResult;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.storage.ChainStore;
import dev.keel.storage.TxLocation;
import dev.keel.storage.exec.ExecutionLog;
import dev.keel.storage.exec.ExecutionRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs committed blocks through the application, in height order, on its own thread (so
 * consensus never waits for execution), and records the results in the {@link ExecutionLog}.
 *
 * <p><b>Exactly once.</b> A transaction may reach several validators and, through a byzantine
 * or racing leader, more than one committed block. The store's transaction index keeps the
 * first committed location of every hash, so here a transaction runs only at that location;
 * anywhere else it is recorded as {@link TxResult#DUPLICATE} and the application never sees
 * it. Every validator has the same index, so the outcome is deterministic.
 *
 * <p><b>Restart.</b> Application state is in memory: on start the executor replays the
 * committed chain from height 1 before taking new commits (which queue meanwhile). A gap
 * (blocks handed over above the next height) is filled from the store.
 */
public final class BlockExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlockExecutor.class);

    /** Told of every executed block, on the executor thread, in height order. */
    public interface Listener {
        void onExecuted(Block block, List<Hash> txHashes, ExecutionRecord record, boolean replay);
    }

    private final Application app;
    private final ChainStore store;
    private final ExecutionLog log;
    private final Listener listener;
    private final LinkedBlockingQueue<List<Block>> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile long executedHeight;
    private volatile String failure;
    private volatile boolean closed;

    public BlockExecutor(Application app, ChainStore store, ExecutionLog log, Listener listener) {
        this.app = app;
        this.store = store;
        this.log = log;
        this.listener = listener;
        this.thread = new Thread(this::run, "keel-executor");
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /** Hands over newly committed blocks (a chain, oldest first). Never blocks. */
    public void submit(List<Block> committed) {
        queue.add(List.copyOf(committed));
    }

    public long executedHeight() {
        return executedHeight;
    }

    /** Why execution stopped, if it did (a bug in the application: the node keeps ordering but not executing). */
    public Optional<String> failure() {
        return Optional.ofNullable(failure);
    }

    public Optional<ExecutionRecord> record(long height) {
        return height > executedHeight ? Optional.empty() : log.get(height);
    }

    private void run() {
        try {
            replay();
            while (!closed) {
                List<Block> blocks = queue.take();
                List<Block> more = new ArrayList<>(blocks);
                List<Block> next;
                while ((next = queue.poll()) != null) { // drain: one log transaction for everything waiting
                    more.addAll(next);
                }
                executeAll(more, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e.toString();
            LOG.error("execution stopped at height={} error=\"{}\" (the node keeps ordering blocks; restart to retry)",
                    executedHeight + 1, e.toString(), e);
        }
    }

    private void replay() {
        long head = store.committedHeight();
        if (head == 0) {
            return;
        }
        long t0 = System.nanoTime();
        log.clear();
        for (long h = 1; h <= head && !closed; h += 256) {
            List<Block> page = new ArrayList<>();
            for (long x = h; x < h + 256 && x <= head; x++) {
                page.add(blockAt(x));
            }
            executeAll(page, true);
        }
        LOG.info("replayed committed chain height={} tookMs={} stateRoot={}", head, (System.nanoTime() - t0) / 1_000_000,
                app.stateRoot());
    }

    private Block blockAt(long height) {
        return store.blockByHeight(height).orElseThrow(() -> new IllegalStateException("committed block " + height
                + " is not stored (pruned?): cannot rebuild the application state (state sync is not supported yet)"));
    }

    private void executeAll(List<Block> blocks, boolean replay) {
        List<ExecutionRecord> records = new ArrayList<>(blocks.size());
        List<Block> done = new ArrayList<>(blocks.size());
        List<List<Hash>> hashes = new ArrayList<>(blocks.size());
        for (Block b : blocks) {
            if (b.height() <= executedHeight) {
                continue;
            }
            for (long gap = executedHeight + 1; gap < b.height(); gap++) {
                Block filler = blockAt(gap);
                List<Hash> fh = filler.payload().txHashes();
                records.add(execute(filler, fh));
                done.add(filler);
                hashes.add(fh);
            }
            List<Hash> h = b.payload().txHashes();
            records.add(execute(b, h));
            done.add(b);
            hashes.add(h);
        }
        if (records.isEmpty()) {
            return;
        }
        log.append(records);
        for (int i = 0; i < done.size(); i++) {
            listener.onExecuted(done.get(i), hashes.get(i), records.get(i), replay);
        }
    }

    private ExecutionRecord execute(Block b, List<Hash> hashes) {
        List<Bytes> txs = b.payload().txs();
        boolean[] duplicate = new boolean[txs.size()];
        List<Bytes> run = new ArrayList<>(txs.size());
        for (int i = 0; i < txs.size(); i++) {
            Optional<TxLocation> first = store.findTx(hashes.get(i));
            duplicate[i] = first.isPresent() && (first.get().height() != b.height() || first.get().index() != i);
            if (!duplicate[i]) {
                run.add(txs.get(i));
            }
        }
        BlockResult result = app.execute(new BlockInfo(b.height(), b.id(), b.header().timestampMillis()), run);
        if (result.results().size() != run.size()) {
            throw new IllegalStateException("application returned " + result.results().size() + " results for "
                    + run.size() + " transactions at height " + b.height());
        }
        List<ExecutionRecord.Outcome> outcomes = new ArrayList<>(txs.size());
        int j = 0;
        for (int i = 0; i < txs.size(); i++) {
            TxResult r = duplicate[i] ? new TxResult(TxResult.DUPLICATE, "committed earlier") : result.results().get(j++);
            outcomes.add(new ExecutionRecord.Outcome(r.code(), r.message()));
        }
        executedHeight = b.height();
        return new ExecutionRecord(b.height(), result.stateRoot(), outcomes);
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
