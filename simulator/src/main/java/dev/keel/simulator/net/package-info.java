/**
 * The simulated network: per-message delay, loss and duplication, and partition shapes (isolate the leader, halves, majorities ring, bridge, one-way, per-round flapping).
 */
package dev.keel.simulator.net;
