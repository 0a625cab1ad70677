package dev.keel.node.checkpoint;

import java.util.List;
import java.util.Optional;

/** What the HTTP API, /status and the CLI read about checkpoints and finality. Thread-safe, non-blocking. */
public interface CheckpointView {
    /** False when the genesis defines no checkpoints (an older genesis); every other answer is then empty. */
    boolean enabled();

    Optional<CheckpointInfo> checkpoint(long number);

    /** The newest checkpoint this node built. */
    Optional<CheckpointInfo> latest();

    /** Up to {@code max} newest checkpoints, newest first. */
    List<CheckpointInfo> recent(int max);

    /** Finality of committed height {@code height} (callers ask only for committed heights). */
    Finality finality(long height);

    AnchorSummary summary();

    /** A view with checkpoints off: everything is merely committed. */
    static CheckpointView disabled() {
        return new CheckpointView() {
            @Override
            public boolean enabled() {
                return false;
            }

            @Override
            public Optional<CheckpointInfo> checkpoint(long number) {
                return Optional.empty();
            }

            @Override
            public Optional<CheckpointInfo> latest() {
                return Optional.empty();
            }

            @Override
            public List<CheckpointInfo> recent(int max) {
                return List.of();
            }

            @Override
            public Finality finality(long height) {
                return Finality.COMMITTED;
            }

            @Override
            public AnchorSummary summary() {
                return new AnchorSummary(0, 0, 0, 0, 0, false, false, Optional.empty(), 0, Optional.empty(),
                        Optional.empty(), Optional.empty(), 0, 0);
            }
        };
    }
}
