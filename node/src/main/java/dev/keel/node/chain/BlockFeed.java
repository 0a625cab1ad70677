package dev.keel.node.chain;

import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.BoundedSourceQueue;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.QueueOfferResult;
import org.apache.pekko.stream.javadsl.BroadcastHub;
import org.apache.pekko.stream.javadsl.Keep;
import org.apache.pekko.stream.javadsl.Sink;
import org.apache.pekko.stream.javadsl.Source;

/**
 * Fan-out of executed blocks to any number of live subscribers (the SSE stream). A hub with
 * one permanent draining subscriber, so that no subscriber, or a slow one, ever holds the
 * producer back: each subscriber has its own bounded buffer and is failed when it overflows
 * (its client reconnects with {@code Last-Event-ID} and catches up from storage).
 */
public final class BlockFeed {
    private static final int HUB_BUFFER = 256;
    private static final int SUBSCRIBER_BUFFER = 4096;

    private final BoundedSourceQueue<BlockView> queue;
    private final Source<BlockView, NotUsed> hub;

    public BlockFeed(ActorSystem<?> system) {
        Pair<BoundedSourceQueue<BlockView>, Source<BlockView, NotUsed>> p = Source.<BlockView>queue(HUB_BUFFER)
                .toMat(BroadcastHub.of(BlockView.class, HUB_BUFFER), Keep.both()).run(system);
        this.queue = p.first();
        this.hub = p.second();
        hub.runWith(Sink.ignore(), system);
    }

    /** Publishes one block; false if the hub could not take it (then subscribers miss it and must resync). */
    public boolean publish(BlockView block) {
        return queue.offer(block) == QueueOfferResult.enqueued();
    }

    public Source<BlockView, NotUsed> subscribe() {
        return hub.buffer(SUBSCRIBER_BUFFER, OverflowStrategy.fail());
    }

    public void close() {
        queue.complete();
    }
}
