package dev.keel.storage.exec;

import java.util.List;
import java.util.Optional;

/**
 * Execution results by height. Derived data: the committed chain and a deterministic
 * application reproduce every record, so a log may lose its newest records in a crash (the
 * node re-executes from the chain on start) — which is why the LMDB log is a separate,
 * unsynced environment and never delays a consensus write.
 */
public interface ExecutionLog extends AutoCloseable {
    /** Stores records (replacing any with the same height), in one transaction. */
    void append(List<ExecutionRecord> records);

    Optional<ExecutionRecord> get(long height);

    /** Drops everything (before a full re-execution from genesis). */
    void clear();

    @Override
    void close();
}
