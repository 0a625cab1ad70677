package dev.keel.mempool;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * The pool's counters, cheap enough for every admission: {@link LongAdder}s and capped
 * per-code maps, no lock. Read together by {@link Mempool#stats}.
 */
final class Tally {
    private final LongAdder accepted = new LongAdder();
    private final LongAdder duplicates = new LongAdder();
    private final CodeCounts rejections = new CodeCounts();
    private final CodeCounts drops = new CodeCounts();

    /** Counts a verdict and returns it; the one dispatch over {@link Admission}'s cases. */
    Admission count(Admission a) {
        if (a instanceof Admission.Accepted) {
            accepted.increment();
        } else if (a instanceof Admission.Duplicate) {
            duplicates.increment();
        } else if (a instanceof Admission.Rejected r) {
            rejections.increment(r.code());
        } else if (a instanceof Admission.Busy b) {
            rejections.increment(b.code());
        } else {
            throw new AssertionError("unhandled admission " + a);
        }
        return a;
    }

    void dropped(String code) {
        drops.increment(code);
    }

    MempoolStats stats(int size, long bytes, List<MempoolStats.SourceLoad> topSources) {
        return new MempoolStats(size, bytes, accepted.sum(), duplicates.sum(), rejections.snapshot(),
                drops.snapshot(), topSources);
    }

    int rejectionCodes() {
        return rejections.size();
    }

    int dropCodes() {
        return drops.size();
    }
}
