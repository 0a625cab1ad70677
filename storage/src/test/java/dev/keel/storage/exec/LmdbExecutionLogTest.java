package dev.keel.storage.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.consensus.types.Hash;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LmdbExecutionLogTest {
    @TempDir
    Path dir;

    private static ExecutionRecord record(long h) {
        return new ExecutionRecord(h, Hash.of(new byte[] {(byte) h}), List.of(
                new ExecutionRecord.Outcome("ok", ""), new ExecutionRecord.Outcome("insufficient_funds", "balance 3 < 5 ü")));
    }

    @Test
    void recordsSurviveReopenAndClearDropsThem() {
        try (var log = LmdbExecutionLog.open(dir.resolve("exec"))) {
            log.append(List.of(record(1), record(2)));
            assertEquals(record(2), log.get(2).orElseThrow());
        }
        try (var log = LmdbExecutionLog.open(dir.resolve("exec"))) {
            assertEquals(record(1), log.get(1).orElseThrow());
            assertTrue(log.get(3).isEmpty());
            log.clear();
            assertTrue(log.get(1).isEmpty());
        }
    }

    @Test
    void longMessagesAreTruncatedNotRejected() {
        String longMsg = "x".repeat(5000);
        var r = new ExecutionRecord(7, Hash.ZERO, List.of(new ExecutionRecord.Outcome("bad", longMsg)));
        var back = LmdbExecutionLog.decode(7, LmdbExecutionLog.encode(r));
        assertEquals(1024, back.outcomes().get(0).message().length());
        assertEquals(new MemoryExecutionLog().get(7), java.util.Optional.empty());
    }
}
