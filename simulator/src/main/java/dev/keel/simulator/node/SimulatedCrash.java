package dev.keel.simulator.node;

/** Thrown by a simulated port to stop the driver mid-batch, exactly like a power cut. */
public final class SimulatedCrash extends RuntimeException {
    public SimulatedCrash(CrashPoint point) {
        super("simulated crash at " + point, null, false, false);
    }
}
