package dev.keel.simulator.check;

import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.Vote;
import dev.keel.consensus.types.VoteData;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Everything each honest validator ever signed, across its restarts, checked against the
 * safety record's promises: one vote per round, one timeout per round (same QC round), no
 * vote in a round it already timed out, and vote rounds that only go up.
 */
public final class SigningLog {
    private record Key(int validator, long round) {
    }

    private final Map<Key, VoteData> votes = new HashMap<>();
    private final Map<Key, Long> timeouts = new HashMap<>();
    private final Map<Integer, Long> highestVote = new HashMap<>();

    /** Returns a description of the conflict, if this vote contradicts an earlier signature. */
    public Optional<String> vote(Vote v) {
        Key k = new Key(v.author(), v.round());
        VoteData prev = votes.putIfAbsent(k, v.data());
        if (prev != null && !prev.equals(v.data())) {
            return Optional.of("validator " + v.author() + " voted twice in round " + v.round()
                    + ": " + prev.blockId() + " and " + v.data().blockId());
        }
        if (prev == null && timeouts.containsKey(k)) {
            return Optional.of("validator " + v.author() + " voted in round " + v.round() + " after timing it out");
        }
        long high = highestVote.getOrDefault(v.author(), 0L);
        if (prev == null && v.round() < high) {
            return Optional.of("validator " + v.author() + " voted in round " + v.round() + " after voting in round " + high);
        }
        highestVote.put(v.author(), Math.max(high, v.round()));
        return Optional.empty();
    }

    public Optional<String> timeout(Timeout t) {
        Key k = new Key(t.author(), t.round());
        Long prev = timeouts.putIfAbsent(k, t.highQc().round());
        if (prev != null && prev != t.highQc().round()) {
            return Optional.of("validator " + t.author() + " signed two timeouts for round " + t.round()
                    + " (QC rounds " + prev + " and " + t.highQc().round() + ")");
        }
        return Optional.empty();
    }
}
