package dev.keel.mempool;

import dev.keel.app.CheckResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.nio.ByteBuffer;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A stand-in application and tx index. A transaction's priority is its first byte; those in
 * {@link #invalid} fail the check with {@code bad_signature}; {@link #indexed} plays the node's
 * persistent tx index. Counts calls so tests can prove cheap refusals skip them.
 */
final class FakeApp implements Function<Bytes, CheckResult> {
    final Set<Bytes> invalid = ConcurrentHashMap.newKeySet();
    final Set<Hash> indexed = ConcurrentHashMap.newKeySet();
    final AtomicInteger checks = new AtomicInteger();
    final AtomicInteger indexReads = new AtomicInteger();

    @Override
    public CheckResult apply(Bytes tx) {
        checks.incrementAndGet();
        return invalid.contains(tx) ? CheckResult.reject("bad_signature", "signature does not verify")
                : CheckResult.ok(tx.get(0));
    }

    boolean committedBefore(Hash hash) {
        indexReads.incrementAndGet();
        return indexed.contains(hash);
    }

    Mempool mempool(MempoolConfig config) {
        return new Mempool(config, this, this::committedBefore);
    }

    /** A distinct transaction per {@code id}: byte 0 the priority, bytes 1..4 the id, zero-padded to {@code size}. */
    static Bytes tx(int id, int priority, int size) {
        if (size < 5 || priority < 0 || priority > 127) {
            throw new IllegalArgumentException("size >= 5, priority 0..127");
        }
        ByteBuffer b = ByteBuffer.allocate(size);
        b.put((byte) priority).putInt(id);
        return Bytes.wrap(b.array());
    }

    static Bytes tx(int id, int priority) {
        return tx(id, priority, 16);
    }

    static Hash hash(Bytes tx) {
        return Hash.of(tx.unsafeArray());
    }

    /** maxTxBytes 100, maxTxs 10, maxBytes 1000, ttl 1000 ms, shares 0.5 / 1.0, memories 100. */
    static MempoolConfig small() {
        return new MempoolConfig(100, 10, 1000, 1000, 0.5, 1.0, 100, 100);
    }
}
