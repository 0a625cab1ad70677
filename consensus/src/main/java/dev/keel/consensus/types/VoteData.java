package dev.keel.consensus.types;

/**
 * What a vote certifies: a block and its parent link. Carrying the parent's round lets a
 * QC alone decide the 2-chain commit rule: a QC whose {@code round == parentRound + 1}
 * commits the parent (DiemBFT v4 / Jolteon).
 */
public record VoteData(Hash blockId, long round, long height, Hash parentId, long parentRound) {
    public VoteData {
        if (round < 0 || height < 0 || parentRound < 0) {
            throw new IllegalArgumentException("negative round or height");
        }
        if (round > 0 && (parentRound >= round || height == 0)) {
            throw new IllegalArgumentException("parent round " + parentRound + " must be below round " + round);
        }
    }

    /** True when a QC over this data proves the parent committed (direct child, consecutive round). */
    public boolean commitsParent() {
        return round > 0 && round == parentRound + 1;
    }
}
