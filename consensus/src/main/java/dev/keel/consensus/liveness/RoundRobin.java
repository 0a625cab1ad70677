package dev.keel.consensus.liveness;

/** The default leader election: validators take rounds in index order. */
public record RoundRobin(int validators) implements LeaderElection {
    public RoundRobin {
        if (validators < 1) {
            throw new IllegalArgumentException("need at least one validator");
        }
    }

    @Override
    public int leader(long round) {
        return (int) Math.floorMod(round, (long) validators);
    }
}
