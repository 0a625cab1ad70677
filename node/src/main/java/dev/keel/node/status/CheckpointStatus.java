package dev.keel.node.status;

import dev.keel.node.checkpoint.AnchorSummary;
import dev.keel.node.checkpoint.CheckpointView;
import java.util.Objects;

/**
 * The {@code checkpoints} object of /status (and the {@code summary} of {@code GET /v1/checkpoints}):
 * {@link AnchorSummary} shaped for JSON. Absent values are null rather than Optional because
 * records become JSON field by field, and the API's style is an explicit null (like
 * {@code halted}), so clients see every field on every node.
 *
 * @param enabled false when the genesis defines no checkpoints; every number is then 0
 */
public record CheckpointStatus(boolean enabled, long interval, long latestBuilt, long latestFormed,
                               long anchoredHeight, long settledHeight, L1 l1, long conflicts,
                               long digestMismatches) {
    /** What a node without checkpoints (or a view not yet wired to them) reports. */
    public static final CheckpointStatus DISABLED = of(CheckpointView.disabled());

    public CheckpointStatus {
        Objects.requireNonNull(l1, "l1");
    }

    /**
     * The L1 connection.
     *
     * @param error      why the last poll failed; null when it succeeded or there is no L1
     * @param head       L1 head block at the last successful poll, 0 before one
     * @param url        the endpoint; null without an L1
     * @param contract   the contract address (0x…); null without an L1
     * @param inflightTx this node's L1 transaction in flight; null when none
     */
    public record L1(boolean configured, boolean reachable, String error, long head, String url, String contract,
                     String inflightTx) {
    }

    public static CheckpointStatus of(CheckpointView view) {
        AnchorSummary s = view.summary();
        L1 l1 = new L1(s.l1Configured(), s.l1Reachable(), s.l1Error().orElse(null), s.l1Head(),
                s.l1Url().orElse(null), s.contract().orElse(null), s.inflightTx().orElse(null));
        return new CheckpointStatus(view.enabled(), s.interval(), s.latestBuilt(), s.latestFormed(),
                s.anchoredHeight(), s.settledHeight(), l1, s.conflicts(), s.digestMismatches());
    }
}
