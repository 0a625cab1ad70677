package dev.keel.consensus.message;

import dev.keel.consensus.types.SyncInfo;
import dev.keel.consensus.types.Vote;

/** A vote, sent to the leader of the next round, who aggregates votes into a QC. */
public record VoteMsg(Vote vote, SyncInfo sync) implements Message {
    @Override
    public long round() {
        return vote.round();
    }
}
