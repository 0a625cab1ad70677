package dev.keel.node.bench;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TmpPerfTest {
    @Test
    void run() throws Exception {
        LoadPlan plan = new LoadPlan("kv", 2000, 0, 256, Duration.ofSeconds(8), Duration.ofSeconds(2), Duration.ofSeconds(10));
        try (FakeValidators fake = new FakeValidators(4)) {
            LoadReport r = LoadGenerator.run(plan, fake.urls(), TxSources.kv(256), System.err, false);
            System.err.println(r.text());
        }
    }
}
