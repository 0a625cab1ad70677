package dev.keel.storage;

import dev.keel.consensus.types.Bytes;
import java.util.Optional;

/**
 * Durable checkpoint records, by checkpoint number. The record bytes are opaque here: the
 * checkpoint module defines their content (signatures, L1 inclusion status) and owns their
 * encoding. Same crash contract as {@link ChainStore}: a save is one atomic, synced write.
 */
public interface CheckpointStore {
    /** Stores {@code record} under {@code number}, replacing any earlier record with that number. */
    void saveCheckpoint(long number, Bytes record);

    Optional<Bytes> loadCheckpoint(long number);
}
