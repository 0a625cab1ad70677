package dev.keel.consensus.blocktree;

/** What happened when a block was offered to the {@link BlockTree}. */
public enum InsertResult {
    INSERTED,
    ALREADY_KNOWN,
    /** Its parent is neither pending nor the committed head: fetch the ancestors first. */
    MISSING_PARENT,
    /** At or below the committed height: can never be part of the chain any more. */
    BELOW_COMMITTED
}
