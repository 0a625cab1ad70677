package dev.keel.simulator.run;

import dev.keel.simulator.SimOptions;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.LongFunction;

/**
 * Runs seeds. Each seed is an independent single-threaded simulation, so seeds run in
 * parallel on a small pool without touching determinism; results come back in seed order.
 */
public final class SimulationRunner {
    private SimulationRunner() {
    }

    /** One seed of the random-fault simulation. */
    public static SeedResult runSeed(SimOptions o, long seed, PrintStream trace) {
        Topology topology = FaultPlan.topology(o, seed);
        Simulation sim = new Simulation(o, seed, topology, trace);
        FaultPlan.schedule(sim, o, seed);
        return sim.run(o.faultPhase().toNanos() / 1000);
    }

    /**
     * Runs {@code count} seeds from {@code first}. With {@code stopAtFirstUnsafe}, stops
     * starting new seeds once one is unsafe (sabotage runs); {@code progress} hears the
     * number of seeds finished.
     */
    public static SimReport runSeeds(SimOptions o, long first, int count, int threads, boolean stopAtFirstUnsafe,
                                     IntConsumer progress) {
        return runAll(o.validators(), seed -> runSeed(o, seed, null), first, count, threads, stopAtFirstUnsafe, progress);
    }

    /** Runs {@code oneSeed} for each seed on a pool; the shared loop of random-fault seeds and Twins scenarios. */
    public static SimReport runAll(int validators, LongFunction<SeedResult> oneSeed, long first, int count, int threads,
                                   boolean stopAtFirstUnsafe, IntConsumer progress) {
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "sim");
            t.setDaemon(true);
            return t;
        });
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger done = new AtomicInteger();
        List<Future<SeedResult>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seed = first + i;
            futures.add(pool.submit(() -> {
                if (stop.get()) {
                    return null;
                }
                SeedResult r = oneSeed.apply(seed);
                if (stopAtFirstUnsafe && !r.safe()) {
                    stop.set(true);
                }
                progress.accept(done.incrementAndGet());
                return r;
            }));
        }
        List<SeedResult> results = new ArrayList<>();
        try {
            for (Future<SeedResult> f : futures) {
                SeedResult r = f.get();
                if (r != null) {
                    results.add(r);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("simulation crashed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new SimReport(validators, results, (System.nanoTime() - start) / 1_000_000);
    }
}
