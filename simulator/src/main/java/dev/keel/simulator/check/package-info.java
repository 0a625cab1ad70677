/**
 * Invariant checkers fed after every commit or signature: agreement, chain growth, validity, no double signing across restarts, liveness after the heal.
 */
package dev.keel.simulator.check;
