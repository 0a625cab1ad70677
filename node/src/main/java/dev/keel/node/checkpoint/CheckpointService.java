package dev.keel.node.checkpoint;

import dev.keel.checkpoint.Checkpoint;
import dev.keel.checkpoint.CheckpointRecord;
import dev.keel.checkpoint.CheckpointSigners;
import dev.keel.checkpoint.EthKey;
import dev.keel.checkpoint.EthSignature;
import dev.keel.checkpoint.SignedCheckpoint;
import dev.keel.checkpoint.aggregate.Aggregator;
import dev.keel.checkpoint.aggregate.VoteOutcome;
import dev.keel.checkpoint.anchor.Anchoring;
import dev.keel.consensus.message.CheckpointVote;
import dev.keel.consensus.message.Message;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Hash;
import dev.keel.storage.ChainStore;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The validator's checkpoint shell: builds and signs a checkpoint whenever execution closes a
 * range, exchanges signatures with the other validators, keeps the formed checkpoints, and
 * drives the anchoring loop. Everything runs on one thread ({@code keel-checkpoint}); the
 * consensus thread and the executor only enqueue. Checkpoints are derived data: a crash loses
 * nothing the replay from genesis does not rebuild (formed signatures are kept in storage).
 */
public final class CheckpointService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointService.class);
    /** Numbers ahead of / behind this node's own for which votes are kept. */
    private static final int WINDOW = 16;
    private static final long REANNOUNCE_MILLIS = 2000;

    private final int self;
    private final EthKey key;
    private final CheckpointSigners signers;
    private final ChainStore store;
    private final RangeBuilder ranges;
    private final Aggregator aggregator;
    private final Consumer<Message> broadcast;
    private final BiConsumer<Integer, Message> sendTo;
    private final Optional<Anchoring> anchoring;
    private final CheckpointMetrics metrics;
    private final LongSupplier clock;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "keel-checkpoint");
        t.setDaemon(true);
        return t;
    });
    final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    private final Set<Long> answered = new HashSet<>();
    /** Matching signatures gathered so far per unformed checkpoint, for the API. */
    final Map<Long, Integer> gathered = new ConcurrentHashMap<>();
    volatile long latestBuilt;
    volatile long latestFormed;
    volatile long digestMismatches;

    /** What the API reads per checkpoint; replaced whole, never mutated. */
    record Entry(CheckpointRecord record, long committedAtMillis, long anchoredAtMillis, long settledAtMillis,
                 long l1Block) {
        Entry with(CheckpointRecord r) {
            return new Entry(r, committedAtMillis, anchoredAtMillis, settledAtMillis, l1Block);
        }
    }

    public CheckpointService(int self, EthKey key, CheckpointSigners signers, ChainStore store, RangeBuilder ranges,
                             Consumer<Message> broadcast, BiConsumer<Integer, Message> sendTo,
                             Optional<Anchoring> anchoring, io.micrometer.core.instrument.MeterRegistry registry,
                             LongSupplier clock) {
        this.self = self;
        this.key = key;
        this.signers = signers;
        this.store = store;
        this.ranges = ranges;
        this.aggregator = new Aggregator(signers, WINDOW, clock);
        this.broadcast = broadcast;
        this.sendTo = sendTo;
        this.anchoring = anchoring;
        this.metrics = new CheckpointMetrics(registry);
        this.clock = clock;
    }

    public void start(long pollMillis) {
        thread.scheduleWithFixedDelay(this::guardedReannounce, REANNOUNCE_MILLIS, REANNOUNCE_MILLIS, TimeUnit.MILLISECONDS);
        anchoring.ifPresent(a -> thread.scheduleWithFixedDelay(() -> guarded(() -> AnchorProgress.apply(this, a.tick())),
                pollMillis, pollMillis, TimeUnit.MILLISECONDS));
    }

    /** From the executor thread, for every executed block in height order. */
    public void onExecuted(Block block, Hash stateRoot, boolean replay) {
        long at = clock.getAsLong();
        thread.execute(() -> guarded(() -> ranges.onExecuted(block, stateRoot).ifPresent(cp -> built(cp, replay ? 0 : at))));
    }

    /** From the consensus actor: a peer's checkpoint vote. */
    public void onVote(int from, CheckpointVote vote) {
        thread.execute(() -> guarded(() -> vote(from, vote)));
    }

    private void built(Checkpoint cp, long committedAt) {
        Optional<CheckpointRecord> stored = store.loadCheckpoint(cp.number()).map(CheckpointRecord::decode);
        CheckpointRecord record;
        if (stored.isPresent() && stored.get().local().equals(cp)) {
            record = stored.get();
            if (record.formed().isPresent()) {
                aggregator.restore(record.formed().get(), record.own(), self);
            } else {
                aggregator.local(cp, record.own(), self);
            }
        } else {
            if (stored.isPresent()) {
                LOG.error("checkpoint {} rebuilt differently from the stored one: stored {} now {}", cp.number(),
                        stored.get().local().digest(), cp.digest());
            }
            EthSignature own = key.sign(cp.digest());
            record = new CheckpointRecord(cp, own, Optional.empty());
            store.saveCheckpoint(cp.number(), record.encode());
            metrics.built.increment();
            Optional<SignedCheckpoint> formed = aggregator.local(cp, own, self);
            if (formed.isPresent()) {
                record = record.withFormed(formed.get());
                store.saveCheckpoint(cp.number(), record.encode());
            }
        }
        entries.put(cp.number(), new Entry(record, committedAt, 0, 0, 0));
        gathered.put(cp.number(), Math.max(1, aggregator.signatureCount(cp.number())));
        latestBuilt = Math.max(latestBuilt, cp.number());
        record.formed().ifPresent(f -> latestFormed = Math.max(latestFormed, f.number()));
        if (record.formed().isEmpty()) {
            broadcast.accept(voteOf(record));
        }
        entries.keySet().removeIf(n -> n < cp.number() - 4096); // the API shows recent ones; storage keeps all
        gathered.keySet().removeIf(n -> n < cp.number() - 4096);
    }

    private void vote(int from, CheckpointVote v) {
        VoteOutcome out = aggregator.vote(from, v.number(), v.digest(), new EthSignature(v.signature()));
        metrics.vote(out.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        if (out instanceof VoteOutcome.Counted c) {
            gathered.put(v.number(), c.count());
        } else if (out instanceof VoteOutcome.Formed f) {
            formed(f.checkpoint());
        } else if (out instanceof VoteOutcome.AlreadyFormed && answered.add(v.number() * 1024 + from)) {
            Entry e = entries.get(v.number());
            if (e != null) {
                sendTo.accept(from, voteOf(e.record())); // the sender is behind: help it form
            }
            if (answered.size() > 100_000) {
                answered.clear();
            }
        } else if (out instanceof VoteOutcome.Rejected r) {
            if (r.reason() == VoteOutcome.Reason.DIGEST_MISMATCH) {
                digestMismatches++;
                LOG.error("validator {} signed a different checkpoint {} (digest {}) than this node", from, v.number(),
                        v.digest());
            } else {
                LOG.debug("checkpoint vote rejected from={} number={} reason={}", from, v.number(), r.reason());
            }
        }
    }

    private void formed(SignedCheckpoint f) {
        Entry e = entries.get(f.number());
        CheckpointRecord record = e != null ? e.record().withFormed(f)
                : store.loadCheckpoint(f.number()).map(CheckpointRecord::decode).orElseThrow().withFormed(f);
        store.saveCheckpoint(f.number(), record.encode());
        entries.compute(f.number(), (n, old) -> old == null ? new Entry(record, 0, 0, 0, 0) : old.with(record));
        latestFormed = Math.max(latestFormed, f.number());
        metrics.formed.increment();
        LOG.info("checkpoint formed number={} heights={}..{} digest={}", f.number(), f.checkpoint().firstHeight(),
                f.checkpoint().lastHeight(), f.checkpoint().digest());
    }

    private void guardedReannounce() {
        guarded(() -> {
            List<Long> unformed = aggregator.unformed();
            for (Long n : unformed.subList(Math.max(0, unformed.size() - 4), unformed.size())) {
                Entry e = entries.get(n);
                if (e != null) {
                    broadcast.accept(voteOf(e.record()));
                }
            }
        });
    }

    private static CheckpointVote voteOf(CheckpointRecord r) {
        return new CheckpointVote(r.number(), r.local().digest(), r.own().bytes());
    }

    /** The formed checkpoint for {@code number}, for the submitter (any thread). */
    Optional<SignedCheckpoint> formedCheckpoint(long number) {
        Entry e = entries.get(number);
        if (e != null) {
            return e.record().formed();
        }
        return store.loadCheckpoint(number).map(CheckpointRecord::decode).flatMap(CheckpointRecord::formed);
    }

    /** This node's own digest for {@code number}, for the watcher (any thread). */
    Optional<Hash> localDigest(long number) {
        Entry e = entries.get(number);
        if (e != null) {
            return Optional.of(e.record().local().digest());
        }
        return store.loadCheckpoint(number).map(CheckpointRecord::decode).map(r -> r.local().digest());
    }

    CheckpointMetrics metrics() {
        return metrics;
    }

    Optional<Anchoring> anchoring() {
        return anchoring;
    }

    CheckpointSigners signers() {
        return signers;
    }

    LongSupplier clock() {
        return clock;
    }

    private void guarded(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.error("checkpoint step failed (the node keeps running; checkpoints may lag)", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
