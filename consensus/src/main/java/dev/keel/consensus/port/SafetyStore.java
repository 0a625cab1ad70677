package dev.keel.consensus.port;

import dev.keel.consensus.safety.SafetyRecord;

/** Durable home of the safety record. */
public interface SafetyStore {
    /**
     * Persists {@code record}, replacing the previous one atomically, and returns only once
     * it is durable (synced): callers send votes and timeouts right after. Throws if it
     * cannot; the caller must then not send anything that depends on it.
     */
    void saveSafety(SafetyRecord record);
}
