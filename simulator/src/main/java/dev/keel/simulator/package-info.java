/**
 * The deterministic simulator: options, virtual-time event queue, trace digest, and a simulation-only signature scheme.
 */
package dev.keel.simulator;
