package dev.keel.node.checkpoint;

import dev.keel.checkpoint.EthAddress;
import dev.keel.checkpoint.anchor.Anchoring;
import dev.keel.checkpoint.anchor.L1Settings;
import dev.keel.checkpoint.anchor.L1View;
import dev.keel.checkpoint.anchor.Submission;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@link CheckpointView} over a running {@link CheckpointService}. */
public final class ServiceView implements CheckpointView {
    private final CheckpointService service;
    private final long interval;
    private final Optional<L1Settings> l1;

    public ServiceView(CheckpointService service, long interval, Optional<L1Settings> l1) {
        this.service = service;
        this.interval = interval;
        this.l1 = l1;
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public Optional<CheckpointInfo> checkpoint(long number) {
        return Optional.ofNullable(service.entries.get(number)).map(this::info);
    }

    @Override
    public Optional<CheckpointInfo> latest() {
        return checkpoint(service.latestBuilt);
    }

    @Override
    public List<CheckpointInfo> recent(int max) {
        return service.entries.keySet().stream().sorted(Comparator.reverseOrder()).limit(max)
                .map(service.entries::get).filter(java.util.Objects::nonNull).map(this::info).toList();
    }

    @Override
    public Finality finality(long height) {
        Optional<L1View> v = view();
        if (v.isPresent() && height <= v.get().settledHeight()) {
            return Finality.SETTLED;
        }
        return v.isPresent() && height <= v.get().anchoredHeight() ? Finality.ANCHORED : Finality.COMMITTED;
    }

    @Override
    public AnchorSummary summary() {
        Optional<Anchoring.Status> st = service.anchoring().map(Anchoring::status);
        Optional<L1View> v = view();
        return new AnchorSummary(interval, service.latestBuilt, service.latestFormed,
                v.map(L1View::anchoredHeight).orElse(0L), v.map(L1View::settledHeight).orElse(0L), l1.isPresent(),
                st.map(Anchoring.Status::reachable).orElse(false), st.flatMap(Anchoring.Status::error),
                v.map(L1View::head).orElse(0L), l1.map(L1Settings::url), l1.map(s -> s.contract().hex()),
                st.flatMap(Anchoring.Status::inflight).map(Submission::txHash),
                v.map(x -> (long) x.conflicts().size()).orElse(0L), service.digestMismatches);
    }

    private Optional<L1View> view() {
        return service.anchoring().flatMap(a -> a.status().view());
    }

    private CheckpointInfo info(CheckpointService.Entry e) {
        var r = e.record();
        long n = r.number();
        Optional<L1View> v = view();
        Optional<Submission> inflight = service.anchoring().flatMap(a -> a.status().inflight());
        Stage stage = v.isPresent() && n <= v.get().settledCount() ? Stage.SETTLED
                : v.isPresent() && n <= v.get().anchoredCount() ? Stage.ANCHORED
                : inflight.isPresent() && inflight.get().number() == n ? Stage.SUBMITTED
                : r.formed().isPresent() ? Stage.FORMED : Stage.BUILT;
        boolean onL1 = stage == Stage.ANCHORED || stage == Stage.SETTLED;
        OptionalLong l1Block = onL1 && e.l1Block() > 0 ? OptionalLong.of(e.l1Block()) : OptionalLong.empty();
        long confirmations = l1Block.isPresent() && v.isPresent() ? Math.max(0, v.get().head() - e.l1Block() + 1) : 0;
        List<EthAddress> signers = r.formed().map(f -> f.signers()).orElse(List.of());
        int count = r.formed().map(f -> f.signatures().size()).orElse(service.gathered.getOrDefault(n, 1));
        return new CheckpointInfo(r.local(), r.local().digest(), stage, count, service.signers().threshold(), signers,
                l1Block, confirmations, inflight.filter(s -> s.number() == n).map(Submission::txHash),
                positive(e.committedAtMillis()), positive(e.anchoredAtMillis()), positive(e.settledAtMillis()));
    }

    private static OptionalLong positive(long v) {
        return v > 0 ? OptionalLong.of(v) : OptionalLong.empty();
    }
}
