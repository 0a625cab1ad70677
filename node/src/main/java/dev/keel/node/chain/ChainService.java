package dev.keel.node.chain;

import dev.keel.app.Application;
import dev.keel.app.QueryResult;
import dev.keel.app.TxResult;
import dev.keel.consensus.core.Commit;
import dev.keel.consensus.core.PayloadRequest;
import dev.keel.consensus.message.TxBatch;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Payload;
import dev.keel.mempool.Admission;
import dev.keel.mempool.Mempool;
import dev.keel.node.actor.TxPort;
import dev.keel.node.execution.BlockExecutor;
import dev.keel.node.metrics.TxMetrics;
import dev.keel.storage.ChainStore;
import dev.keel.storage.TxLocation;
import dev.keel.storage.exec.ExecutionRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.javadsl.Source;

/**
 * The transaction side of a validator: client and peer transactions into the mempool,
 * payloads out to the proposer, commits into execution, and every read the API serves
 * ({@link ChainAccess}). Thread-safe; nothing here blocks the consensus actor.
 */
public final class ChainService implements ChainAccess, TxPort, AutoCloseable {
    /** How often, at most, pending transactions are re-checked against the state (the check may cost a signature). */
    private static final long RECHECK_EVERY_MILLIS = 1000;
    private static final int RECENT = 100_000;

    private final Application app;
    private final Mempool mempool;
    private final ChainStore store;
    private final BlockExecutor executor;
    private final BlockFeed feed;
    private final TxForwarder forwarder;
    private final TxMetrics metrics;
    private final LongSupplier clock;
    private final int maxBlockTxs;
    private final long maxBlockBytes;
    private final AtomicReference<Runnable> wake = new AtomicReference<>();
    private final Recent<Hash, Long> latencies = new Recent<>(RECENT);
    private final Recent<Hash, Admission.Rejected> refused = new Recent<>(RECENT);
    /** Peer batches are admitted here: bounded, and a full queue drops the batch (counted) rather than stall a link. */
    private final ThreadPoolExecutor intake;
    private volatile long lastRecheck;

