package dev.keel.simulator.check;

import dev.keel.consensus.types.Block;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.Vote;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The simulator's checkers, fed after every event that commits or signs. Only honest nodes
 * are held to the invariants; byzantine ones are the adversary. Node ids (not validator
 * indices) key per-replica state, because twins share an index.
 */
public final class Invariants {
    private final Map<Long, Hash> committedAtHeight = new HashMap<>();
    private final Map<Integer, Block> headOf = new HashMap<>();
    private final Map<Integer, Set<Hash>> txsOf = new HashMap<>();
    private final Set<Hash> submitted = new HashSet<>();
    private final SigningLog signing = new SigningLog();
    private final List<Violation> violations = new ArrayList<>();
    private final Map<Integer, Long> heightAtHeal = new HashMap<>();
    private final Map<Integer, Long> firstCommitAfterHeal = new HashMap<>();
    private long healMicros = -1;
    private long commits;
    private long committedTxs;

    public void submitted(Bytes tx) {
        submitted.add(Hash.of(tx.unsafeArray()));
    }

    public void onCommit(int node, List<Block> blocks, long now) {
        for (Block b : blocks) {
            checkGrowth(node, b, now);
            checkAgreement(node, b, now);
            checkValidity(node, b, now);
            headOf.put(node, b);
            commits++;
            committedTxs += b.payload().txs().size();
        }
        if (healMicros >= 0 && now >= healMicros) {
            firstCommitAfterHeal.putIfAbsent(node, now);
        }
    }

    private void checkGrowth(int node, Block b, long now) {
        Block head = headOf.get(node);
        long expected = head == null ? 1 : head.height() + 1;
        if (b.height() != expected || (head != null && !b.parentId().equals(head.id()))) {
            fail(Violation.Kind.CHAIN_GROWTH, now, "node " + node + " committed " + b + " on top of " + head);
        }
    }

    private void checkAgreement(int node, Block b, long now) {
        Hash prev = committedAtHeight.putIfAbsent(b.height(), b.id());
        if (prev != null && !prev.equals(b.id())) {
            fail(Violation.Kind.AGREEMENT, now, "node " + node + " committed " + b.id() + " at height " + b.height()
                    + " where " + prev + " was committed");
        }
    }

    private void checkValidity(int node, Block b, long now) {
        Set<Hash> mine = txsOf.computeIfAbsent(node, n -> new HashSet<>());
        for (Bytes tx : b.payload().txs()) {
            Hash h = Hash.of(tx.unsafeArray());
            if (!submitted.contains(h)) {
                fail(Violation.Kind.VALIDITY, now, "node " + node + " committed unsubmitted tx " + h + " in " + b);
            } else if (!mine.add(h)) {
                fail(Violation.Kind.VALIDITY, now, "node " + node + " committed tx " + h + " twice (again in " + b + ")");
            }
        }
    }

    public void onVote(Vote v, long now) {
        signing.vote(v).ifPresent(d -> fail(Violation.Kind.DOUBLE_SIGN, now, d));
    }

    public void onTimeout(Timeout t, long now) {
        signing.timeout(t).ifPresent(d -> fail(Violation.Kind.DOUBLE_SIGN, now, d));
    }

    /** The last fault healed now: from here every honest node must commit within the bound. */
    public void healed(long now, Map<Integer, Long> honestHeights) {
        healMicros = now;
        heightAtHeal.putAll(honestHeights);
    }

    /** Liveness verdict at the end of the run: each honest node committed since the heal, in time. */
    public void checkLiveness(long boundMicros, long now) {
        if (healMicros < 0) {
            return;
        }
        for (int node : heightAtHeal.keySet().stream().sorted().toList()) {
            Long first = firstCommitAfterHeal.get(node);
            if (first == null || first - healMicros > boundMicros) {
                fail(Violation.Kind.LIVENESS, now, "node " + node + " committed nothing within "
                        + boundMicros / 1_000_000 + "s of the heal (height " + heightAtHeal.get(node) + ")");
            }
        }
    }

    /** Slowest honest node's first commit after the heal, in micros; -1 if none healed or some never did. */
    public long worstRecoveryMicros() {
        if (healMicros < 0 || firstCommitAfterHeal.size() < heightAtHeal.size()) {
            return -1;
        }
        long worst = 0;
        for (int node : heightAtHeal.keySet()) {
            worst = Math.max(worst, firstCommitAfterHeal.get(node) - healMicros);
        }
        return worst;
    }

    private void fail(Violation.Kind kind, long now, String detail) {
        violations.add(new Violation(kind, now, detail));
    }

    public List<Violation> violations() {
        return violations;
    }

    public boolean safetyViolated() {
        return violations.stream().anyMatch(v -> v.kind() != Violation.Kind.LIVENESS);
    }

    public long maxCommittedHeight() {
        return committedAtHeight.keySet().stream().mapToLong(Long::longValue).max().orElse(0);
    }

    public long commits() {
        return commits;
    }

    public long committedTxs() {
        return committedTxs;
    }
}
