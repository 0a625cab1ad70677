package dev.keel.consensus.core;
import dev.keel.consensus.TestChain;
import java.util.Set;
import org.junit.jupiter.api.Test;
class TmpChaosTest {
    @Test
    void chaos() {
        StringBuilder fails = new StringBuilder();
        for (long seed = 1; seed <= 40; seed++) {
            try {
                var net = new LocalNetwork(TestChain.four(), seed % 3 == 0 ? Set.of((int) (seed % 4)) : Set.of()).chaos(seed, (int) (seed % 4) * 5);
                net.runUntil(() -> net.minLiveCommits() >= 10, 50_000);
                net.assertConsistentCommits();
            } catch (Throwable t) {
                fails.append("seed ").append(seed).append(": ").append(t).append('\n');
                if (fails.length() < 3000) { java.io.StringWriter w = new java.io.StringWriter(); t.printStackTrace(new java.io.PrintWriter(w)); fails.append(w.toString(), 0, Math.min(1500, w.toString().length())); }
            }
        }
        if (fails.length() > 0) throw new AssertionError(fails.toString());
    }
}
