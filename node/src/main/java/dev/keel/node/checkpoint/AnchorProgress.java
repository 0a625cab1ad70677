package dev.keel.node.checkpoint;

import dev.keel.checkpoint.anchor.Anchoring;
import dev.keel.checkpoint.anchor.L1View;

/**
 * Folds one anchoring tick into the per-checkpoint entries: when each checkpoint was first seen
 * anchored and settled (for the latency figures), and the L1 block that holds it.
 */
final class AnchorProgress {
    private AnchorProgress() {
    }

    static void apply(CheckpointService s, Anchoring.Status status) {
        CheckpointMetrics m = s.metrics();
        m.l1Reachable.set(status.reachable() ? 1 : 0);
        status.lastStep().ifPresent(step -> m.submit(step.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)));
        if (!status.reachable() || status.view().isEmpty()) {
            return;
        }
        L1View v = status.view().get();
        long now = s.clock().getAsLong();
        m.anchoredHeight.set(v.anchoredHeight());
        m.settledHeight.set(v.settledHeight());
        for (L1View.Anchored a : v.recent()) {
            s.entries.computeIfPresent(a.number(), (n, e) -> new CheckpointService.Entry(e.record(), e.committedAtMillis(),
                    e.anchoredAtMillis(), e.settledAtMillis(), a.l1Block()));
        }
        for (var it : s.entries.entrySet()) {
            long n = it.getKey();
            CheckpointService.Entry e = it.getValue();
            long anchoredAt = e.anchoredAtMillis();
            long settledAt = e.settledAtMillis();
            if (n <= v.anchoredCount() && anchoredAt == 0) {
                anchoredAt = now;
                if (e.committedAtMillis() > 0) {
                    m.commitToAnchored.record(now - e.committedAtMillis());
                }
            } else if (n > v.anchoredCount() && anchoredAt != 0) {
                anchoredAt = 0; // a reorg took it out again
            }
            if (n <= v.settledCount() && settledAt == 0) {
                settledAt = now;
                if (e.committedAtMillis() > 0) {
                    m.commitToSettled.record(now - e.committedAtMillis());
                }
            }
            if (anchoredAt != e.anchoredAtMillis() || settledAt != e.settledAtMillis()) {
                long a = anchoredAt;
                long st = settledAt;
                s.entries.computeIfPresent(n, (k, old) -> new CheckpointService.Entry(old.record(), old.committedAtMillis(),
                        a, st, old.l1Block()));
            }
        }
    }
}
