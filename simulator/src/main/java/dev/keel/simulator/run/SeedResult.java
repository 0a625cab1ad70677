package dev.keel.simulator.run;

import dev.keel.simulator.check.Violation;
import java.util.List;
import java.util.Map;

/**
 * What one seed's run produced.
 *
 * @param recoveryMicros slowest honest node's first commit after the heal, -1 if none
 * @param timedOutRounds rounds in which an honest validator signed a timeout (view changes)
 */
public record SeedResult(long seed, List<Violation> violations, long committedHeight, long committedTxs,
                         long timedOutRounds, long virtualMicros, long events, String traceDigest,
                         long recoveryMicros, long crashes, Map<String, Long> rejections, String byzantine) {
    public SeedResult {
        violations = List.copyOf(violations);
        rejections = Map.copyOf(rejections);
    }

    public boolean safe() {
        return violations.stream().noneMatch(v -> v.kind() != Violation.Kind.LIVENESS);
    }

    public boolean live() {
        return violations.stream().noneMatch(v -> v.kind() == Violation.Kind.LIVENESS);
    }
}
