package dev.keel.consensus.core;

import dev.keel.consensus.safety.SafetyRecord;
import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.TimeoutCert;
import dev.keel.consensus.verify.Rejection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The output of one {@link Replica#step}: what the shell must do, in the order of the
 * components below — the order is the contract, and {@link Driver} is the one place that
 * applies it:
 * <ol>
 *   <li>{@code qcs}, then {@code tcs}: persist new highest certificates. They go first so
 *       that a durable safety record for round r always has beside it the QC or TC that
 *       justified entering round r — without it a restarted replica would sit below its own
 *       last voted round, unable to vote or time out (a deadlock if all restart);</li>
 *   <li>{@code safety}: persist and sync the safety record. <b>It is durable before any
 *       message in this batch leaves the node</b> (so a crash can never let a vote or
 *       timeout out that a restarted replica does not remember);</li>
 *   <li>{@code blocks}: persist accepted blocks;</li>
 *   <li>{@code messages}: send;</li>
 *   <li>{@code commits}: commit, oldest first;</li>
 *   <li>{@code payload}: ask the mempool for a block's transactions;</li>
 *   <li>{@code timer}: (re)arm the round timer.</li>
 * </ol>
 * {@code rejections} are for metrics only: what the core dropped, and why; {@code evidence}
 * is what it proved about a byzantine signer on the way (reported, never acted on).
 */
public record Actions(List<QuorumCert> qcs, List<TimeoutCert> tcs, Optional<SafetyRecord> safety, List<Block> blocks,
                      List<Outbound> messages, List<Commit> commits, Optional<PayloadRequest> payload,
                      Optional<TimerRequest> timer, List<Rejection> rejections,
                      List<Evidence> evidence) {
    public static final Actions NONE = new Builder().build();

    public Actions {
        blocks = List.copyOf(blocks);
        qcs = List.copyOf(qcs);
        tcs = List.copyOf(tcs);
        messages = List.copyOf(messages);
        commits = List.copyOf(commits);
        rejections = List.copyOf(rejections);
        evidence = List.copyOf(evidence);
    }

    public boolean isEmpty() {
        return safety.isEmpty() && blocks.isEmpty() && qcs.isEmpty() && tcs.isEmpty() && messages.isEmpty() && commits.isEmpty()
                && payload.isEmpty() && timer.isEmpty() && rejections.isEmpty() && evidence.isEmpty();
    }

    /** Collects one step's output; later safety records, payload requests and timers replace earlier ones. */
    public static final class Builder {
        private SafetyRecord safety;
        private final List<Block> blocks = new ArrayList<>();
        private final List<QuorumCert> qcs = new ArrayList<>();
        private final List<TimeoutCert> tcs = new ArrayList<>();
        private final List<Outbound> messages = new ArrayList<>();
        private final List<Commit> commits = new ArrayList<>();
        private PayloadRequest payload;
        private TimerRequest timer;
        private final List<Rejection> rejections = new ArrayList<>();
        private final List<Evidence> evidence = new ArrayList<>();

        public Builder safety(SafetyRecord r) {
            safety = r;
            return this;
        }

        public Builder saveBlock(Block b) {
            blocks.add(b);
            return this;
        }

        public Builder saveQc(QuorumCert qc) {
            qcs.add(qc);
            return this;
        }

        public Builder saveTc(TimeoutCert tc) {
            tcs.add(tc);
            return this;
        }

        public Builder send(Recipient to, dev.keel.consensus.message.Message m) {
            messages.add(new Outbound(to, m));
            return this;
        }

        public Builder commit(Commit c) {
            commits.add(c);
            return this;
        }

        public Builder payload(PayloadRequest p) {
            payload = p;
            return this;
        }

        public Builder timer(TimerRequest t) {
            timer = t;
            return this;
        }

        public Builder reject(Rejection r) {
            rejections.add(r);
            return this;
        }

        public Builder evidence(Evidence e) {
            evidence.add(e);
            return this;
        }

        public Actions build() {
            return new Actions(qcs, tcs, Optional.ofNullable(safety), blocks, messages, commits,
                    Optional.ofNullable(payload), Optional.ofNullable(timer), rejections, evidence);
        }
    }
}
