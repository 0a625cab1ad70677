package dev.keel.simulator.run;

import dev.keel.consensus.types.Bytes;
import dev.keel.simulator.check.Violation;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The summary of a batch of seeds. Seeds are kept in seed order so the combined digest is stable. */
public record SimReport(int validators, List<SeedResult> results, long wallMillis) {
    public SimReport {
        results = List.copyOf(results);
    }

    public int seeds() {
        return results.size();
    }

    public List<SeedResult> unsafe() {
        return results.stream().filter(r -> !r.safe()).toList();
    }

    public List<SeedResult> notLive() {
        return results.stream().filter(r -> !r.live()).toList();
    }

    public long safetyViolations() {
        return results.stream().mapToLong(r -> r.violations().stream().filter(v -> v.kind() != Violation.Kind.LIVENESS).count()).sum();
    }

    public long committedBlocks() {
        return results.stream().mapToLong(SeedResult::committedHeight).sum();
    }

    public long committedTxs() {
        return results.stream().mapToLong(SeedResult::committedTxs).sum();
    }

    public long viewChanges() {
        return results.stream().mapToLong(SeedResult::timedOutRounds).sum();
    }

    public long virtualMicros() {
        return results.stream().mapToLong(SeedResult::virtualMicros).sum();
    }

    public long events() {
        return results.stream().mapToLong(SeedResult::events).sum();
    }

    public long crashes() {
        return results.stream().mapToLong(SeedResult::crashes).sum();
    }

    /** Worst time, over all seeds, from the heal to every honest node's first new commit. */
    public long worstRecoveryMicros() {
        return results.stream().mapToLong(SeedResult::recoveryMicros).max().orElse(-1);
    }

    public Map<String, Long> rejections() {
        Map<String, Long> all = new TreeMap<>();
        results.forEach(r -> r.rejections().forEach((k, v) -> all.merge(k, v, Long::sum)));
        return all;
    }

    public String combinedDigest() {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            for (SeedResult r : results) {
                d.update((r.seed() + ":" + r.traceDigest() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return Bytes.wrap(d.digest()).toHex();
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    public double seedsPerSecond() {
        return wallMillis == 0 ? 0 : results.size() * 1000.0 / wallMillis;
    }
}
