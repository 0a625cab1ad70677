package dev.keel.mempool;

import dev.keel.app.CheckResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A validator's pool of pending client transactions: admission (dedup, size, per-source share,
 * the application's check, capacity with eviction by priority), proposal batches, removal on
 * commit, TTL expiry and re-checks after the state moves on.
 *
 * <p>Thread-safe: HTTP threads {@link #add} concurrently while the consensus actor calls
 * {@link #batch}, {@link #committed} and {@link #recheck}. One lock guards the indexes; the two
 * possibly slow callbacks, {@code check} (e.g. a signature verification) and
 * {@code committedBefore} (a storage read), run outside it, so they must be thread-safe. Time is
 * an argument ({@code nowMillis}), never read here, so tests are deterministic.
 *
 * <p>Costs: {@link #add} and {@link #committed} O(log n) per transaction (plus amortized expiry
 * and at most {@link #MAX_EVICTIONS} evictions); {@link #batch} O((k + e) log n) for k taken and
 * e excluded-and-pending; {@link #recheck} O(n) check calls, outside the lock. Memory is bounded
 * by {@link MempoolConfig}: the pool by maxTxs/maxBytes, per-source usage by the pool, committed
 * and dropped memories by their capacities, code counters by {@link CodeCounts#MAX_CODES}.
 */
public final class Mempool {
    /** A transaction waiting to be proposed. {@code priority}: the application's, higher first. */
    public record Pending(Hash hash, Bytes tx, String source, long receivedAtMillis, long priority) {
        public Pending {
            Objects.requireNonNull(hash, "hash");
            Objects.requireNonNull(tx, "tx");
            Objects.requireNonNull(source, "source");
        }
    }

    /** Why a transaction left the pool uncommitted: {@code expired}, {@code evicted} or a recheck code. */
    public record Dropped(String code, String message, long atMillis) {
        public Dropped {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Most victims one admission may evict. Eviction is worth it for a higher-priority newcomer,
     * but displacing hundreds of tiny transactions for one large one would make a single add
     * O(n); past this bound the newcomer is told {@code mempool_full} instead.
     */
    static final int MAX_EVICTIONS = 64;
    /**
     * Most transactions one batch skips because each alone exceeds the batch's byte budget (they
     * could never fit it; stopping at them would stall proposals forever). Other non-fitting
     * transactions stop the batch, so a large transaction is never overtaken by smaller later ones.
     */
    static final int MAX_OVERSIZE_SKIPS = 16;
    /** Verdicts applied per lock hold in {@link #recheck}. */
    static final int RECHECK_CHUNK = 1024;

    private static final Hash EMPTY_TX_HASH = Hash.of(new byte[0]);

    private final MempoolConfig config;
    private final Function<Bytes, CheckResult> check;
    private final Predicate<Hash> committedBefore;

    private final Object lock = new Object();
    private final PendingSet pool = new PendingSet();         // guarded by lock
    private final RecentHashes recentCommitted;               // guarded by lock
    private final DropLog dropLog;                            // guarded by lock

    private final Tally tally = new Tally();

    /**
     * @param check           the application's admission test; thread-safe, called without the lock
     * @param committedBefore whether the node's persistent tx index holds the hash; thread-safe,
     *                        called without the lock. The node must record a commit there before
     *                        calling {@link #committed}, so no window lets a committed tx back in.
     */
    public Mempool(MempoolConfig config, Function<Bytes, CheckResult> check, Predicate<Hash> committedBefore) {
        this.config = Objects.requireNonNull(config, "config");
        this.check = Objects.requireNonNull(check, "check");
        this.committedBefore = Objects.requireNonNull(committedBefore, "committedBefore");
        this.recentCommitted = new RecentHashes(config.recentCommitted());
        this.dropLog = new DropLog(config.recentDropped());
    }

    /**
     * Admits {@code tx} from {@code source} (a client address, or {@code peer:<i>}). Cheap
     * refusals come first so a flood of bad or repeated transactions costs no check calls and no
     * memory. Everything screened before the unlocked check is screened again after it: two
     * threads racing the same transaction get exactly one {@link Admission.Accepted}.
     */
    public Admission add(Bytes tx, String source, long nowMillis) {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(source, "source");
        if (tx.length() == 0) {
            return tally.count(new Admission.Rejected(EMPTY_TX_HASH, "empty_tx", "empty transaction"));
        }
        // Hashed even when too large: every verdict names its transaction, and hashing costs no
        // more than the HTTP layer reading the (already size-capped) body did.
        Hash hash = Hash.of(tx.unsafeArray());
        if (tx.length() > config.maxTxBytes()) {
            return tally.count(new Admission.Rejected(hash, "tx_too_large",
                    tx.length() + " bytes, at most " + config.maxTxBytes()));
        }
        Admission early;
        synchronized (lock) {
            expire(nowMillis); // amortized O(log n) each; an expired copy is not a duplicate, and frees quota
            early = screen(hash, tx.length(), source);
        }
        if (early instanceof Admission.Duplicate) {
            return tally.count(early);
        }
        if (committedBefore.test(hash)) {
            return tally.count(new Admission.Duplicate(hash, true));
        }
        if (early != null) {
            return tally.count(early); // source_quota, reported after the duplicate answers as specified
        }
        CheckResult verdict = check.apply(tx);
        if (!verdict.accepted()) {
            return tally.count(new Admission.Rejected(hash, verdict.code(), verdict.message()));
        }
        synchronized (lock) {
            return tally.count(admit(hash, tx, source, nowMillis, verdict.priority()));
        }
    }

    /** The checks that need no application call: pending or recent duplicate, source share. Null if passed. */
    private Admission screen(Hash hash, int length, String source) {
        if (pool.contains(hash)) {
            return new Admission.Duplicate(hash, false);
        }
        if (recentCommitted.contains(hash)) {
            return new Admission.Duplicate(hash, true);
        }
        return overQuota(hash, length, source);
    }

    /** Fairness: one source holds at most its share of the pool's count and bytes. */
    private Admission overQuota(Hash hash, int length, String source) {
        int maxTxs = config.maxTxsPerSource(source);
        long maxBytes = config.maxBytesPerSource(source);
        if (pool.sourceCount(source) + 1 > maxTxs || pool.sourceBytes(source) + length > maxBytes) {
            return new Admission.Busy(hash, "source_quota", source + " holds " + pool.sourceCount(source)
                    + " txs / " + pool.sourceBytes(source) + " bytes, share " + maxTxs + " / " + maxBytes,
                    retryAfterMillis());
        }
        return null;
    }

    /** Under the lock, after the check: re-screen (state may have moved), make room, insert. */
    private Admission admit(Hash hash, Bytes tx, String source, long nowMillis, long priority) {
        expire(nowMillis); // expired transactions are the cheapest room to make
        Admission again = screen(hash, tx.length(), source);
        if (again != null) {
            return again;
        }
        if (!makeRoom(tx.length(), priority, nowMillis)) {
            return new Admission.Busy(hash, "mempool_full", "pool holds " + pool.size() + " txs / "
                    + pool.bytes() + " bytes, none of lower priority to evict", retryAfterMillis());
        }
        pool.insert(hash, tx, source, nowMillis, priority);
        dropLog.forget(hash); // resubmitted after a drop: pending again
        return new Admission.Accepted(hash);
    }

    /**
     * Evicts the lowest-priority, most recent transactions, only if all are of strictly lower
     * priority than the newcomer and at most {@link #MAX_EVICTIONS} suffice; otherwise evicts
     * nothing. Equal priority never evicts: first come, first served.
     */
    private boolean makeRoom(int length, long priority, long nowMillis) {
        long needTxs = pool.size() + 1L - config.maxTxs();
        long needBytes = pool.bytes() + length - config.maxBytes();
        List<PendingSet.Entry> victims = new ArrayList<>();
        for (Iterator<PendingSet.Entry> it = pool.inEvictionOrder(); (needTxs > 0 || needBytes > 0) && it.hasNext(); ) {
            PendingSet.Entry e = it.next();
            if (e.priority() >= priority || victims.size() == MAX_EVICTIONS) {
                return false;
            }
            victims.add(e);
            needTxs--;
            needBytes -= e.length();
        }
        if (needTxs > 0 || needBytes > 0) {
            return false;
        }
        for (PendingSet.Entry v : victims) {
            drop(v, "evicted", "evicted by a higher-priority transaction", nowMillis);
        }
        return true;
    }

    public Optional<Pending> pending(Hash hash) {
        synchronized (lock) {
            PendingSet.Entry e = pool.get(hash);
            return e == null ? Optional.empty() : Optional.of(e.pending());
        }
    }

    /**
     * Transactions for a proposal: highest priority first, arrival order within a priority,
     * skipping {@code excluded} (already in uncommitted ancestor blocks) and dropping expired
     * ones. Stops at {@code maxCount}, or at the first transaction that does not fit in the bytes
     * left (so it heads the next batch rather than being overtaken); one that could never fit
     * ({@code > maxBytes}) is skipped instead, at most {@link #MAX_OVERSIZE_SKIPS} times.
     * Nothing is removed: a proposal may fail, and the transactions stay until {@link #committed}.
     * {@code excluded} should have O(1) {@code contains} (a hash set).
     */
    public List<Pending> batch(int maxCount, long maxBytes, Set<Hash> excluded, long nowMillis) {
        if (maxCount < 0 || maxBytes < 0) {
            throw new IllegalArgumentException("negative batch limits: " + maxCount + ", " + maxBytes);
        }
        Objects.requireNonNull(excluded, "excluded");
        synchronized (lock) {
            expire(nowMillis);
            List<Pending> out = new ArrayList<>(Math.min(maxCount, pool.size()));
            long used = 0;
            int oversize = 0;
            for (Iterator<PendingSet.Entry> it = pool.inProposalOrder(); out.size() < maxCount && it.hasNext(); ) {
                PendingSet.Entry e = it.next();
                if (excluded.contains(e.hash())) {
                    continue;
                }
                if (e.length() > maxBytes) {
                    if (++oversize > MAX_OVERSIZE_SKIPS) {
                        break;
                    }
                    continue;
                }
                if (used + e.length() > maxBytes) {
                    break;
                }
                out.add(e.pending());
                used += e.length();
            }
            return out;
        }
    }

    /**
     * Removes committed transactions and remembers their hashes (bounded, oldest forgotten first)
     * so a resubmission is a duplicate without a storage read. Hashes not pending here (proposed
     * by others) are remembered too: a client may still send them here.
     */
    public void committed(Collection<Hash> hashes, long nowMillis) {
        synchronized (lock) {
            for (Hash h : hashes) {
                PendingSet.Entry e = pool.get(h);
                if (e != null) {
                    pool.remove(e);
                }
                recentCommitted.add(h);
                dropLog.forget(h); // committed after all (another validator had it)
            }
            expire(nowMillis);
        }
    }

    /**
     * Re-runs the application's check on every pending transaction (the state moved on), dropping
     * the failures and the expired; a passing one takes its new priority. The checks run without
     * the lock; a transaction committed, dropped or re-prioritized meanwhile is left alone.
     * Returns how many were dropped.
     */
    public int recheck(long nowMillis) {
        List<PendingSet.Entry> snapshot;
        int dropped;
        synchronized (lock) {
            dropped = expire(nowMillis);
            snapshot = pool.snapshot();
        }
        // In chunks, so adds wait for the lock at most one chunk's worth of updates, not the pool's.
        for (int from = 0; from < snapshot.size(); from += RECHECK_CHUNK) {
            List<PendingSet.Entry> chunk = snapshot.subList(from, Math.min(snapshot.size(), from + RECHECK_CHUNK));
            List<CheckResult> verdicts = new ArrayList<>(chunk.size());
            for (PendingSet.Entry e : chunk) {
                verdicts.add(check.apply(e.pending().tx()));
            }
            synchronized (lock) {
                dropped += applyVerdicts(chunk, verdicts, nowMillis);
            }
        }
        return dropped;
    }

    private int applyVerdicts(List<PendingSet.Entry> entries, List<CheckResult> verdicts, long nowMillis) {
        int dropped = 0;
        for (int i = 0; i < entries.size(); i++) {
            PendingSet.Entry e = entries.get(i);
            CheckResult v = verdicts.get(i);
            if (pool.get(e.hash()) != e) {
                continue; // identity, not hash: the entry we checked is no longer the pending one
            }
            if (!v.accepted()) {
                drop(e, v.code(), v.message(), nowMillis);
                dropped++;
            } else if (v.priority() != e.priority()) {
                pool.reprioritize(e, v.priority());
            }
        }
        return dropped;
    }

    public Optional<Dropped> dropped(Hash hash) {
        synchronized (lock) {
            return Optional.ofNullable(dropLog.get(hash));
        }
    }

    public int size() {
        synchronized (lock) {
            return pool.size();
        }
    }

    public long bytes() {
        synchronized (lock) {
            return pool.bytes();
        }
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    public MempoolStats stats() {
        synchronized (lock) {
            return tally.stats(pool.size(), pool.bytes(), pool.topSources(MempoolStats.TOP_SOURCES));
        }
    }

    /** Drops every expired transaction (oldest first, so O(expired · log n)); returns how many. */
    private int expire(long nowMillis) {
        int n = 0;
        for (PendingSet.Entry e = pool.oldest(); e != null
                && nowMillis - e.pending().receivedAtMillis() >= config.ttlMillis(); e = pool.oldest()) {
            drop(e, "expired", "not committed within " + config.ttlMillis() + " ms", nowMillis);
            n++;
        }
        return n;
    }

    private void drop(PendingSet.Entry e, String code, String message, long nowMillis) {
        pool.remove(e);
        dropLog.record(e.hash(), new Dropped(code, message, nowMillis));
        tally.dropped(code);
    }

    /** 100 ms when the pool is empty, growing to 1 s when full: a hint, not a promise. Under the lock. */
    private long retryAfterMillis() {
        double fill = Math.max((double) pool.size() / config.maxTxs(), (double) pool.bytes() / config.maxBytes());
        return 100 + Math.round(900 * Math.min(1.0, fill));
    }

    /** Sizes of every internal map and set, for the boundedness tests. */
    Map<String, Integer> structureSizes() {
        synchronized (lock) {
            Map<String, Integer> m = new LinkedHashMap<>(pool.structureSizes());
            m.put("recentCommitted", recentCommitted.size());
            m.put("dropLog", dropLog.size());
            m.put("rejectionCodes", tally.rejectionCodes());
            m.put("dropCodes", tally.dropCodes());
            return m;
        }
    }

    /** All pending in proposal order, without expiring anything: O(n), for tests. */
    List<Pending> snapshot() {
        synchronized (lock) {
            return pool.snapshot().stream().map(PendingSet.Entry::pending).toList();
        }
    }

    /** Throws {@link AssertionError} if the indexes disagree: O(n), for tests. */
    void verify() {
        synchronized (lock) {
            pool.verify();
        }
    }
}
