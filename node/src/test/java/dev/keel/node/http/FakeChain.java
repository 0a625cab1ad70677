package dev.keel.node.http;

import dev.keel.app.QueryResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.mempool.Admission;
import dev.keel.node.chain.BlockView;
import dev.keel.node.chain.ChainAccess;
import dev.keel.node.chain.TxStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.pekko.NotUsed;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.Source;

/**
 * A ChainAccess whose answers a test sets: what submit returns per transaction, the transactions'
 * statuses, the stored chain (heights 1..n), the live feed (a test publishes to it), the query
 * answer. Records what the API asked so tests can check it (sources, paging).
 */
final class FakeChain implements ChainAccess {
    /** A submission as the chain saw it. */
    record Submitted(Bytes tx, String source) {
    }

    /** A {@link #blocks} call. */
    record PageRequest(long from, int max) {
    }

    final List<Submitted> submitted = new CopyOnWriteArrayList<>();
    final AtomicReference<Function<Bytes, Admission>> admission =
            new AtomicReference<>(tx -> new Admission.Accepted(TestBlocks.hash(tx)));
    final Map<Hash, TxStatus> statuses = new ConcurrentHashMap<>();
    final List<BlockView> stored = new CopyOnWriteArrayList<>();
    final List<PageRequest> pages = new CopyOnWriteArrayList<>();
    /** Blocks returned by {@link #blocks}, in total. */
    final AtomicLong served = new AtomicLong();
    final AtomicReference<BiFunction<String, Map<String, String>, QueryResult>> query =
            new AtomicReference<>((path, params) -> QueryResult.ok(Map.of("path", path, "params", params)));
    private final List<BoundedSourceQueue<BlockView>> subscribers = new CopyOnWriteArrayList<>();
    final AtomicInteger subscriptions = new AtomicInteger();

    @Override
    public String appName() {
        return "kv";
    }

    @Override
    public Admission submit(Bytes tx, String source) {
        submitted.add(new Submitted(tx, source));
        return admission.get().apply(tx);
    }

    @Override
    public TxStatus tx(Hash hash) {
        return statuses.getOrDefault(hash, new TxStatus.Unknown());
    }

    @Override
    public Optional<BlockView> block(long height) {
        return height >= 1 && height <= stored.size() ? Optional.of(stored.get((int) height - 1)) : Optional.empty();
    }

    @Override
    public Optional<BlockView> block(Hash id) {
        return stored.stream().filter(b -> b.block().id().equals(id)).findFirst();
    }

    @Override
    public Optional<BlockView> latest() {
        return stored.isEmpty() ? Optional.empty() : Optional.of(stored.get(stored.size() - 1));
    }

    @Override
    public List<BlockView> blocks(long fromHeight, int max) {
        pages.add(new PageRequest(fromHeight, max));
        List<BlockView> out = new ArrayList<>();
        for (long h = fromHeight; h < fromHeight + max && block(h).isPresent(); h++) {
            out.add(block(h).get());
        }
        served.addAndGet(out.size());
        return out;
    }

    /** Each materialization is one subscriber with a small buffer; overflowing it fails that subscriber. */
    @Override
    public Source<BlockView, NotUsed> live() {
        return Source.<BlockView>queue(64).mapMaterializedValue(q -> {
            subscribers.add(q);
            subscriptions.incrementAndGet();
            return NotUsed.getInstance();
        });
    }

    @Override
    public QueryResult query(String path, Map<String, String> params) {
        return query.get().apply(path, params);
    }

    /** Stores the block (it must be the next height) without telling live subscribers. */
    void store(BlockView block) {
        if (block.block().height() != stored.size() + 1) {
            throw new IllegalArgumentException("store block " + (stored.size() + 1) + " next, not " + block.block().height());
        }
        stored.add(block);
    }

    /** Sends {@code block} to every live subscriber (whether or not it is stored). */
    void publish(BlockView block) {
        for (BoundedSourceQueue<BlockView> q : subscribers) {
            QueueOfferResult r = q.offer(block);
            if (r == QueueOfferResult.dropped()) {
                subscribers.remove(q);
                q.fail(new IllegalStateException("live subscriber too slow (test feed)"));
            } else if (!r.isEnqueued()) {
                subscribers.remove(q); // the stream ended (client went away)
            }
        }
    }

    /** Stores and publishes: what a node does when it executes a finalized block. */
    void commit(BlockView block) {
        store(block);
        publish(block);
    }

    int liveSubscribers() {
        return subscribers.size();
    }
}
