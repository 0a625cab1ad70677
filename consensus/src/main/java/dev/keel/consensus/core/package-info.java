/**
 * The replica as a pure state machine: Replica.step(Event) -> Actions, the ordered-actions contract, and the Driver that applies it through the ports. No I/O, clock, threads or unseeded randomness here.
 */
package dev.keel.consensus.core;
