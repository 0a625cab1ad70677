package dev.keel.simulator;

import dev.keel.consensus.core.Sabotage;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * One simulation's knobs. Faults are active during {@code faultPhase}; then everything
 * heals (crashed nodes restart, partitions and loss stop) and the run continues for
 * {@code livenessBound}, within which every honest replica must commit a new block.
 *
 * @param byzantine byzantine validators; -1 means f when BYZANTINE is among the faults, else 0
 * @param crypto "sim" (fast, see {@link SimSignatures}) or "ed25519"
 */
public record SimOptions(int validators, Set<Fault> faults, Set<Sabotage> sabotage, int byzantine,
                         Duration faultPhase, Duration livenessBound, String crypto, boolean trace) {
    public SimOptions {
        faults = faults.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(faults));
        sabotage = sabotage.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sabotage));
        if (validators < 1 || validators > 64) {
            throw new IllegalArgumentException("--validators must be 1..64, got " + validators);
        }
        if (byzantine < -1 || byzantine >= validators) {
            throw new IllegalArgumentException("--byzantine must be 0.." + (validators - 1));
        }
        if (!crypto.equals("sim") && !crypto.equals("ed25519")) {
            throw new IllegalArgumentException("--crypto must be sim or ed25519");
        }
    }

    public static SimOptions defaults(int validators, Set<Fault> faults) {
        return new SimOptions(validators, faults, Set.of(), -1, Duration.ofSeconds(30), Duration.ofSeconds(60), "sim", false);
    }

    public int byzantineCount() {
        if (byzantine >= 0) {
            return byzantine;
        }
        return faults.contains(Fault.BYZANTINE) ? (validators - 1) / 3 : 0;
    }

    public SimOptions withSabotage(Set<Sabotage> s) {
        return new SimOptions(validators, faults, s, byzantine, faultPhase, livenessBound, crypto, trace);
    }

    public SimOptions withByzantine(int count) {
        return new SimOptions(validators, faults, sabotage, count, faultPhase, livenessBound, crypto, trace);
    }
}
