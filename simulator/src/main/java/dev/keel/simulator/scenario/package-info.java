/**
 * Chaos scenarios: one fault schedule, written once in EDN, that runs both on a real container
 * cluster (the Clojure harness in {@code chaos-tests/} calls this package through interop) and in
 * the deterministic simulator ({@code keel simulate --scenario FILE}). The file format, the
 * timeline arithmetic ({@link dev.keel.simulator.scenario.Scenario#windows()}) and the seeded
 * choice of partition sides and fault targets ({@link dev.keel.simulator.scenario.Cut#randomFor})
 * live here once, so both sides inject the same schedule.
 */
package dev.keel.simulator.scenario;
