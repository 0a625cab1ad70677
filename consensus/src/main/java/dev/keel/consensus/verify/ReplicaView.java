package dev.keel.consensus.verify;

/** What the gate needs to know of the replica to judge a message: where it stands. */
public record ReplicaView(long round, long highQcRound, long highCommitQcRound, long highTcRound, long committedHeight) {
}
