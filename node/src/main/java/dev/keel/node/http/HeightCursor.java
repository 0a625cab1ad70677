package dev.keel.node.http;

import dev.keel.node.chain.BlockView;
import dev.keel.node.chain.ChainAccess;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.NotUsed;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.javadsl.Source;

/**
 * One block-stream subscriber's position: the next height it must receive. Blocks arriving from
 * replay or the live feed are admitted through it, so the subscriber sees every height once, in
 * order: a height already sent is dropped, a jump ahead is filled from storage first. Not
 * thread-safe: used by one stream stage, which calls it sequentially.
 */
final class HeightCursor {
    /** Open: the first block admitted sets the position (a subscriber with no {@code from}). */
    static final long ANY = -1;
    /** {@link #stored} until the head rather than to a given height. */
    static final long HEAD = Long.MAX_VALUE;

    private final ChainAccess chain;
    private final int pageSize;
    private long next;

    HeightCursor(ChainAccess chain, int pageSize, long next) {
        if (next != ANY && next < 1) {
            throw new IllegalArgumentException("stream start must be a height >= 1, got " + next);
        }
        this.chain = chain;
        this.pageSize = pageSize;
        this.next = next;
    }

    /** What to send for {@code block}: nothing (seen), itself, or the stored gap before it and then itself. */
    Source<BlockView, NotUsed> admit(BlockView block) {
        long h = block.block().height();
        if (next != ANY && h < next) {
            return Source.empty();
        }
        long gapFrom = next == ANY ? h : next;
        next = h + 1;
        return gapFrom == h ? Source.single(block) : stored(gapFrom, h).concat(Source.single(block));
    }

    /**
     * Stored blocks {@code [from, until)}, a page at a time as the subscriber pulls (memory: one
     * page). With {@code until == HEAD} it ends at the head, or before the first block not yet
     * executed: the live feed delivers that one with its results, and the cursor would drop the
     * second copy. A bounded range that storage cannot fill fails the stream rather than leave a
     * hole; the client reconnects with {@code Last-Event-ID} and resumes.
     */
    Source<BlockView, NotUsed> stored(long from, long until) {
        return Source.unfold(from, at -> {
            if (at < 0 || at >= until) {
                return Optional.empty();
            }
            int max = (int) Math.min(pageSize, until - at);
            List<BlockView> page;
            try {
                page = page(at, max, until);
            } catch (IllegalStateException e) {
                // Failed as an element, not thrown in the stage: BlockStream reports it once, at WARN.
                return Optional.of(Pair.create(-1L, Source.<BlockView>failed(e)));
            }
            boolean full = page.size() == max;
            return page.isEmpty() ? Optional.empty() : Optional.of(Pair.create(full ? at + max : -1L, Source.from(page)));
        }).flatMapConcat(page -> page);
    }

    /** Up to {@code max} stored blocks from {@code at}; all {@code max} unless {@code until} is the head. */
    private List<BlockView> page(long at, int max, long until) {
        List<BlockView> raw = chain.blocks(at, max);
        List<BlockView> page = executedPrefix(raw.size() > max ? raw.subList(0, max) : raw, at, until == HEAD);
        if (page.size() < max && until != HEAD) {
            throw new IllegalStateException("block stream: storage has " + page.size() + " of the " + max
                    + " blocks from height " + at + "; cannot fill the gap before live block " + until);
        }
        return page;
    }

    /** The page's blocks up to the first unexecuted one (when {@code stopUnexecuted}); heights must be consecutive. */
    private static List<BlockView> executedPrefix(List<BlockView> page, long from, boolean stopUnexecuted) {
        for (int i = 0; i < page.size(); i++) {
            long h = page.get(i).block().height();
            if (h != from + i) {
                // The ChainAccess contract promises consecutive heights; a hole here would reach clients.
                throw new IllegalStateException("block stream: asked for height " + (from + i) + ", storage gave " + h);
            }
            if (stopUnexecuted && page.get(i).execution().isEmpty()) {
                return page.subList(0, i);
            }
        }
        return page;
    }
}
