package dev.keel.consensus.votes;

import dev.keel.consensus.types.QuorumCert;
import dev.keel.consensus.types.Signature;
import dev.keel.consensus.types.SignerBitmap;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.types.VoteData;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates verified votes into QCs. Counts each author once per round (the first vote
 * wins; a second, different vote is equivocation and is reported, not counted). Memory is
 * bounded by the caller pruning rounds it has left: at most validators × live rounds votes.
 */
public final class VoteCollector {
    /** The outcome of adding one vote. */
    public sealed interface Result permits Counted, Formed, Duplicate, Equivocation, Late {
    }

    public record Counted(int votes) implements Result {
    }

    public record Formed(QuorumCert qc) implements Result {
    }

    public record Duplicate() implements Result {
    }

    /** The author already voted for different data in this round: evidence of a byzantine signer. */
    public record Equivocation(Vote first, Vote second) implements Result {
    }

    /** A QC for this round already formed here. */
    public record Late() implements Result {
    }

    private final int validators;
    private final int quorum;
    private final TreeMap<Long, RoundVotes> rounds = new TreeMap<>();

    public VoteCollector(int validators, int quorum) {
        this.validators = validators;
        this.quorum = quorum;
    }

    public Result add(Vote vote) {
        RoundVotes rv = rounds.computeIfAbsent(vote.round(), r -> new RoundVotes());
        Vote previous = rv.byAuthor.get(vote.author());
        if (previous != null) {
            return previous.equals(vote) ? new Duplicate() : new Equivocation(previous, vote);
        }
        rv.byAuthor.put(vote.author(), vote);
        if (rv.formed) {
            return new Late();
        }
        TreeMap<Integer, Signature> sigs = rv.byData.computeIfAbsent(vote.data(), d -> new TreeMap<>());
        sigs.put(vote.author(), vote.signature());
        if (sigs.size() < quorum) {
            return new Counted(sigs.size());
        }
        rv.formed = true;
        return new Formed(new QuorumCert(vote.data(), SignerBitmap.of(validators, sigs.keySet()),
                new ArrayList<>(sigs.values())));
    }

    /** Forgets rounds below {@code round}. */
    public void pruneBelow(long round) {
        rounds.headMap(round).clear();
    }

    /** Validators whose vote for {@code round} was counted, ascending. */
    public java.util.List<Integer> authors(long round) {
        RoundVotes rv = rounds.get(round);
        return rv == null ? java.util.List.of() : rv.byAuthor.keySet().stream().sorted().toList();
    }

    public int roundsHeld() {
        return rounds.size();
    }

    private static final class RoundVotes {
        final Map<Integer, Vote> byAuthor = new HashMap<>();
        final Map<VoteData, TreeMap<Integer, Signature>> byData = new HashMap<>();
        boolean formed;
    }
}