    private final List<BlockExecutor.Listener> extraListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    public ChainService(Application app, Mempool mempool, ChainStore store, java.util.function.Function<BlockExecutor.Listener, BlockExecutor> executor,
                        BlockFeed feed, java.util.function.Consumer<TxBatch> broadcast, TxMetrics metrics, LongSupplier clock,
                        int maxBlockTxs, long maxBlockBytes) {
        this.app = app;
        this.mempool = mempool;
        this.store = store;
        this.feed = feed;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBlockTxs = maxBlockTxs;
        this.maxBlockBytes = maxBlockBytes;
        this.forwarder = new TxForwarder(broadcast);
        this.intake = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(256), r -> {
            Thread t = new Thread(r, "keel-tx-intake");
            t.setDaemon(true);
            return t;
        });
        this.executor = executor.apply(this::onExecuted);
    }

    public void start() {
        executor.start();
    }

    public BlockExecutor executor() {
        return executor;
    }

    // ---- clients (ChainAccess) ----

    @Override
    public String appName() {
        return app.name();
    }

    @Override
    public Admission submit(Bytes tx, String source) {
        Admission a = mempool.add(tx, source, clock.getAsLong());
        metrics.onAdmission(a, false);
        if (a instanceof Admission.Accepted) {
            forwarder.add(tx);
            wakeProposer();
        } else if (a instanceof Admission.Rejected r) {
            refused.put(r.hash(), r);
        }
        return a;
    }

    @Override
    public TxStatus tx(Hash hash) {
        var pending = mempool.pending(hash);
        if (pending.isPresent()) {
            return new TxStatus.Pending(pending.get().receivedAtMillis());
        }
        Optional<TxLocation> at = store.findTx(hash);
        if (at.isPresent()) {
            TxLocation loc = at.get();
            TxResult result = executor.record(loc.height())
                    .map(r -> r.outcomes().get(loc.index()))
                    .map(o -> new TxResult(o.code(), o.message()))
                    .orElse(new TxResult("executing", "committed; not executed here yet"));
            Long latency = latencies.get(hash);
            return new TxStatus.Committed(loc.height(), loc.index(), loc.blockId(), result,
                    latency == null ? OptionalLong.empty() : OptionalLong.of(latency));
        }
        var dropped = mempool.dropped(hash);
        if (dropped.isPresent()) {
            return new TxStatus.Rejected(dropped.get().code(), dropped.get().message());
        }
        Admission.Rejected r = refused.get(hash);
        return r != null ? new TxStatus.Rejected(r.code(), r.message()) : new TxStatus.Unknown();
    }

    @Override
    public Optional<BlockView> block(long height) {
        return height < 1 ? Optional.empty() : store.blockByHeight(height).map(this::view);
    }

    @Override
    public Optional<BlockView> block(Hash id) {
        return store.blockByHash(id).filter(b -> b.height() >= 1 && b.height() <= store.committedHeight()
                && store.blockByHeight(b.height()).map(c -> c.id().equals(id)).orElse(false)).map(this::view);
    }

    @Override
    public Optional<BlockView> latest() {
        return block(store.committedHeight());
    }

    @Override
    public List<BlockView> blocks(long fromHeight, int max) {
        List<BlockView> out = new ArrayList<>();
        long head = store.committedHeight();
        for (long h = Math.max(1, fromHeight); h <= head && out.size() < max; h++) {
            Optional<BlockView> b = block(h);
            if (b.isEmpty()) {
                break;
            }
            out.add(b.get());
        }
        return out;
    }

    @Override
    public Source<BlockView, NotUsed> live() {
        return feed.subscribe();
    }

    @Override
    public QueryResult query(String path, Map<String, String> params) {
        return app.query(path, params);
    }

    private BlockView view(Block b) {
        return new BlockView(b, b.payload().txHashes(), executor.record(b.height()).map(ChainService::execution));
    }

    private static BlockView.Execution execution(ExecutionRecord r) {
        return new BlockView.Execution(r.outcomes().stream().map(o -> new TxResult(o.code(), o.message())).toList(),
                r.stateRoot());
    }

    // ---- consensus (TxPort) ----

    @Override
    public Optional<Payload> payload(PayloadRequest request, boolean force) {
        var batch = mempool.batch(maxBlockTxs, maxBlockBytes, new HashSet<>(request.excludedTxs()), clock.getAsLong());
        if (batch.isEmpty() && !force) {
            return Optional.empty();
        }
        List<Bytes> txs = new ArrayList<>(batch.size());
        for (var p : batch) {
            txs.add(p.tx());
        }
        return Optional.of(new Payload(txs));
    }

    @Override
    public void onCommitted(Commit commit) {
        long now = clock.getAsLong();
        List<Hash> hashes = new ArrayList<>();
        for (Block b : commit.blocks()) {
            for (Hash h : b.payload().txHashes()) {
                hashes.add(h);
                mempool.pending(h).filter(p -> !p.source().startsWith("peer:")).ifPresent(p -> {
                    long latency = Math.max(0, now - p.receivedAtMillis());
                    latencies.put(h, latency);
                    metrics.onCommitLatency(latency);
                });
            }
        }
        mempool.committed(hashes, now);
        metrics.onCommittedTxs(hashes.size());
        executor.submit(commit.blocks());
    }

    @Override
    public void onGossip(int fromValidator, TxBatch batch) {
        try {
            intake.execute(() -> {
                String source = "peer:" + fromValidator;
                boolean any = false;
                for (Bytes tx : batch.txs()) {
                    Admission a = mempool.add(tx, source, clock.getAsLong());
                    metrics.onAdmission(a, true);
                    any |= a instanceof Admission.Accepted;
                }
                if (any) {
                    wakeProposer();
                }
            });
        } catch (RejectedExecutionException e) {
            metrics.onGossipDropped(batch.txs().size());
        }
    }

    @Override
    public void wakeOnArrival(Runnable wakeUp) {
        wake.set(wakeUp);
        if (!mempool.isEmpty()) {
            wakeProposer();
        }
    }

    private void wakeProposer() {
        Runnable w = wake.getAndSet(null);
        if (w != null) {
            w.run();
        }
    }

    // ---- execution ----

    /** Also tell {@code listener} of every executed block (the checkpoint builder). Call before {@link #start}. */
    public void alsoOnExecuted(BlockExecutor.Listener listener) {
        extraListeners.add(listener);
    }

    private void onExecuted(Block block, List<Hash> hashes, ExecutionRecord record, boolean replay) {
        metrics.onExecuted(record);
        for (BlockExecutor.Listener l : extraListeners) {
            l.onExecuted(block, hashes, record, replay);
        }
        if (!replay) {
            feed.publish(new BlockView(block, hashes, Optional.of(execution(record))));
            long now = clock.getAsLong();
            if (app.checkReadsState() && now - lastRecheck >= RECHECK_EVERY_MILLIS && !mempool.isEmpty()) {
                lastRecheck = now;
                mempool.recheck(now);
            }
        }
    }

    public Mempool mempool() {
        return mempool;
    }

    @Override
    public void close() {
        forwarder.close();
        intake.shutdownNow();
        executor.close();
        feed.close();
    }
}
