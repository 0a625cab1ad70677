package dev.keel.checkpoint.anchor;

import dev.keel.checkpoint.l1.AnchorInfo;
import dev.keel.checkpoint.l1.LatestInfo;
import dev.keel.consensus.types.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads what the contract holds and decides what is anchored and what is settled, from the
 * L1's state alone: nothing is believed because this node sent it. After an L1 reorg the
 * contract simply holds fewer checkpoints, the anchored height drops, and the submitter sends
 * the missing ones again. Settled checkpoints are not re-read: that is what settled means
 * (a reorg deeper than the confirmation depth is reported, and the count is lowered).
 */
public final class AnchorWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(AnchorWatcher.class);
    /** Contract checkpoints read per poll beyond the settled ones; a long backlog is read over several polls. */
    static final int MAX_READS_PER_POLL = 64;

    private final L1Port l1;
    private final int confirmations;
    private final LongFunction<Optional<Hash>> localDigest;
    private long settledCount;
    private long settledHeight;

    /**
     * @param localDigest this node's own checkpoint digest by number (empty until it built it)
     */
    public AnchorWatcher(L1Port l1, int confirmations, LongFunction<Optional<Hash>> localDigest) {
        this.l1 = l1;
        this.confirmations = confirmations;
        this.localDigest = localDigest;
    }

    /** @throws L1Port.L1Exception when the L1 cannot be read; the previous view stays valid */
    public L1View poll() {
        LatestInfo latest = l1.latest();
        long head = l1.headNumber();
        long settleLine = confirmations > 0 ? head - confirmations + 1 : l1.finalizedNumber().orElse(-1);
        if (latest.number() < settledCount) {
            LOG.error("L1 holds {} checkpoints but {} were settled: a reorg deeper than the confirmation depth ({})",
                    latest.number(), settledCount, confirmations);
            settledCount = latest.number();
            settledHeight = latest.number() == 0 ? 0 : l1.anchor(latest.number()).height();
        }
        long anchoredCount = settledCount;
        long anchoredHeight = settledHeight;
        boolean contiguous = true;
        List<L1View.Anchored> recent = new ArrayList<>();
        List<Long> conflicts = new ArrayList<>();
        long last = Math.min(latest.number(), settledCount + MAX_READS_PER_POLL);
        for (long k = settledCount + 1; k <= last; k++) {
            AnchorInfo a = l1.anchor(k);
            if (!a.anchored()) {
                break; // reorged away since latest() answered: not a conflict, the next poll sees fewer
            }
            Optional<Hash> ours = localDigest.apply(k);
            if (ours.isPresent() && !ours.get().equals(a.digest())) {
                conflicts.add(k);
                LOG.error("L1 checkpoint #{} has digest {} but this node's is {}", k, a.digest(), ours.get());
            }
            contiguous &= ours.isPresent() && ours.get().equals(a.digest());
            boolean settled = a.l1Block() <= settleLine;
            recent.add(new L1View.Anchored(k, a.height(), a.l1Block(), contiguous && settled));
            if (contiguous) {
                anchoredCount = k;
                anchoredHeight = a.height();
                if (settled && settledCount == k - 1) {
                    settledCount = k;
                    settledHeight = a.height();
                }
            }
        }
        return new L1View(head, settleLine, latest.number(), anchoredCount, anchoredHeight, settledCount, settledHeight,
                recent, conflicts);
    }
}
