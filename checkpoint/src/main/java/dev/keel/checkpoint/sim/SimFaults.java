package dev.keel.checkpoint.sim;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** The RPC outage in force, if any, and the simulator's counters. Thread-safe. */
final class SimFaults {
    /** Method-name prefixes never failed by an outage: the controls a test needs to end it. */
    private static final String[] CONTROL_PREFIXES = {"keel_", "evm_", "hardhat_"};
    /** Distinct method names counted; past this, unknown names share one bucket (a client cannot grow the map). */
    private static final int MAX_METHOD_NAMES = 256;

    private final Clock clock;
    private final Random random;
    private final Map<String, LongAdder> requests = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bad = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> injected = new ConcurrentHashMap<>();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong txsAccepted = new AtomicLong();
    private final AtomicLong txsRejected = new AtomicLong();
    private SimFault.RpcOutage outage;
    private Instant outageEnds = Instant.MIN;

    SimFaults(Clock clock, long seed) {
        this.clock = clock;
        this.random = new Random(seed);
    }

    static boolean isControl(String method) {
        for (String p : CONTROL_PREFIXES) {
            if (method.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    synchronized void startOutage(SimFault.RpcOutage o) {
        if (o.duration().isZero()) {
            outage = null;
            outageEnds = Instant.MIN;
            return;
        }
        outage = o;
        outageEnds = clock.instant().plus(o.duration());
    }

    synchronized boolean outageActive() {
        return outage != null && clock.instant().isBefore(outageEnds);
    }

    /** Whether this request fails, and how. Draws from the seeded random source only while an outage is on. */
    synchronized Optional<SimFault.OutageMode> failNow(String method) {
        if (isControl(method) || !outageActive()) {
            return Optional.empty();
        }
        if (outage.probability() < 1 && random.nextDouble() >= outage.probability()) {
            return Optional.empty();
        }
        failed.incrementAndGet();
        return Optional.of(outage.mode());
    }

    void countRequest(String method) {
        String key = requests.size() < MAX_METHOD_NAMES || requests.containsKey(method) ? method : "(other)";
        requests.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    void countBad(int code) {
        bad.computeIfAbsent(Integer.toString(code), k -> new LongAdder()).increment();
    }

    void countFault(String kind) {
        injected.computeIfAbsent(kind, k -> new LongAdder()).increment();
    }

    void countTx(boolean accepted) {
        (accepted ? txsAccepted : txsRejected).incrementAndGet();
    }

    long txsAccepted() {
        return txsAccepted.get();
    }

    long txsRejected() {
        return txsRejected.get();
    }

    long failedRequests() {
        return failed.get();
    }

    Map<String, Long> requests() {
        return snapshot(requests);
    }

    Map<String, Long> badRequests() {
        return snapshot(bad);
    }

    Map<String, Long> faultsInjected() {
        return snapshot(injected);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> m) {
        Map<String, Long> out = new TreeMap<>();
        m.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
