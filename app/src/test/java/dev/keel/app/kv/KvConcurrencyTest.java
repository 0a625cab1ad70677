package dev.keel.app.kv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.keel.app.BlockInfo;
import dev.keel.app.QueryResult;
import dev.keel.consensus.types.Bytes;
import dev.keel.consensus.types.Hash;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** check and query run on API threads while execute runs (Application contract). */
class KvConcurrencyTest {
    @Test
    void readersSeeOnlyWrittenValuesAndNeverGoBackInTime() throws Exception {
        KvApp app = new KvApp();
        int blocks = 2_000;
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Long>> readers = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                readers.add(pool.submit(() -> {
                    long last = 0;
                    long reads = 0;
                    while (!done.get()) {
                        assertTrue(app.check(KvTx.set("x".getBytes(), new byte[8])).accepted());
                        QueryResult q = app.query("kv/counter", Map.of());
                        if (q.status() == QueryResult.Status.OK) {
                            String hex = (String) ((Map<?, ?>) q.value()).get("value_hex");
                            long seen = ByteBuffer.wrap(Bytes.fromHex(hex).toArray()).getLong();
                            assertTrue(seen >= last && seen <= blocks, "read " + seen + " after " + last);
                            last = seen;
                        }
                        reads++;
                    }
                    return reads;
                }));
            }
            for (int h = 1; h <= blocks; h++) {
                byte[] value = ByteBuffer.allocate(8).putLong(h).array();
                app.execute(new BlockInfo(h, Hash.ZERO, 0), List.of(KvTx.set("counter".getBytes(), value)));
            }
            done.set(true);
            for (Future<Long> f : readers) {
                assertTrue(f.get() > 0, "every reader ran");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(Bytes.wrap(ByteBuffer.allocate(8).putLong(blocks).array()),
                app.get(Bytes.wrap("counter".getBytes())).orElseThrow());
    }
}
