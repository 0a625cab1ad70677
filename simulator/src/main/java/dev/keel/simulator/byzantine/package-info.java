/**
 * Byzantine behaviors that wrap an honest replica and lie on the wire: twins, equivocation, noisy replays and forgeries, and the fork attack the 2-chain lock exists to stop.
 */
package dev.keel.simulator.byzantine;
