package dev.keel.consensus.votes;

import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.TimeoutCert;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Aggregates verified timeouts into TCs, one per author per round. Reports when f+1 distinct
 * validators timed out a round, so this replica can join them (Bracha-style amplification:
 * at least one honest validator gave up, so waiting longer cannot help).
 */
public final class TimeoutCollector {
    /** The outcome of adding one timeout. */
    public sealed interface Result permits Counted, JoinRound, Formed, Duplicate, Late {
    }

    public record Counted(int timeouts) implements Result {
    }

    /** Exactly f+1 distinct timeouts: time out this round too. */
    public record JoinRound(long round) implements Result {
    }

    public record Formed(TimeoutCert tc) implements Result {
    }

    public record Duplicate() implements Result {
    }

    public record Late() implements Result {
    }

    private final int validators;
    private final int quorum;
    private final int joinThreshold;
    private final TreeMap<Long, TreeMap<Integer, Timeout>> rounds = new TreeMap<>();
    private final TreeMap<Long, Boolean> formed = new TreeMap<>();

    public TimeoutCollector(int validators, int quorum, int joinThreshold) {
        this.validators = validators;
        this.quorum = quorum;
        this.joinThreshold = joinThreshold;
    }

    public Result add(Timeout t) {
        TreeMap<Integer, Timeout> byAuthor = rounds.computeIfAbsent(t.round(), r -> new TreeMap<>());
        if (byAuthor.containsKey(t.author())) {
            return new Duplicate();
        }
        byAuthor.put(t.author(), t);
        if (formed.containsKey(t.round())) {
            return new Late();
        }
        if (byAuthor.size() >= quorum) {
            formed.put(t.round(), true);
            return new Formed(certificate(t.round(), byAuthor));
        }
        if (byAuthor.size() == joinThreshold) {
            return new JoinRound(t.round());
        }
        return new Counted(byAuthor.size());
    }

    public void pruneBelow(long round) {
        rounds.headMap(round).clear();
        formed.headMap(round).clear();
    }

    /** Validators whose timeout for {@code round} was counted, ascending. */
    public List<Integer> authors(long round) {
        TreeMap<Integer, Timeout> m = rounds.get(round);
        return m == null ? List.of() : List.copyOf(m.keySet());
    }

    public int roundsHeld() {
        return rounds.size();
    }

    private TimeoutCert certificate(long round, TreeMap<Integer, Timeout> byAuthor) {
        List<Long> qcRounds = new ArrayList<>();
        List<Signature> sigs = new ArrayList<>();
        QuorumCert high = null;
        for (Timeout t : byAuthor.values()) {
            qcRounds.add(t.highQc().round());
            sigs.add(t.signature());
            if (high == null || t.highQc().round() > high.round()) {
                high = t.highQc();
            }
        }
        return new TimeoutCert(round, SignerBitmap.of(validators, byAuthor.keySet()), qcRounds, sigs, high);
    }
}
