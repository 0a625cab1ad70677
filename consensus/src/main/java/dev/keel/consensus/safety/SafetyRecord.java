package dev.keel.consensus.safety;

import dev.keel.consensus.types.Timeout;
import dev.keel.consensus.types.Vote;
import java.util.Optional;

/**
 * What a validator must remember across crashes to never sign conflicting messages: the
 * highest round it voted or timed out in, the highest QC round it has voted on top of (its
 * 2-chain lock), and the last vote and timeout it signed (re-sent verbatim if asked again).
 * It is persisted, and synced, before any message that depends on it leaves the node.
 */
public record SafetyRecord(long lastVotedRound, long oneChainRound, Optional<Vote> lastVote,
                           Optional<Timeout> lastTimeout) {
    public static final SafetyRecord INITIAL = new SafetyRecord(0, 0, Optional.empty(), Optional.empty());

    public SafetyRecord {
        if (lastVotedRound < 0 || oneChainRound < 0) {
            throw new IllegalArgumentException("negative round in safety record");
        }
        if (lastVote.isPresent() && lastVote.get().round() > lastVotedRound) {
            throw new IllegalArgumentException("last vote is above last voted round");
        }
        if (lastTimeout.isPresent() && lastTimeout.get().round() > lastVotedRound) {
            throw new IllegalArgumentException("last timeout is above last voted round");
        }
    }
}
