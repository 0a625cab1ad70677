package dev.keel.consensus.types;

/** One validator's signature on {@link VoteData}. */
public record Vote(VoteData data, int author, Signature signature) {
    public Vote {
        if (author < 0) {
            throw new IllegalArgumentException("negative author");
        }
    }

    public long round() {
        return data.round();
    }
}
