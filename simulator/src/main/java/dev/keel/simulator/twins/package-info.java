/**
 * Twins (Bano et al.): two honest copies sharing one key, per-round partitions and leaders; sampled scenarios and their runner.
 */
package dev.keel.simulator.twins;
