package dev.keel.simulator.net;

import java.util.SplittableRandom;

/**
 * How the simulated network treats one message: its delay, whether it is lost, whether it
 * arrives twice. Delays have an exponential body and an occasional long tail, which is what
 * reorders messages. All draws come from the run's seeded generator.
 */
public final class NetworkModel {
    private final boolean jitter;
    private final double loss;
    private final double duplication;

    public NetworkModel(boolean jitter, double loss, double duplication) {
        this.jitter = jitter;
        this.loss = loss;
        this.duplication = duplication;
    }

    public static final NetworkModel CALM = new NetworkModel(false, 0, 0);

    public long delayMicros(SplittableRandom rnd) {
        if (!jitter) {
            return 2_000 + rnd.nextLong(3_000);
        }
        long body = 1_000 + (long) (-Math.log(1 - rnd.nextDouble()) * 10_000);
        return rnd.nextDouble() < 0.03 ? body + 100_000 + rnd.nextLong(700_000) : body;
    }

    public boolean lost(SplittableRandom rnd) {
        return loss > 0 && rnd.nextDouble() < loss;
    }

    public boolean duplicated(SplittableRandom rnd) {
        return duplication > 0 && rnd.nextDouble() < duplication;
    }

    public boolean jitter() {
        return jitter;
    }
}
