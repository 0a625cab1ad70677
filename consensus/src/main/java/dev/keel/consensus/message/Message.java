package dev.keel.consensus.message;

/** Everything validators send each other. Decoded and verified at the edge before the core sees it. */
public sealed interface Message permits Proposal, VoteMsg, TimeoutMsg, BlockRequest, BlockResponse, TxBatch, CheckpointVote {
    /** The round this message is about, for the round window; 0 for round-less messages. */
    long round();
}
