package dev.keel.storage.exec;

import dev.keel.consensus.types.Hash;
import java.util.List;

/**
 * What executing committed block {@code height} produced on this validator: the application's
 * state root after it and one outcome per transaction, in order.
 */
public record ExecutionRecord(long height, Hash stateRoot, List<Outcome> outcomes) {
    public ExecutionRecord {
        outcomes = List.copyOf(outcomes);
        if (height < 1) {
            throw new IllegalArgumentException("height " + height + " < 1");
        }
    }

    /** {@code code} is {@code ok} or a snake_case reason; {@code message} is for humans. */
    public record Outcome(String code, String message) {
    }
}
