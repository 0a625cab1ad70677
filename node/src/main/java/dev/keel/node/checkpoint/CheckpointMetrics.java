package dev.keel.node.checkpoint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;

/** Checkpoint and anchoring meters ({@code keel_checkpoint_*}). */
final class CheckpointMetrics {
    private final MeterRegistry registry;
    final Counter built;
    final Counter formed;
    final AtomicLong anchoredHeight = new AtomicLong();
    final AtomicLong settledHeight = new AtomicLong();
    final AtomicLong l1Reachable = new AtomicLong();
    final DistributionSummary commitToAnchored;
    final DistributionSummary commitToSettled;

    CheckpointMetrics(MeterRegistry registry) {
        this.registry = registry;
        built = Counter.builder("keel_checkpoints_built").description("checkpoints this node built and signed")
                .register(registry);
        formed = Counter.builder("keel_checkpoints_formed").description("checkpoints that reached a quorum here")
                .register(registry);
        registry.gauge("keel_checkpoint_anchored_height", anchoredHeight);
        registry.gauge("keel_checkpoint_settled_height", settledHeight);
        registry.gauge("keel_l1_reachable", l1Reachable);
        commitToAnchored = DistributionSummary.builder("keel_checkpoint_commit_to_anchored_ms")
                .description("from the commit of a checkpoint's last block to seeing it anchored on the L1")
                .publishPercentiles(0.5, 0.9, 0.99).register(registry);
        commitToSettled = DistributionSummary.builder("keel_checkpoint_commit_to_settled_ms")
                .description("from the commit of a checkpoint's last block to seeing its L1 block final")
                .publishPercentiles(0.5, 0.9, 0.99).register(registry);
    }

    void vote(String outcome) {
        Counter.builder("keel_checkpoint_votes").tag("outcome", outcome).register(registry).increment();
    }

    void submit(String step) {
        Counter.builder("keel_checkpoint_submit_steps").tag("step", step).register(registry).increment();
    }
}
