package dev.keel.consensus.crypto;

/**
 * The kinds of signed message. The tag is part of every signed byte string, so a signature
 * made for one kind can never be replayed as another (DESIGN.md: domain separation).
 * Tags are frozen: changing one is a breaking protocol change pinned by the test vectors.
 */
public enum Domain {
    PROPOSAL("keel/proposal/v1"),
    VOTE("keel/vote/v1"),
    TIMEOUT("keel/timeout/v1");

    private final String tag;

    Domain(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
