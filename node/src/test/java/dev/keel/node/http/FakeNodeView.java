package dev.keel.node.http;

import dev.keel.node.status.EvidenceLog;
import dev.keel.node.status.NodeStatus;
import dev.keel.node.status.NodeView;
import dev.keel.node.status.RoundReport;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** A NodeView whose answers a test sets; {@code broken} makes every call throw. */
final class FakeNodeView implements NodeView {
    final AtomicBoolean ready = new AtomicBoolean(true);
    final AtomicBoolean broken = new AtomicBoolean(false);
    final AtomicLong height = new AtomicLong(41);

    @Override
    public NodeStatus status() {
        check();
        return new NodeStatus("keel-test", 1, 4, height.get(), "ab12cd", 57, 56, 55, 56, 1_700_000_000_000L, 12, 2,
                List.of(new NodeStatus.PeerStatus(0, true, 1000, 2000), new NodeStatus.PeerStatus(2, false, 0, 0)), null);
    }

    @Override
    public RoundReport why() {
        check();
        return new RoundReport(57, 3, false, List.of(0, 3), List.of(), height.get(), 12_000, 2, 3,
                "leader 3 silent for 12 s; timeouts missing from 0, 3");
    }

    @Override
    public EvidenceLog.Report evidence() {
        check();
        return new EvidenceLog.Report(3, List.of(new EvidenceLog.Entry("conflicting_votes", 2, 17, List.of("aa", "bb"), 1_700_000_000_000L)));
    }

    @Override
    public boolean ready() {
        check();
        return ready.get();
    }

    private void check() {
        if (broken.get()) {
            throw new IllegalStateException("view exploded (test)");
        }
    }
}
