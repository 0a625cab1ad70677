package dev.keel.checkpoint.anchor;

import java.util.Optional;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One validator's anchoring loop body: read the L1 ({@link AnchorWatcher}), then act on it
 * ({@link Submitter}). An L1 failure is an ordinary state, not an error: the L2 keeps
 * committing, the status says the L1 is unreachable, and the next tick tries again.
 * Single-threaded: call {@link #tick} from one thread; {@link #status} from any.
 */
public final class Anchoring {
    private static final Logger LOG = LoggerFactory.getLogger(Anchoring.class);

    private final AnchorWatcher watcher;
    private final Submitter submitter;
    private final LongSupplier clock;
    private volatile Status status;
    private long failures;

    /**
     * @param view     the last successful reading (empty before the first)
     * @param failures consecutive failed polls
     */
    public record Status(boolean reachable, Optional<String> error, Optional<L1View> view, Optional<SubmitStep> lastStep,
                         Optional<Submission> inflight, long polledAtMillis, long failures) {
    }

    public Anchoring(AnchorWatcher watcher, Submitter submitter, LongSupplier clock) {
        this.watcher = watcher;
        this.submitter = submitter;
        this.clock = clock;
        this.status = new Status(false, Optional.of("not polled yet"), Optional.empty(), Optional.empty(),
                submitter.inflight(), 0, 0);
    }

    public Status status() {
        return status;
    }

    public Status tick() {
        Optional<L1View> previous = status.view();
        L1View view;
        try {
            view = watcher.poll();
        } catch (L1Port.L1Exception e) {
            if (failures++ == 0) {
                LOG.warn("L1 unreachable, checkpoints wait (the L2 keeps committing): {}", e.getMessage());
            }
            submitter.onL1Unreachable();
            status = new Status(false, Optional.of(e.getMessage()), previous, status.lastStep(), submitter.inflight(),
                    clock.getAsLong(), failures);
            return status;
        }
        if (failures > 0) {
            LOG.info("L1 reachable again after {} failed polls", failures);
            failures = 0;
        }
        Optional<SubmitStep> step;
        Optional<String> error = Optional.empty();
        try {
            step = Optional.of(submitter.tick(view));
            log(step.get());
        } catch (L1Port.L1Exception e) {
            LOG.warn("checkpoint submission failed, retrying next poll: {}", e.getMessage());
            step = status.lastStep();
            error = Optional.of(e.getMessage());
        }
        status = new Status(true, error, Optional.of(view), step, submitter.inflight(), clock.getAsLong(), 0);
        return status;
    }

    private static void log(SubmitStep step) {
        if (step instanceof SubmitStep.Sent s) {
            LOG.info("checkpoint submitted number={} tx={} nonce={}", s.number(), s.txHash(), s.nonce());
        } else if (step instanceof SubmitStep.Replaced r) {
            LOG.info("checkpoint transaction replaced with higher fees number={} tx={}", r.number(), r.txHash());
        } else if (step instanceof SubmitStep.Rebroadcast r) {
            LOG.info("checkpoint transaction re-broadcast (the L1 dropped it) number={} tx={}", r.number(), r.txHash());
        } else if (step instanceof SubmitStep.Cleared c) {
            LOG.info("checkpoint transaction done number={} why={}", c.number(), c.why());
        } else if (step instanceof SubmitStep.Refused r) {
            LOG.error("the L1 contract refuses checkpoint {}: {}", r.number(), r.error());
        } else if (step instanceof SubmitStep.FeeCapped f) {
            LOG.warn("L1 fees above this validator's cap; checkpoint {} waits (base fee {} gwei)", f.number(),
                    f.baseFeeGwei());
        }
    }
}
