package dev.keel.storage.exec;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** An in-memory {@link ExecutionLog} for tests and the simulator. */
public final class MemoryExecutionLog implements ExecutionLog {
    private final ConcurrentSkipListMap<Long, ExecutionRecord> records = new ConcurrentSkipListMap<>();

    @Override
    public void append(List<ExecutionRecord> batch) {
        for (ExecutionRecord r : batch) {
            records.put(r.height(), r);
        }
    }

    @Override
    public Optional<ExecutionRecord> get(long height) {
        return Optional.ofNullable(records.get(height));
    }

    @Override
    public void clear() {
        records.clear();
    }

    @Override
    public void close() {
    }
}
